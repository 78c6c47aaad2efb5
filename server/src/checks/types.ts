/** Types shared by the static checks: a check's definition, its context, and the quick fixes it offers. */
import type { Analysis } from '../model/types';
import type { Diagnostic, Severity } from '../diagnostic';
import type { TextEdit } from '../syntax/textEdit';
import type { StaticThresholds } from '../thresholds';

/** A quick fix: a named set of edits that are applied together. */
export interface Fix {
  /** Stable id within the check (`relu`, `tanh`, `ignore`, …); tests and golden files name fixes by it. */
  id: string;
  title: string;
  edits: TextEdit[];
  /** The single obvious fix: "Auto Fix" and `source.fixAll.nn` apply it. */
  preferred?: boolean;
}

export interface StaticCheckContext {
  analysis: Analysis;
  thresholds: StaticThresholds;
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
  /** What to do about a finding, for `nn explain` and the docs; required when the check has no quick fixes. */
  remedy?: string;
  /** Settings that change what the check does. */
  settings?: readonly string[];
  /** A small document that trips the check (shown in the docs with its message; tests run it). */
  example: string;
  /**
   * Who emits the diagnostics: `check` (this definition's `check()`), `semantic` (the semantic analysis
   * already reports the code; `check()` returns nothing) or `suppression` (the suppression pass).
   */
  emittedBy: 'check' | 'semantic' | 'suppression';
  check(context: StaticCheckContext): Diagnostic[];
  /** The check's own fixes for one of its diagnostics (the "ignore" fix is added for every check). */
  fix?(diagnostic: Diagnostic, analysis: Analysis): Fix[];
}
