import type { Span } from './span';

/** A name as written, with where it was written. */
export interface Ident {
  text: string;
  span: Span;
}

export interface NumberValue {
  kind: 'number';
  /** The numeric value; NaN only when the text could not be read as a number. */
  value: number;
  text: string;
  span: Span;
}

export interface StringValue {
  kind: 'string';
  /** The value with escapes resolved. */
  value: string;
  text: string;
  span: Span;
}

export interface NameValue {
  kind: 'name';
  text: string;
  span: Span;
}

export type Value = NumberValue | StringValue | NameValue;

/** `name: value` or a positional `value`. */
export interface Arg {
  span: Span;
  name?: Ident;
  /** Missing when the text after `name:` was not a value. */
  value?: Value;
}

/** `NAME` or `NAME(args)`. */
export interface Call {
  span: Span;
  name: Ident;
  /** Present when the call had parentheses (even empty ones). */
  parens?: { open: Span; close?: Span };
  args: Arg[];
}

interface StatementBase {
  span: Span;
  /** The leading keyword (`dense`, `task`, `epochs`, …). */
  keyword: Ident;
}

export interface TaskStmt extends StatementBase {
  kind: 'task';
  call?: Call;
}
export interface InputStmt extends StatementBase {
  kind: 'input';
  value?: NumberValue;
}
export interface LossStmt extends StatementBase {
  kind: 'loss';
  call?: Call;
}
export interface OptimizerStmt extends StatementBase {
  kind: 'optimizer';
  call?: Call;
}
export interface ModelInitStmt extends StatementBase {
  kind: 'init';
  name?: Ident;
}
export interface RegularizeStmt extends StatementBase {
  kind: 'regularize';
  call?: Call;
}

interface LayerBase extends StatementBase {
  /** `out:` in `out: dense 1 sigmoid`. */
  label?: Ident;
}

export interface DenseLayer extends LayerBase {
  kind: 'dense';
  units?: NumberValue;
  activation?: Call;
  /** `init NAME` at the end of the layer; `name` is missing when only the keyword was written. */
  init?: { keyword: Ident; name?: Ident };
}
export interface DropoutLayer extends LayerBase {
  kind: 'dropout';
  rate?: NumberValue;
}
export interface ActivationLayer extends LayerBase {
  kind: 'activation';
  call?: Call;
}

export type LayerStmt = DenseLayer | DropoutLayer | ActivationLayer;

export type ModelStmt = TaskStmt | InputStmt | LossStmt | OptimizerStmt | ModelInitStmt | RegularizeStmt | LayerStmt;

export interface DataStmt extends StatementBase {
  kind: 'data';
  call?: Call;
}
/** `epochs`, `batch`, `validation`, `seed`, `lr`: a keyword and one number. */
export interface NumberSetting extends StatementBase {
  kind: 'epochs' | 'batch' | 'validation' | 'seed' | 'lr';
  value?: NumberValue;
}
export interface NormalizeStmt extends StatementBase {
  kind: 'normalize';
  value?: Ident;
}

/** `features x1, x2, x1sq`: the names as written (a name left out after a comma is not in the list). */
export interface FeaturesStmt extends StatementBase {
  kind: 'features';
  names: Ident[];
}

export type TrainStmt = DataStmt | NumberSetting | NormalizeStmt | FeaturesStmt;

export interface ModelDecl {
  kind: 'model';
  span: Span;
  keyword: Ident;
  name?: Ident;
  open?: Span;
  /** Missing when the block was never closed. */
  close?: Span;
  body: ModelStmt[];
}

export interface TrainDecl {
  kind: 'train';
  span: Span;
  keyword: Ident;
  name?: Ident;
  open?: Span;
  close?: Span;
  body: TrainStmt[];
}

export type Declaration = ModelDecl | TrainDecl;

export interface Comment {
  span: Span;
  /** The text after `#`, untrimmed. */
  text: string;
}

export interface SyntaxError {
  code: 'syntax';
  message: string;
  span: Span;
}

export interface SourceFile {
  span: Span;
  declarations: Declaration[];
  comments: Comment[];
  errors: SyntaxError[];
}
