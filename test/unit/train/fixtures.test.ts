/**
 * Every training check against its fixtures (test/fixtures/training/CODE/): trip.nn, trained as its train block
 * says, reports exactly its markers; quiet.nn reports nothing on any epoch; each fix the check offers has a golden
 * file that the edit reproduces and whose run no longer reports the check; the documented example trips it.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../server/src/analysis';
import { trainingExampleFindings } from '../../../server/src/explain/codes';
import { fixEdits } from '../../../server/src/features/panel/fixEdits';
import type { TrainingFinding } from '../../../server/src/protocol';
import { anchorFindings, relocate } from '../../../server/src/train/anchors';
import { TRAINING_CHECKS } from '../../../server/src/train/checks';
import { datasetRequestFromTrain, settingsFromTrain, specFromModel } from '../../../server/src/train/fromModel';
import { trainSync } from '../../../server/src/train/trainer';
import { applyEdits } from '../../../server/src/syntax/textEdit';
import { readMarkers } from '../../support/markers';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'training');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const read = (code: string, file: string): string => readFileSync(join(FIXTURES, code, file), 'utf8');

interface Trained {
  /** The findings of every epoch the panel was sent, then those of the finished run. */
  live: TrainingFinding[];
  final: TrainingFinding[];
  /** The final findings as the editor shows them: `line severity code`, lines 1-based. */
  shown: string[];
}

/** Trains the file's first train block as written (a short, seeded run). */
function train(text: string): Trained {
  const analysis = analyze(text);
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(
    errors.map((d) => d.message),
    [],
    'the fixture has no errors',
  );
  const block = analysis.semantic.trains[0];
  const data = block && datasetRequestFromTrain(block);
  assert.ok(block?.model && data, 'the fixture has a train block with data');
  const { events, finished } = trainSync({
    runId: 'fixture',
    spec: specFromModel(block.model),
    settings: settingsFromTrain(block, {}),
    data,
  });
  const { diagnostics } = relocate(anchorFindings(finished.findings, block.model, block, text), text);
  return {
    live: events.flatMap((e) => (e.type === 'epoch' ? e.findings : [])),
    final: finished.findings,
    shown: diagnostics.map((d) => `${analysis.lines.positionAt(d.span.start).line + 1} ${d.severity} ${d.code}`),
  };
}

describe('training check fixtures', function () {
  this.timeout(60_000);

  it('every training check has a fixture folder, and every folder a check', () => {
    const folders = readdirSync(FIXTURES, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    assert.deepEqual(folders, TRAINING_CHECKS.map((c) => c.code).sort());
  });

  for (const def of TRAINING_CHECKS) {
    describe(def.code, () => {
      it('trip.nn reports exactly its markers, including this check', () => {
        const text = read(def.code, 'trip.nn');
        const run = train(text);
        const expected = readMarkers(text).map((m) => `${m.line + 1} ${m.severity} ${m.code}`);
        assert.ok(
          expected.some((e) => e.endsWith(` ${def.code}`)),
          'the markers name this check',
        );
        assert.deepEqual(
          [...run.shown].sort(),
          [...expected].sort(),
          run.final.map((f) => `${f.code}: ${f.message}`).join('\n'),
        );
      });

      it('quiet.nn (a near miss) reports nothing, on any epoch', () => {
        const run = train(read(def.code, 'quiet.nn'));
        assert.deepEqual(
          [...run.live, ...run.final].map((f) => `${f.code}: ${f.message}`),
          [],
        );
      });

      it('its documented example trips it', () => {
        const found = trainingExampleFindings(def);
        assert.ok(found.length > 0, def.example.text);
        assert.ok(found.every((f) => f.message.length > 20));
      });

      const ids = Object.keys(def.fixes);
      if (ids.length === 0) {
        it('offers no fix', () => {
          assert.deepEqual(
            train(read(def.code, 'trip.nn')).final.flatMap((f) => f.fixes ?? []),
            [],
          );
        });
        return;
      }

      it('each fix it declares is offered, gives its golden file, and cures the finding', () => {
        const text = read(def.code, 'trip.nn');
        const analysis = analyze(text);
        const model = analysis.semantic.trains[0].modelName;
        const own = train(text).final.filter((f) => f.code === def.code);
        const offered = own.flatMap((f) => f.fixes ?? []);
        assert.deepEqual(
          [...new Set(offered.map((f) => f.id))].sort(),
          [...ids].sort(),
          'the fixes of the docs are the ones offered',
        );
        for (const fix of offered) {
          assert.ok(fix.title.length > 10, `a title for the button: '${fix.title}'`);
          const edited = fixEdits(analysis, model, fix.change);
          assert.ok('edits' in edited, 'error' in edited ? edited.error : '');
          const after = applyEdits(text, edited.edits);
          const golden = `trip.${fix.id}.after.nn`;
          if (UPDATE) writeFileSync(join(FIXTURES, def.code, golden), after);
          assert.equal(after, read(def.code, golden), `fix '${fix.id}' (${fix.title})`);
          const cured = train(after).final.filter((f) => f.code === def.code);
          assert.deepEqual(
            cured.map((f) => f.message),
            [],
            `after '${fix.id}' the run no longer reports ${def.code}`,
          );
        }
      });
    });
  }
});
