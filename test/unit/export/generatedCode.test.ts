/**
 * Names that reach generated code (file, model and layer names, the output stem) can never change what the
 * code does: random hostile names give a PyTorch module that compiles to the same statements as one made
 * from plain names, and an ONNX model whose strings are valid UTF-8 with no control characters.
 * All modules are checked by one Python process (generated_check.py), which only parses them.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { exportModel } from '../../../server/src/export';
import { onnxTypes } from '../../../server/src/export/onnx/schema';
import { buildPlan, initialWeights } from '../../../server/src/export/plan';
import { trainerScript } from '../../../server/src/export/pytorch/trainerScript';
import { HELPERS } from '../../../server/src/export/pytorch/activations';
import { className } from '../../../server/src/export/pytorch/python';
import type { NetworkSpec } from '../../../server/src/model/spec';
import { PYTHON, pythonModuleMissing, runPython } from './runtimes';

interface Names {
  model: string;
  source: string;
  stem: string;
  layers: string[];
}

/** One layer of each kind whose name reaches a comment, a docstring or a graph name. */
function specWith(names: Names): NetworkSpec {
  const [a, b, c, d, e, f] = names.layers;
  return {
    modelName: names.model,
    input: 2,
    layers: [
      { kind: 'dense', name: a, sourceIndex: 0, units: 5, activation: { name: 'relu', params: {} }, init: 'he_normal' },
      { kind: 'activation', name: b, sourceIndex: 1, activation: { name: 'prelu', params: { init: 0.25 } } },
      {
        kind: 'dense',
        name: c,
        sourceIndex: 2,
        units: 4,
        activation: { name: 'maxout', params: { pieces: 2 } },
        init: 'glorot_uniform',
      },
      {
        kind: 'dense',
        name: d,
        sourceIndex: 3,
        units: 4,
        activation: { name: 'step', params: { threshold: 0 } },
        init: 'glorot_uniform',
      },
      { kind: 'dropout', name: e, sourceIndex: 4, rate: 0.1 },
      {
        kind: 'dense',
        name: f,
        sourceIndex: 5,
        units: 1,
        activation: { name: 'sigmoid', params: {} },
        init: 'glorot_uniform',
      },
    ],
    task: { kind: 'binary' },
    loss: { name: 'bce', params: {} },
    optimizer: { name: 'adam', params: {} },
    regularize: { kind: 'l2', amount: 0.001 },
  };
}

const SETTINGS = { epochs: 10, batch: 8, validation: 0.2, seed: 1, normalize: true };

const PLAIN: Names = { model: 'plain', source: 'plain.nn', stem: 'plain', layers: ['a', 'b', 'c', 'd', 'e', 'f'] };

/** The attack of issue #11: a file name that closes the module docstring and runs code. */
const ATTACK = 'x"""\nimport os; os.system(...)\n"""y.nn';

const FIXED: Names[] = [
  { ...PLAIN, source: ATTACK },
  { ...PLAIN, model: ATTACK, stem: ATTACK, layers: PLAIN.layers.map((l) => `${l}\n${ATTACK}`) },
  {
    ...PLAIN,
    source: "'''\n# -*- coding: utf-7 -*-\n+ACIAIgAi-",
    layers: ['\\', '\\\n', '\r\nimport os', '\u2028x = 1', '\x00', '\ud800'],
  },
  { ...PLAIN, model: '\udc00\ud83d', source: '\x1b[31mred\x07\u202egnp.nn', stem: 'a"b\\c' },
];

/** Characters no generated text may hold raw: controls (except none), format characters, separators, lone surrogates. */
const UNSAFE = /[\p{C}\p{Zl}\p{Zp}]/u;

const PIECES = [
  '"""',
  "'''",
  '"',
  "'",
  '\\',
  '\n',
  '\r',
  '\r\n',
  '\u2028',
  '\u0085',
  '\x00',
  '\x1b[2J',
  '\x07',
  '\x0c',
  '\ud800',
  '\udfff',
  '#',
  ' coding: utf-7',
  'é',
  '😀',
  '\u202e',
  '{',
  '}',
  '\\N{',
  '\\u',
  'import os; os.system("id")',
  '\t',
  'x',
];
const text = fc
  .array(
    fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ maxLength: 6 })),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''));
