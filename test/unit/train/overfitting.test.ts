/**
 * overfitting needs a real rise: at least a share of the best validation loss, and at least a share of what
 * training gained from the first epoch to the best, for the required number of epochs.
 */
import { strict as assert } from 'node:assert';
import { runTrainingCheck, type EpochRecord, type TrainingCheckContext } from '../../../server/src/train/checks';
import { overfitting } from '../../../server/src/train/checks/overfitting';
import { DEFAULT_THRESHOLDS, withTrainingDefaults, type TrainingThresholds } from '../../../server/src/thresholds';

const check = (context: TrainingCheckContext, t: Partial<TrainingThresholds>) =>
  runTrainingCheck(overfitting, context, withTrainingDefaults(t));

/** 40 epochs: the training loss falls throughout; the validation loss follows `val`. */
function run(val: (epoch: number) => number, epochs = 40): TrainingCheckContext {
  const history: EpochRecord[] = Array.from({ length: epochs }, (_, i) => ({
    epoch: i + 1,
    trainLoss: 1 / (i + 1),
    valLoss: val(i + 1),
    layers: [],
  }));
  return { epoch: epochs, epochs, history, layers: [] };
}

/** Falls from `first` to `best` at epoch 25, then climbs linearly to `last` at epoch 40. */
const fallThenRise =
  (first: number, best: number, last: number) =>
  (e: number): number =>
    e <= 25 ? best + (first - best) * ((25 - e) / 24) ** 2 : best + ((last - best) * (e - 25)) / 15;

describe('overfitting', () => {
  it('stays quiet on noise: 0.0055 → 0.0063 after a fall from 0.69', () => {
    assert.deepEqual(check(run(fallThenRise(0.69, 0.0055, 0.0063)), DEFAULT_THRESHOLDS), []);
  });

  it('stays quiet on a rise that is small next to the loss itself (2.0 → 2.1)', () => {
    assert.deepEqual(check(run(fallThenRise(2.3, 2.0, 2.1)), DEFAULT_THRESHOLDS), []);
  });

  it('stays quiet when the rise gives back little of what training gained (0.033 → 0.06 after 0.68)', () => {
    assert.deepEqual(check(run(fallThenRise(0.68, 0.033, 0.06)), DEFAULT_THRESHOLDS), []);
  });

  it('fires on a genuine rise and says how large it is', () => {
    const found = check(run(fallThenRise(0.69, 0.3, 0.45)), DEFAULT_THRESHOLDS);
    assert.equal(found.length, 1);
    assert.equal(found[0].code, 'overfitting');
    assert.match(found[0].message, /from 0\.3 at epoch 25 to 0\.45 \(\+50%\)/);
  });

  it('fires when the best was the first epoch and the loss climbs by a share of itself', () => {
    assert.equal(
      check(
        run((e) => 0.5 + 0.01 * (e - 1), 15),
        DEFAULT_THRESHOLDS,
      ).length,
      1,
    );
  });

  it('still needs the epochs: a large rise over five epochs is not enough', () => {
    assert.deepEqual(check(run(fallThenRise(0.69, 0.3, 0.45), 30), DEFAULT_THRESHOLDS), []);
  });

  it('takes both minimums from the settings', () => {
    const noise = run(fallThenRise(0.69, 0.0055, 0.0063));
    assert.equal(check(noise, { ...DEFAULT_THRESHOLDS, overfittingRise: 0.1, overfittingMinRise: 0 }).length, 1);
    assert.equal(check(noise, { ...DEFAULT_THRESHOLDS, overfittingRise: 0.2, overfittingMinRise: 0 }).length, 0);
  });
});
