/** The confusion matrix grows with the square of the class count: it is built for at most 50 classes. */
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/analysis';
import { MAX_CONFUSION_CLASSES } from '../../../server/src/protocol';
import { formatFinal } from '../../../server/src/cli/runReport';
import { specFromModel } from '../../../server/src/train/fromModel';
import { trainSync } from '../../../server/src/train/trainer';

function blobsRun(classes: number) {
  const model = analyze(`model m {\n  task multiclass(classes: ${classes})\n  input 2\n  dense ${classes} softmax\n}\n`)
    .semantic.models[0];
  return trainSync({
    runId: `blobs-${classes}`,
    spec: specFromModel(model),
    settings: { epochs: 1, batch: 64, validation: 0.5, seed: 1, normalize: true },
    data: { name: 'blobs', params: { classes, points: classes * 4 } },
  });
}

describe('confusion matrix cap', function () {
  this.timeout(20000);

  it(`is built for ${MAX_CONFUSION_CLASSES} classes`, () => {
    const { finished } = blobsRun(MAX_CONFUSION_CLASSES);
    assert.equal(finished.confusion?.length, MAX_CONFUSION_CLASSES);
    assert.ok(finished.confusion.every((row) => row.length === MAX_CONFUSION_CLASSES));
    assert.equal(finished.confusionOmitted, undefined);
  });

  it('is left out above that, and the run says why', () => {
    const { finished, trainer } = blobsRun(MAX_CONFUSION_CLASSES + 1);
    assert.equal(finished.confusion, undefined);
    assert.equal(
      finished.confusionOmitted,
      `no confusion matrix: ${MAX_CONFUSION_CLASSES + 1} classes are more than the ${MAX_CONFUSION_CLASSES} it is made for`,
    );
    assert.ok(formatFinal(finished, trainer.classes).some((line) => line.includes('no confusion matrix: 51 classes')));
  });
});
