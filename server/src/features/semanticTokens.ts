/**
 * Semantic tokens: what each word means (a model, a layer label, an activation, a parameter, …), so themes
 * colour the language beyond what the TextMate grammar can tell. Names the catalog does not know stay
 * uncoloured here and keep the grammar's colour.
 */
import type { Analysis } from '../analysis';
import {
  findActivation,
  findDataset,
  findFeature,
  findInit,
  findLoss,
  findOptimizer,
  findRegularizer,
  findTask,
} from '../catalog';
import type { Span } from '../syntax/span';
import { occurrencesOf, type CalleeKind, type Occurrence } from './locate';

/** The legend, in the order the encoded indices refer to. Standard LSP names, so every theme knows them. */
export const TOKEN_TYPES = [
  'keyword',
  'class',
  'variable',
  'function',
  'type',
  'enumMember',
  'parameter',
  'number',
  'string',
  'comment',
] as const;
export const TOKEN_MODIFIERS = ['declaration', 'defaultLibrary', 'readonly'] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export interface SemanticToken {
  span: Span;
  type: TokenType;
  modifiers: TokenModifier[];
}

const KNOWN: Record<CalleeKind, (name: string) => unknown> = {
  activation: findActivation,
  task: findTask,
  loss: findLoss,
  optimizer: findOptimizer,
  regularizer: findRegularizer,
  dataset: findDataset,
};

function tokenOf(o: Occurrence): Omit<SemanticToken, 'span'> | undefined {
  switch (o.kind) {
    case 'keyword':
      return { type: 'keyword', modifiers: [] };
    case 'modelName':
      return { type: 'class', modifiers: ['declaration'] };
    case 'modelRef':
      return o.model ? { type: 'class', modifiers: [] } : undefined;
    case 'label':
      return { type: 'variable', modifiers: ['declaration', 'readonly'] };
    case 'callee':
      if (!KNOWN[o.callee](o.call.name.text)) return undefined;
      if (o.callee === 'activation') return { type: 'function', modifiers: ['defaultLibrary'] };
      if (o.callee === 'task') return { type: 'type', modifiers: ['defaultLibrary'] };
      return { type: 'enumMember', modifiers: ['defaultLibrary'] };
    case 'initName':
      return findInit(o.name) ? { type: 'enumMember', modifiers: ['defaultLibrary'] } : undefined;
    case 'argName':
      return { type: 'parameter', modifiers: [] };
    case 'argValue':
      if (o.value.kind === 'number') return { type: 'number', modifiers: [] };
      if (o.value.kind === 'string') return { type: 'string', modifiers: [] };
      return { type: 'enumMember', modifiers: [] };
    case 'number':
      return { type: 'number', modifiers: [] };
    case 'switch':
      return o.word === 'on' || o.word === 'off' ? { type: 'enumMember', modifiers: [] } : undefined;
    case 'feature':
      return findFeature(o.name) ? { type: 'enumMember', modifiers: ['defaultLibrary'] } : undefined;
  }
}

/** The semantic tokens of the file (or of `range`), in document order. */
export function semanticTokens(analysis: Analysis, range?: Span): SemanticToken[] {
  const tokens: SemanticToken[] = [];
  const inRange = (span: Span) => !range || (span.end > range.start && span.start < range.end);
  for (const o of occurrencesOf(analysis)) {
    if (!inRange(o.span)) continue;
    const token = tokenOf(o);
    if (token) tokens.push({ span: o.span, ...token });
  }
  for (const comment of analysis.file.comments) {
    if (inRange(comment.span)) tokens.push({ span: comment.span, type: 'comment', modifiers: [] });
  }
  return tokens.sort((a, b) => a.span.start - b.span.start);
}

/**
 * The LSP wire form: five integers per token (line delta, start delta, length, type index, modifier bits),
 * positions relative to the previous token. Tokens never span lines in this language.
 */
export function encodeSemanticTokens(analysis: Analysis, tokens: readonly SemanticToken[]): number[] {
  const data: number[] = [];
  let previousLine = 0,
    previousChar = 0;
  for (const token of tokens) {
    const { line, character } = analysis.lines.positionAt(token.span.start);
    const length = token.span.end - token.span.start;
    if (length <= 0) continue;
    const modifiers = token.modifiers.reduce((bits, m) => bits | (1 << TOKEN_MODIFIERS.indexOf(m)), 0);
    data.push(
      line - previousLine,
      line === previousLine ? character - previousChar : character,
      length,
      TOKEN_TYPES.indexOf(token.type),
      modifiers,
    );
    previousLine = line;
    previousChar = character;
  }
  return data;
}
