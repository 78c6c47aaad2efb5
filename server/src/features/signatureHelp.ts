/** Signature help inside a call's parentheses: the parameters with defaults, and which one the cursor is on. */
import type { Analysis } from '../analysis';
import { findActivation, findDataset, findLoss, findOptimizer, findRegularizer, findTask } from '../catalog';
import { calleeParams, defaultText, paramLabel, paramType } from './catalogDocs';
import { cursorAt } from './cursor';
import type { CalleeKind } from './locate';

export interface SignatureParameter {
  /** [start, end) of the parameter inside the signature label. */
  label: [number, number];
  documentation: string;
}

export interface Signature {
  label: string;
  documentation: string;
  parameters: SignatureParameter[];
  /** Index into `parameters`; -1 when the cursor is on no known parameter. */
  activeParameter: number;
}

/** One sentence about the callee. */
function calleeDoc(kind: CalleeKind, name: string): string {
  switch (kind) {
    case 'activation':
      return findActivation(name)?.summary ?? '';
    case 'task':
      return findTask(name)?.doc ?? '';
    case 'loss':
      return findLoss(name)?.doc ?? '';
    case 'optimizer':
      return findOptimizer(name)?.doc ?? '';
    case 'regularizer':
      return findRegularizer(name)?.doc ?? '';
    case 'dataset':
      return findDataset(name)?.doc ?? '';
  }
}

export function signatureHelpAt(analysis: Analysis, offset: number): Signature | undefined {
  const { context } = cursorAt(analysis, offset);
  if (context.kind !== 'argument') return undefined;
  const defs = calleeParams(context.callee, context.name);
  if (!defs || defs.length === 0) return undefined;
  let label = `${context.name}(`;
  const parameters: SignatureParameter[] = defs.map((def, i) => {
    if (i > 0) label += ', ';
    const text = paramLabel(def);
    const start = label.length;
    label += text;
    return { label: [start, label.length], documentation: `${paramType(def)}, ${defaultText(def)}. ${def.doc}` };
  });
  label += ')';
  let active: number;
  if (context.param !== undefined) active = defs.findIndex((d) => d.name === context.param);
  else if (context.named.length === 0) active = context.index < defs.length ? context.index : -1;
  else active = defs.findIndex((d) => !context.named.includes(d.name));
  return { label, documentation: calleeDoc(context.callee, context.name), parameters, activeParameter: active };
}
