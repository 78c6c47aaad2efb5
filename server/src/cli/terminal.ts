/**
 * What the `nn` command line prints goes through here: control characters from a file, a file name or an
 * argument are shown escaped, so a hostile file cannot drive the terminal, and a closed pipe ends the
 * command quietly.
 */
import { format } from 'node:util';

/**
 * C0 controls except tab and newline, DEL, C1 controls, and the bidirectional overrides and isolates
 * (which reorder how a line reads without changing its characters).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is this function's purpose.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The text with each unsafe character written as `\uXXXX`. Printable text, newlines and tabs are unchanged,
 * and inside a JSON string the escape means the same character, so JSON output stays valid and exact.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Makes every `console` message of this process terminal-safe: the one boundary all commands print through. */
export function printSafely(): void {
  for (const method of ['log', 'info', 'warn', 'error'] as const) {
    const print = console[method].bind(console);
    console[method] = (...parts: unknown[]) => print(terminalSafe(format(...parts)));
  }
}

/**
 * `nn … | head -1`: when the reader closes the pipe, stop at once with status 0 instead of a stack trace.
 * The same for standard error (`nn … 2>&1 | head -1`).
 */
export function exitQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(0);
    });
  }
}
