/**
 * Run buttons and the file's train settings (epochs, learning rate, batch, seed, toy data). The fields edit the
 * file: a change asks the host for an edit of the `.nn` file, and the fields show what the file says.
 */
import type { PanelControlAction, PanelSettings, TrainSettingChange } from '../../../../server/src/protocol';
import { button, clear, el, setText } from '../dom';
import { effectiveSettings, type PanelState } from '../state';
import type { View, ViewContext } from './context';

interface NumberField {
  input: HTMLInputElement;
  /** The parsed value, or undefined when the text is not acceptable. */
  read(): number | undefined;
}

function numberField(
  label: string,
  options: { min: number; max?: number; step: string; integer: boolean },
): NumberField & { label: HTMLLabelElement } {
  const attrs: Record<string, string> = { type: 'number', min: String(options.min), step: options.step };
  if (options.max !== undefined) attrs.max = String(options.max);
  const input = el('input', { attrs });
  const read = (): number | undefined => {
    const text = input.value.trim();
    if (text === '') return undefined;
    const value = Number(text);
    if (!Number.isFinite(value) || value < options.min || (options.max !== undefined && value > options.max))
      return undefined;
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
  private readonly validation = numberField('Validation', { min: 0, max: 0.99, step: '0.05', integer: false });
  private readonly normalize = el('input', { attrs: { type: 'checkbox' } });
  private readonly dataset = el('select');
  private readonly noise = numberField('Noise', { min: 0, max: 1, step: '0.05', integer: false });
  private readonly points = numberField('Points', { min: 10, max: 100_000, step: '10', integer: true });
  private readonly dataRow: HTMLElement;
  private state: PanelState | undefined;
  private datasetOptions = '';

  constructor(private readonly context: ViewContext) {
    this.play = button('▶ Play', () => this.control(this.state?.runState === 'running' ? 'pause' : 'play'), {
      className: 'primary',
    });
    this.step = button('Step', () => this.control('step'), { title: 'Train one epoch' });
    this.reset = button('Reset', () => this.control('reset'), { title: 'Stop and clear the run' });
    this.stop = button('■ Stop', () => this.control('stop'), { title: 'Stop the run and keep its results' });
    this.runButtons = el('div', { className: 'button-row' }, this.play, this.step, this.reset, this.stop);
    const regenerate = button(
      'Regenerate',
      () => {
        // A changed dataset is written to the file first; the host restarts once the edit is in.
        if (this.commit(true) === 'unchanged') this.control('regenerate');
      },
      { title: 'Draw the data again with these settings and restart' },
    );
    const fileEdit = { title: 'Edits the train block of the file (Ctrl+Z in the editor undoes it)' };
    this.dataRow = el(
      'div',
      { className: 'field-row data-row', attrs: fileEdit },
      el('label', { className: 'field' }, el('span', { text: 'Dataset' }), this.dataset),
      this.noise.label,
      this.points.label,
      regenerate,
    );
    const normalizeLabel = el('label', { className: 'toggle' }, this.normalize, el('span', { text: 'Normalize' }));
    const settingsRow = el(
      'div',
      { className: 'field-row', attrs: fileEdit },
      this.epochs.label,
      this.lr.label,
      this.batch.label,
      this.seed.label,
      this.validation.label,
      normalizeLabel,
    );
    this.root = el(
      'section',
      { className: 'controls', attrs: { 'aria-label': 'Training controls' } },
      this.runButtons,
      settingsRow,
      this.dataRow,
    );
    for (const field of [this.epochs, this.lr, this.batch, this.seed, this.validation, this.noise, this.points]) {
      field.input.addEventListener('change', () => this.commit());
    }
    this.normalize.addEventListener('change', () => this.commit());
    this.dataset.addEventListener('change', () => this.commit());
  }

  private control(action: PanelControlAction): void {
    this.context.post({ type: 'control', action });
  }

  /**
   * Reads the fields and asks for an edit of the file for each one that differs from it. Returns 'invalid'
   * when a field cannot be read (nothing is sent), 'edited' when an edit was asked for, else 'unchanged'.
   */
  private commit(rerun = false): 'invalid' | 'edited' | 'unchanged' {
    const current = this.state && effectiveSettings(this.state);
    if (!this.state?.init || !current) return 'invalid';
    const values = { epochs: this.epochs.read(), lr: this.lr.read(), batch: this.batch.read(), seed: this.seed.read() };
    let valid = true;
    for (const [field, value] of [
      [this.epochs, values.epochs],
      [this.lr, values.lr],
      [this.batch, values.batch],
      [this.seed, values.seed],
    ] as const) {
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
    const validation = this.validation.read();
    this.validation.input.setAttribute('aria-invalid', String(validation === undefined));
    if (validation === undefined) valid = false;
    if (!valid) return 'invalid';
    const changes: TrainSettingChange[] = [];
    for (const key of ['epochs', 'lr', 'batch', 'seed'] as const) {
      if (values[key] !== current[key]) changes.push({ key, value: values[key]! });
    }
    if (current.validation !== undefined && validation !== current.validation)
      changes.push({ key: 'validation', value: validation! });
    if (current.normalize !== undefined && this.normalize.checked !== current.normalize)
      changes.push({ key: 'normalize', value: this.normalize.checked });
    if (
      data &&
      current.data &&
      (data.name !== current.data.name || data.noise !== current.data.noise || data.points !== current.data.points)
    ) {
      changes.push({ key: 'data', value: { name: data.name, args: { points: data.points, noise: data.noise } } });
    }
    changes.forEach((setting, i) =>
      this.context.post({
        type: 'applyFix',
        fix: { kind: 'setTrainSetting', setting },
        rerun: rerun && i === changes.length - 1,
      }),
    );
    return changes.length > 0 ? 'edited' : 'unchanged';
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
    for (const field of [this.epochs, this.lr, this.batch, this.seed, this.validation, this.noise, this.points])
      field.input.disabled = disabled;
    this.normalize.disabled = disabled || settings?.normalize === undefined;
    if (!settings) return;
    setValue(this.validation.input, settings.validation ?? 0);
    this.normalize.checked = settings.normalize ?? true;
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
