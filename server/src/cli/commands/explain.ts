/** `nn explain CODE`: prints a code's title, what it means, why it matters and how to fix it. `nn explain` lists the codes. */
import { CHECKS } from '../../checks';
import { explainText, suggestCode } from '../../explain/codes';
import { CORE_CODES } from '../../checks/knownCodes';
import { TRAINING_CHECKS } from '../../train/checks';
import { defineCommand } from '../command';

const USAGE = 'nn explain [CODE]';

function list(): string {
  const codes = [...CHECKS, ...CORE_CODES, ...TRAINING_CHECKS];
  const width = Math.max(...codes.map((c) => c.code.length));
  const row = (c: { code: string; severity: string; title: string }) =>
    `  ${c.code.padEnd(width)}  ${c.severity.padEnd(7)}  ${c.title}`;
  return [
    'Checks:',
    ...CHECKS.map(row),
    '',
    'Parser and semantic errors:',
    ...CORE_CODES.map(row),
    '',
    'Training checks (during and after a run):',
    ...TRAINING_CHECKS.map(row),
    '',
    "Run 'nn explain CODE' for the details of one.",
  ].join('\n');
}

export const explainCommand = defineCommand({
  name: 'explain',
  summary:
    'Explain a code (a check, a parser or semantic error, a training check) and how to fix it; without one, list them all.',
  usage: USAGE,
  flags: {},
  read: ({ positionals }) => positionals,
  async run(codes) {
    if (codes.length === 0) {
      console.log(list());
      return 0;
    }
    let status = 0;
    for (const code of codes) {
      const text = explainText(code);
      if (text) {
        console.log(text);
        continue;
      }
      const suggestion = suggestCode(code);
      console.error(
        `nn explain: no code '${code}'` +
          (suggestion ? ` — did you mean '${suggestion}'?` : " — run 'nn explain' for the list"),
      );
      status = 2;
    }
    return status;
  },
});
