/**
 * The run's backend: the built-in engine or PyTorch. A run option (nothing is written to the file), offered
 * only when the host says the `nn.python` interpreter has torch. A PyTorch run cannot pause or step.
 */
import type { PanelToHost, RunBackend } from '../../../../server/src/protocol';
import { el } from '../dom';
import type { PanelState } from '../state';

export class BackendChoice {
  readonly select = el('select', { attrs: { 'aria-label': 'Backend' } });
  readonly root = el(
    'label',
    {
      className: 'field backend-field',
      attrs: { title: 'Which trainer runs the model: the built-in engine, or PyTorch with the same numbers' },
    },
    el('span', { text: 'Backend' }),
    this.select,
  );

  constructor(
    private readonly post: (message: PanelToHost) => void,
    /** Called after the user picks a backend, so the run buttons follow at once (no Step for PyTorch). */
    onChange: () => void,
  ) {
    for (const [value, text] of [
      ['engine', 'Engine'],
      ['torch', 'PyTorch'],
    ]) {
      this.select.appendChild(el('option', { text, attrs: { value } }));
    }
    this.select.addEventListener('change', () => {
      this.post({ type: 'backend', backend: this.value });
      onChange();
    });
  }

  get value(): RunBackend {
    return this.select.value === 'torch' ? 'torch' : 'engine';
  }

  /** True when the next (or current) run trains in PyTorch. */
  get torch(): boolean {
    return !this.root.hidden && this.value === 'torch';
  }

  update(state: PanelState): void {
    const offered = state.init?.torchAvailable === true;
    if (!offered && this.value === 'torch') {
      this.select.value = 'engine';
      this.post({ type: 'backend', backend: 'engine' });
    }
    this.root.hidden = !offered;
    // The backend of a run in progress stays what it started with.
    this.select.disabled = state.runState === 'running' || state.runState === 'paused';
  }
}