const names: fc.Arbitrary<Names> = fc.record({
  model: text,
  source: text,
  stem: text,
  layers: fc.array(text, { minLength: 6, maxLength: 6 }),
});

interface PyResult {
  path: string;
  error?: string;
  top?: string[];
  classes?: Record<string, string[]>;
  classDocs?: Record<string, string | null>;
  histogram?: Record<string, number>;
  docstring?: string | null;
  constants?: Record<string, unknown>;
}

interface OnnxResult {
  path: string;
  error?: string;
  docs?: string[];
  names?: string[];
  metadata?: Record<string, string>;
}

/** train.py for the names: they reach its constants as the model, source, class and layer names. */
function trainerOf(n: Names): string {
  const spec = specWith(n);
  return trainerScript({
    spec,
    settings: SETTINGS,
    plan: buildPlan(spec, initialWeights(spec)),
    modelClass: className(n.model, Object.keys(HELPERS)),
    sourceName: n.source,
    inputColumns: 2,
    classes: [n.layers[0], n.layers[1]],
    metric: 'binary',
    dataFile: n.stem,
    initialWeightsFile: n.layers[2],
  });
}

function exported(target: 'pytorch' | 'onnx', n: Names) {
  const spec = specWith(n);
  return exportModel(target, { spec, weights: initialWeights(spec), settings: SETTINGS, sourceName: n.source }, n.stem);
}

