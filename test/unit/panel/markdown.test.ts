import assert from 'node:assert/strict';
import { escapeMarkdown, resultsMarkdown } from '../../../media/src/panel/markdown';
import { applyHostMessage, createState } from '../../../media/src/panel/state';
import { binaryStream, compareStream, hostileCsvStream, HOSTILE_HEADER } from '../../browser/fixtures/syntheticStream';
import type { HostToPanel } from '../../../server/src/protocol';

function stateOf(messages: HostToPanel[]) {
  const state = createState();
  for (const m of messages) applyHostMessage(state, m);
  return state;
}

describe('results as markdown', () => {
  it('escapes markup and table separators from the data', () => {
    assert.equal(escapeMarkdown(HOSTILE_HEADER), '\\<script\\>alert\\(1\\)\\</script\\>');
    assert.equal(escapeMarkdown('a|b\nc'), 'a\\|b c');
    assert.equal(escapeMarkdown('plain words'), 'plain words');
  });

  it('writes the final metrics, layers, findings and confusion matrix of a run', () => {
    const md = resultsMarkdown(stateOf(binaryStream()));
    assert.match(md, /^## Training results: spirals \(spirals\.nn\)$/m);
    assert.match(md, /^Settings: 200 epochs, batch 32, learning rate 0\.01, seed 7$/m);
    assert.match(md, /^\| accuracy \| \d+\.\d% \| \d+\.\d% \|$/m);
    assert.match(md, /^\| dense\\_2 \| relu \| 50% \| — \| [\d.]+ \|$/m);
    assert.match(md, /^- warning `dead-units` — dense\\_2: /m);
    assert.match(md, /^\| 1 \| 3 \| 37 \|$/m);
  });

  it('never lets a CSV header through as markup', () => {
    const md = resultsMarkdown(stateOf(hostileCsvStream()));
    assert.ok(!md.includes('<script>'), md);
    assert.ok(md.includes('target \\<script\\>alert\\(1\\)\\</script\\>'));
  });

  it('writes one row per compared activation with its epochs to the threshold', () => {
    const md = resultsMarkdown(stateOf(compareStream()));
    assert.match(md, /^## Activation comparison: spirals/m);
    assert.match(md, /\| hidden activation \| epochs \| epochs to validation accuracy ≥ 90% \|/);
    assert.match(md, /^\| sigmoid \| 100 \| not reached \|/m);
    assert.match(md, /^\| relu \| 100 \| \d+ \|/m);
  });

  it('says so when there is no run', () => {
    assert.match(resultsMarkdown(createState()), /No run yet\./);
  });
});
