/**
 * Quick fixes never propose an invalid value: over random documents, applying any offered fix adds no syntax or
 * value error (param-range, invalid-value, …) that the document did not already have.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, type Analysis } from '../../../server/src/analysis';
import { fixesFor } from '../../../server/src/checks';
import { applyEdits } from '../../../server/src/syntax/textEdit';
import { CORE_CODES } from '../../../server/src/checks/knownCodes';
import { messyNnFile } from '../features/nnGenerator';
import { checkedNnFile } from './checkGenerator';

const OPTIONS = { documentPath: '/ws/fix.nn', workspaceRoots: ['/ws'] };

/** Codes that say a value or the text itself is invalid, whatever the checks think of the model. */
const VALUE_CODES = new Set([...CORE_CODES.filter((c) => c.severity === 'error').map((c) => c.code), 'param-range']);

/** The value errors of an analysis, as `code: message` with their multiplicity. */
function valueErrors(analysis: Analysis): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of analysis.diagnostics) {
    if (!VALUE_CODES.has(d.code)) continue;
    const key = `${d.code}: ${d.message}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Applies every fix of every diagnostic, one at a time, and asserts that none adds a value error. */
function assertFixesAddNoValueError(text: string): void {
  const analysis = analyze(text, OPTIONS);
  const before = valueErrors(analysis);
  for (const diagnostic of analysis.diagnostics) {
    // Name suggestions for parameters keep the written value, which the parameter's own range then judges; an
    // activation's suggestion drops arguments the suggested activation does not take.
    const suggestions = diagnostic.code === 'unknown-activation';
    for (const fix of fixesFor(diagnostic, analysis).filter((f) => suggestions || f.id !== 'suggestion')) {
      const after = valueErrors(analyze(applyEdits(text, fix.edits), OPTIONS));
      for (const [key, n] of after) {
        assert.ok(
          n <= (before.get(key) ?? 0),
          `${diagnostic.code} fix "${fix.title}" adds ${key}\n--- document:\n${text}`,
        );
      }
    }
  }
}

describe('quick fixes keep values valid', () => {
  it('offer no unit count from an invalid class count (multiclass(0), multilabel(-1))', () => {
    for (const task of ['multiclass(0)', 'multiclass(1)', 'multilabel(0)', 'multilabel(-1)']) {
      const text = `model m {\n  task ${task}\n  input 4\n  dense 8 relu\n  dense 3 softmax\n}\n`;
      const analysis = analyze(text, OPTIONS);
      const titles = analysis.diagnostics.flatMap((d) => fixesFor(d, analysis).map((f) => f.title));
      assert.ok(!titles.some((t) => /units to (0|-|1\b)/.test(t)), `${task}: ${titles.join(' | ')}`);
      assertFixesAddNoValueError(text);
    }
  });

  it('replace a misspelt activation and the arguments it does not take (rleu(1) → relu)', () => {
    const text = 'model m {\n  task binary\n  input 2\n  dense 8 rleu(1)\n  dense 1 sigmoid\n}\n';
    const analysis = analyze(text, OPTIONS);
    const unknown = analysis.diagnostics.find((d) => d.code === 'unknown-activation');
    assert.ok(unknown);
    const fix = fixesFor(unknown, analysis).find((f) => f.id === 'suggestion');
    assert.equal(fix && applyEdits(text, fix.edits), text.replace('rleu(1)', 'relu'));
    const kept = 'model m {\n  task binary\n  input 2\n  dense 8 leaky_rleu(alpha: 0.2)\n  dense 1 sigmoid\n}\n';
    const keptAnalysis = analyze(kept, OPTIONS);
    const keptFix = fixesFor(
      keptAnalysis.diagnostics.find((d) => d.code === 'unknown-activation')!,
      keptAnalysis,
    ).find((f) => f.id === 'suggestion');
    assert.equal(keptFix && applyEdits(kept, keptFix.edits), kept.replace('leaky_rleu', 'leaky_relu'));
    assertFixesAddNoValueError(text);
  });

  it('on random models that trip the checks', () => {
    fc.assert(fc.property(checkedNnFile, assertFixesAddNoValueError), {
      numRuns: Number(process.env.NN_FUZZ_RUNS ?? 300),
    });
  });

  it('on random messy files', () => {
    fc.assert(fc.property(messyNnFile, assertFixesAddNoValueError), { numRuns: 100 });
  });
});
