/** The list of LSP feature modules. Each editor feature is one file in this folder and one line here. */
import type { Feature } from './context';

export const FEATURES: Feature[] = [];
