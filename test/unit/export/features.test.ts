/**
 * Exports of a run with `features`: the ONNX graph and the PyTorch module take raw points (x1, x2) and compute the
 * features themselves; the JSON format records them; a saved run of other features is not reused. (The numeric
 * parity with the engine is the `features_all` case of the shared parity tests in onnx/pytorch/json.test.ts.)
 */
import { strict as assert } from 'node:assert';
import { analyze } from '../../../server/src/analysis';
import { exportModel, loadJsonExport, runWeightsPath, toJsonExport } from '../../../server/src/export';
import { exportFromAnalysis, type ExportHost } from '../../../server/src/export/fromAnalysis';
import { INPUT_NAME } from '../../../server/src/export/onnx/model';
import { onnxTypes } from '../../../server/src/export/onnx/schema';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { settingsFromTrain, specFromModel } from '../../../server/src/train/fromModel';
import { trainSync } from '../../../server/src/train/trainer';
import { parityCases } from './cases';

const featuresCase = () => parityCases().find((c) => c.id === 'features_all')!;

describe('export: input features', () => {
  it('ONNX takes raw (x1, x2) and computes the features with Gather, Mul, Sin and Concat before standardizing', () => {
    const c = featuresCase();
    const [file] = exportModel('onnx', { spec: c.spec, weights: c.weights, settings: c.settings }).files;
    const { ModelProto } = onnxTypes();
    const model: any = ModelProto.toObject(ModelProto.decode(file.content as Uint8Array), {
      longs: Number,
      defaults: false,
    });
    const input = model.graph.input.find((i: any) => i.name === INPUT_NAME);
    assert.equal(input.type.tensor_type.shape.dim[1].dim_value, 2);
    const ops: string[] = model.graph.node.map((n: any) => n.op_type);
    assert.deepEqual(ops.slice(0, ops.indexOf('Concat') + 1), [
      'Gather',
      'Gather',
      'Mul',
      'Mul',
      'Mul',
      'Sin',
      'Sin',
      'Concat',
    ]);
    assert.equal(ops[ops.indexOf('Concat') + 1], 'Sub', 'standardization comes after the features');
    assert.ok(
      model.metadata_props.some(
        (p: any) => p.key === 'nn.features' && p.value === 'x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2',
      ),
    );
  });

  it('PyTorch writes a features() function and applies it first in forward', () => {
    const c = featuresCase();
    const source = String(
      exportModel('pytorch', { spec: c.spec, weights: c.weights, settings: c.settings }).files[0].content,
    );
    assert.match(
      source,
      /^def features\(x\):\n.*\n {4}x1 = x\[:, 0:1\]\n {4}x2 = x\[:, 1:2\]\n {4}return torch\.cat\(\[x1, x2, x1 \* x1, x2 \* x2, x1 \* x2, torch\.sin\(x1\), torch\.sin\(x2\)\], dim=1\)$/m,
    );
    assert.match(source, /^FEATURES = \("x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2",\)$/m);
    assert.match(source, /^INPUT_WIDTH = 2\nFEATURE_WIDTH = 7$/m);
    assert.match(source, /self\.register_buffer\("mean", torch\.zeros\(FEATURE_WIDTH\)\)/);
    assert.match(
      source,
      /def logits\(self, x\):\n.*\n {8}x = features\(x\)\n {8}x = \(x - self\.mean\) \/ self\.std\n/,
    );
    const sketch = String(exportModel('pytorch', { spec: c.spec, settings: c.settings }).files[0].content);
    assert.match(sketch, /# {5}f_train = features\(x_train\)/, 'the training snippet standardizes the features');
  });

  it('without features (or with x1, x2) the exports are unchanged', () => {
    const c = parityCases().find((x) => x.id === 'relu')!;
    const plain = exportModel('pytorch', { spec: c.spec, weights: c.weights, settings: c.settings }).files[0].content;
    const explicit = exportModel('pytorch', {
      spec: c.spec,
      weights: c.weights,
      settings: { ...c.settings, features: ['x1', 'x2'] },
    }).files[0].content;
    assert.equal(explicit, plain);
    assert.doesNotMatch(String(plain), /def features/);
  });

  it('JSON records the features and reads back only known ones, once each, as many as the inputs', () => {
    const c = featuresCase();
    const text = toJsonExport(c.spec, c.weights, c.settings);
    assert.deepEqual(JSON.parse(text).train.features, c.settings.features);
    assert.deepEqual(loadJsonExport(text).settings?.features, c.settings.features);
    const mutate = (features: unknown): string => {
      const doc = JSON.parse(text);
      doc.train.features = features;
      return JSON.stringify(doc);
    };
    assert.throws(
      () => loadJsonExport(mutate(['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'cosx2'])),
      /train\.features\[6\]: expected one of x1, x2/,
    );
    assert.throws(
      () => loadJsonExport(mutate(['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'x1'])),
      /train\.features\[6\]: 'x1' is listed twice/,
    );
    assert.throws(
      () => loadJsonExport(mutate(['x1', 'x2'])),
      /train\.features: 2 features, but the model's input is 7/,
    );
  });

  describe('a saved run is reused only with the same features', () => {
    const text = (features: string) =>
      `model ring {\n  task binary\n  input 2\n  dense 1 sigmoid\n}\ntrain ring {\n  data circle(points: 40)\n  features ${features}\n  epochs 2\n}\n`;
    const filePath = '/ws/ring.nn';

    async function exportWithSaved(
      savedFeatures: string,
      fileFeatures: string,
    ): Promise<{ trained: boolean; messages: string[] }> {
      const saved = analyze(text(savedFeatures));
      const spec = specFromModel(saved.semantic.models[0]);
      const settings = settingsFromTrain(saved.semantic.trains[0]);
      const { finished } = trainSync({ runId: 's', spec, settings, data: { name: 'circle', params: { points: 40 } } });
      const savedText = toJsonExport(spec, finished.weights!, settings);
      let trained = false;
      const host: ExportHost = {
        readText: (path) => (path === runWeightsPath(filePath, 'ring') ? savedText : undefined),
        train: async (spec, settings, data) => {
          trained = true;
          return trainSync({ runId: 't', spec, settings, data }).finished.weights!;
        },
      };
      const outcome = await exportFromAnalysis(
        {
          analysis: analyze(text(fileFeatures)),
          filePath,
          target: 'json',
          weights: true,
          settings: DEFAULT_SETTINGS,
          data: { workspaceRoots: ['/ws'], trusted: true },
        },
        host,
      );
      return { trained, messages: outcome.messages };
    }

    it('reuses it with the same features', async () => {
      const { trained, messages } = await exportWithSaved('x1sq, x2sq', 'x1sq, x2sq');
      assert.equal(trained, false, messages.join('\n'));
    });

    it('trains again when the features changed (same width)', async () => {
      const { trained, messages } = await exportWithSaved('x1, x2', 'x1sq, x2sq');
      assert.equal(trained, true);
      assert.match(messages.join('\n'), /belongs to an earlier version of the model/);
    });
  });
});
