/** Renders docs/checks.md from the registry (scripts/gen-checks-doc.ts writes it; a unit test keeps it current). */
import { CORE_CODES, type CodeDoc } from '../checks/knownCodes';
import { CHECKS } from '../checks/registry';
import type { CheckDef } from '../checks/types';
import { DEFAULT_THRESHOLDS, THRESHOLD_DOCS, type Thresholds } from '../thresholds';
import { TRAINING_CHECKS, type TrainingCheckDef } from '../train/checks';
import { exampleFindings, settingWithDefault, trainingExampleFindings, trainingSettings } from './codes';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function fixList(check: CheckDef | TrainingCheckDef): string {
  const ids = Object.keys(check.fixes);
  return ids.length ? ids.map((id) => `\`${id}\``).join(', ') : '—';
}

/** The parts every check's section starts with: heading, title and severity, summary, message and explanation. */
function sectionHead(
  check: Pick<CheckDef, 'code' | 'title' | 'severity' | 'summary' | 'template' | 'explanation'>,
): string[] {
  return [
    `### ${check.code}`,
    '',
    `**${check.title}** · default severity: **${check.severity}**`,
    '',
    check.summary,
    '',
    `Message: \`${check.template}\``,
    '',
    check.explanation,
    '',
  ];
}

/** An example's findings as a Markdown quote, one line each, then a blank line. */
function quotedFindings(findings: readonly { line: number; severity: string; message: string }[]): string[] {
  const quoted = findings.flatMap((f) => ['>', `> line ${f.line}, ${f.severity}: ${f.message}`]).slice(1);
  return [...quoted, ''];
}

function section(check: CheckDef): string[] {
  const lines = sectionHead(check);
  if (check.remedy) lines.push(`How to fix: ${check.remedy}`, '');
  const fixes = Object.entries(check.fixes);
  if (fixes.length) {
    lines.push('Quick fixes:', '', ...fixes.map(([id, text]) => `- \`${id}\`: ${text}`));
    if (check.emittedBy !== 'suppression') lines.push(`- \`ignore\`: adds \`# nn-ignore: ${check.code}\` to the line.`);
    lines.push('');
  } else if (check.emittedBy !== 'suppression') {
    lines.push(`Quick fix: \`ignore\` (adds \`# nn-ignore: ${check.code}\` to the line).`, '');
  }
  if (check.settings?.length)
    lines.push(`Settings: ${check.settings.map((s) => settingWithDefault(s, 'markdown')).join(', ')}.`, '');
  const findings = exampleFindings(check);
  lines.push('Example:', '', '```nn', check.example.trimEnd(), '```', '');
  lines.push(...quotedFindings(findings));
  return lines;
}

/** The section of a training check: the same parts as a static check's, with its example trained. */
function trainingSection(check: TrainingCheckDef): string[] {
  const lines = sectionHead(check);
  lines.push(`How to fix: ${check.remedy}`, '');
  const fixes = Object.entries(check.fixes);
  if (fixes.length)
    lines.push('Fixes the training panel offers:', '', ...fixes.map(([id, text]) => `- \`${id}\`: ${text}`), '');
  lines.push(
    `Settings: ${trainingSettings(check)
      .map((s) => settingWithDefault(s, 'markdown'))
      .join(', ')}.`,
    '',
  );
  const findings = trainingExampleFindings(check);
  lines.push('Example (trained as its train block says):', '', '```nn', check.example.text.trimEnd(), '```', '');
  lines.push(...quotedFindings(findings));
  return lines;
}

/** One line of the settings list: a threshold (every key of a group with its default) and what it does. */
function thresholdLine(key: keyof Thresholds): string {
  const value = DEFAULT_THRESHOLDS[key];
  const text = THRESHOLD_DOCS[key];
  if (typeof value === 'number') return `- \`nn.${key}\` (default ${value}): ${text}`;
  const names = Object.entries(value).map(([name, v], i) => `\`nn.${key}.${name}\` (${i === 0 ? 'default ' : ''}${v})`);
  return `- ${names.join(', ')}: ${text}`;
}

/** The section of a parser or semantic code: title, severity, explanation and fix. */
function codeSection(c: CodeDoc): string[] {
  return [
    `### ${c.code}`,
    '',
    `**${c.title}** · default severity: **${c.severity}**`,
    '',
    c.description,
    '',
    `How to fix: ${c.fix}`,
    '',
  ];
}

export function renderChecksDoc(): string {
  const statics = CHECKS.filter((c) => c.emittedBy !== 'suppression');
  const suppression = CHECKS.filter((c) => c.emittedBy === 'suppression');
  const lines = [
    '<!-- Generated from server/src/checks by `npx tsx scripts/gen-checks-doc.ts`. Do not edit by hand: a unit test fails when this file is stale. -->',
    '',
    '# Checks',
    '',
    'NN Studio reviews every `.nn` file as you type. Each finding has a stable **code** (shown in the Problems panel, ' +
      'linked to its section here), a default severity, a one-line message that names the layer and the fix, and — ' +
      'where one makes sense — quick fixes (the light bulb, or **Auto Fix** for the preferred one). `nn check FILE` ' +
      'reports the same findings on the command line, and `nn explain CODE` prints a section of this page.',
    '',
    '## Settings',
    '',
    "- `nn.checks` maps any code (including the parser's and the trainer's) to `error`, `warning`, `info`, `hint` or `off`, " +
      'e.g. `"nn.checks": { "sigmoid-hidden": "off", "mixed-hidden": "warning" }`. Changes re-check open files at once.',
    ...(Object.keys(THRESHOLD_DOCS) as (keyof Thresholds)[]).map(thresholdLine),
    '',
    '## Silencing one line',
    '',
    'Add `# nn-ignore: CODE` at the end of a line, or `# nn-ignore-next-line: CODE` above it (blank and comment lines ' +
      'in between are skipped). Several codes are separated by commas; text after the list is free for a reason:',
    '',
    '```nn',
    '  dense 16 sigmoid  # nn-ignore: sigmoid-hidden, saturating-stack (comparing with the 1990s setup)',
    '  # nn-ignore-next-line: linear-hidden',
    '  dense 2',
    '```',
    '',
    'A finding is silenced when it starts on that line. Any code can be named, including those of the parser and of ' +
      'the trainer. A listed code that silences nothing is reported as `unused-suppression` (except training codes, ' +
      'which only a run reports), a code that does not exist as `unknown-suppression` (both hints, with fixes).',
    '',
    '## Overview',
    '',
    '| code | severity | fires when | quick fixes |',
    '|---|---|---|---|',
    ...[...CHECKS, ...TRAINING_CHECKS].map(
      (c) => `| [\`${c.code}\`](#${c.code}) | ${c.severity} | ${cell(c.summary)} | ${fixList(c)} |`,
    ),
    '',
    '## Static checks',
    '',
    ...statics.flatMap(section),
    '## Suppression comments',
    '',
    ...suppression.flatMap(section),
    '## Parser and semantic errors',
    '',
    'These come from reading the file, before any check runs. They can be given another severity in `nn.checks` too.',
    '',
    ...CORE_CODES.flatMap(codeSection),
    '## Training checks',
    '',
    'Computed by the trainer on every epoch and shown live in the panel; after a run they are published on the ' +
      "layer's line with source `nn-train` until that line changes. Their thresholds are settings too, and their " +
      'fixes are buttons in the panel (**Apply**, or **Apply and re-run**), which edit the file.',
    '',
    ...TRAINING_CHECKS.flatMap(trainingSection),
  ];
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
