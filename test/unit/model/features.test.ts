/** The `features` line in the analysis: what a train block's network sees, and the messages about it. */
import { strict as assert } from 'node:assert';
import { analyze } from '../../../server/src/analysis';
import { fixesFor } from '../../../server/src/checks';
import { settingsFromTrain } from '../../../server/src/train/fromModel';

const file = (input: number, trainBody: string) =>
  `model m {\n  task binary\n  input ${input}\n  dense 1 sigmoid\n}\ntrain m {\n${trainBody}\n}\n`;

describe('model: input features', () => {
  it('leaves the features unset without a line (the point itself) and resolves a written list in order', () => {
    assert.equal(analyze(file(2, '  data circle')).semantic.trains[0].features, undefined);
    const train = analyze(file(3, '  data circle\n  features x2sq, x1, sinx1')).semantic.trains[0];
    assert.deepEqual(train.features, ['x2sq', 'x1', 'sinx1']);
    assert.deepEqual(settingsFromTrain(train).features, ['x2sq', 'x1', 'sinx1']);
    assert.equal(settingsFromTrain(analyze(file(2, '  data circle')).semantic.trains[0]).features, undefined);
  });

  it('checks the input width against the features, naming them, and offers to set it', () => {
    const analysis = analyze(file(2, '  data circle\n  features x1, x2, x1x2'));
    const [width] = analysis.diagnostics.filter((d) => d.code === 'data-task');
    assert.equal(
      width.message,
      "features x1, x2, x1x2 give the network 3 inputs, but model 'm' takes input 2 — set input 3",
    );
    assert.equal(analysis.text.slice(width.span.start, width.span.end), 'features x1, x2, x1x2');
    assert.deepEqual(
      fixesFor(width, analysis)
        .filter((f) => f.id === 'value')
        .map((f) => f.title),
      ['Set input 3'],
    );
  });

  it('suggests the nearest feature name, with a quick fix', () => {
    const analysis = analyze(file(2, '  data circle\n  features x1sqr, x2sq'));
    const [unknown] = analysis.diagnostics.filter((d) => d.code === 'unknown-feature');
    assert.equal(unknown.message, "unknown feature 'x1sqr' — did you mean 'x1sq'?");
    assert.deepEqual(
      fixesFor(unknown, analysis)
        .filter((f) => f.id === 'suggestion')
        .map((f) => f.title),
      ["Change to 'x1sq'"],
    );
    assert.deepEqual(
      analysis.diagnostics.filter((d) => d.code === 'data-task'),
      [],
      'no width error on top of the unknown name',
    );
  });

  it('refuses features on data with columns of its own, saying which sets take them', () => {
    const analysis = analyze(file(4, '  data iris\n  features x1, x2'));
    const [refusal] = analysis.diagnostics.filter((d) => d.code === 'features-data');
    assert.match(refusal.message, /^'features' applies to the 2-D toy sets only \(xor, circle, .*\), not to 'iris'/);
    assert.equal(analysis.semantic.trains[0].features, undefined, 'the run would not use them');
  });
});
