/**
 * Run buttons, the file's settings and the view options. The settings (epochs, learning rate, batch, seed,
 * validation, normalize, regularization, toy data and its input features) edit the file: a change asks the host
 * for an edit of the `.nn` file, and the fields show what the file says. The view options (show test data,
 * discretize) change only what the panel draws, and sit in their own group marked as such.
 */
import type { PanelControlAction, PanelSettings, TrainSettingChange } from '../../../../server/src/protocol';
import { button, clear, el, setText } from '../dom';
import { effectiveSettings, visibleRuns, type PanelState } from '../state';
import { BackendChoice } from './backend';
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
  /** The run buttons, placed by the page above the settings and the results (app.ts). */
  readonly toolbar: HTMLElement;
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
  private readonly regularizeKind = el('select');
  private readonly regularizeRate = numberField('Rate', { min: 0, step: 'any', integer: false });
  private readonly features = el('div', { className: 'feature-toggles' });
  private readonly featureGroup: HTMLElement;
  private readonly viewGroup: HTMLElement;
  private readonly showTestData = el('input', { attrs: { type: 'checkbox' } });
  private readonly discretize = el('input', { attrs: { type: 'checkbox' } });
  private readonly backend: BackendChoice;
  private state: PanelState | undefined;
  private datasetOptions = '';
  private featuresKey = '';

  constructor(private readonly context: ViewContext) {
    this.play = button('▶ Play', () => this.control(this.state?.runState === 'running' ? 'pause' : 'play'), {
      className: 'primary',
    });
    this.step = button('Step', () => this.control('step'), { title: 'Train one epoch' });
    this.reset = button('Reset', () => this.control('reset'), { title: 'Stop and clear the run' });
    this.stop = button('■ Stop', () => this.control('stop'), { title: 'Stop the run and keep its results' });
    this.backend = new BackendChoice(
      (message) => this.context.post(message),
      () => this.state && this.update(this.state),
    );
    // The four run buttons stay on one row; the backend choice may wrap below them.
    this.runButtons = el(
      'div',
      { className: 'run-toolbar', attrs: { role: 'toolbar', 'aria-label': 'Run' } },
      el('div', { className: 'run-buttons' }, this.play, this.step, this.reset, this.stop),
      this.backend.root,
    );
    this.toolbar = this.runButtons;
    const regenerate = button(
      'Regenerate',
      () => {
        // A changed dataset is written to the file first; the host restarts once the edit is in.
        if (this.commit(true) === 'unchanged') this.control('regenerate');
      },
      { title: 'Draw the data again with these settings and restart' },
    );
    const fileEdit = 'Edits the file (Ctrl+Z in the editor undoes it)';
    for (const kind of ['none', 'l1', 'l2'])
      this.regularizeKind.appendChild(el('option', { text: kind, attrs: { value: kind } }));
    const normalizeLabel = el('label', { className: 'toggle' }, this.normalize, el('span', { text: 'Normalize' }));
    const settingsGroup = group('Training', fileEdit, [
      el(
        'div',
        { className: 'field-grid' },
        this.epochs.label,
        this.lr.label,
        this.batch.label,
        this.seed.label,
        this.validation.label,
        el('label', { className: 'field' }, el('span', { text: 'Regularization' }), this.regularizeKind),
        this.regularizeRate.label,
        el('div', { className: 'field toggle-cell' }, normalizeLabel),
      ),
    ]);
    this.dataRow = group('Data', fileEdit, [
      el(
        'div',
        { className: 'field-grid' },
        el('label', { className: 'field' }, el('span', { text: 'Dataset' }), this.dataset),
        this.noise.label,
        this.points.label,
        el('div', { className: 'field toggle-cell' }, regenerate),
      ),
    ]);
    this.featureGroup = group('Features', 'What the network sees of each point; edits the file and its input width', [
      this.features,
    ]);
    const viewGroup = group('View', 'View options change what the panel draws, never the file', [
      el(
        'div',
        { className: 'view-toggles' },
        el('label', { className: 'toggle' }, this.showTestData, el('span', { text: 'Show test data' })),
        el('label', { className: 'toggle' }, this.discretize, el('span', { text: 'Discretize output' })),
      ),
    ]);
    viewGroup.classList.add('view-group');
    this.viewGroup = viewGroup;
    viewGroup.querySelector('legend')!.appendChild(el('span', { className: 'view-tag', text: 'not in the file' }));
    this.root = el(
      'section',
      { className: 'controls', attrs: { 'aria-label': 'Training settings' } },
      settingsGroup,
      this.dataRow,
      this.featureGroup,
      viewGroup,
    );
    for (const field of [this.epochs, this.lr, this.batch, this.seed, this.validation, this.noise, this.points]) {
      field.input.addEventListener('change', () => this.commit());
    }
    this.normalize.addEventListener('change', () => this.commit());
    this.dataset.addEventListener('change', () => this.commit());
    this.regularizeKind.addEventListener('change', () => this.commitRegularize());
    this.regularizeRate.input.addEventListener('change', () => this.commitRegularize());
    this.showTestData.addEventListener('change', () => {
      const on = this.showTestData.checked;
      context.changeUi((s) => (s.ui.showTestData = on), ['boundary', 'compare']);
    });
    this.discretize.addEventListener('change', () => {
      const on = this.discretize.checked;
      context.changeUi((s) => (s.ui.discretize = on), ['boundary', 'compare']);
    });
  }

  private editFile(setting: TrainSettingChange): void {
    this.context.post({ type: 'applyFix', fix: { kind: 'setTrainSetting', setting }, rerun: false });
  }

  /** Writes the regularization: `none` removes it; a kind keeps the rate, or takes its default when there was none. */
  private commitRegularize(): void {
    const current = this.state && effectiveSettings(this.state);
    if (!current) return;
    const kind = this.regularizeKind.value;
    if (kind !== 'l1' && kind !== 'l2') {
      if (current.regularize) this.editFile({ key: 'regularize', value: null });
      return;
    }
    const fallback = this.state?.init?.regularizeChoices?.find((c) => c.kind === kind)?.amount;
    const rate = current.regularize ? this.regularizeRate.read() : (this.regularizeRate.read() ?? fallback);
    this.regularizeRate.input.setAttribute('aria-invalid', String(rate === undefined));
    if (rate === undefined) return;
    if (current.regularize?.kind === kind && current.regularize.amount === rate) return;
    this.editFile({ key: 'regularize', value: { kind, amount: rate } });
  }

  /** Adds or removes one feature, keeping the order the file lists the others in. */
  private toggleFeature(name: string, on: boolean, input: HTMLInputElement): void {
    const current = this.state && effectiveSettings(this.state)?.features;
    if (!current) return;
    const next = on ? [...current.filter((n) => n !== name), name] : current.filter((n) => n !== name);
    if (next.length === 0) {
      // The network needs at least one input: the last feature stays on.
      input.checked = true;
      return;
    }
    this.editFile({ key: 'features', value: next });
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
    this.backend.update(state);
    // A PyTorch run trains to its end: no pause, no single steps (stop still works).
    this.play.disabled = this.backend.torch && running;
    if (this.backend.torch) this.step.disabled = true;
    this.stop.disabled = state.runState === 'idle' || state.runState === 'finished';
    this.runButtons.hidden = state.tab !== 'train';
    const settings = effectiveSettings(state);
    const disabled = !settings;
    for (const field of [this.epochs, this.lr, this.batch, this.seed, this.validation, this.noise, this.points])
      field.input.disabled = disabled;
    this.normalize.disabled = disabled || settings?.normalize === undefined;
    this.regularizeKind.disabled = disabled;
    this.showTestData.checked = state.ui.showTestData !== false;
    this.discretize.checked = state.ui.discretize;
    // The view options act on the maps, which only 2-D data has.
    const started = visibleRuns(state)[0]?.started;
    this.viewGroup.hidden = started ? started.dataset.features !== 2 : !settings?.data;
    if (!settings) return;
    this.updateRegularize(settings, state);
    this.updateFeatures(settings, state);
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

  private updateRegularize(settings: PanelSettings, state: PanelState): void {
    const written = settings.regularize;
    if (document.activeElement !== this.regularizeKind) this.regularizeKind.value = written?.kind ?? 'none';
    this.regularizeRate.input.disabled = !written;
    if (written) setValue(this.regularizeRate.input, written.amount);
    else if (document.activeElement !== this.regularizeRate.input) {
      // Shows the amount a pick of l2 would write, greyed out.
      const l2 = state.init?.regularizeChoices?.find((c) => c.kind === 'l2')?.amount;
      this.regularizeRate.input.value = l2 === undefined ? '' : String(l2);
    }
  }

  private updateFeatures(settings: PanelSettings, state: PanelState): void {
    const choices = state.init?.featureChoices ?? [];
    const chosen = settings.features;
    this.featureGroup.hidden = !chosen || choices.length === 0;
    if (!chosen) return;
    const key = JSON.stringify([choices, chosen]);
    if (key === this.featuresKey) return;
    this.featuresKey = key;
    clear(this.features);
    for (const choice of choices) {
      const input = el('input', { attrs: { type: 'checkbox', value: choice.name } });
      input.checked = chosen.includes(choice.name);
      input.addEventListener('change', () => this.toggleFeature(choice.name, input.checked, input));
      this.features.appendChild(
        el(
          'label',
          { className: 'toggle feature', title: `${choice.name} (${choice.formula})` },
          input,
          el('span', { text: choice.formula }),
        ),
      );
    }
  }
}

/** A titled group of controls; the title says what its controls change. */
function group(title: string, hint: string, children: Node[]): HTMLElement {
  return el('fieldset', { className: 'control-group', title: hint }, el('legend', { text: title }), ...children);
}

/** Writes a value unless the user is typing in the field. */
function setValue(input: HTMLInputElement, value: number): void {
  if (document.activeElement === input) return;
  const text = String(value);
  if (input.value !== text) input.value = text;
  input.removeAttribute('aria-invalid');
}
