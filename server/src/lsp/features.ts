/** The list of LSP feature modules. Each editor feature is one file in this folder and one line here. */
import { codeActionsFeature } from './codeActions';
import { codeLensFeature } from './codeLens';
import { completionFeature } from './completion';
import type { Feature } from './context';
import { exportFeature } from './export';
import { foldingFeature } from './folding';
import { formattingFeature } from './formatting';
import { hoverFeature } from './hover';
import { inlayHintsFeature } from './inlayHints';
import { navigationFeature } from './navigation';
import { panelFeature } from './panel';
import { selectionRangesFeature } from './selectionRanges';
import { semanticTokensFeature } from './semanticTokens';
import { signatureHelpFeature } from './signatureHelp';
import { summaryFeature } from './summary';
import { symbolsFeature } from './symbols';
import { trainingFeature } from './training';

export const FEATURES: Feature[] = [
  hoverFeature,
  completionFeature,
  signatureHelpFeature,
  symbolsFeature,
  foldingFeature,
  selectionRangesFeature,
  navigationFeature,
  semanticTokensFeature,
  formattingFeature,
  inlayHintsFeature,
  codeLensFeature,
  summaryFeature,
  codeActionsFeature,
  trainingFeature,
  exportFeature,
  panelFeature,
];
