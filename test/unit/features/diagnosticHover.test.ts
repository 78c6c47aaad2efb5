/** Hovering a finding adds its check's longer explanation after the usual hover. */
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/analysis';
import { findCheck } from '../../../server/src/checks';
import { hoverAt } from '../../../server/src/features/hover';

const FLAWED = `model m {
  task binary
  input 2
  dense 8 sigmoid
  dense 8 relu
  out: dense 1 sigmoid
}
`;

function hoverOn(text: string, needle: string, occurrence = 0): string | undefined {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  return hoverAt(analyze(text), at + 1)?.markdown;
}

describe('hover: explanations of findings', () => {
  it('appends the explanation of the finding under the cursor after the activation’s own hover', () => {
    const markdown = hoverOn(FLAWED, 'sigmoid');
    assert.ok(markdown, 'a hover');
    const explanation = findCheck('sigmoid-hidden')!.explanation;
    const activation = markdown.indexOf('σ(x)');
    const why = markdown.indexOf('Why `sigmoid-hidden`');
    assert.ok(activation >= 0 && why > activation, 'the activation first, then why the check fired');
    assert.ok(markdown.includes(explanation), 'the check’s whole explanation');
  });

  it('adds nothing where there is no finding (the sigmoid output of a binary model)', () => {
    const markdown = hoverOn(FLAWED, 'sigmoid', 1);
    assert.ok(markdown, 'a hover');
    assert.ok(markdown.includes('σ(x)'));
    assert.ok(!markdown.includes('Why `'), markdown);
  });

  it('explains a finding even where there is nothing else to hover', () => {
    const text = 'model m {\n  task binary\n  input 2\n  dense 1 sigmoid  # nn-ignore: softmax-hidden\n}\n';
    const markdown = hoverAt(analyze(text), text.indexOf('softmax-hidden') + 2)?.markdown;
    assert.ok(markdown?.includes('Why `unused-suppression`'), markdown);
  });
});
