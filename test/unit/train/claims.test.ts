/**
 * The reference articles' claims, reproduced on the same data and seed: deep sigmoid stacks learn slowly,
 * a huge learning rate kills ReLU units, step does not learn, and an all-linear model cannot bend.
 */
import { strict as assert } from 'node:assert';
import type { EpochProgress } from '../../../server/src/protocol';
import type { DatasetRequest, NetworkSpec, TrainSettings } from '../../../server/src/model/spec';
import { trainSync } from '../../../server/src/train/trainer';
import { dense, network } from './helpers';

function run(spec: NetworkSpec, data: DatasetRequest, settings: Partial<TrainSettings>) {
  return trainSync({
    runId: 't',
    spec,
    data,
    settings: { epochs: 100, batch: 32, validation: 0.2, seed: 3, normalize: true, ...settings },
  });
}

const circle: DatasetRequest = { name: 'circle', params: { points: 300, noise: 0 } };

describe("the seeds' claims", function () {
  this.timeout(20000);

  it('a deep sigmoid stack learns markedly slower than relu, and the checks say why', () => {
    const stack = (act: string, init: 'glorot_uniform' | 'he_normal') =>
      network(2, [...Array.from({ length: 6 }, () => dense(16, act, {}, init)), dense(1, 'sigmoid')], {
        optimizer: { name: 'sgd', params: { lr: 0.1 } },
      });
    const data: DatasetRequest = { name: 'spiral', params: { points: 300, noise: 0.1 } };
    const settings = { epochs: 40 };
    const sigmoid = run(stack('sigmoid', 'glorot_uniform'), data, settings);
    const relu = run(stack('relu', 'he_normal'), data, settings);
    const lossAt = (events: typeof sigmoid.events, epoch: number) =>
      (events.find((e) => e.type === 'epoch' && e.epoch === epoch) as EpochProgress).trainLoss;
    const first = lossAt(sigmoid.events, 1);
    const sigmoidDrop = first - sigmoid.finished.final.trainLoss;
    const reluDrop = lossAt(relu.events, 1) - relu.finished.final.trainLoss;
    assert.ok(
      reluDrop > 5 * Math.max(sigmoidDrop, 1e-6),
      `loss drop: relu ${reluDrop.toFixed(4)}, sigmoid ${sigmoidDrop.toFixed(4)}`,
    );
    const codes = sigmoid.finished.findings.map((f) => f.code);
    assert.ok(
      codes.includes('vanishing-gradient') || codes.includes('saturated-units'),
      `findings: ${codes.join(', ')}`,
    );
    // The first hidden layer gets far less gradient than the output layer.
    const layers = (sigmoid.events.filter((e) => e.type === 'epoch').pop() as EpochProgress).layers;
    assert.ok(
      layers[0].gradNorm < 0.05 * layers[layers.length - 1].gradNorm,
      `grad norms ${layers.map((l) => l.gradNorm.toExponential(1)).join(' ')}`,
    );
  });

  it('relu with a huge learning rate ends with dead units', () => {
    const spec = network(
      2,
      [dense(32, 'relu', {}, 'he_normal'), dense(32, 'relu', {}, 'he_normal'), dense(1, 'sigmoid')],
      { optimizer: { name: 'sgd', params: { lr: 5 } } },
    );
    const { finished } = run(spec, circle, { epochs: 20 });
    const dead = finished.findings.filter((f) => f.code === 'dead-units');
    assert.ok(dead.length > 0, `findings: ${finished.findings.map((f) => f.code).join(', ')} (${finished.reason})`);
    assert.match(dead[0].message, /\d+% of the units in 'dense_\d' \(relu\)/);
  });

  it('a step model does not learn', () => {
    const spec = network(2, [dense(16, 'step'), dense(1, 'sigmoid')], {
      optimizer: { name: 'adam', params: { lr: 0.01 } },
    });
    const { finished, trainer } = run(spec, circle, { epochs: 30 });
    const firstHidden = trainer.history.map((h) => h.layers[0].gradNorm);
    assert.ok(
      firstHidden.every((g) => g === 0),
      'no gradient reaches the layer under the step',
    );
    assert.ok(finished.final.valMetric < 0.8, `validation accuracy ${finished.final.valMetric}`);
    assert.ok(finished.findings.some((f) => f.code === 'saturated-units' || f.code === 'loss-plateau'));
  });

  it('an all-linear model cannot separate circle, while one relu layer can', () => {
    const linear = run(
      network(2, [dense(16), dense(16), dense(1, 'sigmoid')], { optimizer: { name: 'adam', params: { lr: 0.03 } } }),
      circle,
      { epochs: 60 },
    );
    const relu = run(
      network(2, [dense(16, 'relu', {}, 'he_normal'), dense(16), dense(1, 'sigmoid')], {
        optimizer: { name: 'adam', params: { lr: 0.03 } },
      }),
      circle,
      { epochs: 60 },
    );
    assert.ok(
      linear.finished.final.trainMetric < 0.75,
      `all-linear train accuracy ${linear.finished.final.trainMetric}`,
    );
    assert.ok(relu.finished.final.trainMetric > 0.97, `relu train accuracy ${relu.finished.final.trainMetric}`);
  });
});
