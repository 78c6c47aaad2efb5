/**
 * A PyTorch run as a RunHandle (server/src/train/torch/run.ts) with the real Python: its events read like an
 * engine run's, the final boundary is drawn from the weights train.py saved, stop ends the processes, and a
 * Python without PyTorch ends the run with how to install it.
 */
import { strict as assert } from 'node:assert';
import { trainerFiles } from '../../../server/src/cli/torchBackend';
import type { EpochProgress, RunFinished, TrainingEvent } from '../../../server/src/protocol';
import type { RunHandle } from '../../../server/src/train/runner';
import { startNodeRun } from '../../../server/src/train/nodeWorker';
import { startTorchRun, type TorchRun } from '../../../server/src/train/torch/run';
import { planOf } from '../export/trainerCases';
import { PYTHON, pythonModuleMissing, skipForMissing } from '../export/runtimes';

const XOR = (epochs: number) =>
  [
    'model xor {',
    '  task binary',
    '  input 2',
    '  h: dense 6 tanh',
    '  out: dense 1 sigmoid',
    '  loss bce',
    '  optimizer adam(lr: 0.05)',
    '}',
    'train xor {',
    '  data xor(points: 120)',
    `  epochs ${epochs}`,
    '  batch 16',
    '  validation 0.25',
    '  seed 3',
    '}',
    '',
  ].join('\n');

function torchRun(epochs: number, python = PYTHON, nproc = 1): TorchRun {
  const plan = planOf(XOR(epochs));
  return {
    runId: `torch-${epochs}-${nproc}`,
    spec: plan.spec,
    settings: plan.settings,
    data: plan.data,
    thresholds: plan.thresholds,
    progressIntervalMs: 0,
    gridSize: 12,
    torch: { python, nproc, files: trainerFiles(plan) },
  };
}

async function collect(handle: RunHandle): Promise<TrainingEvent[]> {
  const events: TrainingEvent[] = [];
  for await (const event of handle.events) events.push(event);
  return events;
}

describe('train/torch: a PyTorch run as a RunHandle', function () {
  this.timeout(240_000);

  before(function () {
    const missing = pythonModuleMissing('torch');
    if (missing) skipForMissing(this, 'the PyTorch RunHandle', missing);
  });

  it('reports started, every epoch, the final boundary from the saved weights, and finished', async () => {
    const events = await collect(startTorchRun(torchRun(3)));
    assert.equal(events[0].type, 'started');
    const epochs = events.filter((e): e is EpochProgress => e.type === 'epoch');
    assert.deepEqual(
      epochs.map((e) => e.epoch),
      [1, 2, 3, 3],
    );
    assert.ok(epochs.every((e) => Number.isFinite(e.trainLoss) && e.metricName === 'accuracy'));
    const picture = epochs[3];
    assert.equal(picture.boundary?.values.length, 12 * 12);
    assert.ok(picture.boundary!.values.every((v) => v >= 0 && v <= 1));
    assert.equal(picture.trainLoss, epochs[2].trainLoss);
    const finished = events.at(-1) as RunFinished;
    assert.equal(finished.type, 'finished');
    assert.equal(finished.reason, 'completed');
    assert.equal(finished.epochs, 3);
    assert.equal(finished.weights?.dense.length, 2);
    assert.ok(finished.weights?.normalization, 'the saved weights carry the standardization');
  });

  it('trains with 2 local ranks', async () => {
    const events = await collect(startTorchRun(torchRun(2, PYTHON, 2)));
    const finished = events.at(-1) as RunFinished;
    assert.equal(finished.reason, 'completed', JSON.stringify(finished));
    assert.equal(events.filter((e) => e.type === 'epoch' && !e.boundary).length, 2);
  });

  it('stop ends the processes and finishes with reason stopped; pause and step do nothing', async () => {
    const handle = startTorchRun(torchRun(100_000));
    handle.pause();
    handle.step();
    const first = new Promise<void>((resolve) =>
      handle.onEvent((event) => {
        if (event.type === 'epoch') resolve();
      }),
    );
    await first;
    handle.stop();
    const end = (await handle.done) as RunFinished;
    assert.equal(end.type, 'finished');
    assert.equal(end.reason, 'stopped');
    assert.ok(end.epochs >= 1 && end.epochs < 100_000);
    assert.equal(end.weights, undefined);
    assert.match(end.detail ?? '', /^stopped after \d+ of 100000 epochs$/);
  });

  it('the Node training worker runs a start that carries `torch` in PyTorch, as the panel does', async () => {
    const events = await collect(startNodeRun(torchRun(2)));
    const finished = events.at(-1) as RunFinished;
    assert.equal(finished.reason, 'completed', JSON.stringify(finished));
    // The last epoch comes twice: the second time with the boundary of the weights train.py saved.
    assert.deepEqual(
      events.filter((e): e is EpochProgress => e.type === 'epoch').map((e) => [e.epoch, e.boundary !== undefined]),
      [
        [1, false],
        [2, false],
        [2, true],
      ],
    );
  });

  it('a Python that cannot run ends the run with an error that says how to install PyTorch', async () => {
    const end = await startTorchRun(torchRun(2, '/nonexistent/python3')).done;
    assert.equal(end.type, 'error');
    assert.match(end.type === 'error' ? end.message : '', /cannot run '\/nonexistent\/python3'.*install PyTorch/);
  });
});
