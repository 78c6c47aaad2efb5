/** `nn explain CODE`: prints what a code means, why it matters and how to fix it. `nn explain` lists the codes. */
import { CHECKS } from '../../checks';
import { explainText, suggestCode } from '../../checks/explain';
import { CORE_CODES, TRAINING_CODES } from '../../checks/knownCodes';
import { defineCommand } from '../command';

const USAGE = 'nn explain [CODE]';

function list(): string {
  const width = Math.max(...[...CHECKS.map((c) => c.code), ...CORE_CODES.map((c) => c.code)].map((c) => c.length));
  return [
    'Checks:',
    ...CHECKS.map((c) => `  ${c.code.padEnd(width)}  ${c.severity.padEnd(7)}  ${c.title}`),
    '',
    'Parser and semantic errors:',
    ...CORE_CODES.map((c) => `  ${c.code.padEnd(width)}  ${c.severity}`),
    '',
    'Training checks (during and after a run):',
    ...TRAINING_CODES.map((c) => `  ${c.code.padEnd(width)}  ${c.severity}`),
    '',
    "Run 'nn explain CODE' for the details of one.",
  ].join('\n');
}

export const explainCommand = defineCommand({
  name: 'explain',
  summary: 'Explain a check code: why it fires, the facts behind it, and its fixes.',
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
      console.error(`nn explain: no code '${code}'` + (suggestion ? ` — did you mean '${suggestion}'?` : " — run 'nn explain' for the list"));
      status = 2;
    }
    return status;
  },
});
