import type { Span } from './syntax/span';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface RelatedInfo {
  span: Span;
  message: string;
}

/** A problem found in a document, independent of any editor protocol. */
export interface Diagnostic {
  /** Stable code: `syntax`, `unknown-activation`, `sigmoid-hidden`, … */
  code: string;
  severity: Severity;
  message: string;
  span: Span;
  related?: RelatedInfo[];
  tags?: Array<'unnecessary' | 'deprecated'>;
  /** `nn` for static findings, `nn-train` for findings of a training run. */
  source?: 'nn' | 'nn-train';
  /** Extra facts a quick fix needs (never parsed back out of the message). */
  data?: Record<string, unknown>;
}
