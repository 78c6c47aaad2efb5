/**
 * What the user is typing at the cursor, read from the tokens of the current line up to the cursor and
 * from the block the cursor is in. Works on incomplete text: completion and signature help use it while
 * the line does not parse yet.
 */
import type { Analysis } from '../analysis';
import type { Declaration, ModelStmt, TrainStmt } from '../syntax/ast';
import { lex } from '../syntax/lexer';
import type { Span } from '../syntax/span';
import type { Token } from '../syntax/token';
import type { CalleeKind } from './locate';

export type Block = 'top' | 'model' | 'train';

/** A list of names that fits after a statement keyword. */
export type ValueList = CalleeKind | 'init' | 'model' | 'switch' | 'feature';

export type CursorContext =
  /** At the start of a statement (after a label, only layers fit). */
  | { kind: 'statement'; afterLabel: boolean }
  /** After a keyword that takes a name: `task `, `loss `, `dense 16 `, `data `, `train `. */
  | {
      kind: 'value';
      list: ValueList;
      /** `dense 16 ` also takes `init`. */ orInit?: boolean;
      /** Names already written in the list (`features x1, ▮`). */ taken?: string[];
    }
  /** After `dense 16 relu `: only `init` fits. */
  | { kind: 'layerInit' }
  /** Inside `name(…)`. */
  | {
      kind: 'argument';
      callee: CalleeKind;
      name: string;
      /** Parameters already given by name. */ named: string[];
      /** Index of the argument the cursor is in. */ index: number;
      /** The name before `:` of the current argument. */ param?: string;
      /** The current argument already has its value. */ valueWritten: boolean;
    }
  | { kind: 'none' };

export interface Cursor {
  context: CursorContext;
  block: Block;
  /** The declaration the cursor is in (its block or its header). */
  decl?: Declaration;
  /** The statement that starts on the cursor's line before the cursor, when the parser found one. */
  stmt?: ModelStmt | TrainStmt;
  /** The word being typed, from its start to the cursor (empty at a word boundary). */
  insert: Span;
  /** The word at the cursor, whole. */
  replace: Span;
  /** The text typed so far. */
  prefix: string;
  /** The cursor ends a number, string or stray character: nothing to complete, though a call may still be open. */
  inLiteral: boolean;
}

const VALUE_AFTER: Record<string, ValueList> = {
  task: 'task',
  loss: 'loss',
  optimizer: 'optimizer',
  regularize: 'regularizer',
  activation: 'activation',
  init: 'init',
  data: 'dataset',
  normalize: 'switch',
};

const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** The declaration whose block (between its braces) holds `offset`. An unclosed block runs to the next declaration. */
function blockAt(analysis: Analysis, offset: number): { block: Block; decl?: Declaration } {
  const decls = analysis.file.declarations;
  for (let i = 0; i < decls.length; i++) {
    const decl = decls[i];
    if (decl.span.start > offset) break;
    if (!decl.open || offset < decl.open.end) {
      if (offset <= decl.span.end) return { block: 'top', decl };
      continue;
    }
    const end = decl.close ? decl.close.start : (decls[i + 1]?.span.start ?? Infinity);
    if (offset <= end) return { block: decl.kind, decl };
  }
  return { block: 'top' };
}

/** The tokens of the current statement before the cursor: after the last `;`, `{` or `}` of the line. */
function statementTokens(tokens: Token[]): Token[] {
  let start = 0;
  tokens.forEach((t, i) => {
    if (t.kind === 'semi' || t.kind === 'lbrace' || t.kind === 'rbrace') start = i + 1;
  });
  return tokens.slice(start);
}

export function cursorAt(analysis: Analysis, offset: number): Cursor {
  const { text, lines } = analysis;
  const lineStart = lines.lineStart(lines.positionAt(offset).line);
  let wordEnd = offset;
  while (wordEnd < text.length && isWordChar(text.charCodeAt(wordEnd))) wordEnd++;
  const lexed = lex(text.slice(lineStart, offset));
  let tokens = lexed.tokens.filter((t) => t.kind !== 'eof' && t.kind !== 'newline');
  const { block, decl } = blockAt(analysis, offset);
  const stmt = statementOnLine(decl, lineStart, offset);
  const base = {
    block,
    decl,
    stmt,
    insert: { start: offset, end: offset },
    replace: { start: offset, end: wordEnd },
    prefix: '',
    inLiteral: false,
  };

  if (lexed.comments.length > 0) return { ...base, context: { kind: 'none' } };
  const last = tokens[tokens.length - 1];
  if (last && last.span.end + lineStart === offset) {
    if (last.kind === 'string' || last.kind === 'number' || last.kind === 'bad') base.inLiteral = true;
    if (last.kind === 'ident') {
      base.insert = { start: last.span.start + lineStart, end: offset };
      base.replace = { start: last.span.start + lineStart, end: wordEnd };
      base.prefix = last.text;
      tokens = tokens.slice(0, -1);
    }
  }
  tokens = statementTokens(tokens);
  return { ...base, context: contextOf(tokens, block) };
}

