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
    return {
      refused: `not formatted: the file has ${n} syntax error${n > 1 ? 's' : ''} — fix ${n > 1 ? 'them' : 'it'} first`,
    };
  }
  return { text: formatTokens(analysis.text, options) };
}

/** Formats text that has no syntax errors (call `formatDocument` to have that checked). */
function formatTokens(text: string, options: Partial<FormatOptions> = {}): string {
  const { tokens, comments } = lex(text);
  const builder = new LineBuilder();
  let c = 0;
  for (const token of tokens) {
    // Comments that come before this token, in order.
    for (; c < comments.length && comments[c].span.start < token.span.start; c++)
      builder.comment(`#${comments[c].text.trimEnd()}`);
    if (token.kind === 'eof') break;
    builder.token(token);
  }
  const lines = builder.finish();
  if (lines.length === 0) return '';
  const eol = lineEnding(text);
  const indent = options.indent ?? '  ';
  return lines.map((l) => render(l, indent)).join(eol) + eol;
}

/** Collects the output lines token by token: where lines break, how deep each is, where blank lines stay. */
class LineBuilder {
  private readonly lines: Line[] = [];
  private current: Line | undefined;
  private previous: Token | undefined;
  private depth = 0;
  /** Line breaks since the last token or comment (two or more make a blank line). */
  private newlines = 0;
  private blankWanted = false;
  /** After `{`, `}` or `;` the next token starts a new line; a comment may still follow on this one. */
  private breakBeforeNext = false;

  /** A comment stays at the end of the line it was on, or gets a line of its own. */
  comment(comment: string): void {
    if (this.current && this.newlines === 0) {
      this.current.comment = comment;
      this.flush();
    } else {
      this.flush();
      this.startLine().comment = comment;
      this.flush();
    }
    this.newlines = 0;
  }

  token(token: Token): void {
    switch (token.kind) {
      case 'newline':
        this.flush();
        if (++this.newlines >= 2) this.blankWanted = true;
        return;
      case 'semi':
        if (this.current) this.breakBeforeNext = true;
        this.newlines = 0;
        return;
      case 'lbrace':
        this.openBrace();
        return;
      case 'rbrace':
        this.closeBrace();
        return;
      default:
        this.word(token);
    }
  }

  /** The finished lines, without blank lines at the end. */
  finish(): Line[] {
    this.flush();
    const lines = this.lines;
    while (lines.length && lines[lines.length - 1].code === '' && !lines[lines.length - 1].comment) lines.pop();
    return lines;
  }

  private openBrace(): void {
    if (this.current && !this.breakBeforeNext) {
      this.current.code += ' {';
      this.breakBeforeNext = true;
    } else {
      attachBraceToHeader(this.lines, this.depth);
      this.flush();
    }
    this.depth++;
    this.newlines = 0;
    this.blankWanted = false;
  }

  private closeBrace(): void {
    this.flush();
    this.depth = Math.max(0, this.depth - 1);
    this.blankWanted = false;
    this.current = { depth: this.depth, code: '}' };
    this.breakBeforeNext = true;
    this.newlines = 0;
  }

  private word(token: Token): void {
    if (this.breakBeforeNext) this.flush();
    const line = this.current ?? this.startLine();
    line.code += this.previous && spaceBetween(this.previous, token) ? ` ${token.text}` : token.text;
    this.previous = token;
    this.newlines = 0;
  }

  private flush(): void {
    if (this.current) this.lines.push(this.current);
    this.current = undefined;
    this.previous = undefined;
    this.breakBeforeNext = false;
  }

  /** A new line at the current depth, after one blank line when the source had one (never just inside a `{`). */
  private startLine(): Line {
    const last = this.lines[this.lines.length - 1];
    if (this.blankWanted && last && !last.code.endsWith('{')) this.lines.push({ depth: this.depth, code: '' });
    this.blankWanted = false;
    this.current = { depth: this.depth, code: '' };
    return this.current;
  }
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
