/** The progress bar: epoch, time left, speed, or how the run ended. */
import { el, setText } from '../dom';
import { estimateRemainingMs, formatDuration } from '../numbers';
import { visibleRuns, type PanelState, type RunRecord } from '../state';
import type { View } from './context';

export class ProgressView implements View {
  private readonly fill = el('div', { className: 'progress-fill' });
  private readonly bar = el(
    'div',
    { className: 'progress', attrs: { role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100' } },
    this.fill,
  );
  private readonly text = el('div', { className: 'progress-text', attrs: { 'aria-live': 'polite' } });
  readonly root = el('section', { className: 'progress-row' }, this.bar, this.text);

  update(state: PanelState): void {
    const runs = visibleRuns(state);
    let done = 0;
    let total = 0;
    for (const run of runs) {
      const epochs = runTotal(run);
      total += epochs;
      done += Math.min(epochs, run.finished ? epochs : (run.latest?.epoch ?? 0));
    }
    // Every ended run fills the bar (a stopped one too); the bar's outcome tells how it ended.
    const ended = runs.length > 0 && runs.every((run) => run.finished);
    const fraction = ended ? 1 : total > 0 ? done / total : 0;
    const outcome = state.tab === 'train' && runs[0]?.finished?.reason;
    if (outcome) this.bar.dataset.outcome = outcome;
    else delete this.bar.dataset.outcome;
    this.fill.style.width = `${(fraction * 100).toFixed(1)}%`;
    this.bar.setAttribute('aria-valuenow', (fraction * 100).toFixed(0));
    setText(this.text, describe(state, runs));
  }
}

function runTotal(run: RunRecord): number {
  return run.latest?.epochs ?? run.started?.settings.epochs ?? 0;
}

function describe(state: PanelState, runs: RunRecord[]): string {
  if (runs.length === 0) return state.init ? 'Ready: press Play to train.' : 'Waiting for the model…';
  if (state.tab === 'compare') {
    const finished = runs.filter((r) => r.finished || r.error).length;
    const active = runs.find((r) => !r.finished && !r.error && r.latest);
    const now = active ? ` · ${active.label}: epoch ${active.latest!.epoch} / ${active.latest!.epochs}` : '';
    return `${finished} of ${runs.length} runs finished${now}`;
  }
  const run = runs[0];
  if (run.error) return `Failed: ${run.error}`;
  if (run.finished) {
    const how = { completed: 'Finished', stopped: 'Stopped', diverged: 'Diverged', failed: 'Failed' }[
      run.finished.reason
    ];
    const time = run.latest ? ` in ${formatDuration(run.latest.elapsedMs)}` : '';
    const of = run.finished.reason === 'completed' ? '' : ` of ${runTotal(run)}`;
    return `${how} after ${run.finished.epochs}${of} epochs${time}.`;
  }
  const latest = run.latest;
  if (!latest) return state.runState === 'paused' ? 'Paused before the first epoch.' : 'Starting…';
  const left = estimateRemainingMs(latest.elapsedMs, latest.epoch, latest.epochs);
  const parts = [`Epoch ${latest.epoch} / ${latest.epochs}`];
  if (state.runState === 'paused') parts.push('paused');
  else if (left !== undefined) parts.push(`about ${formatDuration(left)} left`);
  if (Number.isFinite(latest.samplesPerSecond) && latest.samplesPerSecond > 0) {
    parts.push(`${Math.round(latest.samplesPerSecond).toLocaleString('en-US')} samples/s`);
  }
  return parts.join(' · ');
}