function statementOnLine(
  decl: Declaration | undefined,
  lineStart: number,
  offset: number,
): ModelStmt | TrainStmt | undefined {
  if (!decl) return undefined;
  for (const stmt of decl.body as (ModelStmt | TrainStmt)[]) {
    if (stmt.span.start >= lineStart && stmt.span.start <= offset) return stmt;
  }
  return undefined;
}

function contextOf(tokens: Token[], block: Block): CursorContext {
  const argument = argumentContext(tokens);
  if (argument) return argument;
  const words = tokens.map((t) =>
    t.kind === 'ident'
      ? t.text
      : t.kind === 'number'
        ? '#'
        : t.kind === 'colon'
          ? ':'
          : t.kind === 'rparen'
            ? ')'
            : '?',
  );
  if (block === 'top') {
    if (words.length === 0) return { kind: 'statement', afterLabel: false };
    if (words.length === 1 && words[0] === 'train') return { kind: 'value', list: 'model' };
    return { kind: 'none' };
  }
  let rest = words;
  let afterLabel = false;
  if (rest.length >= 2 && rest[1] === ':' && block === 'model') {
    rest = rest.slice(2);
    afterLabel = true;
  }
  if (rest.length === 0) return { kind: 'statement', afterLabel };
  const [head] = rest;
  if (block === 'model' && head === 'dense') return denseContext(tokens.slice(tokens.length - rest.length));
  if (afterLabel) return { kind: 'none' };
  if (block === 'train' && head === 'features') return featuresContext(tokens.slice(tokens.length - rest.length + 1));
  const list = VALUE_AFTER[head];
  if (rest.length === 1 && list && (block === 'train') === (list === 'dataset' || list === 'switch'))
    return { kind: 'value', list };
  return { kind: 'none' };
}

/** `features ▮` and `features x1, ▮` → the feature names not written yet; `features x1 ▮` → nothing. */
function featuresContext(after: Token[]): CursorContext {
  const last = after[after.length - 1];
  if (last && last.kind !== 'comma') return { kind: 'none' };
  const taken = after.filter((t) => t.kind === 'ident').map((t) => t.text);
  return { kind: 'value', list: 'feature', taken };
}

/** `dense 16 ▮` → activations or init; `dense 16 relu ▮` → init; `dense 16 relu init ▮` → inits. */
function denseContext(tokens: Token[]): CursorContext {
  const [, units, ...rest] = tokens;
  if (!units || units.kind !== 'number') return { kind: 'none' };
  if (rest.length === 0) return { kind: 'value', list: 'activation', orInit: true };
  const lastWord = rest[rest.length - 1];
  if (lastWord.kind === 'ident' && lastWord.text === 'init') return { kind: 'value', list: 'init' };
  if (rest.some((t) => t.kind === 'ident' && t.text === 'init')) return { kind: 'none' };
  const [activation, ...after] = rest;
  const callClosed = after.length === 0 || (after[0].kind === 'lparen' && after[after.length - 1].kind === 'rparen');
  if (activation.kind === 'ident' && callClosed) return { kind: 'layerInit' };
  return { kind: 'none' };
}

/** Inside an unclosed `(` of the statement: the callee, the argument index and the names already used. */
function argumentContext(tokens: Token[]): CursorContext | undefined {
  let depth = 0;
  let open = -1;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const kind = tokens[i].kind;
    if (kind === 'rparen') depth++;
    else if (kind === 'lparen') {
      if (depth === 0) {
        open = i;
        break;
      }
      depth--;
    }
  }
  if (open < 0) return undefined;
  if (open === 0 || tokens[open - 1].kind !== 'ident') return { kind: 'none' };
  const callee = calleeKindOf(tokens.slice(0, open - 1));
  if (!callee) return { kind: 'none' };
  const inside = tokens.slice(open + 1);
  const named: string[] = [];
  let index = 0;
  let current: Token[] = [];
  for (const t of inside) {
    if (t.kind === 'comma') {
      index++;
      current = [];
      continue;
    }
    current.push(t);
    if (t.kind === 'colon') {
      const name = current[current.length - 2];
      if (name?.kind === 'ident') named.push(name.text);
    }
  }
  const param =
    current.length >= 2 && current[1].kind === 'colon' && current[0].kind === 'ident' ? current[0].text : undefined;
  if (param) named.pop();
  // A finished value (`alpha: 0.1 ▮`) leaves nothing to suggest until the next comma.
  const valueWritten = param ? current.length > 2 : current.length > 0;
  return { kind: 'argument', callee, name: tokens[open - 1].text, named, index, param, valueWritten };
}

/** What a call names, from the tokens before its name: `dense 16 ▮`, `activation ▮`, `task ▮`, `data ▮`, … */
function calleeKindOf(before: Token[]): CalleeKind | undefined {
  const words = before.map((t) =>
    t.kind === 'ident' ? t.text : t.kind === 'number' ? '#' : t.kind === 'colon' ? ':' : '?',
  );
  const rest = words.length >= 2 && words[1] === ':' ? words.slice(2) : words;
  if (rest.length === 2 && rest[0] === 'dense' && rest[1] === '#') return 'activation';
  if (rest.length !== 1) return undefined;
  const list = VALUE_AFTER[rest[0]];
  return list && list !== 'init' && list !== 'switch' && list !== 'model' && list !== 'feature' ? list : undefined;
}
