/** The table of `nn` subcommands. Each command is one file in this folder and one line here. */
import type { Command } from '../command';

export const COMMANDS: Command[] = [];
