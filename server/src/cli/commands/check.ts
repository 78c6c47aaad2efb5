/** `nn check FILE|DIR… [--format text|json|sarif] [--output FILE] [--settings FILE] [--root DIR]`: reports every finding. */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readSettingsFile } from '../../settings';
import type { GivenArgs } from '../args';
import { defineCommand } from '../command';
import { analyzeFile, diagnosticLine, lineColumn, type LoadedFile } from '../load';
import { toSarif } from '../sarif';
import { terminalSafe } from '../terminal';

type Format = 'text' | 'json' | 'sarif';

interface CheckArgs {
  paths: string[];
  format: Format;
  output?: string;
  settings?: string;
  root?: string;
}

const USAGE = 'nn check FILE|DIR... [--format text|json|sarif] [--output FILE] [--settings FILE] [--root DIR]';

const FLAGS = {
  format: { type: 'string', missing: "takes text, json or sarif, got ''" },
  output: { type: 'string', short: 'o', missing: 'needs a path' },
  settings: { type: 'string', missing: 'needs a path' },
  root: { type: 'string', missing: 'needs a path' },
} as const;

/** Checks the values and that at least one path was given. */
function readArgs({ values, positionals }: GivenArgs<typeof FLAGS>): CheckArgs | string {
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif')
    return `--format takes text, json or sarif, got '${format}'`;
  if (positionals.length === 0) return 'give at least one .nn file or folder to check';
  return { paths: positionals, format, output: values.output, settings: values.settings, root: values.root };
}

/** The .nn files under each path (folders are searched recursively, skipping node_modules and dot folders). */
function collect(paths: string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.nn')) files.push(full);
    }
  };
  for (const path of paths) {
    if (statSync(path).isDirectory()) walk(path);
    else files.push(path);
  }
  return files;
}

export const checkCommand = defineCommand({
  name: 'check',
  summary: 'Report the problems in .nn files (text, JSON or SARIF 2.1.0); exit code 1 when there are errors.',
  usage: USAGE,
  flags: FLAGS,
  read: readArgs,
  async run(parsed) {
    const cwd = process.cwd();
    const root = resolve(parsed.root ?? cwd);
    let settings;
    try {
      settings = parsed.settings ? readSettingsFile(readFileSync(parsed.settings, 'utf8')) : undefined;
    } catch (error) {
      console.error(
        `nn check: cannot read settings from '${parsed.settings}': ${error instanceof Error ? error.message : String(error)}`,
      );
      return 2;
    }
    let checked: LoadedFile[];
    try {
      checked = collect(parsed.paths).map((file) =>
        analyzeFile(file, { workspaceRoots: [root], checks: settings?.checks }),
      );
    } catch (error) {
      console.error(`nn check: ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }
    const report =
      parsed.format === 'sarif'
        ? `${JSON.stringify(toSarif(checked, root), null, 2)}\n`
        : parsed.format === 'json'
          ? `${JSON.stringify(checked.flatMap(jsonFindings), null, 2)}\n`
          : textReport(checked);
    if (parsed.output) writeFileSync(parsed.output, report);
    else process.stdout.write(terminalSafe(report));
    return checked.some((f) => f.analysis.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
  },
});

/** The findings of one file as JSON objects with 1-based ranges. */
function jsonFindings({ analysis, position }: LoadedFile): object[] {
  return analysis.diagnostics.map((d) => {
    const start = position(d.span.start);
    const end = lineColumn(analysis.lines, d.span.end);
    return {
      file: start.file,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      severity: d.severity,
      code: d.code,
      source: d.source ?? 'nn',
      message: d.message,
      related: d.related?.map((r) => ({ ...lineColumn(analysis.lines, r.span.start), message: r.message })) ?? [],
    };
  });
}

/** One line per finding and a count of files, errors, warnings and notes. */
function textReport(checked: LoadedFile[]): string {
  const lines = checked.flatMap(({ analysis, position }) =>
    analysis.diagnostics.map((d) => diagnosticLine(position(d.span.start), d)),
  );
  const count = (s: string) =>
    checked.reduce((n, f) => n + f.analysis.diagnostics.filter((d) => d.severity === s).length, 0);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const summary = `${plural(checked.length, 'file')} checked: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info') + count('hint'), 'note')}`;
  return [...lines, summary].join('\n') + '\n';
}
