/** A subcommand of `nn`. */
import { parseCommandArgs, type ArgsSpec, type Flags } from './args';

export interface Command {
  name: string;
  /** One line for `nn --help`. */
  summary: string;
  usage: string;
  /** Runs the command; resolves to the process exit code. */
  run(args: string[]): Promise<number>;
}

/** A command whose arguments are parsed by `parseCommandArgs`; `run` gets them read, or never runs on a usage error (exit code 2). */
export function defineCommand<F extends Flags, T>(
  spec: ArgsSpec<F, T> & { summary: string; run(parsed: T): Promise<number> },
): Command {
  return {
    name: spec.name,
    summary: spec.summary,
    usage: spec.usage,
    async run(args) {
      const parsed = parseCommandArgs(args, spec);
      return parsed === undefined ? 2 : spec.run(parsed);
    },
  };
}
