/**
 * The `data-task` check of rules.md as a pure function: does this data fit this model? The static checks
 * call it once the data is known (built-ins always, CSV once read); the trainer calls it before a run.
 */
import type { TaskKind } from '../../catalog/types';
import { findDataset, datasetTask } from '../../catalog';
import type { ParamValues } from '../../catalog/types';
import type { DatasetFacts } from '../../checks/rules/dataTask';
import type { Dataset } from './types';

/** What the checks need to know about a dataset. */
export interface DataShape {
  name: string;
  features: number;
  /** Class labels (count, names when known), numeric columns, or unknown (e.g. csv not read yet). */
  target:
    | { kind: 'classes'; count: number; names?: string[] }
    | { kind: 'numeric'; width: number; wholeNumbers?: boolean; zeroOne?: boolean; distinct?: number };
  /** The task the dataset is made for, when fixed (toy and bundled sets). */
  task?: TaskKind;
}

/** What the checks need to know about a model. */
export interface ModelShape {
  input?: number;
  outputUnits?: number;
  outputActivation?: string;
  task?: { kind: TaskKind; count?: number };
}

export interface DataTaskFinding {
  /** Which part of the model the fix changes. */
  field: 'input' | 'units' | 'task';
  message: string;
  /** The value that would fit, when there is one. */
  expected?: number | string;
}

/** The shape of a built-in dataset from the catalog, without generating it; undefined for csv or unknown names. */
export function builtinShape(name: string, params: ParamValues): DataShape | undefined {
  const def = findDataset(name);
  if (!def || def.kind === 'csv' || def.features === undefined) return undefined;
  const task = datasetTask(def, params);
  if (task === 'regression') return { name, features: def.features, target: { kind: 'numeric', width: 1 }, task };
  const outputs = def.classes ? def.classes(params) : 1;
  const count = task === 'binary' ? 2 : outputs;
  return { name, features: def.features, target: { kind: 'classes', count }, task };
}

/** The shape of loaded data (e.g. a parsed CSV). */
export function datasetShape(dataset: Dataset): DataShape {
  const t = dataset.target;
  if (t.kind === 'classes') return { name: dataset.name, features: dataset.features, target: { kind: 'classes', count: t.classes.length, names: t.classes } };
  let whole = true;
  let zeroOne = true;
  const distinct = new Set<number>();
  for (const v of t.values) {
    if (!Number.isInteger(v)) whole = false;
    if (v !== 0 && v !== 1) zeroOne = false;
    if (distinct.size <= 1000) distinct.add(v);
  }
  return { name: dataset.name, features: dataset.features, target: { kind: 'numeric', width: t.width, wholeNumbers: whole, zeroOne, distinct: distinct.size } };
}

function plural(n: number, word: string): string {
  if (n === 1) return `${n} ${word}`;
  return `${n} ${word}${word.endsWith('s') ? 'es' : 's'}`;
}

