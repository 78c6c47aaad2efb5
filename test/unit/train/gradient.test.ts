/**
 * Back-propagation against central finite differences, in float64, for every catalog activation and every
 * loss, over every parameter (weights, biases, PReLU slopes, maxout pieces).
 */
import { strict as assert } from 'node:assert';
import { ACTIVATIONS } from '../../../server/src/catalog';
import { Learner } from '../../../server/src/train/engine/learner';
import { Rng } from '../../../server/src/train/engine/rng';
import type { LayerSpec, NetworkSpec } from '../../../server/src/model/spec';
import { dense, network } from './helpers';

const ROWS = 5;

function checkGradients(spec: NetworkSpec, targets: (rng: Rng, width: number) => number[], label: string): void {
  const learner = new Learner(spec, { batch: ROWS, seed: 3, kind: 'float64' });
  const rng = new Rng(11);
  // Move the biases and slopes away from their initial values so every parameter is exercised.
  for (const group of learner.network.params)
    for (let i = 0; i < group.value.length; i++) group.value[i] += 0.3 * rng.normal();
  const X = new Float64Array(ROWS * spec.input).map(() => 1.5 * rng.normal());
  const width = learner.network.outputWidth;
  const T = new Float64Array(ROWS * width);
  for (let r = 0; r < ROWS; r++) T.set(targets(rng, width), r * width);
  learner.computeGradients(X, T, ROWS);
  const analytic = learner.network.params.map((g) => Float64Array.from(g.grad));
  const h = 1e-6;
  const loss = (): number => learner.evaluateChunk(X, T, ROWS) / ROWS;
  learner.network.params.forEach((group, k) => {
    for (let i = 0; i < group.value.length; i++) {
      const saved = group.value[i];
      group.value[i] = saved + h;
      const up = loss();
      group.value[i] = saved - h;
      const down = loss();
      group.value[i] = saved;
      const numeric = (up - down) / (2 * h);
      const a = analytic[k][i];
      const error = Math.abs(a - numeric) / Math.max(1e-4, Math.abs(a) + Math.abs(numeric));
      assert.ok(
        error < 1e-4,
        `${label}: parameter group ${k}, index ${i}: backprop ${a}, finite difference ${numeric}`,
      );
    }
  });
}

const regressionTargets = (rng: Rng, width: number): number[] => Array.from({ length: width }, () => rng.normal());
const binaryTargets = (rng: Rng, width: number): number[] =>
  Array.from({ length: width }, () => (rng.next() < 0.5 ? 0 : 1));
const oneHot = (rng: Rng, width: number): number[] => {
  const row = new Array<number>(width).fill(0);
  row[rng.int(width)] = 1;
  return row;
};

describe('gradient check (float64, central differences)', () => {
  const hidden = ACTIVATIONS.filter((a) => a.shape !== 'softmax');
  for (const def of hidden) {
    const variants = def.name === 'gelu' ? [{ approximate: 'none' }, { approximate: 'tanh' }] : [{}];
    for (const params of variants) {
      it(`hidden ${def.name}${Object.keys(params).length ? JSON.stringify(params) : ''}`, () => {
        const spec = network(3, [dense(4, def.name, params), dense(2, 'tanh')], {
          loss: { name: 'mse', params: {} },
          task: { kind: 'regression' },
        });
        checkGradients(spec, regressionTargets, def.name);
      });
    }
  }

  it('maxout with three pieces', () => {
    const spec = network(3, [dense(4, 'maxout', { pieces: 3 }), dense(1)], { loss: { name: 'mse', params: {} } });
    checkGradients(spec, regressionTargets, 'maxout');
  });

  it('standalone activation layers and an inactive dropout', () => {
    const layers: LayerSpec[] = [
      dense(4),
      { kind: 'activation', name: '', sourceIndex: 0, activation: { name: 'prelu', params: { init: 0.25 } } },
      { kind: 'dropout', name: '', sourceIndex: 0, rate: 0 },
      dense(3),
      { kind: 'activation', name: '', sourceIndex: 0, activation: { name: 'softmax', params: {} } },
    ];
    checkGradients(network(3, layers, { loss: { name: 'cce', params: {} } }), oneHot, 'standalone');
  });

  const lossCases: Array<{
    loss: string;
    params?: Record<string, number>;
    output?: string;
    units: number;
    targets: typeof oneHot;
  }> = [
    { loss: 'mse', units: 2, targets: regressionTargets },
    { loss: 'mae', units: 2, targets: regressionTargets },
    { loss: 'huber', params: { delta: 0.5 }, units: 2, targets: regressionTargets },
    { loss: 'mse', output: 'sigmoid', units: 2, targets: binaryTargets },
    { loss: 'mse', output: 'softmax', units: 3, targets: oneHot },
    { loss: 'bce', output: 'sigmoid', units: 1, targets: binaryTargets },
    { loss: 'bce', output: 'sigmoid', units: 3, targets: binaryTargets },
    { loss: 'bce', units: 1, targets: binaryTargets },
    { loss: 'bce', output: 'softmax', units: 2, targets: oneHot },
    { loss: 'bce', output: 'tanh', units: 1, targets: binaryTargets },
    { loss: 'cce', output: 'softmax', units: 4, targets: oneHot },
    { loss: 'cce', units: 3, targets: oneHot },
    { loss: 'cce', output: 'sigmoid', units: 3, targets: oneHot },
  ];
  for (const c of lossCases) {
    it(`loss ${c.loss}${c.params ? JSON.stringify(c.params) : ''} on a ${c.output ?? 'linear'} output of ${c.units}`, () => {
      const spec = network(3, [dense(4, 'tanh'), dense(c.units, c.output)], {
        loss: { name: c.loss, params: c.params ?? {} },
      });
      if (c.output === 'tanh') {
        // Keep tanh outputs inside (0, 1) so the clamped cross-entropy is differentiable there.
        checkGradients(
          {
            ...spec,
            layers: [dense(4, 'tanh'), dense(1, 'sigmoid'), dense(1, 'tanh')].map((l, i) => ({ ...l, name: `d${i}` })),
          },
          c.targets,
          'bce-tanh',
        );
      } else {
        checkGradients(spec, c.targets, `${c.loss}/${c.output}`);
      }
    });
  }
});

describe('derivatives written through the output', () => {
  it('agree with df(x) wherever an activation provides them', () => {
    let checked = 0;
    for (const def of ACTIVATIONS) {
      if (def.shape !== 'elementwise') continue;
      const bound = def.bind({});
      if (!bound.dfFromOutput) continue;
      checked++;
      for (let x = -12; x <= 12; x += 0.37) {
        const expected = bound.df(x);
        const actual = bound.dfFromOutput(bound.f(x));
        assert.ok(
          Math.abs(actual - expected) <= 1e-9 + 1e-6 * Math.abs(expected),
          `${def.name} at ${x}: ${actual} vs ${expected}`,
        );
      }
    }
    assert.ok(checked >= 2, 'sigmoid and tanh provide it');
  });
});
