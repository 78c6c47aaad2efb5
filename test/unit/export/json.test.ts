import { strict as assert } from 'node:assert';
import {
  exportModel,
  ExportFormatError,
  JSON_FORMAT,
  JSON_FORMAT_VERSION,
  loadJsonExport,
  toJsonExport,
} from '../../../server/src/export';
import { predict } from '../../../server/src/train/predict';
import { parityCases } from './cases';

describe('export: JSON format', () => {
  for (const c of parityCases()) {
    it(`round-trips ${c.id} with bit-identical predictions`, () => {
      const text = toJsonExport(c.spec, c.weights, c.settings);
      const loaded = loadJsonExport(text);
      assert.ok(loaded.weights, 'weights read back');
      assert.deepEqual(loaded.settings, c.settings);
      for (const kind of ['float32', 'float64'] as const) {
        const before = predict(c.spec, c.weights, c.inputs, { kind, features: c.settings.features });
        const after = predict(loaded.spec, loaded.weights, c.inputs, { kind, features: loaded.settings?.features });
        assert.deepEqual(after, before, `${kind} predictions`);
      }
      // Exact: every weight reads back as the same double.
      assert.deepEqual(
        loaded.weights.dense.map((d) => d.W),
        c.weights.dense.map((d) => d.W),
      );
    });
  }

  it('writes each weight array on one line', () => {
    const c = parityCases()[0];
    const lines = toJsonExport(c.spec, c.weights).split('\n');
    const w = lines.find((l) => l.trim().startsWith('"W": ['));
    assert.ok(w?.trim().endsWith('],'), w);
    assert.equal(JSON.parse(`{${w!.trim().replace(/,$/, '')}}`).W.length, c.weights.dense[0].W.length);
  });

  it('writes the format name and version, and null weights for an architecture-only export', () => {
    const c = parityCases()[0];
    const result = exportModel('json', { spec: c.spec });
    assert.equal(result.files.length, 1);
    assert.equal(result.files[0].name, `${c.spec.modelName}.json`);
    const doc = JSON.parse(String(result.files[0].content));
    assert.equal(doc.format, JSON_FORMAT);
    assert.equal(doc.version, JSON_FORMAT_VERSION);
    assert.equal(doc.weights, null);
    const loaded = loadJsonExport(String(result.files[0].content));
    assert.equal(loaded.weights, undefined);
    assert.equal(loaded.spec.layers.length, c.spec.layers.length);
  });

  const c = () => parityCases().find((x) => x.id === 'maxout_3_pieces')!;
  const mutate = (edit: (doc: any) => void): string => {
    const doc = JSON.parse(toJsonExport(c().spec, c().weights));
    edit(doc);
    return JSON.stringify(doc);
  };
  const rejects: [string, () => string, RegExp][] = [
    ['text that is not JSON', () => '{"format": ', /^\(file\): not valid JSON/],
    [
      'another format',
      () =>
        mutate((d) => {
          d.format = 'keras';
        }),
      /^format: expected "nn-studio-model"/,
    ],
    [
      'a newer version',
      () =>
        mutate((d) => {
          d.version = JSON_FORMAT_VERSION + 1;
        }),
      /^version: this file is version 2/,
    ],
    [
      'an unknown activation',
      () =>
        mutate((d) => {
          d.model.layers[0].activation.name = 'rleu';
        }),
      /^model\.layers\[0\]\.activation\.name: unknown activation 'rleu'/,
    ],
    [
      'a missing unit count',
      () =>
        mutate((d) => {
          delete d.model.layers[1].units;
        }),
      /^model\.layers\[1\]\.units: expected a finite number/,
    ],
    [
      'a weight matrix of the wrong size',
      () =>
        mutate((d) => {
          d.weights.dense[0].W.pop();
        }),
      /^weights\.dense\[0\]\.W: expected 18×2 = 36 values, found 35/,
    ],
    [
      'a non-numeric weight',
      () =>
        mutate((d) => {
          d.weights.dense[1].b[0] = 'x';
        }),
      /^weights\.dense\[1\]\.b\[0\]: expected a finite number/,
    ],
    [
      'a missing dense layer',
      () =>
        mutate((d) => {
          d.weights.dense.pop();
        }),
      /^weights\.dense: the model has 2 dense layers, the weights have 1/,
    ],
    [
      'a zero standard deviation',
      () =>
        mutate((d) => {
          d.weights.normalization.std[1] = 0;
        }),
      /^weights\.normalization\.std\[1\]: a standard deviation of 0/,
    ],
  ];
  for (const [what, text, message] of rejects) {
    it(`rejects ${what} with the path of the bad value`, () => {
      assert.throws(
        () => loadJsonExport(text()),
        (error: unknown) => {
          assert.ok(error instanceof ExportFormatError, String(error));
          assert.match(error.message, message);
          return true;
        },
      );
    });
  }
});
