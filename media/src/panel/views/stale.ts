/** A banner over the results when the file changed after the run that produced them. */
import { button, el, setText } from '../dom';
import { visibleRuns, type PanelState } from '../state';
import type { View, ViewContext } from './context';

export class StaleView implements View {
  readonly root: HTMLElement;
  private readonly text = el('span');
  private state: PanelState | undefined;

  constructor(context: ViewContext) {
    const again = button(
      'Run again',
      () => {
        const compared =
          this.state?.tab === 'compare' ? this.state.compare.flatMap((r) => (r.activation ? [r.activation] : [])) : [];
        context.post(
          compared.length > 0 ? { type: 'compare', activations: compared } : { type: 'control', action: 'regenerate' },
        );
      },
      { title: 'Train the file as it is now' },
    );
    this.root = el('div', { className: 'stale-banner', attrs: { role: 'status' } }, this.text, again);
    this.root.hidden = true;
  }

  update(state: PanelState): void {
    this.state = state;
    const shown = state.stale !== undefined && visibleRuns(state).length > 0;
    this.root.hidden = !shown;
    if (shown)
      setText(
        this.text,
        `These results come from an earlier version of the file (line ${state.stale} changed) — run again to update them.`,
      );
  }
}