/** Every way the data and the model disagree; empty when they fit. */
export function dataTaskFindings(model: ModelShape, data: DataShape): DataTaskFinding[] {
  const findings: DataTaskFinding[] = [];
  if (model.input !== undefined && Number.isFinite(model.input) && model.input !== data.features) {
    findings.push({
      field: 'input',
      message: `'${data.name}' has ${plural(data.features, 'feature')} per row, but the model's input is ${model.input} — set input ${data.features}`,
      expected: data.features,
    });
  }
  const task = model.task?.kind;
  const units = model.outputUnits !== undefined && Number.isFinite(model.outputUnits) ? model.outputUnits : undefined;
  const t = data.target;
  // A numeric column of whole numbers can serve as class labels.
  const classCount = t.kind === 'classes' ? t.count : t.width === 1 && t.wholeNumbers && t.distinct !== undefined ? t.distinct : undefined;

  if (task === 'regression') {
    if (t.kind === 'classes') {
      findings.push({
        field: 'task',
        message: `'${data.name}' has class labels${t.names ? ' (text)' : ''}, but the task is regression — use task ${t.count === 2 ? 'binary' : `multiclass(classes: ${t.count})`}`,
        expected: t.count === 2 ? 'binary' : `multiclass(classes: ${t.count})`,
      });
    } else if (units !== undefined && units !== t.width) {
      findings.push({ field: 'units', message: `'${data.name}' has ${plural(t.width, 'target column')}, but the output layer has ${plural(units, 'unit')} — use dense ${t.width}`, expected: t.width });
    }
    return findings;
  }
  if (task === 'binary') {
    if (classCount !== undefined && classCount !== 2 && !(t.kind === 'numeric' && t.zeroOne)) {
      findings.push({
        field: 'task',
        message: `'${data.name}' has ${plural(classCount, 'class')}, but the task is binary — use task multiclass(classes: ${classCount})`,
        expected: `multiclass(classes: ${classCount})`,
      });
    } else if (t.kind === 'numeric' && !t.wholeNumbers) {
      findings.push({ field: 'task', message: `'${data.name}' has a real-valued target, but the task is binary — use task regression`, expected: 'regression' });
    }
    return findings;
  }
  if (task === 'multiclass') {
    const k = model.task?.count;
    if (t.kind === 'numeric' && !t.wholeNumbers) {
      findings.push({ field: 'task', message: `'${data.name}' has a real-valued target, but the task is multiclass — use task regression`, expected: 'regression' });
    } else if (classCount !== undefined && k !== undefined && classCount !== k) {
      findings.push({
        field: 'task',
        message: `'${data.name}' has ${plural(classCount, 'class')}, but the task says ${k} — use ${classCount === 2 && data.task === 'binary' ? 'task binary' : `multiclass(classes: ${classCount})`}`,
        expected: classCount === 2 && data.task === 'binary' ? 'binary' : `multiclass(classes: ${classCount})`,
      });
    } else if (classCount !== undefined && units !== undefined && units !== classCount) {
      findings.push({ field: 'units', message: `'${data.name}' has ${plural(classCount, 'class')}, but the output layer has ${plural(units, 'unit')} — use dense ${classCount}`, expected: classCount });
    }
    return findings;
  }
  if (task === 'multilabel') {
    const k = model.task?.count;
    if (t.kind === 'classes') {
      findings.push({ field: 'task', message: `'${data.name}' has one label per row, but the task is multilabel — use task multiclass(classes: ${t.count})`, expected: `multiclass(classes: ${t.count})` });
    } else if (!t.zeroOne) {
      findings.push({ field: 'task', message: `'${data.name}' has targets other than 0 and 1, but a multilabel task needs 0/1 columns`, expected: 'regression' });
    } else if (k !== undefined && k !== t.width) {
      findings.push({ field: 'task', message: `'${data.name}' has ${plural(t.width, 'label column')}, but the task says ${k} — use multilabel(labels: ${t.width})`, expected: `multilabel(labels: ${t.width})` });
    }
    return findings;
  }
  // No task: compare the output layer with the labels only.
  if (t.kind === 'classes' && units !== undefined && t.count > 2 && units !== t.count) {
    findings.push({ field: 'units', message: `'${data.name}' has ${plural(t.count, 'class')}, but the output layer has ${plural(units, 'unit')} — use dense ${t.count}`, expected: t.count });
  }
  return findings;
}

/**
 * The facts the static `data-task` check (checks/rules/dataTask.ts) needs about a dataset read from a CSV
 * file. Two text classes could be binary or multiclass(2), so no task is claimed for them; three or more
 * are multiclass; several 0/1 columns are multilabel; one numeric column claims nothing (regression unless
 * the task says otherwise).
 */
export function csvDatasetFacts(dataset: Dataset): DatasetFacts {
  const facts: DatasetFacts = { label: dataset.name, features: dataset.features };
  const t = dataset.target;
  if (t.kind === 'classes') {
    facts.textLabels = true;
    if (t.classes.length > 2) {
      facts.task = 'multiclass';
      facts.classes = t.classes.length;
    }
  } else if (t.width > 1) {
    facts.task = 'multilabel';
    facts.classes = t.width;
  }
  return facts;
}
