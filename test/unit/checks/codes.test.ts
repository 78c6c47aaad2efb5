/** The list of known codes stays in step with the codes the parser and the semantic analysis really emit. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_CODES, CHECKS } from '../../../server/src/checks';
import { CORE_CODES } from '../../../server/src/checks/knownCodes';
import { TRAINING_CHECKS } from '../../../server/src/train/checks';

const SRC = join(__dirname, '..', '..', '..', 'server', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [readFileSync(join(dir, e.name), 'utf8')]
        : [],
  );
}

describe('known codes', () => {
  it('lists every code the syntax and model passes emit', () => {
    const text = [...sources(join(SRC, 'syntax')), ...sources(join(SRC, 'model'))].join('\n');
    const emitted = new Set([...text.matchAll(/code: '([a-z-]+)'/g)].map((m) => m[1]));
    for (const what of text.matchAll(/unknownName\('([a-z]+)'/g)) emitted.add(`unknown-${what[1]}`);
    for (const code of emitted)
      assert.ok(ALL_CODES.has(code), `'${code}' is emitted but not in knownCodes.ts or the registry`);
  });

  it('lists the training codes of the protocol', () => {
    const protocol = readFileSync(join(SRC, 'protocol.ts'), 'utf8');
    const line = /code: ('dead-units'[^;]*);/.exec(protocol)![1];
    const codes = [...line.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]);
    assert.deepEqual(codes.sort(), TRAINING_CHECKS.map((c) => c.code).sort());
  });

  it('gives every code one owner', () => {
    const all = [...CHECKS.map((c) => c.code), ...CORE_CODES.map((c) => c.code), ...TRAINING_CHECKS.map((c) => c.code)];
    assert.equal(new Set(all).size, all.length);
  });

  it('covers every static check of rules.md', () => {
    const rules = [
      'sigmoid-hidden',
      'saturating-stack',
      'linear-hidden',
      'all-linear',
      'step-activation',
      'softmax-hidden',
      'softmax-one-unit',
      'output-units',
      'output-activation',
      'regression-relu-output',
      'loss-mismatch',
      'missing-task',
      'dying-relu-risk',
      'init-mismatch',
      'selu-setup',
      'mixed-hidden',
      'param-range',
      'maxout-cost',
      'layer-after-output',
      'model-size',
      'double-activation',
      'high-learning-rate',
      'data-task',
    ];
    assert.deepEqual(
      CHECKS.map((c) => c.code).filter((c) => !c.endsWith('-suppression')),
      rules,
    );
  });
});
