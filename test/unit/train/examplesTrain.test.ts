/**
 * The README promises that every example except flawed.nn is free of warnings. That includes the training
 * checks: each example is trained as its train block says (all epochs, its seed), and no training finding
 * may be a warning or an error, neither at the end nor on any epoch the panel would show live.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../server/src/analysis';
import { datasetRequestFromTrain, settingsFromTrain, specFromModel } from '../../../server/src/train/fromModel';
import { trainSync } from '../../../server/src/train/trainer';

const EXAMPLES = path.join(__dirname, '..', '..', '..', 'examples');
const files = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.nn') && f !== 'flawed.nn')
  .sort();

describe('examples train without training warnings', function () {
  this.timeout(120_000);

  for (const file of files) {
    it(file, () => {
      const analysis = analyze(readFileSync(path.join(EXAMPLES, file), 'utf8'), {
        documentPath: path.join(EXAMPLES, file),
        workspaceRoots: [EXAMPLES],
      });
      assert.ok(analysis.semantic.models.length > 0, `${file} has no model`);
      for (const model of analysis.semantic.models) {
        const train = analysis.semantic.trains.find((t) => t.model === model);
        const data = train && datasetRequestFromTrain(train);
        assert.ok(train && data, `${file}: model '${model.name}' has no train block with data`);
        const { events, finished } = trainSync({
          runId: file,
          spec: specFromModel(model),
          settings: settingsFromTrain(train, {}),
          data,
        });
        assert.equal(finished.reason, 'completed');
        const seen = [...events.flatMap((e) => (e.type === 'epoch' ? e.findings : [])), ...finished.findings];
        const loud = seen.filter((f) => f.severity === 'warning' || f.severity === 'error');
        assert.deepEqual(
          [...new Set(loud.map((f) => `${f.severity} ${f.code}: ${f.message}`))],
          [],
          `${file}: model '${model.name}'`,
        );
      }
    });
  }
});
