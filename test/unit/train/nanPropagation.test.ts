/**
 * NaN goes through every activation of the engine's forward pass unchanged, so a run whose weights become
 * NaN stops with the divergence finding instead of training on with silently zeroed units.
 */
import { strict as assert } from 'node:assert';
import { ACTIVATIONS } from '../../../server/src/catalog';
import type { ParamValues } from '../../../server/src/catalog/types';
import { Network } from '../../../server/src/train/engine/network';
import type { LayerSpec } from '../../../server/src/model/spec';
import { Trainer } from '../../../server/src/train/trainer';
import { dense, network } from './helpers';

/** Parameter forms whose forward pass takes a different branch. */
const VARIANTS: Record<string, ParamValues[]> = {
  gelu: [{ approximate: 'none' }, { approximate: 'tanh' }],
  step: [{}, { threshold: 0.3 }],
  maxout: [{ pieces: 2 }, { pieces: 3 }],
  leaky_relu: [{}, { alpha: 1 }],
};

const UNITS = 3;

describe('NaN propagates through every activation', () => {
  for (const def of ACTIVATIONS) {
    for (const params of VARIANTS[def.name] ?? [{}]) {
      const label = `${def.name}${Object.keys(params).length ? JSON.stringify(params) : ''}`;
      for (const standalone of def.shape === 'maxout' ? [false] : [false, true]) {
        it(`${label}${standalone ? ' as a standalone layer' : ''}: f(NaN) is NaN`, () => {
          const layers: LayerSpec[] = standalone
            ? [dense(UNITS), { kind: 'activation', name: '', sourceIndex: 0, activation: { name: def.name, params } }]
            : [dense(UNITS, def.name, params)];
          const net = new Network(
            network(2, layers, { loss: { name: 'mse', params: {} }, task: { kind: 'regression' } }),
            { capacity: 2, kind: 'float64', seed: 1 },
          );
          const first = net.dense[0];
          // Each piece of the first unit (and every row's input) sees a NaN weight: the unit's
          // pre-activation is NaN whatever the other pieces hold.
          for (let p = 0; p < first.kernel.pieces; p++) first.W[p * UNITS * 2] = NaN;
          const out = net.forward(Float64Array.of(1, 2, -1, 0.5), 2, false);
          for (let r = 0; r < 2; r++)
            assert.ok(Number.isNaN(out[r * UNITS]), `${label}: row ${r} unit 0 gives ${out[r * UNITS]}`);
          if (def.shape === 'maxout') {
            // One NaN piece among finite ones is enough.
            first.W.fill(0.1);
            first.W[UNITS * 2 * (first.kernel.pieces - 1)] = NaN;
            const again = net.forward(Float64Array.of(1, 2, -1, 0.5), 2, false);
            assert.ok(Number.isNaN(again[0]), `${label}: a NaN in the last piece gives ${again[0]}`);
          }
        });
      }
    }
  }

  for (const activation of ['relu', 'step']) {
    it(`a ${activation} run whose weights become NaN stops with the divergence finding`, () => {
      const spec = network(2, [dense(8, activation, {}, 'he_normal'), dense(1, 'sigmoid')]);
      const trainer = new Trainer({
        runId: 'nan',
        spec,
        settings: { epochs: 6, batch: 16, validation: 0.2, seed: 1, normalize: true },
        data: { name: 'moons', params: { points: 120, noise: 0.1 } },
      });
      trainer.advance(1e9, true);
      assert.equal(trainer.finished, undefined, 'the first epoch trains normally');
      trainer.learner.dense[0].W[0] = NaN;
      const finished = trainer.runToEnd().find((e) => e.type === 'finished');
      assert.ok(finished?.type === 'finished');
      assert.equal(finished.reason, 'diverged', `the run ended as '${finished.reason}'`);
      const finding = finished.findings.find((f) => f.code === 'exploding-gradient');
      assert.ok(finding, `findings: ${JSON.stringify(finished.findings)}`);
      assert.equal(finding.severity, 'error');
      assert.equal(finding.layer, 'dense_1');
    });
  }
});
