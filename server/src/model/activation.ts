import { ACTIVATIONS, didYouMean, findActivation } from '../catalog';
import type { Diagnostic } from '../diagnostic';
import type { Call } from '../syntax/ast';
import { checkArgs } from './args';
import type { ActivationUse } from './types';

/** Every activation name and alias, for suggestions. */
function activationNames(): string[] {
  return ACTIVATIONS.flatMap((def) => [def.name, ...def.aliases]);
}

/** Resolves `relu`, `leaky_relu(alpha: 0.1)`, … against the catalog, reporting what is wrong. */
export function resolveActivation(call: Call, diagnostics: Diagnostic[]): ActivationUse | undefined {
  const def = findActivation(call.name.text);
  if (!def) {
    const suggestion = didYouMean(call.name.text, activationNames());
    diagnostics.push({
      code: 'unknown-activation',
      severity: 'error',
      span: call.name.span,
      message:
        `unknown activation '${call.name.text}'` +
        (suggestion ? ` — did you mean '${suggestion}'?` : ' — see the list with completion (Ctrl+Space)'),
      data: suggestion ? suggestionData(call, suggestion) : undefined,
    });
    return undefined;
  }
  const checked = checkArgs(call, def.params, def.name, diagnostics);
  // An alias may fix parameters (`silu` is swish with beta 1).
  const fixed = def.aliasParams?.[call.name.text];
  const params = fixed ? Object.assign(checked.params, fixed) : checked.params;
  const explicit = fixed ? Object.assign(checked.explicit, fixed) : checked.explicit;
  return { def, written: call.name.text, params, explicit, span: call.span, nameSpan: call.name.span };
}

/**
 * The fix data of a name suggestion: the suggested name replaces the written one, or the whole call when the
 * call's arguments do not fit the suggested activation (`rleu(1)` becomes `relu`, not `relu(1)`).
 */
function suggestionData(call: Call, suggestion: string): Record<string, unknown> {
  const def = findActivation(suggestion);
  if (!def || call.args.length === 0) return { suggestion };
  const problems: Diagnostic[] = [];
  checkArgs(call, def.params, def.name, problems);
  return problems.length === 0 ? { suggestion } : { suggestion, suggestionSpan: call.span };
}
