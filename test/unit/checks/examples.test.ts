/** The shipped examples: every one is clean except flawed.nn, which produces exactly the findings it advertises. */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../server/src/analysis';
import { fixAll } from '../../../server/src/checks';
import { applyEdits } from '../../../server/src/syntax/textEdit';

const EXAMPLES = join(__dirname, '..', '..', '..', 'examples');
const files = existsSync(EXAMPLES)
  ? readdirSync(EXAMPLES)
      .filter((f) => f.endsWith('.nn'))
      .sort()
  : [];
const read = (name: string) => readFileSync(join(EXAMPLES, name), 'utf8');
const OPTIONS = (name: string) => ({ documentPath: join(EXAMPLES, name), workspaceRoots: [EXAMPLES] });

describe('examples', () => {
  before(function () {
    if (files.length === 0) this.skip(); // examples/ has no .nn files yet
  });

  for (const name of files.filter((f) => f !== 'flawed.nn')) {
    it(`${name} produces no findings at all`, () => {
      const found = analyze(read(name), OPTIONS(name)).diagnostics;
      assert.deepEqual(
        found.map((d) => `${d.severity} ${d.code}: ${d.message}`),
        [],
      );
    });
  }

  it('flawed.nn produces exactly its intended findings', function () {
    if (!files.includes('flawed.nn')) this.skip();
    const analysis = analyze(read('flawed.nn'), OPTIONS('flawed.nn'));
    const found = analysis.diagnostics.map(
      (d) => `${analysis.lines.positionAt(d.span.start).line + 1} ${d.severity} ${d.code}`,
    );
    assert.deepEqual(found, [
      '8 warning saturating-stack',
      '8 warning sigmoid-hidden',
      '9 warning sigmoid-hidden',
      '10 warning sigmoid-hidden',
      '11 warning sigmoid-hidden',
      '12 warning linear-hidden',
      '13 error softmax-one-unit',
    ]);
  });

  it('fix all turns flawed.nn into a clean model', function () {
    if (!files.includes('flawed.nn')) this.skip();
    const analysis = analyze(read('flawed.nn'), OPTIONS('flawed.nn'));
    const fixed = applyEdits(analysis.text, fixAll(analysis));
    assert.deepEqual(
      analyze(fixed, OPTIONS('flawed.nn')).diagnostics.map((d) => d.code),
      [],
    );
    assert.match(
      fixed,
      /dense 16 relu\n {2}dense 16 relu\n {2}dense 16 relu\n {2}dense 16 relu\n {2}dense 8 relu\n {2}out: dense 1 sigmoid/,
    );
  });
});
