import type { Comment, SyntaxError } from './ast';
import type { Token, TokenKind } from './token';

export interface LexResult {
  tokens: Token[];
  comments: Comment[];
  errors: SyntaxError[];
}

const CH_TAB = 9,
  CH_LF = 10,
  CH_CR = 13,
  CH_SPACE = 32,
  CH_QUOTE = 34,
  CH_HASH = 35;
const CH_LPAREN = 40,
  CH_RPAREN = 41,
  CH_PLUS = 43,
  CH_COMMA = 44,
  CH_MINUS = 45,
  CH_DOT = 46;
const CH_0 = 48,
  CH_9 = 57,
  CH_COLON = 58,
  CH_SEMI = 59,
  CH_BACKSLASH = 92;
const CH_LBRACE = 123,
  CH_RBRACE = 125,
  CH_E = 69,
  CH_e = 101;

function isDigit(c: number): boolean {
  return c >= CH_0 && c <= CH_9;
}

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}

const PUNCTUATION: Record<number, TokenKind> = {
  [CH_LBRACE]: 'lbrace',
  [CH_RBRACE]: 'rbrace',
  [CH_LPAREN]: 'lparen',
  [CH_RPAREN]: 'rparen',
  [CH_COLON]: 'colon',
  [CH_COMMA]: 'comma',
  [CH_SEMI]: 'semi',
};

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', t: '\t' };
const PUNCTUATION_TEXT: Record<number, string> = {
  [CH_LBRACE]: '{',
  [CH_RBRACE]: '}',
  [CH_LPAREN]: '(',
  [CH_RPAREN]: ')',
  [CH_COLON]: ':',
  [CH_COMMA]: ',',
  [CH_SEMI]: ';',
};

/** Splits text into tokens. Never throws: anything unexpected becomes a `bad` token and an error. */
export function lex(text: string): LexResult {
  const tokens: Token[] = [];
  const comments: Comment[] = [];
  const errors: SyntaxError[] = [];
  const length = text.length;
  let pos = 0;

  const push = (kind: TokenKind, start: number, end: number, value?: number | string) => {
    tokens.push({ kind, span: { start, end }, text: text.slice(start, end), value });
  };

  while (pos < length) {
    const c = text.charCodeAt(pos);
    const start = pos;
    if (c === CH_SPACE || c === CH_TAB) {
      pos++;
    } else if (c === CH_LF || c === CH_CR) {
      pos += c === CH_CR && text.charCodeAt(pos + 1) === CH_LF ? 2 : 1;
      tokens.push({
        kind: 'newline',
        span: { start, end: pos },
        text: c === CH_LF ? '\n' : text.slice(start, pos),
        value: undefined,
      });
    } else if (c === CH_HASH) {
      while (pos < length && text.charCodeAt(pos) !== CH_LF && text.charCodeAt(pos) !== CH_CR) pos++;
      comments.push({ span: { start, end: pos }, text: text.slice(start + 1, pos) });
    } else if (isIdentStart(c)) {
      while (pos < length && isIdentPart(text.charCodeAt(pos))) pos++;
      push('ident', start, pos);
    } else if (
      isDigit(c) ||
      (c === CH_DOT && isDigit(text.charCodeAt(pos + 1))) ||
      (c === CH_MINUS &&
        (isDigit(text.charCodeAt(pos + 1)) ||
          (text.charCodeAt(pos + 1) === CH_DOT && isDigit(text.charCodeAt(pos + 2)))))
    ) {
      pos = scanNumber(text, pos);
      // A number glued to letters (`16relu`) is one malformed token, not two valid ones.
      if (pos < length && isIdentPart(text.charCodeAt(pos))) {
        while (pos < length && isIdentPart(text.charCodeAt(pos))) pos++;
        push('number', start, pos, NaN);
        errors.push({
          code: 'syntax',
          span: { start, end: pos },
          message: `'${text.slice(start, pos)}' is not a number — separate a number from a name with a space`,
        });
      } else {
        push('number', start, pos, Number(text.slice(start, pos)));
      }
    } else if (c === CH_QUOTE) {
      pos = scanString(text, pos, tokens, errors);
    } else if (PUNCTUATION[c] !== undefined) {
      pos++;
      tokens.push({ kind: PUNCTUATION[c], span: { start, end: pos }, text: PUNCTUATION_TEXT[c], value: undefined });
    } else {
      // Group a run of unexpected characters into one error; keep surrogate pairs whole.
      while (pos < length) {
        const d = text.charCodeAt(pos);
        if (
          d === CH_SPACE ||
          d === CH_TAB ||
          d === CH_LF ||
          d === CH_CR ||
          d === CH_HASH ||
          d === CH_QUOTE ||
          isIdentPart(d) ||
          PUNCTUATION[d] !== undefined ||
          d === CH_MINUS ||
          d === CH_DOT
        )
          break;
        pos++;
      }
      if (pos === start) pos++;
      push('bad', start, pos);
      errors.push({
        code: 'syntax',
        span: { start, end: pos },
        message: `unexpected character${pos - start > 1 ? 's' : ''} '${text.slice(start, pos)}'`,
      });
    }
  }
  tokens.push({ kind: 'eof', span: { start: length, end: length }, text: '' });
  return { tokens, comments, errors };
}

/** Scans `-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?` from `pos` and returns the end. */
function scanNumber(text: string, pos: number): number {
  if (text.charCodeAt(pos) === CH_MINUS) pos++;
  while (isDigit(text.charCodeAt(pos))) pos++;
  if (text.charCodeAt(pos) === CH_DOT) {
    pos++;
    while (isDigit(text.charCodeAt(pos))) pos++;
  }
  const e = text.charCodeAt(pos);
  if (e === CH_E || e === CH_e) {
    let p = pos + 1;
    const sign = text.charCodeAt(p);
    if (sign === CH_PLUS || sign === CH_MINUS) p++;
    if (isDigit(text.charCodeAt(p))) {
      while (isDigit(text.charCodeAt(p))) p++;
      pos = p;
    }
  }
  return pos;
}

function scanString(text: string, start: number, tokens: Token[], errors: SyntaxError[]): number {
  let pos = start + 1;
  let value = '';
  let closed = false;
  while (pos < text.length) {
    const c = text.charCodeAt(pos);
    if (c === CH_QUOTE) {
      pos++;
      closed = true;
      break;
    }
    if (c === CH_LF || c === CH_CR) break;
    if (c === CH_BACKSLASH && pos + 1 < text.length) {
      const next = text[pos + 1];
      const escaped = ESCAPES[next];
      if (escaped === undefined) {
        errors.push({
          code: 'syntax',
          span: { start: pos, end: pos + 2 },
          message: `unknown escape '\\${next}' — use \\", \\\\, \\n or \\t`,
        });
        value += next;
      } else {
        value += escaped;
      }
      pos += 2;
      continue;
    }
    value += text[pos];
    pos++;
  }
  if (!closed) {
    errors.push({
      code: 'syntax',
      span: { start, end: pos },
      message: 'unterminated string — close it with " before the end of the line',
    });
  }
  tokens.push({ kind: 'string', span: { start, end: pos }, text: text.slice(start, pos), value });
  return pos;
}
