/** The teaching texts state their facts correctly: bounds on slopes (not gradients), sigmoid's centre and slope, selu's dropout rule. */
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/analysis';
import { findActivation } from '../../../server/src/catalog';
import { findCheck } from '../../../server/src/checks';
import { activationMarkdown } from '../../../server/src/features/activationDoc';

const model = (body: string) => `model m {\n  task binary\n  input 2\n${body}\n}\n`;
const message = (text: string, code: string) => analyze(text).diagnostics.find((d) => d.code === code)!.message;

/** The 0.25ᴸ bound is on the product of the activations' slopes; the weights can make the gradient larger. */
function boundsSlopesNotGradient(text: string, where: string): void {
  assert.match(
    text,
    /slopes[^.]*multiply|product of[^.]*slopes/,
    `${where} says the bound is on the product of the slopes`,
  );
  assert.match(text, /weights[^.]*(amplify|make up)/, `${where} says the weights can amplify the gradient`);
  assert.doesNotMatch(
    text,
    /gradient[^.]*(shrinks|is scaled) by at (least|most)/,
    `${where} bounds the gradient itself`,
  );
}

describe('teaching texts', () => {
  it('the sigmoid hover bounds the product of slopes by 0.25ᴸ, a factor of at least 4ᴸ, and says weights can amplify', () => {
    const hover = activationMarkdown(findActivation('sigmoid')!, { plot: false });
    boundsSlopesNotGradient(hover, 'sigmoid hover');
    assert.doesNotMatch(hover, /shrinks by at least 0\.25/, 'a shrink "by at least 0.25ᴸ" is garbled');
    assert.match(hover, /4ᴸ/);
  });

  it('sigmoid-hidden and saturating-stack bound the slopes, not the gradient', () => {
    boundsSlopesNotGradient(findCheck('sigmoid-hidden')!.explanation, 'sigmoid-hidden');
    boundsSlopesNotGradient(findCheck('saturating-stack')!.explanation, 'saturating-stack');
    const stack = message(
      model('  dense 8 sigmoid\n  dense 8 sigmoid\n  dense 8 sigmoid\n  dense 1 sigmoid'),
      'saturating-stack',
    );
    boundsSlopesNotGradient(stack, 'the saturating-stack message');
    assert.match(stack, /0\.25\^3 ≈ 0\.016/);
  });

  it('init-mismatch does not call sigmoid zero-centred with slope 1', () => {
    const text = findCheck('init-mismatch')!.explanation;
    assert.doesNotMatch(text, /symmetric around 0 with slope about 1 there: tanh, sigmoid/);
    assert.match(text, /σ\(0\) = 0\.5/);
    assert.match(text, /σ′\(0\) = 0\.25/);
  });

  it('selu asks for no dropout or alpha-dropout, not for alpha-dropout', () => {
    const selu = findActivation('selu')!;
    assert.match(selu.pitfalls, /no dropout/);
    assert.match(findCheck('selu-setup')!.explanation, /no dropout/);
    const dropout = message(model('  dense 16 selu\n  dropout 0.1\n  dense 1 sigmoid'), 'selu-setup');
    assert.match(dropout, /no dropout, or alpha-dropout/);
  });
});
