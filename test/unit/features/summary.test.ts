/** The model summary: rows, Markdown, the box-drawn text table and the `nn summary` command. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../../server/src/analysis';
import { summaryMarkdown, summaryRows, summaryText } from '../../../server/src/features/summary';
import { SPIRALS } from './support';
import { runNn } from '../../support/cli';

const model = analyze(SPIRALS).semantic.models[0];

const run = (args: string[]) => runNn('summary', ...args);

describe('features: model summary', () => {
  it('has one row per layer with type, units, activation, output width and parameters', () => {
    assert.deepEqual(
      summaryRows(model).map((r) => [r.name, r.type, r.units, r.activation, r.outWidth, r.params]),
      [
        ['dense_1', 'dense', '16', 'relu', 16, 48],
        ['dense_2', 'dense', '16', 'leaky_relu(alpha: 0.1)', 16, 272],
        ['dropout_1', 'dropout(0.2)', '', '', 16, 0],
        ['out', 'dense', '1', 'sigmoid', 1, 17],
      ],
    );
  });

  it('sums to the total in Markdown, with task, loss and optimizer', () => {
    const md = summaryMarkdown(model);
    assert.match(md, /\| out \| dense \| 1 \| `sigmoid` \| 1 \| 17 \|/);
    assert.match(md, /\*\*Total params:\*\* 337/);
    assert.match(md, /\*\*Task:\*\* binary/);
    assert.match(md, /\*\*Loss:\*\* bce\n|\*\*Loss:\*\* bce {2}/);
    assert.match(md, /\*\*Optimizer:\*\* adam\(lr: 0\.01\)/);
  });

  it('draws an aligned text table', () => {
    const lines = summaryText(model).split('\n');
    assert.equal(lines[0], 'Model "spirals"');
    const table = lines.slice(1, 9);
    assert.equal(new Set(table.map((l) => [...l].length)).size, 1, 'every table line has the same width');
    assert.match(
      lines.find((l) => l.includes('dense_2'))!,
      /│ dense_2 +│ dense +│ +16 │ leaky_relu\(alpha: 0\.1\) │ +16 │ +272 │/,
    );
    assert.ok(lines.includes(' Total params: 337'));
  });

  it('nn summary prints the table, --markdown and --json, and fails clearly on a missing model', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nn-summary-'));
    const file = join(dir, 'spirals.nn');
    writeFileSync(file, SPIRALS);
    const text = await run([file]);
    assert.equal(text.code, 0);
    assert.equal(text.out, summaryText(model));
    assert.equal((await run([file, '--markdown'])).out, summaryMarkdown(model));
    const json = JSON.parse((await run([file, '--json'])).out);
    assert.equal(json.models[0].totalParams, 337);
    const missing = await run([file, '--model', 'nope']);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /no model named 'nope'.*it has 'spirals'/);
    assert.equal((await run([])).code, 2);
    assert.equal((await run([join(dir, 'absent.nn')])).code, 2);
  });
});
