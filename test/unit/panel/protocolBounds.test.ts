/** The panel's message validator bounds every list and matrix, so no message can make the panel build something huge. */
import assert from 'node:assert/strict';
import { MAX_CONFUSION_CLASSES, MAX_RUN_PROBLEMS } from '../../../server/src/protocol';
import { checkHostMessage, checkPanelMessage } from '../../../server/src/protocolValidate';
import { binaryStream } from '../../browser/fixtures/syntheticStream';

const stream = binaryStream();
const epoch = stream.find((m) => m.type === 'epoch')!;
const finished = stream.find((m) => m.type === 'finished')!;
const started = stream.find((m) => m.type === 'started')!;
const init = stream[0];

function altered<T>(value: T, change: (copy: any) => void): unknown {
  const copy = structuredClone(value);
  change(copy);
  return copy;
}

const matrix = (n: number) => Array.from({ length: n }, () => new Array<number>(n).fill(0));
const problem = {
  code: 'param-range',
  severity: 'error',
  message: 'epochs must be ≥ 1, found 0',
  line: 9,
  column: 10,
  start: 120,
  end: 121,
};

describe('panel protocol bounds', () => {
  it(`accepts a ${MAX_CONFUSION_CLASSES}×${MAX_CONFUSION_CLASSES} confusion matrix and refuses a larger one`, () => {
    assert.ok(checkHostMessage(altered(finished, (m) => (m.confusion = matrix(MAX_CONFUSION_CLASSES)))).ok);
    const result = checkHostMessage(altered(finished, (m) => (m.confusion = matrix(MAX_CONFUSION_CLASSES + 1))));
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.error, /finished\.confusion has more than 50 entries/);
  });

  it('refuses a 10,000-class matrix at once, by its length', () => {
    const row = new Array<number>(10_000).fill(0);
    const rows = new Array<number[]>(10_000).fill(row);
    const t0 = performance.now();
    assert.equal(checkHostMessage({ ...finished, confusion: rows }).ok, false);
    assert.ok(performance.now() - t0 < 50);
  });

  it('accepts the reason a matrix was left out', () => {
    assert.ok(
      checkHostMessage(
        altered(finished, (m) => {
          delete m.confusion;
          m.confusionOmitted = 'no confusion matrix: 51 classes';
        }),
      ).ok,
    );
    assert.equal(checkHostMessage(altered(finished, (m) => (m.confusionOmitted = 51))).ok, false);
  });

  const refused: [string, unknown, RegExp][] = [
    [
      'a histogram of 100,000 bins',
      altered(epoch, (m) => (m.layers[0].histogram.counts = new Array(100_000).fill(0))),
      /histogram\.counts has more than/,
    ],
    [
      'a 2000×2000 boundary grid',
      altered(epoch, (m) => Object.assign(m.boundary, { width: 2000, height: 2000, values: [] })),
      /boundary\.width should be an integer in \[1, 1000\]/,
    ],
    [
      '1,000 neuron grids',
      altered(
        epoch,
        (m) => (m.neurons = new Array(1000).fill({ layer: 'h', unit: 0, width: 1, height: 1, values: [0] })),
      ),
      /neurons has more than 64 entries/,
    ],
    [
      'a 500×500 neuron grid',
      altered(epoch, (m) => (m.neurons = [{ layer: 'h', unit: 0, width: 500, height: 500, values: [] }])),
      /neurons\[0\]\.width should be an integer in \[1, 100\]/,
    ],
    [
      '64 neuron grids of 100×100',
      altered(
        epoch,
        (m) =>
          (m.neurons = new Array(64).fill({
            layer: 'h',
            unit: 0,
            width: 100,
            height: 100,
            values: new Array(10_000).fill(0),
          })),
      ),
      /neurons should hold at most 36864 cells/,
    ],
    [
      'connections with 5,000 weights',
      altered(
        epoch,
        (m) =>
          (m.connections = [
            {
              layer: 'h',
              sourceIndex: 0,
              inWidth: 50,
              units: 100,
              weights: new Array(5_000).fill(0),
              maxAbs: 0,
              meanAbs: 0,
            },
          ]),
      ),
      /weights has more than 4096 entries/,
    ],
    [
      'connections with 4,096 weights in each of two layers',
      altered(
        epoch,
        (m) =>
          (m.connections = new Array(2).fill({
            layer: 'h',
            sourceIndex: 0,
            inWidth: 64,
            units: 64,
            weights: new Array(4096).fill(0),
            maxAbs: 0,
            meanAbs: 0,
          })),
      ),
      /connections should hold at most 4096 weights in all/,
    ],
    [
      'connections whose weights do not fit their layer',
      altered(
        epoch,
        (m) =>
          (m.connections = [
            { layer: 'h', sourceIndex: 0, inWidth: 2, units: 3, weights: [1, 2], maxAbs: 2, meanAbs: 1.5 },
          ]),
      ),
      /weights should hold units × inWidth numbers/,
    ],
    [
      'a class name of 100,000 characters',
      altered(started, (m) => (m.dataset.classes = ['x'.repeat(100_000)])),
      /classes\[0\] should be a string of at most 1000/,
    ],
    [
      'an activation curve of a million samples',
      altered(init, (m) => {
        const c = m.activationCurves[0];
        c.xs = c.f = c.df = new Array(1_000_000).fill(0);
      }),
      /xs has more than 10000 entries/,
    ],
    [
      `more than ${MAX_RUN_PROBLEMS} problems`,
      { type: 'error', runId: 'r', message: 'm', problems: new Array(MAX_RUN_PROBLEMS + 1).fill(problem) },
      /error\.problems has more than 100 entries/,
    ],
    [
      'a problem without a line',
      { type: 'error', runId: 'r', message: 'm', problems: [{ ...problem, line: 'nine' }] },
      /problems\[0\]\.line should be an integer/,
    ],
  ];
  for (const [what, message, pattern] of refused) {
    it(`refuses ${what}`, () => {
      const result = checkHostMessage(message);
      assert.equal(result.ok, false);
      if (!result.ok) assert.match(result.error, pattern);
    });
  }

  it('accepts a refused run with its problems', () => {
    assert.ok(
      checkHostMessage({ type: 'error', runId: 'r', message: 'the file has an error', problems: [problem] }).ok,
    );
  });

  it('accepts revealSource with a range, and refuses a reversed or negative one', () => {
    assert.ok(checkPanelMessage({ type: 'revealSource', start: 3, end: 9 }).ok);
    assert.equal(checkPanelMessage({ type: 'revealSource', start: 9, end: 3 }).ok, false);
    assert.equal(checkPanelMessage({ type: 'revealSource', start: -1, end: 3 }).ok, false);
  });
});
