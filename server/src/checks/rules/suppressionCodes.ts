/** unused-suppression and unknown-suppression: reports about the suppression comments themselves. */
import { replace } from '../../syntax/textEdit';
import { spanOf, stringOf } from '../fixes/common';
import type { CheckDef, Fix } from '../types';

const removeFix = (diagnostic: Parameters<NonNullable<CheckDef['fix']>>[0], preferred: boolean): Fix[] => {
  const span = spanOf(diagnostic, 'remove');
  return span ? [{ id: 'remove', title: 'Remove this suppression', edits: [replace(span, '')], preferred }] : [];
};

export const unusedSuppression: CheckDef = {
  code: 'unused-suppression',
  severity: 'hint',
  emittedBy: 'suppression',
  title: 'Unused suppression',
  summary: 'An nn-ignore comment names a code that is not reported on its line.',
  template: "nothing reports '{code}' on this line, so this suppression does nothing — remove it",
  explanation: [
    '`# nn-ignore: CODE` silences CODE on its own line and `# nn-ignore-next-line: CODE` on the line below. When ' +
      'nothing there reports the code (the problem was fixed, or the comment sits on the wrong line), the comment ' +
      'only hides a future finding by accident, so it is reported and shown faded.',
    'Codes turned off in the `nn.checks` setting are never called unused.',
  ].join('\n\n'),
  fixes: { remove: 'Remove the code from the comment, or the whole comment when it is the only one (preferred).' },
  example: 'model m {\n  task binary\n  input 2\n  dense 8 relu  # nn-ignore: sigmoid-hidden\n  dense 1 sigmoid\n}\n',
  check: () => [],
  fix: (diagnostic) => removeFix(diagnostic, true),
};

export const unknownSuppression: CheckDef = {
  code: 'unknown-suppression',
  severity: 'hint',
  emittedBy: 'suppression',
  title: 'Unknown code in a suppression',
  summary: 'An nn-ignore comment names a code NN Studio does not report (or names none).',
  template: "'{code}' is not a code NN Studio reports — did you mean '{suggestion}'?",
  explanation: [
    'A suppression comment only works with the exact code of a finding, as shown in the Problems panel and listed ' +
      'on this page. A misspelt code silences nothing, so it is reported with the nearest real code.',
  ].join('\n\n'),
  fixes: { suggestion: 'Replace it with the suggested code (preferred).', remove: 'Remove it.' },
  example: 'model m {\n  task binary\n  input 2\n  dense 8 sigmoid  # nn-ignore: sigmoid-hiden\n  dense 1 sigmoid\n}\n',
  check: () => [],
  fix(diagnostic) {
    const suggestion = stringOf(diagnostic, 'suggestion');
    const span = spanOf(diagnostic, 'span');
    const fixes: Fix[] = [];
    if (suggestion && span)
      fixes.push({
        id: 'suggestion',
        title: `Change to '${suggestion}'`,
        edits: [replace(span, suggestion)],
        preferred: true,
      });
    return [...fixes, ...removeFix(diagnostic, false)];
  },
};
