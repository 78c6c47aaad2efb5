/** The panel's host says which line changed since a run, so its results can say they are stale. */
import assert from 'node:assert/strict';
import { firstChangedLine } from '../../../client/src/panel/stale';

describe('first changed line since a run', () => {
  const text = 'model m {\n  input 2\n  dense 1\n}\n';
  const cases: [string, string, number | undefined][] = [
    ['the same text', text, undefined],
    ['a changed line', text.replace('input 2', 'input 3'), 2],
    ['a line added at the end', `${text}train m {}\n`, 5],
    ['a line removed', text.replace('  dense 1\n', ''), 3],
    ['the first line', text.replace('model m', 'model n'), 1],
    ['only the line ends', text.replace(/\n/g, '\r\n'), undefined],
    ['an empty text', '', 1],
  ];
  for (const [name, after, line] of cases) {
    it(name, () => assert.equal(firstChangedLine(text, after), line));
  }
});
