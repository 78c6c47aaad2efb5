/** CSV content errors reach the user under `data-path`, and that code's documentation says so. */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../../server/src/analysis';
import { CORE_CODES } from '../../../server/src/checks/knownCodes';
import { planRun } from '../../../server/src/run/pipeline';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';

const MODEL =
  'model c {\n  task binary\n  input 2\n  dense 1 sigmoid\n}\ntrain c {\n  data csv("points.csv", target: "label")\n}\n';

describe('data-path covers CSV content errors', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'nn-data-path-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const contents: [string, string, RegExp][] = [
    ['a feature that is not a number', 'x,y,label\n1,2,a\n3,oops,b\n', /row 3, column 'y'/],
    ['a row of the wrong length', 'x,y,label\n1,2,a\n3,b\n', /row 3: 2 values, but the header has 3 columns/],
    ['a header without data rows', 'x,y,label\n', /no data rows/],
  ];
  for (const [what, csv, message] of contents) {
    it(`reports ${what} as data-path`, () => {
      const file = join(dir, 'c.nn');
      writeFileSync(join(dir, 'points.csv'), csv);
      const analysis = analyze(MODEL, { documentPath: file, workspaceRoots: [dir] });
      assert.deepEqual(
        analysis.diagnostics.filter((d) => d.severity === 'error'),
        [],
        'the path itself is fine',
      );
      const plan = planRun({
        text: MODEL,
        path: file,
        settings: DEFAULT_SETTINGS,
        data: { workspaceRoots: [dir], trusted: true },
      });
      assert.ok(!plan.ok);
      assert.deepEqual(
        plan.problems.map((p) => [p.code, p.line]),
        [['data-path', 7]],
      );
      assert.match(plan.problems[0].message, message);
    });
  }

  it('documents both path and content problems', () => {
    const doc = CORE_CODES.find((c) => c.code === 'data-path')!.description;
    assert.match(doc, /path/);
    assert.match(doc, /content/);
    assert.match(doc, /not a number/);
  });
});
