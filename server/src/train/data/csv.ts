/**
 * Reads a CSV with a header row into a Dataset: numeric features; one target column (numbers for
 * regression, text for class labels) or several 0/1 target columns (multilabel).
 */
import Papa from 'papaparse';
import { didYouMean } from '../../catalog';
import { DataError, type Dataset, type DatasetTarget } from './types';

export interface CsvOptions {
  /** Name shown in messages and summaries (usually the file name). */
  name: string;
  /** Target column names; one for a label or regression target, several for multilabel. */
  targets: string[];
}

/** Splits `target: "a, b"` into column names. */
export function splitTargets(target: string | string[]): string[] {
  const list = Array.isArray(target) ? target : [target];
  return list
    .flatMap((t) => t.split(','))
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

function parseNumber(cell: string): number {
  const text = cell.trim();
  if (text === '') return NaN;
  return Number(text);
}

/** Parses CSV text; throws DataError with the row (file line) and column of the first problem. */
export function parseCsv(text: string, options: CsvOptions): Dataset {
  if (text.trim() === '')
    throw new DataError(`${options.name} is empty — it needs a header row and at least one data row`);
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: 'greedy' });
  const rows = parsed.data;
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    throw new DataError(
      `${options.name}, row ${(quoteError.row ?? 0) + 1}: ${quoteError.message.toLowerCase()}`,
      (quoteError.row ?? 0) + 1,
    );
  }
  const header = rows[0].map((h) => h.trim());
  if (rows.length < 2) throw new DataError(`${options.name} has a header row but no data rows`, 1);
  const targets = options.targets;
  if (targets.length === 0) throw new DataError('name the target column, e.g. target: "label"');
  const targetIndex = targets.map((name) => {
    const index = header.indexOf(name);
    if (index < 0) {
      const suggestion = didYouMean(name, header);
      const hint = suggestion
        ? ` — did you mean '${suggestion}'?`
        : ` — the columns are ${header.map((h) => `'${h}'`).join(', ')}`;
      throw new DataError(`${options.name} has no column '${name}'${hint}`, 1, name);
    }
    return index;
  });
  const featureIndex = header.map((_, i) => i).filter((i) => !targetIndex.includes(i));
  if (featureIndex.length === 0) throw new DataError(`${options.name} has no feature columns besides the target`, 1);
  const n = rows.length - 1;
  const x = new Float64Array(n * featureIndex.length);
  const targetCells: string[][] = [];
  for (let r = 0; r < n; r++) {
    const row = rows[r + 1];
    const line = r + 2;
    if (row.length !== header.length) {
      throw new DataError(
        `${options.name}, row ${line}: ${row.length} values, but the header has ${header.length} columns`,
        line,
      );
    }
    featureIndex.forEach((c, j) => {
      const value = parseNumber(row[c]);
      if (!Number.isFinite(value)) {
        const shown = row[c].trim() === '' ? 'is empty' : `'${row[c].trim()}' is not a number`;
        throw new DataError(
          `${options.name}, row ${line}, column '${header[c]}': ${shown} — features must be numeric`,
          line,
          header[c],
        );
      }
      x[r * featureIndex.length + j] = value;
    });
    targetCells.push(targetIndex.map((c) => row[c].trim()));
  }
  return {
    name: options.name,
    n,
    features: featureIndex.length,
    x,
    featureNames: featureIndex.map((i) => header[i]),
    targetNames: targets,
    target: readTarget(targetCells, targets, options.name),
  };
}

function readTarget(cells: string[][], names: string[], file: string): DatasetTarget {
  const n = cells.length;
  if (names.length > 1) {
    const values = new Float64Array(n * names.length);
    for (let r = 0; r < n; r++) {
      for (let j = 0; j < names.length; j++) {
        const value = parseNumber(cells[r][j]);
        if (value !== 0 && value !== 1) {
          throw new DataError(
            `${file}, row ${r + 2}, column '${names[j]}': '${cells[r][j]}' — multilabel targets must be 0 or 1`,
            r + 2,
            names[j],
          );
        }
        values[r * names.length + j] = value;
      }
    }
    return { kind: 'numeric', width: names.length, values };
  }
  const numbers = cells.map((c) => parseNumber(c[0]));
  const emptyRow = cells.findIndex((c) => c[0] === '');
  if (emptyRow >= 0)
    throw new DataError(
      `${file}, row ${emptyRow + 2}, column '${names[0]}': the target is empty`,
      emptyRow + 2,
      names[0],
    );
  if (numbers.every((v) => Number.isFinite(v)))
    return { kind: 'numeric', width: 1, values: Float64Array.from(numbers) };
  const classes: string[] = [];
  const seen = new Map<string, number>();
  const labels = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const label = cells[r][0];
    let index = seen.get(label);
    if (index === undefined) {
      index = classes.length;
      seen.set(label, index);
      classes.push(label);
    }
    labels[r] = index;
  }
  return { kind: 'classes', classes, labels };
}

/**
 * A numeric single-column target read as classes (for a classification task): the distinct values in
 * ascending order become the classes. Throws when the values are not whole numbers.
 */
export function numericAsClasses(dataset: Dataset): Dataset {
  const target = dataset.target;
  if (target.kind !== 'numeric' || target.width !== 1) return dataset;
  const distinct = [...new Set(target.values)].sort((a, b) => a - b);
  const bad = distinct.find((v) => !Number.isInteger(v));
  if (bad !== undefined) {
    throw new DataError(
      `the target '${dataset.targetNames[0] ?? 'target'}' has the value ${bad}, which is not a class — a classification task needs whole numbers or text labels`,
    );
  }
  const index = new Map(distinct.map((v, i) => [v, i]));
  const labels = new Int32Array(dataset.n);
  for (let r = 0; r < dataset.n; r++) labels[r] = index.get(target.values[r]) ?? 0;
  return { ...dataset, target: { kind: 'classes', classes: distinct.map(String), labels } };
}
