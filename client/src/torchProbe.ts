/**
 * Whether a Python interpreter can import PyTorch (desktop only: it starts a process). Each interpreter is
 * checked once and the answer kept, so the training panel asks without cost after the first time.
 */
import { execFile } from 'node:child_process';

const answers = new Map<string, Promise<boolean>>();

export function pythonHasTorch(python: string): Promise<boolean> {
  let answer = answers.get(python);
  if (!answer) {
    answer = new Promise((resolve) =>
      execFile(python, ['-c', 'import torch'], { timeout: 120_000, windowsHide: true }, (error) => resolve(!error)),
    );
    answers.set(python, answer);
  }
  return answer;
}
