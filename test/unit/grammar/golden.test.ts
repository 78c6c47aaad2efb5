// Golden tests: each fixture's scope dump must match its .scopes file. NN_UPDATE_GOLDEN=1 rewrites them.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { scopeDump } from './tokenize';

const fixtures = path.resolve(__dirname, '../../fixtures/grammar');
const update = process.env.NN_UPDATE_GOLDEN === '1';

describe('grammar golden files', () => {
  const files = readdirSync(fixtures)
    .filter((name) => name.endsWith('.nn'))
    .sort();

  it('has fixtures to compare', () => {
    assert.ok(files.length >= 2, `expected fixtures in ${fixtures}`);
  });

  for (const name of files) {
    it(`tokenizes ${name} as recorded in ${name}.scopes`, async () => {
      const source = readFileSync(path.join(fixtures, name), 'utf8');
      const actual = await scopeDump(source);
      const goldenFile = path.join(fixtures, `${name}.scopes`);
      if (update) {
        writeFileSync(goldenFile, actual);
        return;
      }
      assert.ok(existsSync(goldenFile), `missing ${goldenFile}; run with NN_UPDATE_GOLDEN=1 to create it`);
      assert.equal(
        actual,
        readFileSync(goldenFile, 'utf8'),
        `scopes differ; if the change is intended, run with NN_UPDATE_GOLDEN=1`,
      );
    });
  }
});
