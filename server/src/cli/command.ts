/** A subcommand of `nn`. */
export interface Command {
  name: string;
  /** One line for `nn --help`. */
  summary: string;
  usage: string;
  /** Runs the command; resolves to the process exit code. */
  run(args: string[]): Promise<number>;
}
