/** What every view gets: a way to talk to the host, the current theme, and a way to change UI-only state. */
import type { PanelToHost } from '../../../../server/src/protocol';
import type { PanelState, ViewPart } from '../state';
import type { Theme } from '../theme';

export interface ViewContext {
  post(message: PanelToHost): void;
  theme(): Theme;
  /** Changes state that only the panel holds (a toggle, the tab, edited settings) and redraws `parts`. */
  changeUi(mutate: (state: PanelState) => void, parts: ViewPart[]): void;
}

export interface View {
  readonly root: HTMLElement;
  update(state: PanelState): void;
}
