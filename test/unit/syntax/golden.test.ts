/**
 * Parser golden tests: every `test/fixtures/syntax/{ok,err}/*.nn` is parsed and its tree dump compared with
 * the `.tree` file beside it. Set NN_UPDATE_GOLDEN=1 to regenerate the dumps (then review the diff).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../../../server/src/syntax/parser';
import { dumpTree } from '../../support/dumpTree';

const ROOT = join(__dirname, '..', '..', 'fixtures', 'syntax');
const update = process.env.NN_UPDATE_GOLDEN === '1';

for (const group of ['ok', 'err'] as const) {
  describe(`parser golden: ${group}`, () => {
    for (const name of readdirSync(join(ROOT, group))
      .filter((f) => f.endsWith('.nn'))
      .sort()) {
      it(name, () => {
        const path = join(ROOT, group, name);
        const text = readFileSync(path, 'utf8');
        const file = parse(text);
        const dump = dumpTree(file, text);
        const goldenPath = path.replace(/\.nn$/, '.tree');
        if (update || !existsSync(goldenPath)) writeFileSync(goldenPath, dump);
        assert.equal(dump, readFileSync(goldenPath, 'utf8'));
        if (group === 'ok') assert.deepEqual(file.errors, [], 'a valid file parses without errors');
        else assert.ok(file.errors.length > 0, 'an invalid file reports at least one error');
      });
    }
  });
}
