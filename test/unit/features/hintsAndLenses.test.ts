/** Inlay hints (layer width and parameters, model total) and code lenses (train, compare, summary). */
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/analysis';
import { codeLenses } from '../../../server/src/features/codeLens';
import { inlayHints } from '../../../server/src/features/inlayHints';
import { SPIRALS } from './support';

describe('features: inlay hints', () => {
  const analysis = analyze(SPIRALS);
  const hints = inlayHints(analysis);
  const lineOf = (offset: number) => SPIRALS.slice(SPIRALS.lastIndexOf('\n', offset - 1) + 1, offset);

  it('puts the output width and parameter count after each layer', () => {
    const layers = hints.filter((h) => h.kind === 'layer');
    assert.deepEqual(
      layers.map((h) => [lineOf(h.offset).trim(), h.label]),
      [
        ['dense 16 relu', '→ 16 · 48 params'],
        ['dense 16 leaky_relu(alpha: 0.1)', '→ 16 · 272 params'],
        ['dropout 0.2', '→ 16'],
        ['out: dense 1 sigmoid', '→ 1 · 17 params'],
      ],
    );
    assert.equal(layers[0].tooltip, 'dense_1: 2×16 + 16 = 48 parameters');
  });

  it('puts the total after the model header', () => {
    const model = hints.find((h) => h.kind === 'model')!;
    assert.equal(model.label, '337 params in total');
    assert.equal(lineOf(model.offset), 'model spirals {');
  });

  it('leaves out what is unknown and keeps to the range', () => {
    const noInput = analyze('model m {\n  dense 4 relu\n  dense 1\n}\n');
    assert.deepEqual(
      inlayHints(noInput).map((h) => h.label),
      ['→ 4', '→ 1 · 5 params'],
      'no count for the first layer, no total',
    );
    const firstLayerLine = { start: SPIRALS.indexOf('dense'), end: SPIRALS.indexOf('\n', SPIRALS.indexOf('dense')) };
    assert.deepEqual(
      inlayHints(analysis, firstLayerLine).map((h) => h.label),
      ['→ 16 · 48 params'],
    );
  });
});

describe('features: code lenses', () => {
  it('offers train, compare, summary and export above each named model', () => {
    const text = `${SPIRALS}\nmodel b {\n  input 1\n  dense 1\n}\nmodel {\n}\n`;
    const lenses = codeLenses(analyze(text));
    assert.deepEqual(
      lenses.map((l) => `${l.model}:${l.command}:${l.title}`),
      [
        'spirals:nn.train:▶ Train',
        'spirals:nn.compareActivations:Compare activations',
        'spirals:nn.showSummary:Summary',
        'spirals:nn.export:Export…',
        'b:nn.train:▶ Train',
        'b:nn.compareActivations:Compare activations',
        'b:nn.showSummary:Summary',
        'b:nn.export:Export…',
      ],
    );
    assert.equal(text.slice(lenses[0].span.start, lenses[0].span.end), 'model spirals');
  });
});
