/** Title, data summary, tabs and the banner for errors. */
import type { RunProblem } from '../../../../server/src/protocol';
import { button, clear, el, setText } from '../dom';
import { inputNames } from '../inputNames';
import { visibleRuns, type PanelState } from '../state';
import type { View, ViewContext } from './context';

export class HeaderView implements View {
  readonly root: HTMLElement;
  private readonly title = el('h1');
  private readonly file = el('span', { className: 'file-name' });
  private readonly data = el('div', { className: 'data-summary' });
  private readonly banner = el('div', { className: 'banner', attrs: { role: 'alert' } });
  private readonly bannerText = el('div');
  /** Problems in the file that kept a run from starting, each linked to its line. */
  private readonly problems = el('ul', { className: 'findings' });
  private problemsKey = '';
  private readonly trainTab: HTMLButtonElement;
  private readonly compareTab: HTMLButtonElement;

  constructor(private readonly context: ViewContext) {
    const select = (tab: PanelState['tab']) => () =>
      context.changeUi(
        (s) => (s.tab = tab),
        ['header', 'controls', 'progress', 'curves', 'boundary', 'health', 'activations', 'results', 'compare'],
      );
    this.trainTab = button('Train', select('train'), { className: 'tab', attrs: { role: 'tab' } });
    this.compareTab = button('Compare activations', select('compare'), { className: 'tab', attrs: { role: 'tab' } });
    this.root = el(
      'header',
      { className: 'panel-header' },
      el('div', { className: 'title-row' }, this.title, this.file),
      this.data,
      el('nav', { className: 'tabs', attrs: { role: 'tablist' } }, this.trainTab, this.compareTab),
      this.banner,
    );
    this.banner.append(this.bannerText, this.problems);
  }

  private renderProblems(problems: readonly RunProblem[]): void {
    const key = JSON.stringify(problems);
    if (key === this.problemsKey) return;
    this.problemsKey = key;
    clear(this.problems);
    for (const p of problems) {
      const item = el('li', { className: `finding ${p.severity}` });
      const reveal = () => this.context.post({ type: 'revealSource', start: p.start, end: p.end });
      item.append(
        button(`line ${p.line}:${p.column}`, reveal, { className: 'link', title: 'Show this place in the editor' }),
        el('span', { className: 'message', text: ` ${p.message}` }),
        el('span', { className: 'muted', text: ` (${p.code})` }),
      );
      this.problems.appendChild(item);
    }
    this.problems.hidden = problems.length === 0;
  }

  update(state: PanelState): void {
    setText(this.title, state.init?.modelName ?? 'Training');
    setText(this.file, state.init?.fileName ?? '');
    const run = visibleRuns(state)[0];
    const d = run?.started?.dataset;
    if (d) {
      const names = inputNames(state, run);
      const inputs = run.started?.spec.input ?? names?.length ?? d.features;
      const parts = [`Data: ${d.name}`, `${inputs} input${inputs === 1 ? '' : 's'}`];
      if (names?.length) parts.push(`features ${names.join(', ')}`);
      if (d.targetNames?.length) parts.push(`target ${d.targetNames.join(', ')}`);
      if (d.classes.length) parts.push(`classes ${d.classes.join(', ')}`);
      parts.push(`${d.trainSize} train / ${d.validationSize} validation`);
      setText(this.data, parts.join(' · '));
    } else {
      setText(this.data, '');
    }
    for (const [tab, node] of [
      ['train', this.trainTab],
      ['compare', this.compareTab],
    ] as const) {
      node.classList.toggle('active', state.tab === tab);
      node.setAttribute('aria-selected', String(state.tab === tab));
    }
    const problems = visibleRuns(state).flatMap((r) => {
      const prefix = state.tab === 'compare' ? `${r.label}: ` : '';
      if (r.error) return [`${prefix}${r.error}`];
      if (r.finished && (r.finished.reason === 'diverged' || r.finished.reason === 'failed')) {
        return [`${prefix}${r.finished.detail ?? `the run ${r.finished.reason}`}`];
      }
      return [];
    });
    const fileProblems = visibleRuns(state).flatMap((r) => r.problems ?? []);
    setText(this.bannerText, problems.join('\n'));
    this.renderProblems(fileProblems);
    this.banner.hidden = problems.length === 0 && fileProblems.length === 0;
  }
}
