import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../server/src/analysis';
import { fixEdits } from '../../../server/src/features/panel/fixEdits';
import { describeForPanel, type PanelDescription } from '../../../server/src/features/panel/model';
import type { PanelInit, PanelSettings } from '../../../server/src/protocol';
import { checkHostMessage } from '../../../server/src/protocolValidate';
import { planRun } from '../../../server/src/run/pipeline';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { applyEdits } from '../../../server/src/syntax/textEdit';
import { panelCsp, panelHtml } from '../../../client/src/panel/html';

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');
const example = (name: string) => readFileSync(path.join(EXAMPLES, name), 'utf8');

function described(text: string, model?: string): Extract<PanelDescription, { ok: true }> {
  const found = describeForPanel(analyze(text), model);
  if (!found.ok) throw new Error(found.message);
  return found;
}

/** The init message the host builds from the server's answer. */
function buildPanelInit(text: string, fileName: string, documentUri: string): PanelInit {
  return { type: 'init', mode: 'train', fileName, documentUri, ...described(text).model };
}

/** The plan of a run with the panel's fields (and a compare run's hidden activation). */
function plan(text: string, settings?: PanelSettings, hiddenActivation?: string) {
  const result = planRun({
    text,
    path: '',
    settings: DEFAULT_SETTINGS,
    data: { workspaceRoots: [], trusted: true },
    hiddenActivation,
    overrides: settings && { epochs: settings.epochs, batch: settings.batch, lr: settings.lr, seed: settings.seed },
    toyData: settings?.data,
  });
  if (!result.ok) throw new Error(result.message);
  return result;
}

const SOURCE = `model m {
  task binary
  input 2
  h1: dense 8 relu
  dense 8
  activation tanh
  dense 4
  out: dense 1 sigmoid
  loss bce
  optimizer adam(lr: 0.01)
}

train m {
  data spiral(points: 200, noise: 0.2)
  epochs 50
}
`;

