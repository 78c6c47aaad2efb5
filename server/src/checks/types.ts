/** Types shared by the static checks: a check's definition, its context, and the quick fixes it offers. */
import type { Analysis } from '../analysis';
import type { Diagnostic, Severity } from '../diagnostic';
import type { Span } from '../syntax/span';

/** Replace the text in `span` by `newText` (an empty span inserts). Offsets are UTF-16, as everywhere. */
export interface TextEdit {
  span: Span;
  newText: string;
}

/** A quick fix: a named set of edits that are applied together. */
export interface Fix {
  /** Stable id within the check (`relu`, `tanh`, `ignore`, …); tests and golden files name fixes by it. */
  id: string;
  title: string;
  edits: TextEdit[];
  /** The single obvious fix: "Auto Fix" and `source.fixAll.nn` apply it. */
  preferred?: boolean;
}

export type OptimizerName = 'sgd' | 'adam' | 'rmsprop';

/** Thresholds of the static checks, with the defaults of rules.md filled in. */
export interface Thresholds {
  /** saturating-stack fires at this many saturating hidden layers in a row. */
  saturatingDepth: number;
  /** dying-relu-risk fires above this learning rate, per optimizer. */
  lrLimit: Record<OptimizerName, number>;
}

export interface CheckContext {
  analysis: Analysis;
  thresholds: Thresholds;
}

/** Where a dense layer's activation is written, or where one would be inserted (a linear layer has none). */
export interface ActivationTarget {
  span: Span;
  /** True when there is no activation yet: insert ` NAME` at `span.start`. */
  insert: boolean;
}

export interface CheckDef {
  code: string;
  /** Default severity (settings may change it). */
  severity: Severity;
  /** A few words for tables and SARIF rule names. */
  title: string;
  /** When it fires, in one line. */
  summary: string;
  /** The message's shape, with {placeholders}. */
  template: string;
  /** The why, in a few paragraphs of Markdown (plain enough to print in a terminal). */
  explanation: string;
  /** Fix id → what it does, for the docs. */
  fixes: Readonly<Record<string, string>>;
  /** Settings that change what the check does. */
  settings?: readonly string[];
  /** A small document that trips the check (shown in the docs with its message; tests run it). */
  example: string;
  /**
   * Who emits the diagnostics: `check` (this definition's `check()`), `semantic` (the semantic analysis
   * already reports the code; `check()` returns nothing) or `suppression` (the suppression pass).
   */
  emittedBy: 'check' | 'semantic' | 'suppression';
  check(context: CheckContext): Diagnostic[];
  /** The check's own fixes for one of its diagnostics (the "ignore" fix is added for every check). */
  fix?(diagnostic: Diagnostic, analysis: Analysis): Fix[];
}
