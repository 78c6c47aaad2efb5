/** Runs the `nn` command line in this process and captures what it prints. */
import { main } from '../../server/src/cli/main';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Runs `nn ARGS…` and returns the exit code with its standard output and error, lines joined by `\n`. */
export async function runNn(...args: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const log = console.log;
  const error = console.error;
  console.log = (...parts: unknown[]) => out.push(parts.join(' '));
  console.error = (...parts: unknown[]) => err.push(parts.join(' '));
  try {
    const code = await main(args);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    console.log = log;
    console.error = error;
  }
}
