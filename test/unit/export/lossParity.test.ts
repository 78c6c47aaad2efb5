/**
 * The loss in the exported PyTorch module's training snippet is the engine's loss: same value and same
 * gradient for every dense layer (float64), so training continued in PyTorch behaves as it did here. The
 * softmax + bce cases include confidently wrong rows, where a clamped probability would lose the gradient.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { exportModel } from '../../../server/src/export';
import { HELPERS } from '../../../server/src/export/pytorch/activations';
import { className } from '../../../server/src/export/pytorch/python';
import { Learner } from '../../../server/src/train/engine/learner';
import { Rng } from '../../../server/src/train/engine/rng';
import type { NetworkSpec } from '../../../server/src/model/spec';
import { dense, network } from '../train/helpers';
import { pythonModuleMissing, runPython, skipForMissing } from './runtimes';

const ROWS = 24;

interface LossCase {
  id: string;
  loss: string;
  params?: Record<string, number>;
  output?: string;
  units: number;
  targets: 'one-hot' | 'binary' | 'real';
  /** Output biases that push the prediction far to one side (confident rows). */
  bias?: number[];
}

const CASES: LossCase[] = [
  { id: 'bce_softmax_2', loss: 'bce', output: 'softmax', units: 2, targets: 'one-hot' },
  { id: 'bce_softmax_2_confident', loss: 'bce', output: 'softmax', units: 2, targets: 'one-hot', bias: [16, -16] },
  { id: 'bce_softmax_3_confident', loss: 'bce', output: 'softmax', units: 3, targets: 'one-hot', bias: [18, 0, -2] },
  { id: 'bce_sigmoid', loss: 'bce', output: 'sigmoid', units: 1, targets: 'binary' },
  { id: 'bce_linear', loss: 'bce', units: 1, targets: 'binary' },
  { id: 'cce_softmax', loss: 'cce', output: 'softmax', units: 3, targets: 'one-hot' },
  { id: 'cce_linear', loss: 'cce', units: 3, targets: 'one-hot' },
  { id: 'cce_sigmoid', loss: 'cce', output: 'sigmoid', units: 3, targets: 'one-hot' },
  { id: 'mse', loss: 'mse', units: 2, targets: 'real' },
  { id: 'mae', loss: 'mae', units: 2, targets: 'real' },
  { id: 'huber', loss: 'huber', params: { delta: 0.5 }, units: 2, targets: 'real' },
];

function targetRow(kind: LossCase['targets'], width: number, r: number, rng: Rng): number[] {
  if (kind === 'real') return Array.from({ length: width }, () => rng.normal());
  if (kind === 'binary') return Array.from({ length: width }, () => (rng.next() < 0.5 ? 0 : 1));
  const row = new Array<number>(width).fill(0);
  row[r % width] = 1;
  return row;
}

interface Prepared {
  spec: NetworkSpec;
  learner: Learner;
  inputs: number[][];
  targets: number[][];
}

function prepare(c: LossCase): Prepared {
  const spec = network(3, [dense(4, 'tanh'), dense(c.units, c.output)], {
    loss: { name: c.loss, params: c.params ?? {} },
  });
  spec.modelName = c.id;
  const learner = new Learner(spec, { batch: ROWS, seed: 5, kind: 'float64' });
  const rng = new Rng(17);
  for (const group of learner.network.params)
    for (let i = 0; i < group.value.length; i++) group.value[i] += 0.3 * rng.normal();
  if (c.bias) learner.dense[1].b.set(c.bias);
  const inputs = Array.from({ length: ROWS }, () => Array.from({ length: spec.input }, () => 1.5 * rng.normal()));
  const targets = Array.from({ length: ROWS }, (_, r) => targetRow(c.targets, c.units, r, rng));
  return { spec, learner, inputs, targets };
}

type TorchResult = Record<
  string,
  { construct: string; reads: string; loss: number; grads: Array<{ W: number[]; b: number[] }> }
>;

function assertNear(actual: number, expected: number, label: string): void {
  assert.ok(
    Math.abs(actual - expected) <= 1e-12 + 1e-9 * Math.abs(expected),
    `${label}: PyTorch ${actual}, engine ${expected}`,
  );
}

describe("export: the PyTorch training snippet uses the engine's loss", function () {
  let dir: string;
  let results: TorchResult = {};
  const prepared = new Map<string, Prepared>();

  before(function () {
    this.timeout(300_000);
    const missing = pythonModuleMissing('torch');
    if (missing) skipForMissing(this, 'PyTorch loss parity', missing);
    dir = mkdtempSync(path.join(tmpdir(), 'nn-loss-torch-'));
    const cases = CASES.map((c) => {
      const p = prepare(c);
      prepared.set(c.id, p);
      const result = exportModel('pytorch', { spec: p.spec, weights: p.learner.network.toWeights() }, c.id);
      for (const file of result.files) writeFileSync(path.join(dir, file.name), file.content);
      return {
        id: c.id,
        class: className(p.spec.modelName, Object.keys(HELPERS)),
        module: path.join(dir, `${c.id}.py`),
        weights: path.join(dir, `${c.id}.weights.json`),
        inputs: p.inputs,
        targets: p.targets,
      };
    });
    const manifest = path.join(dir, 'manifest.json');
    writeFileSync(manifest, JSON.stringify({ cases }));
    results = JSON.parse(runPython(path.join(__dirname, 'torch_loss_parity.py'), [manifest])) as TorchResult;
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the confident cases really hold confidently wrong rows', () => {
    for (const c of CASES.filter((x) => x.bias)) {
      const { learner, inputs, targets } = prepared.get(c.id)!;
      const out = learner.network.forward(Float64Array.from(inputs.flat()), ROWS, false);
      const wrong = targets.filter((t, r) => t.some((v, j) => v === 0 && out[r * c.units + j] > 1 - 1e-7)).length;
      assert.ok(wrong >= 3, `${c.id}: only ${wrong} confidently wrong rows`);
    }
  });

  for (const c of CASES) {
    it(`${c.id}: same loss and gradient`, () => {
      const torch = results[c.id];
      assert.ok(torch, `no result for ${c.id}`);
      const { learner, inputs, targets } = prepared.get(c.id)!;
      const X = Float64Array.from(inputs.flat());
      const T = Float64Array.from(targets.flat());
      const loss = learner.evaluateChunk(X, T, ROWS) / ROWS;
      const label = `${c.id} (${torch.construct} on ${torch.reads})`;
      assertNear(torch.loss, loss, `${label} loss`);
      learner.computeGradients(X, T, ROWS);
      assert.equal(torch.grads.length, learner.dense.length);
      learner.dense.forEach((layer, k) => {
        layer.dW.forEach((g, i) => assertNear(torch.grads[k].W[i], g, `${label} dW[${k}][${i}]`));
        layer.db.forEach((g, i) => assertNear(torch.grads[k].b[i], g, `${label} db[${k}][${i}]`));
      });
    });
  }
});
