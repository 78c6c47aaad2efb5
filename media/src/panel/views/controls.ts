/** Run buttons and the settings of the next run (epochs, learning rate, batch, seed, toy data). */
import type { PanelControlAction, PanelSettings } from '../../../../server/src/protocol';
import { button, clear, el, setText } from '../dom';
import { effectiveSettings, settingsKey, type PanelState } from '../state';
import type { View, ViewContext } from './context';

interface NumberField {
  input: HTMLInputElement;
  /** The parsed value, or undefined when the text is not acceptable. */
  read(): number | undefined;
}

function numberField(label: string, options: { min: number; max?: number; step: string; integer: boolean }): NumberField & { label: HTMLLabelElement } {
  const attrs: Record<string, string> = { type: 'number', min: String(options.min), step: options.step };
  if (options.max !== undefined) attrs.max = String(options.max);
  const input = el('input', { attrs });
  const read = (): number | undefined => {
    const text = input.value.trim();
    if (text === '') return undefined;
    const value = Number(text);
    if (!Number.isFinite(value) || value < options.min || (options.max !== undefined && value > options.max)) return undefined;
    if (options.integer && !Number.isInteger(value)) return undefined;
    return value;
  };
  return { input, read, label: el('label', { className: 'field' }, el('span', { text: label }), input) };
}

export class ControlsView implements View {
  readonly root: HTMLElement;
  private readonly play: HTMLButtonElement;
  private readonly step: HTMLButtonElement;
  private readonly reset: HTMLButtonElement;
  private readonly stop: HTMLButtonElement;
  private readonly runButtons: HTMLElement;
  private readonly epochs = numberField('Epochs', { min: 1, max: 1_000_000, step: '1', integer: true });
  private readonly lr = numberField('Learning rate', { min: Number.MIN_VALUE, step: 'any', integer: false });
  private readonly batch = numberField('Batch', { min: 1, max: 1_000_000, step: '1', integer: true });
  private readonly seed = numberField('Seed', { min: 0, max: 2 ** 31 - 1, step: '1', integer: true });
  private readonly dataset = el('select');
  private readonly noise = numberField('Noise', { min: 0, max: 1, step: '0.05', integer: false });
  private readonly points = numberField('Points', { min: 10, max: 100_000, step: '10', integer: true });
  private readonly dataRow: HTMLElement;
  private state: PanelState | undefined;
  private datasetOptions = '';

  constructor(private readonly context: ViewContext) {
    this.play = button('▶ Play', () => this.control(this.state?.runState === 'running' ? 'pause' : 'play'), { className: 'primary' });
    this.step = button('Step', () => this.control('step'), { title: 'Train one epoch' });
    this.reset = button('Reset', () => this.control('reset'), { title: 'Stop and clear the run' });
    this.stop = button('■ Stop', () => this.control('stop'), { title: 'Stop the run and keep its results' });
    this.runButtons = el('div', { className: 'button-row' }, this.play, this.step, this.reset, this.stop);
    const regenerate = button('Regenerate', () => {
      if (this.commit()) this.control('regenerate');
    }, { title: 'Draw the data again with these settings and restart' });
    this.dataRow = el(
      'div',
      { className: 'field-row data-row' },
      el('label', { className: 'field' }, el('span', { text: 'Dataset' }), this.dataset),
      this.noise.label,
      this.points.label,
      regenerate,
    );
    const settingsRow = el('div', { className: 'field-row' }, this.epochs.label, this.lr.label, this.batch.label, this.seed.label);
    this.root = el('section', { className: 'controls', attrs: { 'aria-label': 'Training controls' } }, this.runButtons, settingsRow, this.dataRow);
    for (const field of [this.epochs, this.lr, this.batch, this.seed, this.noise, this.points]) {
      field.input.addEventListener('change', () => this.commit());
    }
    this.dataset.addEventListener('change', () => this.commit());
  }

  private control(action: PanelControlAction): void {
    this.context.post({ type: 'control', action });
  }

  /** Reads the fields; when they are all valid, keeps and sends them. Returns whether they were. */
  private commit(): boolean {
    const state = this.state;
    const current = state && effectiveSettings(state);
    if (!state?.init || !current) return false;
    const values = { epochs: this.epochs.read(), lr: this.lr.read(), batch: this.batch.read(), seed: this.seed.read() };
    let valid = true;
    for (const [field, value] of [[this.epochs, values.epochs], [this.lr, values.lr], [this.batch, values.batch], [this.seed, values.seed]] as const) {
      field.input.setAttribute('aria-invalid', String(value === undefined));
      if (value === undefined) valid = false;
    }
    let data: PanelSettings['data'];
    if (current.data) {
      const noise = this.noise.read();
      const points = this.points.read();
      this.noise.input.setAttribute('aria-invalid', String(noise === undefined));
      this.points.input.setAttribute('aria-invalid', String(points === undefined));
      if (noise === undefined || points === undefined) valid = false;
      else data = { name: this.dataset.value || current.data.name, noise, points };
    }
    if (!valid) return false;
    const settings: PanelSettings = { epochs: values.epochs!, lr: values.lr!, batch: values.batch!, seed: values.seed!, data };
    const key = settingsKey(state.init);
    this.context.changeUi((s) => {
      s.ui.settings = settings;
      s.ui.settingsKey = key;
    }, ['controls']);
    this.context.post({ type: 'settings', settings });
    return true;
  }

  update(state: PanelState): void {
    this.state = state;
    const running = state.runState === 'running';
    setText(this.play, running ? '■ Pause' : state.runState === 'paused' ? '▶ Resume' : '▶ Play');
    this.play.setAttribute('aria-pressed', String(running));
    this.step.disabled = running;
    this.stop.disabled = state.runState === 'idle' || state.runState === 'finished';
    this.runButtons.hidden = state.tab !== 'train';
    const settings = effectiveSettings(state);
    const disabled = !settings;
    for (const field of [this.epochs, this.lr, this.batch, this.seed, this.noise, this.points]) field.input.disabled = disabled;
    if (!settings) return;
    setValue(this.epochs.input, settings.epochs);
    setValue(this.lr.input, settings.lr);
    setValue(this.batch.input, settings.batch);
    setValue(this.seed.input, settings.seed);
    const toy = state.init?.toyDatasets ?? [];
    this.dataRow.hidden = !settings.data || toy.length === 0;
    if (settings.data) {
      const names = toy.includes(settings.data.name) ? toy : [settings.data.name, ...toy];
      if (names.join('\n') !== this.datasetOptions) {
        this.datasetOptions = names.join('\n');
        clear(this.dataset);
        for (const name of names) this.dataset.appendChild(el('option', { text: name, attrs: { value: name } }));
      }
      if (document.activeElement !== this.dataset) this.dataset.value = settings.data.name;
      setValue(this.noise.input, settings.data.noise);
      setValue(this.points.input, settings.data.points);
    }
  }
}

/** Writes a value unless the user is typing in the field. */
function setValue(input: HTMLInputElement, value: number): void {
  if (document.activeElement === input) return;
  const text = String(value);
  if (input.value !== text) input.value = text;
  input.removeAttribute('aria-invalid');
}
