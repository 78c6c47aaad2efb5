/**
 * The engine's paths agree: on random networks the SIMD paths give the JS path's outputs, gradients and
 * updates within 1e-5 (relative to each buffer's largest value), their gradients pass a finite-difference
 * check, and each path repeats itself bit for bit.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Learner } from '../../../server/src/train/engine/learner';
import { Rng } from '../../../server/src/train/engine/rng';
import { kernelModule } from '../../../server/src/train/engine/wasm/kernels';
import type { PathRequest } from '../../../server/src/train/engine/wasm/path';
import type { LayerSpec, NetworkSpec } from '../../../server/src/model/spec';
import { dense, network } from './helpers';

const PATHS = (['simd', 'relaxed'] as const).filter((p) => kernelModule(p));
const HIDDEN = ['relu', 'tanh', 'sigmoid', 'gelu', 'leaky_relu', 'linear', 'prelu', 'maxout'] as const;
const OPTIMIZERS = [
  { name: 'adam', params: { lr: 0.01 } },
  { name: 'sgd', params: { lr: 0.05, momentum: 0.9 } },
  { name: 'sgd', params: { lr: 0.05 } },
  { name: 'rmsprop', params: { lr: 0.01 } },
];

interface Case {
  spec: NetworkSpec;
  rows: number;
  seed: number;
}

const caseArb = fc
  .record({
    input: fc.integer({ min: 1, max: 40 }),
    hidden: fc.array(
      fc.record({ units: fc.integer({ min: 1, max: 40 }), act: fc.constantFrom(...HIDDEN), dropout: fc.boolean() }),
      { minLength: 0, maxLength: 3 },
    ),
    out: fc.integer({ min: 1, max: 12 }),
    softmax: fc.boolean(),
    optimizer: fc.constantFrom(...OPTIMIZERS),
    l2: fc.boolean(),
    rows: fc.integer({ min: 1, max: 21 }),
    seed: fc.integer({ min: 0, max: 1000 }),
  })
  .map((c): Case => {
    const layers: LayerSpec[] = [];
    for (const h of c.hidden) {
      layers.push(dense(h.units, h.act, h.act === 'maxout' ? { pieces: 2 } : {}));
      if (h.dropout) layers.push({ kind: 'dropout', name: '', sourceIndex: 0, rate: 0.25 });
    }
    const softmax = c.softmax && c.out > 1;
    layers.push(dense(c.out, softmax ? 'softmax' : 'sigmoid'));
    const spec = network(c.input, layers, {
      task: softmax ? { kind: 'multiclass' } : { kind: 'binary' },
      loss: { name: softmax ? 'cce' : 'bce', params: {} },
      optimizer: c.optimizer as NetworkSpec['optimizer'],
      regularize: c.l2 ? { kind: 'l2', amount: 0.001 } : undefined,
    });
    return { spec, rows: c.rows, seed: c.seed };
  });

function data(c: Case): { X: Float32Array; T: Float32Array } {
  const rng = new Rng(c.seed, 7);
  const out = c.spec.layers[c.spec.layers.length - 1];
  const width = out.kind === 'dense' ? out.units : 1;
  const X = new Float32Array(c.rows * c.spec.input).map(() => rng.normal());
  const T = new Float32Array(c.rows * width);
  for (let r = 0; r < c.rows; r++) T[r * width + rng.int(width)] = 1;
  return { X, T };
}

function largest(buffers: ArrayLike<number>[]): number {
  let scale = 0;
  for (const a of buffers) for (let i = 0; i < a.length; i++) scale = Math.max(scale, Math.abs(a[i]));
  return scale;
}

/**
 * |a − b| ≤ 1e-5 · scale, the scale being the largest value of the quantity (norm-wise relative error):
 * float32 sums in another order differ by rounding, which a sum that cancels to near zero cannot hide.
 */
function assertClose(a: ArrayLike<number>, b: ArrayLike<number>, what: string, scale = largest([a])): void {
  assert.equal(a.length, b.length, what);
  for (let i = 0; i < a.length; i++) {
    assert.ok(
      Math.abs(a[i] - b[i]) <= 1e-5 * scale + 1e-30,
      `${what}[${i}]: js ${a[i]}, simd ${b[i]} (scale ${scale})`,
    );
  }
}

function learner(c: Case, path: PathRequest): Learner {
  return new Learner(c.spec, { batch: c.rows, seed: c.seed, path, trackGradients: true });
}

