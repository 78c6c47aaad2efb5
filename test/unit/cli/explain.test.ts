/** `nn explain`: every known code has a title, an explanation of several sentences and a way to fix it. */
import assert from 'node:assert/strict';
import { ALL_CODES, CHECKS } from '../../../server/src/checks';
import { codeDoc, explainText } from '../../../server/src/explain/codes';
import { CORE_CODES } from '../../../server/src/checks/knownCodes';
import { DEFAULT_THRESHOLDS } from '../../../server/src/thresholds';
import { runTrainingCheck, TRAINING_CHECKS } from '../../../server/src/train/checks';
import { lossPlateau } from '../../../server/src/train/checks/lossPlateau';
import { runNn } from '../../support/cli';

/** Sentences of a text: runs ending in `.`, `!` or `?` followed by a space, a line end or the end. */
function sentences(text: string): number {
  return text.split(/[.!?](?:\s|$)/).filter((s) => s.trim().length > 0).length;
}

describe('cli: nn explain', () => {
  for (const code of ALL_CODES) {
    it(`${code}: a title, an explanation and a fix`, () => {
      const doc = codeDoc(code)!;
      assert.ok(doc, 'the code is known');
      assert.ok(doc.title.length >= 4 && !doc.title.endsWith('.'), `a title: '${doc.title}'`);
      assert.ok(sentences(doc.explanation) >= 2, `an explanation of more than one sentence: '${doc.explanation}'`);
      assert.ok(doc.fix.length >= 20, `a fix: '${doc.fix}'`);
      const text = explainText(code)!;
      assert.ok(
        text.startsWith(`${code} (${doc.severity}) — ${doc.title}\n`),
        'the first line names the code, severity and title',
      );
      assert.ok(text.includes(doc.explanation.split('\n')[0]), 'the explanation is printed');
      assert.match(text, /\nHow to fix:\n {2}\S/, 'a fix section');
    });
  }

  it('lists every code with its severity and title', async () => {
    const { code, out } = await runNn('explain');
    assert.equal(code, 0);
    for (const c of [...CHECKS, ...CORE_CODES, ...TRAINING_CHECKS]) {
      assert.match(
        out,
        new RegExp(`^ {2}${c.code} +${c.severity} +${c.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'),
        c.code,
      );
    }
  });

  it('prints the title, explanation and fix of a parser and of a training code', async () => {
    for (const code of ['syntax', 'dead-units']) {
      const { out } = await runNn('explain', code);
      const doc = codeDoc(code)!;
      assert.ok(out.includes(doc.title) && out.includes(doc.fix), code);
    }
  });

  it('lists a training check with the severity it reports', () => {
    const flat = Array.from({ length: 20 }, (_, i) => ({ epoch: i + 1, trainLoss: 0.69, valLoss: 0.69, layers: [] }));
    const [finding] = runTrainingCheck(
      lossPlateau,
      { epoch: 20, epochs: 20, history: flat, layers: [] },
      DEFAULT_THRESHOLDS,
    );
    assert.equal(finding.code, 'loss-plateau');
    assert.equal(TRAINING_CHECKS.find((c) => c.code === 'loss-plateau')!.severity, finding.severity);
  });
});
