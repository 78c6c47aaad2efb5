import assert from 'node:assert/strict';
import {
  checkHostMessage,
  checkPanelMessage,
  validateHostMessage,
  validatePanelMessage,
} from '../../../server/src/protocolValidate';
import { binaryStream, compareStream, hostileCsvStream } from '../../browser/fixtures/syntheticStream';

/** A deep copy with one change, to make one field wrong at a time. */
function altered<T>(value: T, change: (copy: any) => void): unknown {
  const copy = structuredClone(value);
  change(copy);
  return copy;
}

describe('panel protocol validation', () => {
  describe('host → panel', () => {
    const streams = { binary: binaryStream(), hostileCsv: hostileCsvStream(), compare: compareStream() };
    for (const [name, stream] of Object.entries(streams)) {
      it(`accepts every message of the ${name} stream`, () => {
        for (const message of stream) {
          const result = checkHostMessage(message);
          assert.ok(result.ok, result.ok ? '' : result.error);
        }
      });
    }

    const epoch = binaryStream().find((m) => m.type === 'epoch')!;
    const finished = binaryStream().find((m) => m.type === 'finished')!;
    const init = binaryStream()[0];
    const cases: [string, unknown, RegExp][] = [
      ['null', null, /should be an object/],
      ['a string', 'hello', /should be an object/],
      ['an unknown type', { type: 'explode' }, /unknown type "explode"/],
      ['no type', { runId: 'x' }, /unknown type/],
      ['a text epoch', altered(epoch, (m) => (m.epoch = 'seven')), /epoch\.epoch should be an integer/],
      ['a fractional epoch', altered(epoch, (m) => (m.epoch = 1.5)), /epoch\.epoch should be an integer/],
      [
        'a short boundary',
        altered(epoch, (m) => m.boundary.values.pop()),
        /epoch\.boundary\.values should hold width × height = 10000 numbers/,
      ],
      [
        'a text cell',
        altered(epoch, (m) => (m.boundary.values[5] = '1')),
        /epoch\.boundary\.values\[5\] should be a number/,
      ],
      ['a bad metric name', altered(epoch, (m) => (m.metricName = 'f1')), /metricName should be one of accuracy, mae/],
      [
        'a layer without a name',
        altered(epoch, (m) => delete m.layers[1].name),
        /epoch\.layers\[1\]\.name should be a string/,
      ],
      [
        'an unknown finding code',
        altered(epoch, (m) => m.findings.push({ ...m.findings[0], code: 'boom' })),
        /code should be one of/,
      ],
      [
        'a ragged confusion matrix',
        altered(finished, (m) => m.confusion[1].pop()),
        /confusion should be a square matrix/,
      ],
      ['an unknown finish reason', altered(finished, (m) => (m.reason = 'exploded')), /reason should be one of/],
      [
        'a text reachedAt',
        altered(epoch, (m) => (m.reachedAt = '9')),
        /epoch\.reachedAt should be an integer in \[1, /,
      ],
      [
        'a reachedAt of epoch 0',
        altered(finished, (m) => (m.reachedAt = 0)),
        /finished\.reachedAt should be an integer in \[1, /,
      ],
      [
        'a curve with fewer f than xs',
        altered(init, (m) => m.activationCurves[0].f.pop()),
        /xs, f and df should have the same length/,
      ],
      ['a zero learning rate', altered(init, (m) => (m.settings.lr = 0)), /settings\.lr should be a positive number/],
      [
        'a non-string file name',
        altered(init, (m) => (m.fileName = { toString: () => 'x' })),
        /fileName should be a string/,
      ],
    ];
    for (const [what, message, pattern] of cases) {
      it(`refuses ${what}, saying where`, () => {
        const result = checkHostMessage(message);
        assert.equal(result.ok, false);
        if (!result.ok) assert.match(result.error, pattern);
        assert.equal(validateHostMessage(message), undefined);
      });
    }

    it('keeps NaN and infinite losses (a diverged run reports them)', () => {
      const diverged = altered(epoch, (m) => {
        m.trainLoss = Number.NaN;
        m.valLoss = Infinity;
      });
      assert.ok(checkHostMessage(diverged).ok);
    });
  });

  describe('panel → host', () => {
    const valid = [
      { type: 'ready' },
      { type: 'control', action: 'play' },
      { type: 'control', action: 'regenerate' },
      { type: 'applyFix', fix: { kind: 'setTrainSetting', setting: { key: 'epochs', value: 10 } }, rerun: false },
      { type: 'applyFix', fix: { kind: 'setTrainSetting', setting: { key: 'normalize', value: false } }, rerun: false },
      {
        type: 'applyFix',
        fix: { kind: 'setTrainSetting', setting: { key: 'features', value: ['x1', 'x2'] } },
        rerun: false,
      },
      {
        type: 'applyFix',
        fix: {
          kind: 'setTrainSetting',
          setting: { key: 'data', value: { name: 'xor', args: { points: 200, noise: 0.2 } } },
        },
        rerun: true,
      },
      { type: 'applyFix', fix: { kind: 'setTrainSetting', setting: { key: 'regularize', value: null } }, rerun: false },
      { type: 'compare', activations: ['relu', 'tanh'] },
      { type: 'revealLayer', sourceIndex: 2 },
      { type: 'applyFix', fix: { kind: 'setActivation', sourceIndices: [0, 1], activation: 'relu' }, rerun: true },
      { type: 'applyFix', fix: { kind: 'setLearningRate', lr: 0.001 }, rerun: false },
      { type: 'copyResults', markdown: '## results' },
    ];
    for (const message of valid) {
      it(`accepts ${JSON.stringify(message)}`, () => assert.deepEqual(validatePanelMessage(message), message));
    }
    const invalid: [unknown, RegExp][] = [
      [{ type: 'control', action: 'explode' }, /action should be one of/],
      [{ type: 'settings', settings: { epochs: 10, batch: 8, lr: 0.1, seed: 3 } }, /unknown type "settings"/],
      [
        { type: 'applyFix', fix: { kind: 'setTrainSetting', setting: { key: 'epochs', value: '10' } }, rerun: false },
        /value should be a finite number/,
      ],
      [
        { type: 'applyFix', fix: { kind: 'setTrainSetting', setting: { key: 'path', value: 1 } }, rerun: false },
        /key should be a train setting/,
      ],
      [
        {
          type: 'applyFix',
          fix: { kind: 'setTrainSetting', setting: { key: 'data', value: { name: 'xor', args: { points: 'a' } } } },
          rerun: false,
        },
        /points should be a finite number/,
      ],
      [{ type: 'revealLayer', sourceIndex: -1 }, /sourceIndex should be an integer/],
      [{ type: 'revealLayer', sourceIndex: '1' }, /sourceIndex should be an integer/],
      [
        { type: 'applyFix', fix: { kind: 'deleteFile' }, rerun: false },
        /kind should be setActivation, setLearningRate or setTrainSetting/,
      ],
      [{ type: 'applyFix', fix: { kind: 'setLearningRate', lr: 0 }, rerun: false }, /lr should be a positive number/],
      [
        { type: 'applyFix', fix: { kind: 'setActivation', sourceIndices: [0], activation: 'relu' } },
        /rerun should be true or false/,
      ],
      [{ type: 'copyResults', markdown: 'x'.repeat(1_000_001) }, /markdown should be a string of at most/],
      [{ type: 'init' }, /unknown type "init"/],
    ];
    for (const [message, pattern] of invalid) {
      it(`refuses ${JSON.stringify(message).slice(0, 80)}`, () => {
        const result = checkPanelMessage(message);
        assert.equal(result.ok, false);
        if (!result.ok) assert.match(result.error, pattern);
      });
    }
  });
});
