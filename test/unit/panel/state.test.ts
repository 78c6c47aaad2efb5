import assert from 'node:assert/strict';
import type { EpochProgress, HostToPanel } from '../../../server/src/protocol';
import {
  applyHostMessage,
  createState,
  effectiveSettings,
  restoreState,
  saveState,
  type PanelState,
} from '../../../media/src/panel/state';
import { binaryStream, compareStream, panelInit } from '../../browser/fixtures/syntheticStream';

function replay(messages: HostToPanel[], state = createState()): PanelState {
  for (const m of messages) applyHostMessage(state, m);
  return state;
}

describe('panel state', () => {
  it('keeps the history of a run: one point per reported epoch, gradient norms per layer', () => {
    const stream = binaryStream();
    const state = replay(stream);
    const epochs = stream.filter((m): m is EpochProgress => m.type === 'epoch');
    const run = state.train[0];
    assert.equal(run.runId, 'run-1');
    assert.deepEqual(
      run.epochs,
      epochs.map((e) => e.epoch),
    );
    assert.deepEqual(
      run.valLoss,
      epochs.map((e) => e.valLoss),
    );
    assert.deepEqual(run.layerNames, ['dense_1', 'dense_2', 'out']);
    assert.deepEqual(
      run.gradNorms[1],
      epochs.map((e) => e.layers[1].gradNorm),
    );
    assert.equal(run.finished?.reason, 'completed');
    assert.equal(state.runState, 'finished');
  });

  it('replaces the points of an epoch that is reported again (after a reset to an earlier epoch)', () => {
    const stream = binaryStream();
    const state = replay(stream);
    const first = stream.find((m): m is EpochProgress => m.type === 'epoch')!;
    applyHostMessage(state, { ...first, epoch: 10, valLoss: 123 });
    const run = state.train[0];
    assert.deepEqual(run.epochs, [5, 10]);
    assert.equal(run.valLoss[1], 123);
    for (const series of run.gradNorms) assert.equal(series.length, 2);
  });

  it('a plan clears the runs of its tab only and switches to that tab', () => {
    const state = replay(binaryStream());
    replay(compareStream().slice(1), state);
    assert.equal(state.tab, 'compare');
    assert.equal(state.train.length, 1, 'the Train tab keeps its run');
    assert.deepEqual(
      state.compare.map((r) => [r.label, r.activation]),
      [
        ['relu', 'relu'],
        ['tanh', 'tanh'],
        ['sigmoid', 'sigmoid'],
        ['leaky_relu', 'leaky_relu'],
      ],
    );
    assert.ok(state.compare.every((r) => r.finished));
    applyHostMessage(state, { type: 'plan', mode: 'compare', runs: [] });
    assert.deepEqual(state.compare, []);
  });

  it('an event for a run nobody announced starts a Train-tab run', () => {
    const state = createState();
    applyHostMessage(state, { type: 'error', runId: 'r9', message: 'no data' });
    assert.equal(state.train[0].runId, 'r9');
    assert.equal(state.train[0].error, 'no data');
  });

  it('reports which views a message touches', () => {
    const state = createState();
    assert.deepEqual([...applyHostMessage(state, { type: 'runState', state: 'paused' })].sort(), [
      'controls',
      'progress',
    ]);
    const epoch = binaryStream().find((m) => m.type === 'epoch')!;
    assert.ok(applyHostMessage(state, epoch).has('boundary'));
  });

  it('saves and restores, keeping NaN and infinite values', () => {
    const state = replay(binaryStream());
    state.train[0].valLoss[0] = Number.NaN;
    state.train[0].trainLoss[0] = Infinity;
    state.train[0].trainLoss[1] = -Infinity;
    const saved = JSON.parse(JSON.stringify(saveState(state)));
    const restored = restoreState(saved)!;
    assert.ok(restored);
    assert.ok(Number.isNaN(restored.train[0].valLoss[0]));
    assert.equal(restored.train[0].trainLoss[0], Infinity);
    assert.equal(restored.train[0].trainLoss[1], -Infinity);
    assert.deepEqual(restored.train[0].epochs, state.train[0].epochs);
    assert.deepEqual(restored.init, state.init);
  });

  it('refuses saved states it did not write', () => {
    for (const saved of [
      undefined,
      null,
      'x',
      { version: 99, json: '{}' },
      { version: 1, json: 'not json' },
      { version: 1, json: '{"version":1}' },
    ]) {
      assert.equal(restoreState(saved), undefined, JSON.stringify(saved));
    }
  });

  it('shows the file’s settings as last sent, never a copy of its own', () => {
    const state = replay([panelInit()]);
    assert.equal(effectiveSettings(state)?.epochs, 200);
    applyHostMessage(state, panelInit({ settings: { epochs: 5, batch: 1, lr: 1, seed: 2 } }));
    assert.equal(effectiveSettings(state)?.epochs, 5);
  });
});
