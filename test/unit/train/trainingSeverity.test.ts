/**
 * Each training check reports the severity declared in its definition (what `nn explain`, docs/checks.md and
 * the settings show), so the two cannot disagree again.
 */
import { strict as assert } from 'node:assert';
import type { LayerHealth, TrainingFinding } from '../../../server/src/protocol';
import {
  runTrainingChecks,
  TRAINING_CHECKS,
  type EpochRecord,
  type LayerFacts,
  type TrainingCheckContext,
} from '../../../server/src/train/checks';

const layers: LayerFacts[] = [
  { name: 'h1', sourceIndex: 0, activation: 'relu', role: 'hidden', canDie: true, saturating: false },
  { name: 'h2', sourceIndex: 1, activation: 'tanh', role: 'hidden', canDie: false, saturating: true },
  { name: 'out', sourceIndex: 2, activation: 'sigmoid', role: 'output', canDie: false, saturating: true },
];

const health = (name: string, gradNorm: number, extra: Partial<LayerHealth> = {}): LayerHealth => ({
  name,
  sourceIndex: 0,
  activation: 'x',
  gradNorm,
  histogram: { min: 0, max: 0, counts: [] },
  ...extra,
});

/** 40 epochs of the given losses and layer health. */
function context(
  loss: (e: number) => [number, number],
  layerHealth: (e: number) => LayerHealth[],
): TrainingCheckContext {
  const history: EpochRecord[] = Array.from({ length: 40 }, (_, i) => {
    const [trainLoss, valLoss] = loss(i + 1);
    return { epoch: i + 1, trainLoss, valLoss, layers: layerHealth(i + 1) };
  });
  return { epoch: 40, epochs: 40, history, layers };
}

const falling = (e: number): [number, number] => [1 / e, 1.1 / e];
const healthy = (): LayerHealth[] => [health('h1', 0.5), health('h2', 0.5), health('out', 0.5)];

/** One history built to trip each check. */
const TRIPS: Record<TrainingFinding['code'], TrainingCheckContext> = {
  'dead-units': context(falling, () => [
    health('h1', 0.5, { deadFraction: 0.9 }),
    health('h2', 0.5),
    health('out', 0.5),
  ]),
  'saturated-units': context(falling, () => [
    health('h1', 0.5),
    health('h2', 0.5, { saturatedFraction: 0.9 }),
    health('out', 0.5),
  ]),
  'vanishing-gradient': context(falling, () => [health('h1', 1e-7), health('h2', 0.5), health('out', 0.5)]),
  'exploding-gradient': context(falling, (e) => [
    health('h1', e === 20 ? 1e5 : 0.5),
    health('h2', 0.5),
    health('out', 0.5),
  ]),
  'loss-plateau': context((e) => [e < 5 ? 0.8 - e * 0.01 : 0.69, 0.7], healthy),
  overfitting: context((e) => [1 / e, e <= 25 ? 1 / e : 1 / 25 + (e - 25) * 0.01], healthy),
};

describe('training checks report their declared severity', () => {
  for (const doc of TRAINING_CHECKS) {
    it(`${doc.code}: ${doc.severity}`, () => {
      const trip = TRIPS[doc.code as TrainingFinding['code']];
      assert.ok(trip, `no history trips ${doc.code}`);
      const found = runTrainingChecks(trip).filter((f) => f.code === doc.code);
      assert.ok(found.length > 0, `${doc.code} did not fire`);
      for (const f of found) assert.equal(f.severity, doc.severity, f.message);
    });
  }

  it('a divergence is the one escalation: an error', () => {
    const diverged = {
      ...context(falling, healthy),
      divergence: { epoch: 3, layer: 'h1', sourceIndex: 0, nonFinite: true },
    };
    const found = runTrainingChecks(diverged).filter((f) => f.code === 'exploding-gradient');
    assert.deepEqual(
      found.map((f) => f.severity),
      ['error'],
    );
  });
});
