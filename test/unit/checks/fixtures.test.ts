/** Every check against its fixtures: trips where marked, stays quiet on near misses, and its fixes match their goldens. */
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type Analysis } from '../../../server/src/analysis';
import { CHECKS, fixesFor } from '../../../server/src/checks';
import { applyEdits } from '../../../server/src/syntax/textEdit';
import { exampleFindings } from '../../../server/src/explain/codes';
import { check } from '../../support/markers';
import { FIXTURES, fixInputs, fixtureText } from './fixtures';

const OPTIONS = { documentPath: '/ws/test.nn', workspaceRoots: ['/ws'] };
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function only(analysis: Analysis, code: string) {
  return analysis.diagnostics.filter((d) => d.code === code);
}

describe('check fixtures', () => {
  for (const def of CHECKS) {
    describe(def.code, () => {
      it('trip.nn produces exactly its markers, including this check', () => {
        const text = fixtureText(def.code, 'trip.nn');
        assert.ok(text, `test/fixtures/checks/${def.code}/trip.nn is missing`);
        const diagnostics = check(text, OPTIONS);
        assert.ok(
          diagnostics.some((d) => d.code === def.code),
          'the fixture trips the check',
        );
        for (const d of diagnostics.filter((x) => x.code === def.code)) {
          assert.equal(d.source, 'nn');
          assert.ok(d.span.end > d.span.start, 'the range is not empty');
        }
      });

      it('quiet.nn (near misses) produces nothing', () => {
        const text = fixtureText(def.code, 'quiet.nn');
        assert.ok(text, `test/fixtures/checks/${def.code}/quiet.nn is missing`);
        check(text, OPTIONS);
      });

      it('its documented example trips it', () => {
        assert.ok(exampleFindings(def).length > 0, def.example);
      });

      const inputs = fixInputs(def.code);
      if (Object.keys(def.fixes).length > 0) {
        it('has a golden file for every quick fix it declares', () => {
          const offered = new Set<string>();
          for (const input of inputs) {
            const analysis = analyze(fixtureText(def.code, input)!, OPTIONS);
            for (const d of only(analysis, def.code)) for (const fix of fixesFor(d, analysis)) offered.add(fix.id);
          }
          for (const id of Object.keys(def.fixes)) {
            assert.ok(offered.has(id), `no fix input offers '${id}'`);
            assert.ok(
              inputs.some((input) => existsSync(join(FIXTURES, def.code, input.replace(/\.nn$/, `.${id}.after.nn`)))),
              `no golden for '${id}'`,
            );
          }
        });
      }

      for (const input of inputs) {
        it(`${input}: each fix gives its golden document, which is free of ${def.code}`, () => {
          const text = fixtureText(def.code, input)!;
          const analysis = analyze(text, OPTIONS);
          const found = only(analysis, def.code);
          assert.equal(
            found.length,
            1,
            `${input} has exactly one ${def.code}: ${found.map((d) => d.message).join(' | ')}`,
          );
          const fixes = fixesFor(found[0], analysis);
          assert.ok(fixes.length > 0, 'at least one fix');
          assert.ok(fixes.filter((f) => f.preferred).length <= 1, 'at most one preferred fix');
          let compared = 0;
          for (const fix of fixes) {
            const goldenName = input.replace(/\.nn$/, `.${fix.id}.after.nn`);
            const goldenPath = join(FIXTURES, def.code, goldenName);
            const after = applyEdits(text, fix.edits);
            if (UPDATE && (fix.id !== 'ignore' || existsSync(goldenPath))) writeFileSync(goldenPath, after);
            const golden = fixtureText(def.code, goldenName);
            if (golden === undefined) continue;
            compared++;
            assert.equal(after, golden, `fix '${fix.id}' (${fix.title})`);
            const fixed = analyze(after, OPTIONS);
            assert.deepEqual(
              only(fixed, def.code).map((d) => d.message),
              [],
              `after '${fix.id}' the check is quiet`,
            );
            assert.deepEqual(
              fixed.diagnostics.filter((d) => d.code === 'syntax').map((d) => d.message),
              [],
              'the fix keeps the file valid',
            );
          }
          assert.ok(compared > 0, `no golden for any fix of ${input}`);
        });
      }
    });
  }
});
