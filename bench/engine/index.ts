/**
 * The training engine against TensorFlow.js (cpu and wasm backends) and brain.js on identical networks,
 * data and batch sizes. Prints samples per second, ratios, and cold start (import + first training step).
 *
 *   (a) 2-8-8-1 tanh/sigmoid, 1,000 points, batch 32, Adam       target ≥ 1,000,000 samples/s
 *   (b) 64-128-64-10 relu/softmax on digits, batch 64, Adam      target ≥ the best TF.js backend
 *   (c) 784-128-64-10 relu/softmax on random data, batch 64, Adam target ≥ the best TF.js backend
 *   cold start of this engine                                    target < 25 ms
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import type { NetworkSpec } from '../../server/src/model/spec';
import { DEPS_DIR, ensureCompetitors, requireDep } from './deps';

type Subject = typeof import('./subject');

/** The small part of the TensorFlow.js API the benchmark uses (it is not a dependency, so no types). */
interface TfTensor {
  dispose(): void;
}
interface TfModel {
  add(layer: unknown): void;
  compile(options: { optimizer: unknown; loss: string }): void;
  fit(
    x: TfTensor,
    y: TfTensor,
    options: { batchSize: number; epochs: number; shuffle: boolean; verbose: number },
  ): Promise<unknown>;
  dispose(): void;
}
interface Tf {
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  sequential(): TfModel;
  layers: { dense(options: { units: number; activation: string; inputShape?: number[] }): unknown };
  train: { adam(lr: number): unknown };
  tensor2d(values: Float32Array, shape: [number, number]): TfTensor;
}

const MEASURE_MS = Number(process.env.NN_BENCH_MS ?? 2000);
const BUNDLE = join(DEPS_DIR, 'engine-bundle.js');

interface Case {
  id: string;
  title: string;
  input: number;
  hidden: { units: number; activation: 'tanh' | 'relu' }[];
  output: { units: number; activation: 'sigmoid' | 'softmax' };
  batch: number;
  data: () => { X: Float32Array; T: Float32Array; rows: number };
}

function specOf(c: Case): NetworkSpec {
  const layers = [...c.hidden, c.output].map((l, i) => ({
    kind: 'dense' as const,
    name: `dense_${i + 1}`,
    sourceIndex: i,
    units: l.units,
    activation: { name: l.activation, params: {} },
    init: (l.activation === 'relu' ? 'he_normal' : 'glorot_uniform') as 'he_normal' | 'glorot_uniform',
  }));
  return {
    modelName: c.id,
    input: c.input,
    layers,
    task: undefined,
    loss: { name: c.output.activation === 'sigmoid' ? 'bce' : 'cce', params: {} },
    optimizer: { name: 'adam', params: { lr: 0.001 } },
  };
}

