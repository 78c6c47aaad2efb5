import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { exportModel } from '../../../server/src/export';
import { INPUT_NAME, ONNX_OPSET, OUTPUT_NAME } from '../../../server/src/export/onnx/model';
import { onnxTypes } from '../../../server/src/export/onnx/schema';
import { assertClose, enginePrediction, parityCases, type ParityCase } from './cases';
import { loadOrt, pythonModuleMissing, runPython, skipForMissing } from './runtimes';

function onnxBytes(c: ParityCase): Uint8Array {
  const [file] = exportModel('onnx', {
    spec: c.spec,
    weights: c.weights,
    settings: c.settings,
    sourceName: `${c.id}.nn`,
  }).files;
  assert.ok(file.content instanceof Uint8Array);
  return file.content;
}

/** The decoded ModelProto as a plain object. */
function decode(bytes: Uint8Array): any {
  const { ModelProto } = onnxTypes();
  return ModelProto.toObject(ModelProto.decode(bytes), { longs: Number, defaults: false });
}

describe('export: ONNX', function () {
  it('declares opset 13, one input and one output, and the weights as initializers', () => {
    const c = parityCases().find((x) => x.id === 'prelu')!;
    const model = decode(onnxBytes(c));
    assert.deepEqual(model.opset_import, [{ domain: '', version: ONNX_OPSET }]);
    assert.equal(model.graph.input[0].name, INPUT_NAME);
    assert.equal(model.graph.output[0].name, OUTPUT_NAME);
    assert.equal(model.graph.node.at(-1).output[0], OUTPUT_NAME);
    const names = model.graph.initializer.map((t: any) => t.name);
    assert.deepEqual(
      names.filter((n: string) => n.startsWith('dense_1')),
      ['dense_1.weight', 'dense_1.bias', 'dense_1.slope'],
    );
    const slope = model.graph.initializer.find((t: any) => t.name === 'dense_1.slope');
    assert.deepEqual(slope.float_data, c.weights.dense[0].slopes);
  });

  it('composes the activations opset 13 lacks and says so in a doc_string', () => {
    const gelu = decode(onnxBytes(parityCases().find((x) => x.id === 'gelu')!));
    const ops = gelu.graph.node.map((n: any) => n.op_type);
    assert.ok(ops.includes('Erf') && !ops.includes('Gelu'), ops.join(' '));
    assert.match(
      gelu.graph.node.find((n: any) => n.op_type === 'Erf').doc_string,
      /composed as 0\.5·x·\(1 \+ erf\(x\/√2\)\)/,
    );
    const maxout = decode(onnxBytes(parityCases().find((x) => x.id === 'maxout_3_pieces')!));
    const reduce = maxout.graph.node.find((n: any) => n.op_type === 'ReduceMax');
    assert.deepEqual(
      reduce.attribute.map((a: any) => [a.name, a.ints ?? a.i]),
      [
        ['axes', [1]],
        ['keepdims', 0],
      ],
    );
  });

  it('leaves dropout out', () => {
    const model = decode(onnxBytes(parityCases().find((x) => x.id === 'standalone_and_dropout')!));
    assert.ok(!model.graph.node.some((n: any) => n.op_type === 'Dropout'));
  });

  describe('the ONNX checker', function () {
    it('accepts every exported model', function () {
      this.timeout(300_000);
      const missing = pythonModuleMissing('onnx');
      if (missing) skipForMissing(this, 'ONNX checker', missing);
      const dir = mkdtempSync(path.join(tmpdir(), 'nn-export-onnx-'));
      try {
        const files = parityCases().map((c) => {
          const file = path.join(dir, `${c.id}.onnx`);
          writeFileSync(file, onnxBytes(c));
          return file;
        });
        const lines = runPython(path.join(__dirname, 'onnx_check.py'), files)
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l));
        assert.equal(lines.length, files.length);
        for (const line of lines) {
          assert.ok(line.ok, `${path.basename(line.path)}: ${line.error}`);
          assert.equal(line.opset, ONNX_OPSET);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('parity with the engine in onnxruntime (100 inputs, within 1e-5)', function () {
    let ort: typeof import('onnxruntime-node') | undefined;

    before(async function () {
      const loaded = await loadOrt();
      if (loaded.missing) skipForMissing(this, 'ONNX parity', loaded.missing);
      ort = loaded.ort;
    });

    for (const c of parityCases()) {
      it(`${c.id} (${c.activation})`, async () => {
        assert.ok(ort);
        const session = await ort.InferenceSession.create(onnxBytes(c), { intraOpNumThreads: 1, interOpNumThreads: 1 });
        try {
          const flat = Float32Array.from(c.inputs.flat());
          const result = await session.run({
            [INPUT_NAME]: new ort.Tensor('float32', flat, [c.inputs.length, c.inputs[0].length]),
          });
          const output = result[OUTPUT_NAME];
          const width = Number(output.dims[1]);
          const data = Array.from(output.data as Float32Array);
          const rows = c.inputs.map((_, r) => data.slice(r * width, (r + 1) * width));
          assertClose(rows, enginePrediction(c, 'float32'), 1e-5, c.id);
        } finally {
          await session.release();
        }
      });
    }
  });
});
