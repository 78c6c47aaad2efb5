/** Signature help: the callee's parameters with defaults and the active one, from incomplete text. */
import assert from 'node:assert/strict';
import { signatureHelpAt } from '../../../server/src/features/signatureHelp';
import { atCursor } from './support';

const CASES: { marked: string; label?: string; active?: string }[] = [
  {
    marked: 'model m {\n  input 2\n  dense 8 leaky_relu($0\n}',
    label: 'leaky_relu(alpha: 0.01)',
    active: 'alpha: 0.01',
  },
  {
    marked: 'model m {\n  optimizer adam($0)\n}',
    label: 'adam(lr: 0.001, beta1: 0.9, beta2: 0.999)',
    active: 'lr: 0.001',
  },
  { marked: 'model m {\n  optimizer adam(0.01, $0)\n}', active: 'beta1: 0.9' },
  { marked: 'model m {\n  optimizer adam(0.01, 0.9, 0.99$0\n}', active: 'beta2: 0.999' },
  { marked: 'model m {\n  optimizer adam(beta2: 0.99, lr$0\n}', active: 'lr: 0.001' },
  { marked: 'model m {\n  optimizer adam(beta2: $0\n}', active: 'beta2: 0.999' },
  { marked: 'model m {\n  task multiclass($0)\n}', label: 'multiclass(classes: …)', active: 'classes: …' },
  {
    marked: 'model m {\n  input 2\n  dense 4 gelu(approximate: $0)\n}',
    label: 'gelu(approximate: none)',
    active: 'approximate: none',
  },
  { marked: 'train m {\n  data csv("a.csv", $0)\n}', label: 'csv(path: "…", target: "…")', active: 'target: "…"' },
  { marked: 'train m {\n  data spiral(noise: 0.2, $0)\n}', active: 'points: 400' },
  { marked: 'model m {\n  regularize l2($0\n}', label: 'l2(amount: 0.0001)' },
  { marked: 'model m {\n  input 2\n  out: dense 1 leaky_relu( alpha: 0.$0 )\n}', active: 'alpha: 0.01' },
  { marked: 'model m {\n  input 2\n  activation elu($0\n}', label: 'elu(alpha: 1)' },
];

describe('features: signature help', () => {
  for (const c of CASES) {
    it(
      JSON.stringify(
        c.marked
          .split('\n')
          .find((l) => l.includes('$0'))!
          .trim(),
      ),
      () => {
        const { analysis, offset } = atCursor(c.marked);
        const signature = signatureHelpAt(analysis, offset);
        assert.ok(signature);
        if (c.label) assert.equal(signature.label, c.label);
        if (c.active) {
          const p = signature.parameters[signature.activeParameter];
          assert.ok(p, 'an active parameter');
          assert.equal(signature.label.slice(p.label[0], p.label[1]), c.active);
        }
        assert.ok(signature.documentation.length > 0);
      },
    );
  }

  for (const marked of [
    'model m {\n  input 2\n  dense 8 relu($0)\n}',
    'model m {\n  dense 8 $0\n}',
    'model m {\n  # adam($0\n}',
    'model m {\n  loss bce($0)\n}',
  ]) {
    it(`no signature for ${JSON.stringify(marked.split('\n')[marked.split('\n').length - 2].trim())}`, () => {
      const { analysis, offset } = atCursor(marked);
      assert.equal(signatureHelpAt(analysis, offset), undefined);
    });
  }
});
