/**
 * After a window reload the panel's host is new: it learns the text the results on screen were trained from
 * out of the webview's saved state, so the stale banner goes on following edits (and clears on an undo).
 */
import assert from 'node:assert/strict';
import type { HostToPanel, PanelPlan } from '../../../server/src/protocol';
import { MAX_PLAN_TEXT } from '../../../server/src/protocol';
import { checkHostMessage } from '../../../server/src/protocolValidate';
import { applyHostMessage, createState, restoreState, saveState } from '../../../media/src/panel/state';
import { savedTarget } from '../../../client/src/panel/savedState';
import { StaleTracker } from '../../../client/src/panel/stale';
import { binaryStream } from '../../browser/fixtures/syntheticStream';

const TRAINED = 'model m {\n  input 2\n  dense 4 relu\n  dense 1 sigmoid\n}\ntrain m {\n  epochs 100\n}\n';

const URI = 'file:///work/spirals.nn';

/** The synthetic run of a document, its plan carrying the trained text. */
function trainedStream(): HostToPanel[] {
  return binaryStream().map((m) =>
    m.type === 'plan' ? { ...m, text: TRAINED } : m.type === 'init' ? { ...m, documentUri: URI } : m,
  );
}

/** What VS Code hands the new host after a reload: the webview's last saved state. */
function reloadAfter(messages: HostToPanel[]) {
  const state = createState();
  for (const m of messages) applyHostMessage(state, m);
  return saveState(state);
}

describe('stale results after a window reload', () => {
  it('keeps the trained text and the banner line in the saved state', () => {
    const saved = savedTarget(reloadAfter([...trainedStream(), { type: 'stale', line: 7 }]));
    assert.equal(saved?.runText, TRAINED);
    assert.equal(saved?.staleLine, 7);
    assert.deepEqual([saved?.uri, saved?.model], [URI, 'spirals']);
  });

  it('clears the banner when the trained value is typed again after the reload', () => {
    const saved = reloadAfter([...trainedStream(), { type: 'stale', line: 7 }]);
    const tracker = new StaleTracker(savedTarget(saved));
    const message = tracker.update(TRAINED);
    assert.deepEqual(message, { type: 'stale' });
    const restored = restoreState(saved)!;
    applyHostMessage(restored, message!);
    assert.equal(restored.stale, undefined, 'the restored page drops its banner');
  });

  it('moves the banner to the line of a new edit, once', () => {
    const saved = reloadAfter([...trainedStream(), { type: 'stale', line: 7 }]);
    const tracker = new StaleTracker(savedTarget(saved));
    assert.equal(tracker.update(TRAINED.replace('epochs 100', 'epochs 200')), undefined, 'line 7 is shown already');
    const edited = TRAINED.replace('dense 4 relu', 'dense 8 relu');
    assert.deepEqual(tracker.update(edited), { type: 'stale', line: 3 });
    assert.equal(tracker.update(edited), undefined, 'the same line is not posted twice');
    const restored = restoreState(saved)!;
    applyHostMessage(restored, { type: 'stale', line: 3 });
    assert.equal(restored.stale, 3);
  });

  it('forgets the text on a reset, so edits after it mark nothing', () => {
    const saved = reloadAfter([...trainedStream(), { type: 'plan', mode: 'train', runs: [] }]);
    const target = savedTarget(saved);
    assert.equal(target?.runText, undefined);
    assert.equal(new StaleTracker(target).update('anything'), undefined);
  });

  it('accepts a plan with its text and refuses one above the limit', () => {
    const plan: PanelPlan = { type: 'plan', mode: 'train', runs: [{ runId: 'r', label: 'm' }], text: TRAINED };
    assert.equal(checkHostMessage(plan).ok, true);
    assert.equal(checkHostMessage({ ...plan, text: 'x'.repeat(MAX_PLAN_TEXT + 1) }).ok, false);
  });
});
