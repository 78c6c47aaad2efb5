/** The long description of any code, for `nn explain CODE` and for hovers on a diagnostic. */
import { analyze } from '../analysis';
import { didYouMean } from '../catalog';
import { CORE_CODES, TRAINING_CODES, type CodeDoc } from './knownCodes';
import { ALL_CODES, findCheck } from './registry';
import type { CheckDef } from './types';

export type CodeInfo = { kind: 'check'; check: CheckDef } | { kind: 'other'; doc: CodeDoc };

export function codeInfo(code: string): CodeInfo | undefined {
  const check = findCheck(code);
  if (check) return { kind: 'check', check };
  const doc = [...CORE_CODES, ...TRAINING_CODES].find((c) => c.code === code);
  return doc ? { kind: 'other', doc } : undefined;
}

/** The nearest known code, for "did you mean". */
export function suggestCode(code: string): string | undefined {
  return didYouMean(code, [...ALL_CODES]);
}

/** The messages a check's example produces (1-based line numbers), as the docs and `nn explain` show them. */
export function exampleFindings(check: CheckDef): Array<{ line: number; severity: string; message: string }> {
  const analysis = analyze(check.example);
  return analysis.diagnostics
    .filter((d) => d.code === check.code)
    .map((d) => ({ line: analysis.lines.positionAt(d.span.start).line + 1, severity: d.severity, message: d.message }));
}

/** Markdown-light text: paragraphs, `code` in backticks. Fine in a terminal and in a hover. */
export function explainText(code: string): string | undefined {
  const info = codeInfo(code);
  if (!info) return undefined;
  if (info.kind === 'other') {
    const { doc } = info;
    const origin = doc.source === 'nn-train' ? 'a training check (source nn-train), reported during and after a run' : 'reported by the parser and the semantic analysis';
    return [`${doc.code} (${doc.severity}) — ${origin}`, '', doc.description].join('\n');
  }
  const { check } = info;
  const parts = [`${check.code} (${check.severity}) — ${check.title}`, '', check.summary, '', check.explanation];
  const fixes = Object.entries(check.fixes);
  if (fixes.length) parts.push('', 'Quick fixes:', ...fixes.map(([id, text]) => `  ${id}: ${text}`));
  if (check.emittedBy !== 'suppression') parts.push(fixes.length ? `  ignore: Add '# nn-ignore: ${check.code}' to the line.` : `\nSilence one line with '# nn-ignore: ${check.code}'.`);
  if (check.settings?.length) parts.push('', `Settings: ${check.settings.join(', ')}`);
  parts.push('', `Turn it off or change its severity with the setting "nn.checks": { "${check.code}": "off" }.`);
  const findings = exampleFindings(check);
  if (findings.length) {
    parts.push('', 'Example:', ...check.example.trimEnd().split('\n').map((l) => `    ${l}`), '', ...findings.map((f) => `  line ${f.line}: ${f.severity} ${check.code}: ${f.message}`));
  }
  return parts.join('\n');
}
