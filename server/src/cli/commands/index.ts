/** The table of `nn` subcommands. Each command is one file in this folder and one line here. */
import type { Command } from '../command';
import { checkCommand } from './check';
import { explainCommand } from './explain';
import { exportCommand } from './export';
import { summaryCommand } from './summary';
import { trainCommand } from './train';

export const COMMANDS: Command[] = [checkCommand, explainCommand, trainCommand, summaryCommand, exportCommand];
