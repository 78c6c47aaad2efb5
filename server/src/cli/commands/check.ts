/** `nn check FILE|DIR… [--format text|json|sarif] [--output FILE] [--settings FILE] [--root DIR]`: reports every finding. */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { analyze } from '../../analysis';
import { readSettings } from '../../lsp/settings';
import type { Command } from '../command';
import { toSarif, type CheckedFile } from '../sarif';

type Format = 'text' | 'json' | 'sarif';

interface CheckArgs {
  paths: string[];
  format: Format;
  output?: string;
  settings?: string;
  root?: string;
}

const USAGE = 'nn check FILE|DIR... [--format text|json|sarif] [--output FILE] [--settings FILE] [--root DIR]';

function parseArgs(args: string[]): CheckArgs | string {
  const parsed: CheckArgs = { paths: [], format: 'text' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? args[++i];
    if (flag === '--format') {
      const format = value();
      if (format !== 'text' && format !== 'json' && format !== 'sarif') return `--format takes text, json or sarif, got '${format ?? ''}'`;
      parsed.format = format;
    } else if (flag === '--output' || flag === '-o' || flag === '--settings' || flag === '--root') {
      const v = value();
      if (!v) return `${flag} needs a path`;
      if (flag === '--settings') parsed.settings = v;
      else if (flag === '--root') parsed.root = v;
      else parsed.output = v;
    } else if (arg.startsWith('-')) {
      return `unknown option '${arg}'`;
    } else {
      parsed.paths.push(arg);
    }
  }
  return parsed.paths.length ? parsed : 'give at least one .nn file or folder to check';
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

/** Settings from a JSON file in the shape of VS Code's settings.json (`"nn.checks": {…}`, `"nn.saturatingDepth": 4`). */
export function settingsFromFile(text: string): ReturnType<typeof readSettings> {
  const raw = JSON.parse(stripJsonComments(text)) as Record<string, unknown>;
  const section: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!key.startsWith('nn.')) continue;
    // `nn.lrLimit.sgd` becomes { lrLimit: { sgd } }, as VS Code hands it to the server.
    const parts = key.slice(3).split('.');
    let target = section;
    for (const part of parts.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
    target[parts[parts.length - 1]] = value;
  }
  return readSettings(section);
}

/** settings.json allows comments and trailing commas; JSON.parse does not. Strings are left alone. */
function stripJsonComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const end = /"(?:[^"\\]|\\.)*"/y;
      end.lastIndex = i;
      const match = end.exec(text);
      const literal = match ? match[0] : text.slice(i);
      out += literal;
      i += literal.length - 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else {
      out += c;
    }
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'Report the problems in .nn files (text, JSON or SARIF 2.1.0); exit code 1 when there are errors.',
  usage: USAGE,
  async run(args) {
    const parsed = parseArgs(args);
    if (typeof parsed === 'string') {
      console.error(`nn check: ${parsed}\nUsage: ${USAGE}`);
      return 2;
    }
    const cwd = process.cwd();
    const root = resolve(parsed.root ?? cwd);
    let settings;
    try {
      settings = parsed.settings ? settingsFromFile(readFileSync(parsed.settings, 'utf8')) : undefined;
    } catch (error) {
      console.error(`nn check: cannot read settings from '${parsed.settings}': ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }
    const checked: CheckedFile[] = [];
    try {
      for (const file of collect(parsed.paths)) {
        const path = resolve(file);
        checked.push({ path, analysis: analyze(readFileSync(path, 'utf8'), { documentPath: path, workspaceRoots: [root], checks: settings?.checks }) });
      }
    } catch (error) {
      console.error(`nn check: ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }

    const display = (path: string): string => relative(cwd, path) || path;
    let report: string;
    if (parsed.format === 'sarif') {
      report = `${JSON.stringify(toSarif(checked, root), null, 2)}\n`;
    } else if (parsed.format === 'json') {
      report = `${JSON.stringify(checked.flatMap(({ path, analysis }) => analysis.diagnostics.map((d) => {
        const start = analysis.lines.positionAt(d.span.start);
        const end = analysis.lines.positionAt(d.span.end);
        return {
          file: display(path), line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1,
          severity: d.severity, code: d.code, source: d.source ?? 'nn', message: d.message,
          related: d.related?.map((r) => ({ line: analysis.lines.positionAt(r.span.start).line + 1, column: analysis.lines.positionAt(r.span.start).character + 1, message: r.message })) ?? [],
        };
      })), null, 2)}\n`;
    } else {
      const lines = checked.flatMap(({ path, analysis }) => analysis.diagnostics.map((d) => {
        const { line, character } = analysis.lines.positionAt(d.span.start);
        return `${display(path)}:${line + 1}:${character + 1} ${d.severity} ${d.code} ${d.message}`;
      }));
      const count = (s: string) => checked.reduce((n, f) => n + f.analysis.diagnostics.filter((d) => d.severity === s).length, 0);
      const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
      const summary = `${plural(checked.length, 'file')} checked: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info') + count('hint'), 'note')}`;
      report = [...lines, summary].join('\n') + '\n';
    }
    if (parsed.output) writeFileSync(parsed.output, report);
    else process.stdout.write(report);
    return checked.some((f) => f.analysis.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
  },
};