describe('export: names cannot inject code', function () {
  this.timeout(120_000);
  const cases: Names[] = [...FIXED, ...fc.sample(names, { numRuns: 150, seed: 11 })];
  let dir: string;
  let results: PyResult[] = [];
  let trainerResults: PyResult[] = [];
  let plainCls = '';
  let onnxResults: OnnxResult[] | undefined;

  before(function () {
    const probe = spawnSync(PYTHON, ['--version'], { encoding: 'utf8' });
    if (probe.error) {
      console.log(`      SKIPPED: ${PYTHON} cannot run (${probe.error.message}); set NN_PYTHON or install python3`);
      this.skip();
    }
    dir = mkdtempSync(path.join(tmpdir(), 'nn-export-names-'));
    const manifest: { path: string; kind: 'py' | 'onnx' }[] = [];
    const withOnnx = pythonModuleMissing('onnx') === undefined;
    [PLAIN, ...cases].forEach((n, i) => {
      const file = path.join(dir, `case_${i}.py`);
      writeFileSync(file, exported('pytorch', n).files[0].content);
      manifest.push({ path: file, kind: 'py' });
      const trainer = path.join(dir, `trainer_${i}.py`);
      writeFileSync(trainer, trainerOf(n));
      manifest.push({ path: trainer, kind: 'py' });
      if (withOnnx) {
        const model = path.join(dir, `case_${i}.onnx`);
        writeFileSync(model, exported('onnx', n).files[0].content);
        manifest.push({ path: model, kind: 'onnx' });
      }
    });
    const manifestPath = path.join(dir, 'manifest.json');
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const all = JSON.parse(runPython(path.join(__dirname, 'generated_check.py'), [manifestPath])) as (PyResult &
      OnnxResult)[];
    results = all.filter((r) => /case_\d+\.py$/.test(r.path));
    trainerResults = all.filter((r) => /trainer_\d+\.py$/.test(r.path));
    if (withOnnx) onnxResults = all.filter((r) => r.path.endsWith('.onnx'));
    plainCls = className(PLAIN.model, Object.keys(HELPERS));
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the plain module compiles and names the model, its file and its weights in constants', () => {
    const plain = results[0];
    assert.equal(plain.error, undefined, plain.error);
    assert.deepEqual(plain.constants, {
      MODEL_NAME: 'plain',
      SOURCE_FILE: 'plain.nn',
      WEIGHTS_FILE: 'plain.weights.json',
      INPUT_WIDTH: 2,
      OUTPUT_WIDTH: 1,
    });
  });

  it('the file name of issue #11 stays inside a string', () => {
    const got = results[1];
    assert.equal(got.error, undefined, got.error);
    assert.deepEqual(got.top, results[0].top);
    assert.equal(got.constants?.SOURCE_FILE, ATTACK);
  });

  it(`hostile names (${FIXED.length} fixed, 150 random) give the same statements as plain names`, () => {
    const plain = results[0];
    const rename = (list: string[], cls: string) =>
      list.map((s) => (s === `ClassDef:${plainCls}` ? `ClassDef:${cls}` : s));
    cases.forEach((n, i) => {
      const got = results[i + 1];
      const label = `case ${i}: ${JSON.stringify(n)}`;
      assert.equal(got.error, undefined, `${label}\n${got.error}`);
      const cls = className(n.model, Object.keys(HELPERS));
      assert.deepEqual(got.top, rename(plain.top!, cls), label);
      assert.deepEqual(got.classes?.[cls], plain.classes?.[plainCls], label);
      assert.deepEqual(got.histogram, plain.histogram, label);
      assert.equal(got.docstring, plain.docstring?.split(plainCls).join(cls), label);
      assert.deepEqual(
        got.constants,
        {
          MODEL_NAME: n.model,
          SOURCE_FILE: n.source,
          WEIGHTS_FILE: `${n.stem}.weights.json`,
          INPUT_WIDTH: 2,
          OUTPUT_WIDTH: 1,
        },
        label,
      );
      assert.equal(got.classDocs?.[cls], `2 inputs → ${n.layers.join(' → ')} → 1 outputs.`, label);
    });
  });

  it(`train.py: hostile names (${FIXED.length} fixed, 150 random) stay in its constants and change no statement`, () => {
    const plain = trainerResults[0];
    assert.equal(plain.error, undefined, plain.error);
    cases.forEach((n, i) => {
      const got = trainerResults[i + 1];
      const label = `case ${i}: ${JSON.stringify(n)}`;
      assert.equal(got.error, undefined, `${label}\n${got.error}`);
      assert.deepEqual(got.top, plain.top, label);
      assert.deepEqual(got.histogram, plain.histogram, label);
      assert.equal(got.docstring, plain.docstring, label);
      const c = got.constants ?? {};
      assert.deepEqual(
        [c.MODEL_NAME, c.SOURCE_FILE, c.MODEL_CLASS, c.CLASSES, c.DATA_FILE, c.INITIAL_WEIGHTS],
        [n.model, n.source, className(n.model, Object.keys(HELPERS)), [n.layers[0], n.layers[1]], n.stem, n.layers[2]],
        label,
      );
    });
  });

  it('ONNX strings are well-formed and free of control characters (decoded here)', () => {
    const { ModelProto } = onnxTypes();
    for (const n of [PLAIN, ...cases]) {
      const model = ModelProto.toObject(ModelProto.decode(exported('onnx', n).files[0].content as Uint8Array)) as {
        doc_string: string;
        graph: {
          name: string;
          node: { name: string; doc_string?: string }[];
          initializer: { name: string; doc_string?: string }[];
        };
        metadata_props: { key: string; value: string }[];
      };
      const strings = [
        model.graph.name,
        ...model.graph.node.flatMap((x) => [x.name, x.doc_string ?? '']),
        ...model.graph.initializer.flatMap((x) => [x.name, x.doc_string ?? '']),
        ...model.metadata_props.map((p) => p.value),
        ...model.doc_string.split('\n'),
      ];
      for (const s of strings) assert.ok(!UNSAFE.test(s), `${JSON.stringify(n)}: ${JSON.stringify(s)}`);
      const meta = Object.fromEntries(model.metadata_props.map((p) => [p.key, p.value]));
      if (!UNSAFE.test(n.model)) assert.equal(meta['nn.model'], n.model);
      if (!UNSAFE.test(n.source)) assert.equal(meta['nn.source'], n.source);
    }
  });

  it('ONNX models with hostile names load and pass the ONNX checker', function () {
    if (!onnxResults) {
      console.log(`      SKIPPED: ${pythonModuleMissing('onnx')}`);
      this.skip();
    }
    for (const r of onnxResults!) assert.equal(r.error, undefined, `${r.path}: ${r.error}`);
  });
});