describe('engine paths (JS, SIMD128, relaxed SIMD)', () => {
  for (const path of PATHS) {
    it(`${path}: outputs, gradients and one update agree with the JS path on random networks`, () => {
      fc.assert(
        fc.property(caseArb, (c) => {
          const { X, T } = data(c);
          const js = learner(c, 'js');
          const wasm = learner(c, path);
          assert.equal(js.network.path, 'js');
          assert.equal(wasm.network.path, path);
          js.computeGradients(X, T, c.rows);
          wasm.computeGradients(X, T, c.rows);
          assertClose(js.network.output(), wasm.network.output(), 'output');
          const gradScale = largest(js.network.params.map((g) => g.grad));
          js.network.params.forEach((g, k) =>
            assertClose(g.grad, wasm.network.params[k].grad, `gradient ${k}`, gradScale),
          );
          // Adam's first steps scale tiny gradients up to ±lr, so the update kernels get the same gradients.
          for (let step = 0; step < 3; step++) {
            js.network.params.forEach((g, k) => wasm.network.params[k].grad.set(g.grad));
            js.optimizer.step();
            wasm.optimizer.step();
            js.network.params.forEach((g, k) =>
              assertClose(g.value, wasm.network.params[k].value, `parameter ${k} after step ${step + 1}`),
            );
          }
          js.network.params.forEach((g, k) => wasm.network.params[k].value.set(g.value));
          assert.ok(js.trainBatch(X, T, c.rows) && wasm.trainBatch(X, T, c.rows));
          const norms = [js.takeGradNorms(), wasm.takeGradNorms()];
          assertClose(norms[0], norms[1], 'gradient norms');
        }),
        { numRuns: 120 },
      );
    });

    it(`${path}: gradients match central finite differences`, () => {
      const spec = network(37, [dense(19, 'tanh'), dense(9, 'gelu'), dense(5, 'softmax')], {
        task: { kind: 'multiclass' },
        loss: { name: 'cce', params: {} },
      });
      const c: Case = { spec, rows: 6, seed: 4 };
      const { X, T } = data(c);
      const l = learner(c, path);
      assert.equal(l.network.path, path);
      l.computeGradients(X, T, c.rows);
      const analytic = l.network.params.map((g) => Float64Array.from(g.grad));
      const loss = (): number => l.evaluateChunk(X, T, c.rows) / c.rows;
      const h = 1e-2;
      let worst = 0;
      l.network.params.forEach((group, k) => {
        for (let i = 0; i < group.value.length; i += 7) {
          const saved = group.value[i];
          group.value[i] = saved + h;
          const up = loss();
          group.value[i] = saved - h;
          const down = loss();
          group.value[i] = saved;
          const numeric = (up - down) / (2 * h);
          worst = Math.max(
            worst,
            Math.abs(analytic[k][i] - numeric) / Math.max(1e-2, Math.abs(analytic[k][i]) + Math.abs(numeric)),
          );
        }
      });
      assert.ok(worst < 2e-2, `worst relative difference ${worst}`);
    });

    it(`${path}: repeats itself bit for bit`, () => {
      const spec = network(
        30,
        [
          dense(33, 'relu'),
          { kind: 'dropout', name: '', sourceIndex: 0, rate: 0.2 },
          dense(17, 'tanh'),
          dense(3, 'softmax'),
        ],
        { task: { kind: 'multiclass' }, loss: { name: 'cce', params: {} } },
      );
      const c: Case = { spec, rows: 13, seed: 9 };
      const { X, T } = data(c);
      const runs = [learner(c, path), learner(c, path)].map((l) => {
        for (let step = 0; step < 20; step++) l.trainBatch(X, T, c.rows);
        return l.network.params.map((g) => Array.from(g.value));
      });
      assert.deepEqual(runs[0], runs[1]);
    });
  }

  it('auto keeps tiny networks and float64 on the JS path and puts large ones on SIMD', () => {
    const tiny = network(2, [dense(8, 'tanh'), dense(8, 'tanh'), dense(1, 'sigmoid')]);
    const large = network(784, [dense(128, 'relu'), dense(64, 'relu'), dense(10, 'softmax')], {
      task: { kind: 'multiclass' },
      loss: { name: 'cce', params: {} },
    });
    assert.equal(new Learner(large, { batch: 8, seed: 1, kind: 'float64' }).network.path, 'js');
    assert.equal(
      new Learner(large, { batch: 8, seed: 1 }).network.path,
      PATHS.includes('relaxed') ? 'relaxed' : 'simd',
    );
    assert.equal(new Learner(tiny, { batch: 32, seed: 1 }).network.path, 'js');
    const wide = network(2, [dense(32, 'tanh'), dense(32, 'tanh'), dense(1, 'sigmoid')]);
    assert.notEqual(new Learner(wide, { batch: 1, seed: 1 }).network.path, 'js');
  });
});
