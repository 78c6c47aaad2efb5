/** The examples' list that "NN: Open Example Model" offers (a web extension cannot list its own folder). */
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE_NAMES, untitledExampleName } from '../../../client/src/commands/exampleNames';

describe('client examples', () => {
  it('lists exactly the bundled examples/*.nn', () => {
    const onDisk = readdirSync(join(__dirname, '..', '..', '..', 'examples'))
      .filter((name) => name.endsWith('.nn'))
      .map((name) => name.slice(0, -'.nn'.length))
      .sort();
    assert.deepEqual([...EXAMPLE_NAMES].sort(), onDisk);
  });

  it('opens an example under its file name, numbered when that name is taken', () => {
    assert.equal(
      untitledExampleName('spirals', () => false),
      'spirals.nn',
    );
    const open = new Set(['spirals.nn', 'spirals-2.nn']);
    assert.equal(
      untitledExampleName('spirals', (name) => open.has(name)),
      'spirals-3.nn',
    );
  });
});
