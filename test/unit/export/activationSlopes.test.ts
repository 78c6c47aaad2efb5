/** Learned slopes of standalone PReLU layers: saved in the weights, used by predict and by every exporter. */
import { strict as assert } from 'node:assert';
import { exportModel, ExportFormatError, loadJsonExport, toJsonExport } from '../../../server/src/export';
import { onnxTypes } from '../../../server/src/export/onnx/schema';
import { predict } from '../../../server/src/train/predict';
import type { NetworkWeights } from '../../../server/src/model/spec';
import { parityCases } from './cases';

const standalone = () => parityCases().find((c) => c.id === 'prelu_standalone')!;

/** The weights without the activation slopes, as a file written before they were saved. */
function withoutSlopes(weights: NetworkWeights): NetworkWeights {
  const { activationSlopes: _dropped, ...rest } = weights;
  return rest;
}

describe('export: slopes of standalone PReLU layers', () => {
  it('are learned in training and saved per layer, in order, one per value', () => {
    const c = standalone();
    const saved = c.weights.activationSlopes;
    assert.ok(saved, 'the weights hold activationSlopes');
    assert.deepEqual(
      saved.map((s) => [s.name, s.slopes.length]),
      [
        ['activation_1', 6],
        ['gate', 4],
      ],
    );
    assert.ok(
      saved[0].slopes.some((s) => Math.abs(s - 0.1) > 1e-4),
      `slopes moved from init 0.1: ${saved[0].slopes}`,
    );
    assert.ok(
      saved[1].slopes.some((s) => Math.abs(s - 0.25) > 1e-4),
      `slopes moved from init 0.25: ${saved[1].slopes}`,
    );
  });

  it('change what predict computes (it does not fall back to the initial slope)', () => {
    const c = standalone();
    const learned = predict(c.spec, c.weights, c.inputs, { kind: 'float64' });
    const initial = predict(c.spec, withoutSlopes(c.weights), c.inputs, { kind: 'float64' });
    const gap = Math.max(...learned.map((row, r) => Math.abs(row[0] - initial[r][0])));
    assert.ok(gap > 1e-4, `largest difference ${gap}`);
  });

  it('round-trip through the JSON format, and a file without them still loads (initial slopes)', () => {
    const c = standalone();
    const loaded = loadJsonExport(toJsonExport(c.spec, c.weights, c.settings));
    assert.deepEqual(loaded.weights?.activationSlopes, c.weights.activationSlopes);
    const old = loadJsonExport(toJsonExport(c.spec, withoutSlopes(c.weights)));
    assert.equal(old.weights?.activationSlopes, undefined);
    assert.deepEqual(predict(old.spec, old.weights!, c.inputs), predict(c.spec, withoutSlopes(c.weights), c.inputs));
  });

  it('are rejected with the path of the bad value when they do not fit the model', () => {
    const c = standalone();
    const edit = (change: (doc: any) => void): string => {
      const doc = JSON.parse(toJsonExport(c.spec, c.weights));
      change(doc);
      return JSON.stringify(doc);
    };
    const cases: [string, RegExp][] = [
      [
        edit((d) => d.weights.activationSlopes.pop()),
        /^weights\.activationSlopes: the model has 2 standalone PReLU layers, the weights have slopes for 1/,
      ],
      [
        edit((d) => d.weights.activationSlopes[1].slopes.push(1)),
        /^weights\.activationSlopes\[1\]\.slopes: layer 'gate' has 4 values, expected as many slopes, found 5/,
      ],
      [
        edit((d) => {
          d.weights.activationSlopes[0].slopes[2] = 'x';
        }),
        /^weights\.activationSlopes\[0\]\.slopes\[2\]: expected a finite number/,
      ],
      [
        edit((d) => {
          d.weights.activationSlopes = {};
        }),
        /^weights\.activationSlopes: expected an array/,
      ],
    ];
    for (const [text, message] of cases) {
      assert.throws(
        () => loadJsonExport(text),
        (error: unknown) => error instanceof ExportFormatError && message.test(error.message),
      );
    }
  });

  it('become the ONNX PRelu slope initializers', () => {
    const c = standalone();
    const [file] = exportModel('onnx', { spec: c.spec, weights: c.weights }).files;
    const { ModelProto } = onnxTypes();
    const model: any = ModelProto.toObject(ModelProto.decode(file.content as Uint8Array), {
      longs: Number,
      defaults: false,
    });
    const slope = (name: string) => model.graph.initializer.find((t: any) => t.name === name)?.float_data as number[];
    c.weights.activationSlopes!.forEach(({ name, slopes }) => {
      const stored = slope(`${name}.slope`);
      assert.ok(stored, `initializer ${name}.slope`);
      assert.deepEqual(
        stored,
        slopes.map((s) => Math.fround(s)),
      );
    });
  });

  it('are loaded by the PyTorch module from the weights file', () => {
    const c = standalone();
    const source = String(exportModel('pytorch', { spec: c.spec, weights: c.weights }).files[0].content);
    assert.match(source, /activation_slopes = weights\.get\("activationSlopes"\)/);
    assert.match(source, /self\.activation_1\.weight\.copy_\(torch\.tensor\(activation_slopes\[0\]\["slopes"\]/);
    assert.match(source, /self\.gate\.weight\.copy_\(torch\.tensor\(activation_slopes\[1\]\["slopes"\]/);
  });
});
