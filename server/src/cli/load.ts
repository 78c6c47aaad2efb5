/** Reading and analysing a .nn file named on the command line, and showing places in it. */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { analyze, type Analysis, type AnalyzeOptions } from '../analysis';
import type { Diagnostic } from '../diagnostic';
import type { LineIndex } from '../syntax/lineIndex';
import { nodeRealPath } from '../train/data/realPath';

/** A place in a file as people count it: 1-based line and column (UTF-16 code units, as editors count). */
export interface FilePosition {
  file: string;
  line: number;
  column: number;
}

export interface LoadedFile {
  /** The absolute path. */
  path: string;
  /** The path as messages show it: relative to the current folder. */
  shown: string;
  /** The workspace roots the analysis used; CSV data must lie under one of them. */
  roots: string[];
  analysis: Analysis;
  /** Where an offset of the text is, for messages. */
  position: (offset: number) => FilePosition;
}

/** The workspace roots of a file: the current folder when the file is inside it, else the file's own folder. */
export function rootsFor(path: string, cwd = process.cwd()): string[] {
  return path.startsWith(cwd + sep) ? [cwd] : [dirname(path)];
}

/** A path the command wrote, as messages show it: relative inside the current folder, absolute outside it. */
export function writtenPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown && !shown.startsWith('..') ? shown : path;
}

/** The 1-based line and column of an offset. */
export function lineColumn(lines: LineIndex, offset: number): { line: number; column: number } {
  const { line, character } = lines.positionAt(offset);
  return { line: line + 1, column: character + 1 };
}

/** Reads and analyses a file; throws the file system's error when it cannot be read. */
export function analyzeFile(file: string, options: Omit<AnalyzeOptions, 'documentPath'> = {}): LoadedFile {
  const path = resolve(file);
  return analyzeText(file, path, readFileSync(path, 'utf8'), options);
}

/** Reads the file a command was given; says `nn NAME: cannot read 'FILE'` and gives undefined when it cannot. */
export function readNnFile(command: string, file: string): { path: string; text: string } | undefined {
  const path = resolve(file);
  try {
    return { path, text: readFileSync(path, 'utf8') };
  } catch {
    console.error(`nn ${command}: cannot read '${file}'`);
    return undefined;
  }
}

/** Reads and analyses the file a command was given, with the workspace roots of `rootsFor`; undefined when it cannot be read. */
export function loadFile(command: string, file: string): LoadedFile | undefined {
  const read = readNnFile(command, file);
  return read && analyzeText(file, read.path, read.text);
}

function analyzeText(
  file: string,
  path: string,
  text: string,
  options: Omit<AnalyzeOptions, 'documentPath'> = {},
): LoadedFile {
  const roots = options.workspaceRoots ? [...options.workspaceRoots] : rootsFor(path);
  const analysis = analyze(text, { ...options, documentPath: path, workspaceRoots: roots, realPath: nodeRealPath });
  const shown = relative(process.cwd(), path) || file;
  return {
    path,
    shown,
    roots,
    analysis,
    position: (offset) => ({ file: shown, ...lineColumn(analysis.lines, offset) }),
  };
}

/**
 * One diagnostic as a line of text. `nn check` writes `file:line:col severity code message`; `nn train` writes
 * the compiler style `file:line:col: severity code: message`, the same as its training findings.
 */
export function diagnosticLine(
  at: FilePosition,
  d: Pick<Diagnostic, 'severity' | 'code' | 'message'>,
  style: 'check' | 'compiler' = 'check',
): string {
  const where = `${at.file}:${at.line}:${at.column}`;
  return style === 'check'
    ? `${where} ${d.severity} ${d.code} ${d.message}`
    : `${where}: ${d.severity} ${d.code}: ${d.message}`;
}
