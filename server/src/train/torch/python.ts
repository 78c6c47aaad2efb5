/** The Python interpreter a PyTorch run uses, and whether it has PyTorch. */
import { spawnSync } from 'node:child_process';

/** How to get PyTorch, for the messages that say it is missing. */
export const INSTALL_TORCH =
  'install PyTorch (pip install torch, or on Debian/Ubuntu: apt-get install python3-torch), or point the nn.python setting or NN_PYTHON at a Python that has it';

/** The Python to run: the `nn.python` setting, else the NN_PYTHON environment variable, else `python3`. */
export function pythonCommand(settings: { python?: string }): string {
  return settings.python ?? (process.env.NN_PYTHON || 'python3');
}

/** Why PyTorch cannot be used with `python`, with how to install it; undefined when it can (blocks while it checks). */
export function torchMissing(python: string): string | undefined {
  const probe = spawnSync(python, ['-c', 'import torch'], { encoding: 'utf8', timeout: 120_000 });
  if (probe.error) return `cannot run '${python}' (${probe.error.message}); ${INSTALL_TORCH}`;
  if (probe.status !== 0) return `'${python}' has no PyTorch; ${INSTALL_TORCH}`;
  return undefined;
}