function bundleEngine(): Subject {
  esbuild.buildSync({
    entryPoints: [join(__dirname, 'subject.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: BUNDLE,
    logLevel: 'warning',
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(BUNDLE) as Subject;
}

function casesFor(engine: Subject): Case[] {
  const rng = new engine.Rng(12345);
  return [
    {
      id: 'a',
      title: '2-8-8-1 tanh/sigmoid, 1,000 points, batch 32, Adam',
      input: 2,
      hidden: [
        { units: 8, activation: 'tanh' },
        { units: 8, activation: 'tanh' },
      ],
      output: { units: 1, activation: 'sigmoid' },
      batch: 32,
      data: () => {
        const rows = 1000;
        const X = new Float32Array(rows * 2).map(() => rng.uniform(-1, 1));
        const T = new Float32Array(rows).map((_, r) => (X[2 * r] * X[2 * r + 1] < 0 ? 1 : 0));
        return { X, T, rows };
      },
    },
    {
      id: 'b',
      title: '64-128-64-10 relu/softmax on digits, batch 64, Adam',
      input: 64,
      hidden: [
        { units: 128, activation: 'relu' },
        { units: 64, activation: 'relu' },
      ],
      output: { units: 10, activation: 'softmax' },
      batch: 64,
      data: () => {
        const digits = engine.bundledDataset('digits');
        const rows = digits.n;
        const X = Float32Array.from(digits.x, (v) => (v - 5) / 6);
        const T = new Float32Array(rows * 10);
        if (digits.target.kind === 'classes') digits.target.labels.forEach((label, r) => (T[r * 10 + label] = 1));
        return { X, T, rows };
      },
    },
    {
      id: 'c',
      title: '784-128-64-10 relu/softmax on random data, batch 64, Adam',
      input: 784,
      hidden: [
        { units: 128, activation: 'relu' },
        { units: 64, activation: 'relu' },
      ],
      output: { units: 10, activation: 'softmax' },
      batch: 64,
      data: () => {
        const rows = 1024;
        const X = new Float32Array(rows * 784).map(() => rng.normal());
        const T = new Float32Array(rows * 10);
        for (let r = 0; r < rows; r++) T[r * 10 + rng.int(10)] = 1;
        return { X, T, rows };
      },
    },
    {
      id: 'd',
      title: '64-256-256-10 relu/softmax on random data, batch 64, Adam',
      input: 64,
      hidden: [
        { units: 256, activation: 'relu' },
        { units: 256, activation: 'relu' },
      ],
      output: { units: 10, activation: 'softmax' },
      batch: 64,
      data: () => {
        const rows = 1024;
        const X = new Float32Array(rows * 64).map(() => rng.normal());
        const T = new Float32Array(rows * 10);
        for (let r = 0; r < rows; r++) T[r * 10 + rng.int(10)] = 1;
        return { X, T, rows };
      },
    },
  ];
}

const ROUNDS = Number(process.env.NN_BENCH_ROUNDS ?? 7);

/** Trains one pass over the data (`rows` samples); may be async (TF.js). */
interface Contender {
  name: string;
  rows: number;
  epoch: () => void | Promise<void>;
  dispose?: () => void;
}

/** Runs `epoch` until `ms` have passed; returns samples/s. */
async function timed(c: Contender, ms: number): Promise<number> {
  let samples = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    await c.epoch();
    samples += c.rows;
    now = performance.now();
  }
  return (samples * 1000) / (now - start);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Each contender's median rate, and the median over rounds of the engine's rate over each other's. */
interface RaceResult {
  rates: number[];
  ratios: number[];
}

/**
 * Warms every contender up, then measures them in turns, ROUNDS times, in one process: the machine is
 * shared, and alternating short turns exposes every contender to the same outside load. Reports medians,
 * and each ratio as the median of the per-round ratios (the engine is contender 0).
 */
async function race(contenders: Contender[]): Promise<RaceResult> {
  for (const c of contenders) await timed(c, Math.min(400, MEASURE_MS / 4));
  const rounds = contenders.map((): number[] => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < contenders.length; k++) rounds[k].push(await timed(contenders[k], MEASURE_MS / ROUNDS));
  }
  return {
    rates: rounds.map(median),
    ratios: rounds.map((r) => median(r.map((rate, round) => rounds[0][round] / rate))),
  };
}

/**
 * The engine as `nn train` runs it (the trainer's Learner: the path picked by size, gradient norms
 * tracked), or pinned to the JS kernels, which is the engine before the SIMD kernels.
 */
function oursContender(
  engine: Subject,
  c: Case,
  data: { X: Float32Array; T: Float32Array; rows: number },
  path: 'auto' | 'js' = 'auto',
): Contender {
  const learner = new engine.Learner(specOf(c), { batch: c.batch, seed: 1, trackGradients: true, path });
  const outW = c.output.units;
  const batches: Array<[Float32Array, Float32Array, number]> = [];
  for (let s = 0; s < data.rows; s += c.batch) {
    const n = Math.min(c.batch, data.rows - s);
    batches.push([data.X.subarray(s * c.input, (s + n) * c.input), data.T.subarray(s * outW, (s + n) * outW), n]);
  }
  return {
    name: path === 'js' ? 'engine, JS kernels' : `nn-studio engine (${learner.network.path})`,
    rows: data.rows,
    epoch: () => {
      for (const [X, T, n] of batches) learner.trainBatch(X, T, n);
    },
  };
}

/** A TF.js model on one backend; switching backends happens before each of its turns. */
function tfContender(
  tf: Tf,
  backend: string,
  c: Case,
  data: { X: Float32Array; T: Float32Array; rows: number },
): Contender {
  let model: TfModel | undefined;
  let xs: TfTensor | undefined;
  let ys: TfTensor | undefined;
  return {
    name: `tfjs-${backend}`,
    rows: data.rows,
    epoch: async () => {
      if (tfBackendInUse !== backend) {
        await tf.setBackend(backend);
        await tf.ready();
        tfBackendInUse = backend;
      }
      if (!model) {
        model = tf.sequential();
        c.hidden.forEach((l, i) =>
          model!.add(
            tf.layers.dense({ units: l.units, activation: l.activation, inputShape: i === 0 ? [c.input] : undefined }),
          ),
        );
        model.add(tf.layers.dense({ units: c.output.units, activation: c.output.activation }));
        model.compile({
          optimizer: tf.train.adam(0.001),
          loss: c.output.activation === 'sigmoid' ? 'binaryCrossentropy' : 'categoricalCrossentropy',
        });
        xs = tf.tensor2d(data.X, [data.rows, c.input]);
        ys = tf.tensor2d(data.T, [data.rows, c.output.units]);
      }
      await model.fit(xs!, ys!, { batchSize: c.batch, epochs: 1, shuffle: false, verbose: 0 });
    },
    dispose: () => {
      xs?.dispose();
      ys?.dispose();
      model?.dispose();
    },
  };
}

let tfBackendInUse = '';

interface Brain {
  NeuralNetwork: new (options: object) => { train(data: object[], options: object): unknown };
}

/** brain.js trains one sample at a time and applies one activation to every layer (tanh here). */
function brainContender(brain: Brain, c: Case, data: { X: Float32Array; T: Float32Array; rows: number }): Contender {
  const net = new brain.NeuralNetwork({ hiddenLayers: c.hidden.map((l) => l.units), activation: 'tanh' });
  const samples = Array.from({ length: data.rows }, (_, r) => ({
    input: Array.from(data.X.subarray(r * c.input, (r + 1) * c.input)),
    output: Array.from(data.T.subarray(r * c.output.units, (r + 1) * c.output.units)),
  }));
  return {
    name: 'brain.js (tanh output, batch 1)',
    rows: data.rows,
    epoch: () => {
      net.train(samples, { iterations: 1, errorThresh: 1e-9, learningRate: 0.01, log: false });
    },
  };
}

/** Median time of `runs` fresh processes from the start of the import to the end of the first training step. */
function coldStart(code: string, runs = 3): number | string {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const result = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', timeout: 120000 });
    const value = Number(result.stdout.trim().split('\n').pop());
    if (result.status !== 0 || !Number.isFinite(value))
      return `failed (${(result.stderr || result.stdout).trim().split('\n')[0] ?? ''})`;
    times.push(value);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function fmt(rate: number): string {
  return Math.round(rate).toLocaleString('en-US').padStart(12);
}

async function main(): Promise<void> {
  const competitors = ensureCompetitors();
  const engine = bundleEngine();
  let tf: Tf | undefined;
  const tfBackends: string[] = [];
  if (competitors.has('@tensorflow/tfjs')) {
    try {
      const warn = console.warn;
      console.warn = () => undefined;
      tf = requireDep<Tf>('@tensorflow/tfjs');
      console.warn = warn;
      tfBackends.push('cpu');
      if (competitors.has('@tensorflow/tfjs-backend-wasm')) {
        requireDep('@tensorflow/tfjs-backend-wasm');
        if (await tf.setBackend('wasm')) tfBackends.push('wasm');
      }
    } catch (error) {
      console.log(`TensorFlow.js could not be loaded: ${(error as Error).message}`);
    }
  } else {
    console.log('TensorFlow.js is not installed; skipping it');
  }
  let brain: Brain | undefined;
  if (competitors.has('brain.js')) {
    try {
      brain = requireDep<Brain>('brain.js');
    } catch (error) {
      console.log(`brain.js could not be loaded: ${(error as Error).message}`);
    }
  } else {
    console.log('brain.js is not installed; skipping it');
  }

  console.log(
    `Training throughput (samples/s; after a warm-up the contenders take ${ROUNDS} alternating turns of ${Math.round(MEASURE_MS / ROUNDS)} ms; medians, and ratios as medians of per-turn ratios; higher is better)`,
  );
  const summary: string[] = [];
  for (const c of casesFor(engine)) {
    const data = c.data();
    console.log(`\n(${c.id}) ${c.title}`);
    const contenders: Contender[] = [oursContender(engine, c, data)];
    if (c.id !== 'a') contenders.push(oursContender(engine, c, data, 'js'));
    for (const backend of tfBackends) contenders.push(tfContender(tf as Tf, backend, c, data));
    if (brain && c.id === 'a') contenders.push(brainContender(brain, c, data));
    let result: RaceResult;
    try {
      result = await race(contenders);
    } catch (error) {
      console.log(`  a competitor failed (${(error as Error).message}); measuring the engine alone`);
      contenders.splice(1);
      result = await race(contenders);
    }
    contenders.forEach((x) => x.dispose?.());
    const { rates, ratios } = result;
    const ours = rates[0];
    console.log(`  ${contenders[0].name.padEnd(32)}${fmt(ours)}`);
    contenders
      .slice(1)
      .forEach((x, k) =>
        console.log(`  ${x.name.padEnd(32)}${fmt(rates[k + 1])}   engine is ${ratios[k + 1].toFixed(2)}×`),
      );
    const ratioOf = (name: string): number => {
      const k = contenders.findIndex((x) => x.name === name);
      return k < 0 ? NaN : ratios[k];
    };
    const wasmRatio = ratioOf('tfjs-wasm');
    const jsRatio = ratioOf('engine, JS kernels');
    const verdict = (ratio: number, target: number): string =>
      Number.isNaN(ratio) ? 'not measured' : ratio >= target ? 'met' : 'NOT met';
    if (c.id === 'a')
      summary.push(
        `(a) ${Math.round(ours).toLocaleString('en-US')} samples/s — target ≥ 1,000,000: ${ours >= 1e6 ? 'met' : 'NOT met'}`,
      );
    else if (c.id === 'b')
      summary.push(`(b) ${wasmRatio.toFixed(2)}× tfjs-wasm — target ≥ 1×: ${verdict(wasmRatio, 1)}`);
    else if (c.id === 'c')
      summary.push(
        `(c) ${wasmRatio.toFixed(2)}× tfjs-wasm (target ≥ 5×: ${verdict(wasmRatio, 5)}), ${jsRatio.toFixed(2)}× the JS kernels (target ≥ 4×: ${verdict(jsRatio, 4)})`,
      );
    else summary.push(`(d) ${wasmRatio.toFixed(2)}× tfjs-wasm — target ≥ 4×: ${verdict(wasmRatio, 4)}`);
  }

  console.log('\nBare SIMD kernel: C = A·B, median GFLOP/s over alternating turns');
  for (const [M, N, K] of [
    [64, 128, 784],
    [128, 784, 64],
    [64, 784, 128],
  ]) {
    const gflops = engine.kernelGflops(M, N, K, ROUNDS, MEASURE_MS / ROUNDS / 3);
    console.log(
      `  ${`${M}×${K} · ${K}×${N}`.padEnd(24)}${gflops.map((g) => `${g.path} ${g.gflops.toFixed(1)}`).join('   ')}`,
    );
  }

  console.log('\nCold start: fresh process, from import to the end of the first training step (median of 3, ms)');
  const spec = JSON.stringify(specOf(casesFor(engine)[0]));
  const oursCold = coldStart(
    `const t0=performance.now();const m=require(${JSON.stringify(BUNDLE)});const l=new m.Learner(${spec},{batch:32,seed:1});l.trainBatch(new Float32Array(64),new Float32Array(32),32);console.log(performance.now()-t0)`,
  );
  console.log(
    `  ${'nn-studio engine'.padEnd(28)}${typeof oursCold === 'number' ? oursCold.toFixed(1).padStart(12) : oursCold}`,
  );
  if (tf) {
    const tfPath = JSON.stringify(join(DEPS_DIR, 'node_modules', '@tensorflow', 'tfjs'));
    const wasmPath = JSON.stringify(join(DEPS_DIR, 'node_modules', '@tensorflow', 'tfjs-backend-wasm'));
    for (const backend of tfBackends) {
      const code = `console.warn=()=>{};const t0=performance.now();const tf=require(${tfPath});${backend === 'wasm' ? `require(${wasmPath});` : ''}(async()=>{await tf.setBackend('${backend}');await tf.ready();const m=tf.sequential();m.add(tf.layers.dense({units:8,activation:'tanh',inputShape:[2]}));m.add(tf.layers.dense({units:8,activation:'tanh'}));m.add(tf.layers.dense({units:1,activation:'sigmoid'}));m.compile({optimizer:tf.train.adam(0.001),loss:'binaryCrossentropy'});await m.fit(tf.zeros([32,2]),tf.zeros([32,1]),{batchSize:32,epochs:1,verbose:0});console.log(performance.now()-t0)})()`;
      const t = coldStart(code);
      console.log(`  ${`tfjs-${backend}`.padEnd(28)}${typeof t === 'number' ? t.toFixed(1).padStart(12) : t}`);
    }
  }
  if (brain) {
    const brainPath = JSON.stringify(join(DEPS_DIR, 'node_modules', 'brain.js'));
    const t = coldStart(
      `const t0=performance.now();const b=require(${brainPath});const n=new b.NeuralNetwork({hiddenLayers:[8,8],activation:'tanh'});n.train(Array.from({length:32},()=>({input:[0,0],output:[0]})),{iterations:1,errorThresh:1e-9,log:false});console.log(performance.now()-t0)`,
    );
    console.log(`  ${'brain.js'.padEnd(28)}${typeof t === 'number' ? t.toFixed(1).padStart(12) : t}`);
  }
  if (typeof oursCold === 'number')
    summary.push(`cold start ${oursCold.toFixed(1)} ms — target < 25 ms: ${oursCold < 25 ? 'met' : 'NOT met'}`);
  console.log('\nTargets');
  for (const line of summary) console.log(`  ${line}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