describe('training panel model (host side)', () => {
  describe('the init message', () => {
    for (const file of ['spirals.nn', 'xor.nn', 'iris.nn', 'regression.nn', 'flawed.nn']) {
      it(`is valid for examples/${file}`, () => {
        const init = buildPanelInit(example(file), file, `file:///x/${file}`);
        const checked = checkHostMessage(init);
        assert.ok(checked.ok, checked.ok ? '' : checked.error);
        assert.ok(init.layers.length > 0);
        for (const layer of init.layers) {
          if (layer.activation)
            assert.ok(
              init.activationCurves.some((c) => c.name === layer.activation),
              `a curve for ${layer.activation}`,
            );
        }
      });
    }

    it('lists layers with their effective activations, one curve per distinct activation', () => {
      const init = buildPanelInit(SOURCE, 'a.nn', 'file:///a.nn');
      assert.deepEqual(
        init.layers.map((l) => [l.name, l.kind, l.role, l.activation]),
        [
          ['h1', 'dense', 'hidden', 'relu'],
          ['dense_2', 'dense', 'hidden', 'tanh'],
          ['activation_1', 'activation', undefined, undefined],
          ['dense_3', 'dense', 'hidden', undefined],
          ['out', 'dense', 'output', 'sigmoid'],
        ],
      );
      assert.deepEqual(
        init.activationCurves.map((c) => c.name),
        ['relu', 'tanh', 'sigmoid'],
      );
    });

    it('takes the settings from the train block, with catalog defaults filled in', () => {
      const init = buildPanelInit(SOURCE, 'a.nn', 'file:///a.nn');
      assert.deepEqual(init.settings, {
        epochs: 50,
        batch: 32,
        lr: 0.01,
        seed: 1,
        validation: 0.2,
        normalize: true,
        data: { name: 'spiral', points: 200, noise: 0.2 },
        features: ['x1', 'x2'],
      });
      assert.deepEqual(init.toyDatasets, ['xor', 'circle', 'gaussian', 'spiral', 'moons']);
    });

    it('shows the model’s regularization and the written features, and offers every feature and regularizer', () => {
      const text = SOURCE.replace('input 2', 'input 3')
        .replace('optimizer adam(lr: 0.01)', 'optimizer adam(lr: 0.01)\n  regularize l1(0.003)')
        .replace('epochs 50', 'features x1sq, x2sq, x1x2\n  epochs 50');
      const init = buildPanelInit(text, 'a.nn', 'file:///a.nn');
      assert.deepEqual(init.settings.regularize, { kind: 'l1', amount: 0.003 });
      assert.deepEqual(init.settings.features, ['x1sq', 'x2sq', 'x1x2']);
      assert.deepEqual(
        init.featureChoices?.map((f) => f.name),
        ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'],
      );
      assert.equal(init.featureChoices?.[2].formula, 'x1²');
      assert.deepEqual(init.regularizeChoices, [
        { kind: 'l1', amount: 0.001 },
        { kind: 'l2', amount: 0.0001 },
      ]);
      assert.equal(buildPanelInit(SOURCE, 'a.nn', 'file:///a.nn').settings.regularize, undefined);
      assert.equal(buildPanelInit(example('iris.nn'), 'a', 'b').settings.features, undefined);
    });

    it('offers only toy datasets of the same task, and none for bundled data', () => {
      const multi = SOURCE.replace('task binary', 'task multiclass(classes: 3)').replace(
        'spiral(points: 200, noise: 0.2)',
        'spiral(classes: 3)',
      );
      assert.deepEqual(buildPanelInit(multi, 'a', 'b').toyDatasets, ['spiral', 'blobs']);
      const iris = buildPanelInit(example('iris.nn'), 'a', 'b');
      assert.deepEqual(iris.toyDatasets, []);
      assert.equal(iris.settings.data, undefined);
    });
  });

  describe('runs', () => {
    it('applies the panel’s settings to the run', () => {
      const inputs = plan(SOURCE, {
        epochs: 7,
        batch: 4,
        lr: 0.5,
        seed: 9,
        data: { name: 'moons', points: 100, noise: 0.05 },
      });
      assert.equal(inputs.settings.epochs, 7);
      assert.equal(inputs.settings.batch, 4);
      assert.equal(inputs.settings.lr, 0.5);
      assert.equal(inputs.settings.seed, 9);
      assert.deepEqual(inputs.data, { name: 'moons', params: { points: 100, noise: 0.05 } });
      assert.equal(inputs.spec.modelName, 'm');
    });

    it('a compare variant changes the hidden activations only, with matching inits where they were automatic', () => {
      const text = SOURCE.replace('h1: dense 8 relu', 'h1: dense 8 relu init glorot');
      const spec = plan(text, undefined, 'tanh').spec;
      const dense = spec.layers.filter((l) => l.kind === 'dense');
      assert.deepEqual(
        dense.map((l) => l.kind === 'dense' && [l.name, l.activation?.name, l.init]),
        [
          ['h1', 'tanh', 'glorot_normal'],
          ['dense_2', 'tanh', 'glorot_uniform'],
          ['dense_3', 'tanh', 'glorot_uniform'],
          ['out', 'sigmoid', 'glorot_uniform'],
        ],
      );
      assert.throws(() => plan(text, undefined, 'rleu'), /unknown activation 'rleu'/);
    });

    it('times classifiers to 90% validation accuracy and leaves regression untimed', () => {
      assert.deepEqual(described(SOURCE).compareThreshold, { key: 'valMetric', direction: 'atLeast', value: 0.9 });
      assert.equal(described(example('regression.nn')).compareThreshold, undefined);
    });

    it('says why a file cannot be trained', () => {
      const why = (text: string, model?: string) => {
        const result = describeForPanel(analyze(text), model);
        return result.ok ? 'ok' : result.message;
      };
      assert.match(why('model a { input 2\n dense 1 }'), /^the file has no train block/);
      assert.match(why(SOURCE, 'zzz'), /^no train block for model 'zzz'/);
      assert.equal(why('model a { dense 1 }\ntrain a { data xor }'), "model 'a' has no 'input' line");
    });
  });

  describe('fixes', () => {
    const fix = (text: string, f: Parameters<typeof fixEdits>[2]) => {
      const result = fixEdits(analyze(text), 'm', f);
      if ('error' in result) return result.error;
      return applyEdits(text, result.edits);
    };

    it('switches a layer’s own activation, one merged from an activation layer, and adds one to a linear layer', () => {
      const out = fix(SOURCE, { kind: 'setActivation', sourceIndices: [0, 1, 3], activation: 'leaky_relu' }) as string;
      assert.match(out, /h1: dense 8 leaky_relu\n {2}dense 8\n {2}activation leaky_relu\n {2}dense 4 leaky_relu\n/);
      assert.match(out, /out: dense 1 sigmoid/);
    });

    it('replaces a call with parameters as a whole', () => {
      const out = fix(SOURCE.replace('h1: dense 8 relu', 'h1: dense 8 elu(alpha: 0.5)'), {
        kind: 'setActivation',
        sourceIndices: [0],
        activation: 'relu',
      });
      assert.match(out as string, /h1: dense 8 relu\n/);
    });

    it('sets the learning rate in the train block: replacing its lr line, or adding one', () => {
      const added = fix(SOURCE, { kind: 'setLearningRate', lr: 0.001 }) as string;
      assert.match(added, / {2}epochs 50\n {2}lr 0\.001\n}\n$/);
      assert.equal(fix(added, { kind: 'setLearningRate', lr: 0.3 }), added.replace('lr 0.001', 'lr 0.3'));
      const oneLine = 'model m { input 2\n dense 1 sigmoid }\ntrain m { data xor }';
      assert.equal(
        fix(oneLine, { kind: 'setLearningRate', lr: 0.1 }),
        'model m { input 2\n dense 1 sigmoid }\ntrain m { data xor \n  lr 0.1\n}',
      );
    });

    it('refuses what it cannot do, saying why', () => {
      assert.equal(
        fix(SOURCE, { kind: 'setActivation', sourceIndices: [9], activation: 'relu' }),
        "model 'm' has no layer number 10",
      );
      assert.equal(
        fix(SOURCE, { kind: 'setActivation', sourceIndices: [0], activation: 'rleu' }),
        "unknown activation 'rleu'",
      );
      assert.equal(
        fix(SOURCE.replace('dense 8\n', 'dropout 0.2\n'), {
          kind: 'setActivation',
          sourceIndices: [1],
          activation: 'relu',
        }),
        "layer 'dropout_1' is a dropout layer",
      );
      assert.equal(Object.hasOwn(fixEdits(analyze(SOURCE), 'nope', { kind: 'setLearningRate', lr: 1 }), 'error'), true);
    });
  });

  describe('the page', () => {
    it('allows scripts only with the nonce and styles only from the extension (or with the nonce)', () => {
      assert.equal(
        panelCsp('https://ext.example', 'abc'),
        "default-src 'none'; script-src 'nonce-abc'; style-src https://ext.example 'nonce-abc'; img-src https://ext.example data:; font-src https://ext.example",
      );
      const html = panelHtml({
        cspSource: 'https://ext.example',
        scriptUri: 'https://ext.example/panel.js',
        styleUri: 'https://ext.example/panel.css',
        title: 'Train <m>',
        nonce: 'abc',
      });
      assert.match(html, /<script nonce="abc" src="https:\/\/ext\.example\/panel\.js"><\/script>/);
      assert.match(html, /<title>Train &lt;m&gt;<\/title>/);
      assert.equal((html.match(/<script/g) ?? []).length, 1, 'no inline script');
      assert.ok(!/unsafe-inline|unsafe-eval/.test(html));
    });
  });
});
