/** The long description of any code, for `nn explain CODE` and for hovers on a diagnostic. */
import { analyze } from '../analysis';
import { didYouMean } from '../catalog';
import { CORE_CODES, type CodeDoc } from '../checks/knownCodes';
import { ALL_CODES, findCheck } from '../checks/registry';
import type { CheckDef } from '../checks/types';
import { DEFAULT_THRESHOLDS } from '../thresholds';
import { findTrainingCheck, type TrainingCheckDef } from '../train/checks';
import { anchorFindings, relocate } from '../train/anchors';
import { datasetRequestFromTrain, settingsFromTrain, specFromModel } from '../train/fromModel';
import { trainSync } from '../train/trainer';

export type CodeInfo =
  { kind: 'check'; check: CheckDef } | { kind: 'training'; check: TrainingCheckDef } | { kind: 'other'; doc: CodeDoc };

export function codeInfo(code: string): CodeInfo | undefined {
  const check = findCheck(code);
  if (check) return { kind: 'check', check };
  const training = findTrainingCheck(code);
  if (training) return { kind: 'training', check: training };
  const doc = CORE_CODES.find((c) => c.code === code);
  return doc ? { kind: 'other', doc } : undefined;
}

/** The default of a setting named `nn.KEY` or `nn.GROUP.NAME`, from the one threshold table. */
function settingDefault(setting: string): number | undefined {
  let value: unknown = DEFAULT_THRESHOLDS;
  for (const part of setting.replace(/^nn\./, '').split('.')) {
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  }
  return typeof value === 'number' ? value : undefined;
}

/** A setting's name with its default, as the docs and `nn explain` show it. */
export function settingWithDefault(setting: string, style: 'markdown' | 'plain'): string {
  const value = settingDefault(setting);
  const name = style === 'markdown' ? `\`${setting}\`` : setting;
  return value === undefined ? name : `${name} (default ${value})`;
}

/** The settings a training check reads, by their `nn.*` names. */
export function trainingSettings(check: TrainingCheckDef): string[] {
  return check.settings.map((key) => `nn.${key}`);
}

type ExampleFinding = { line: number; severity: string; message: string };
const trainedExamples = new Map<string, ExampleFinding[]>();

/**
 * What a training check's example reports when its train block runs (1-based lines, where the editor shows the
 * findings). A run is deterministic, so each is trained once and kept.
 */
export function trainingExampleFindings(check: TrainingCheckDef): ExampleFinding[] {
  const known = trainedExamples.get(check.code);
  if (known) return known;
  const text = check.example.text;
  const analysis = analyze(text);
  const train = analysis.semantic.trains[0];
  const data = train && datasetRequestFromTrain(train);
  if (!train?.model || !data) return [];
  const { finished } = trainSync({
    runId: check.code,
    spec: specFromModel(train.model),
    settings: settingsFromTrain(train, {}),
    data,
  });
  const own = finished.findings.filter((f) => f.code === check.code);
  const { diagnostics } = relocate(anchorFindings(own, train.model, train, text), text);
  const found = diagnostics.map((d) => ({
    line: analysis.lines.positionAt(d.span.start).line + 1,
    severity: d.severity,
    message: d.message,
  }));
  trainedExamples.set(check.code, found);
  return found;
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

/** What `nn explain` says about any code: the same fields for checks, parser and semantic errors, and training checks. */
export interface CodeExplanation {
  code: string;
  severity: CodeDoc['severity'];
  title: string;
  /** What it means and why it matters; paragraphs are separated by blank lines. */
  explanation: string;
  /** How to make it go away, as prose (quick fixes are listed on their own by `explainText`). */
  fix: string;
}

export function codeDoc(code: string): CodeExplanation | undefined {
  const info = codeInfo(code);
  if (!info) return undefined;
  if (info.kind === 'other') {
    const { doc } = info;
    return { code, severity: doc.severity, title: doc.title, explanation: doc.description, fix: doc.fix };
  }
  const { check } = info;
  const fix = check.remedy ?? Object.values(check.fixes).join(' ');
  return {
    code,
    severity: check.severity,
    title: check.title,
    explanation: `${check.summary}\n\n${check.explanation}`,
    fix,
  };
}

/** Markdown-light text: paragraphs, `code` in backticks. Fine in a terminal and in a hover. */
export function explainText(code: string): string | undefined {
  const info = codeInfo(code);
  const doc = codeDoc(code);
  if (!info || !doc) return undefined;
  const header = `${code} (${doc.severity}) — ${doc.title}`;
  if (info.kind === 'other') {
    return [
      header,
      '',
      'Reported by the parser and the semantic analysis, before any check runs.',
      '',
      doc.explanation,
      '',
      'How to fix:',
      `  ${doc.fix}`,
    ].join('\n');
  }
  const { check } = info;
  const training = info.kind === 'training';
  const parts = [header, ''];
  if (training) parts.push('A training check (source nn-train), reported during and after a run.', '');
  parts.push(doc.explanation, '', 'How to fix:');
  if (check.remedy) parts.push(`  ${check.remedy}`);
  const fixes = Object.entries(check.fixes);
  if (fixes.length)
    parts.push(
      training ? '  Fixes the training panel offers:' : '  Quick fixes in the editor:',
      ...fixes.map(([id, text]) => `    ${id}: ${text}`),
    );
  if (training || info.check.emittedBy !== 'suppression')
    parts.push(`  Silence one line with '# nn-ignore: ${check.code}' at its end.`);
  const settings = training ? trainingSettings(info.check) : (info.check.settings ?? []);
  if (settings.length)
    parts.push('', `Settings: ${settings.map((name) => settingWithDefault(name, 'plain')).join(', ')}`);
  parts.push('', `Turn it off or change its severity with the setting "nn.checks": { "${check.code}": "off" }.`);
  const example = training ? info.check.example.text : info.check.example;
  const findings = training ? trainingExampleFindings(info.check) : exampleFindings(info.check);
  if (findings.length) {
    parts.push(
      '',
      training ? 'Example (trained as its train block says):' : 'Example:',
      ...example
        .trimEnd()
        .split('\n')
        .map((l) => `    ${l}`),
      '',
      ...findings.map((f) => `  line ${f.line}: ${f.severity} ${check.code}: ${f.message}`),
    );
  }
  return parts.join('\n');
}
