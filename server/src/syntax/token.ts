import type { Span } from './span';

export type TokenKind =
  | 'ident'
  | 'number'
  | 'string'
  | 'lbrace'
  | 'rbrace'
  | 'lparen'
  | 'rparen'
  | 'colon'
  | 'comma'
  | 'semi'
  | 'newline'
  | 'eof'
  /** A character or run of characters the language has no use for. */
  | 'bad';

export interface Token {
  kind: TokenKind;
  span: Span;
  /** The source text of the token. */
  text: string;
  /** Numbers: the value (NaN when malformed). Strings: the value with escapes resolved. */
  value?: number | string;
}

/** How a token is named in messages: `'relu'`, `end of line`, `end of file`. */
export function describeToken(token: Token): string {
  switch (token.kind) {
    case 'newline':
      return 'end of line';
    case 'eof':
      return 'end of file';
    case 'string':
      return 'a string';
    default:
      return `'${token.text.length > 24 ? token.text.slice(0, 24) + '…' : token.text}'`;
  }
}
