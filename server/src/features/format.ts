/**
 * The canonical formatter: 2-space indent, one statement per line, `name(key: value, …)` spacing, `{` at
 * the end of the header line, blank lines kept but collapsed to one (none just inside braces or at the
 * ends of the file), comments kept where they are (a trailing comment one space after the code).
 *
 * It only reformats whitespace, so it refuses a file with syntax errors rather than guess what broken
 * text was meant to be: nothing is ever lost.
 */
import type { Analysis } from '../analysis';
import { lex } from '../syntax/lexer';
import type { Token } from '../syntax/token';

export interface FormatOptions {
  /** One level of indentation (default two spaces). */
  indent: string;
}

export type FormatResult = { text: string } | { refused: string };

interface Line {
  depth: number;
  code: string;
  comment?: string;
}

/** Whether a space goes between two tokens on one line. */
function spaceBetween(previous: Token, next: Token): boolean {
  if (next.kind === 'rparen' || next.kind === 'comma' || next.kind === 'colon') return false;
  if (previous.kind === 'lparen') return false;
  if (next.kind === 'lparen') return false;
  return true;
}

/** The line ending the text already uses (its first one), `\n` when it has none. */
function lineEnding(text: string): string {
  const match = /\r\n|\r|\n/.exec(text);
  return match ? match[0] : '\n';
}

export function formatDocument(analysis: Analysis, options: Partial<FormatOptions> = {}): FormatResult {
  if (analysis.file.errors.length > 0) {
    const n = analysis.file.errors.length;
    return { refused: `not formatted: the file has ${n} syntax error${n > 1 ? 's' : ''} — fix ${n > 1 ? 'them' : 'it'} first` };
  }
  return { text: formatTokens(analysis.text, options) };
}

/** Formats text that has no syntax errors (call `formatDocument` to have that checked). */
export function formatTokens(text: string, options: Partial<FormatOptions> = {}): string {
  const indent = options.indent ?? '  ';
  const { tokens, comments } = lex(text);
  const lines: Line[] = [];
  let current: Line | undefined;
  let previous: Token | undefined;
  let depth = 0;
  let newlines = 0;
  let blankWanted = false;
  /** After `{`, `}` or `;` the next token starts a new line; a comment may still follow on this one. */
  let breakBeforeNext = false;

  const flush = () => {
    if (current) lines.push(current);
    current = undefined;
    previous = undefined;
    breakBeforeNext = false;
  };
  const startLine = () => {
    const last = lines[lines.length - 1];
    if (blankWanted && last && !last.code.endsWith('{')) lines.push({ depth, code: '' });
    blankWanted = false;
    current = { depth, code: '' };
  };
  const noteNewline = () => {
    newlines++;
    if (newlines >= 2) blankWanted = true;
  };

  let c = 0;
  for (const token of tokens) {
    // Comments that come before this token, in order.
    while (c < comments.length && comments[c].span.start < token.span.start) {
      const comment = `#${comments[c].text.trimEnd()}`;
      if (current && newlines === 0) {
        current.comment = comment;
        flush();
      } else {
        flush();
        startLine();
        current!.comment = comment;
        flush();
      }
      newlines = 0;
      c++;
    }
    if (token.kind === 'eof') break;
    if (token.kind === 'newline') {
      flush();
      noteNewline();
      continue;
    }
    if (token.kind === 'semi') {
      if (current) breakBeforeNext = true;
      newlines = 0;
      continue;
    }
    if (token.kind === 'lbrace') {
      if (current && !breakBeforeNext) {
        current.code += ' {';
        breakBeforeNext = true;
      } else {
        attachBraceToHeader(lines, depth);
        flush();
      }
      depth++;
      newlines = 0;
      blankWanted = false;
      continue;
    }
    if (token.kind === 'rbrace') {
      flush();
      depth = Math.max(0, depth - 1);
      blankWanted = false;
      current = { depth, code: '}' };
      breakBeforeNext = true;
      newlines = 0;
      continue;
    }
    if (breakBeforeNext) flush();
    if (!current) startLine();
    const line = current!;
    line.code += previous && spaceBetween(previous, token) ? ` ${token.text}` : token.text;
    previous = token;
    newlines = 0;
  }
  flush();

  while (lines.length && lines[lines.length - 1].code === '' && !lines[lines.length - 1].comment) lines.pop();
  if (lines.length === 0) return '';
  const eol = lineEnding(text);
  return lines.map((l) => render(l, indent)).join(eol) + eol;
}

function render(line: Line, indent: string): string {
  if (!line.code && !line.comment) return '';
  const code = line.code;
  const body = code && line.comment ? `${code} ${line.comment}` : code || line.comment!;
  return indent.repeat(line.depth) + body;
}

/**
 * A `{` written on a later line than its header (`model m` ⏎ `{`) joins the header line. Comment lines in
 * between move inside the block, and blank lines there go.
 */
function attachBraceToHeader(lines: Line[], depth: number): void {
  const moved: Line[] = [];
  while (lines.length && !lines[lines.length - 1].code) {
    const line = lines.pop()!;
    if (line.comment) moved.unshift({ depth: depth + 1, code: '', comment: line.comment });
  }
  const header = lines[lines.length - 1];
  if (header) {
    header.code += ' {';
  } else {
    lines.push({ depth, code: '{' });
  }
  lines.push(...moved);
}
