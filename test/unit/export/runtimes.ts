/**
 * The external runtimes the parity tests run exports in, and why one is missing when it is. Python is
 * `/usr/bin/python3` (where Debian's python3-torch and python3-onnx live) unless NN_PYTHON names another.
 */
import { spawnSync } from 'node:child_process';

export const PYTHON = process.env.NN_PYTHON || '/usr/bin/python3';

const moduleCache = new Map<string, string | undefined>();

/** Undefined when `python -c "import NAME"` works, otherwise the reason it does not. */
export function pythonModuleMissing(name: string): string | undefined {
  if (moduleCache.has(name)) return moduleCache.get(name);
  const run = spawnSync(PYTHON, ['-c', `import ${name}`], { encoding: 'utf8', timeout: 120_000 });
  let reason: string | undefined;
  if (run.error) reason = `${PYTHON} cannot run (${run.error.message}); set NN_PYTHON or install python3`;
  else if (run.status !== 0)
    reason = `${PYTHON} has no '${name}' module (apt-get install python3-${name}, or set NN_PYTHON)`;
  moduleCache.set(name, reason);
  return reason;
}

/** Runs a Python script file with arguments; throws with its stderr when it fails. */
export function runPython(script: string, args: string[], timeoutMs = 240_000): string {
  const run = spawnSync(PYTHON, [script, ...args], {
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, OMP_NUM_THREADS: '1' },
  });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`${PYTHON} ${script} failed (${run.status}):\n${run.stderr}`);
  return run.stdout;
}

type Ort = typeof import('onnxruntime-node');
let ort: Ort | undefined;
let ortMissing: string | undefined;

/** onnxruntime-node, or the reason it cannot be loaded. */
export async function loadOrt(): Promise<{ ort?: Ort; missing?: string }> {
  if (ort || ortMissing) return { ort, missing: ortMissing };
  try {
    ort = await import('onnxruntime-node');
  } catch (error) {
    ortMissing = `onnxruntime-node cannot be loaded (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); run npm ci`;
  }
  return { ort, missing: ortMissing };
}

/**
 * Skips the current test or hook because a runtime is missing, saying why. Under CI (CI=true) a missing
 * runtime is a failure instead: .ci/run installs them, so the parity tests must run there.
 */
export function skipForMissing(context: Mocha.Context, what: string, reason: string): never {
  if (process.env.CI === 'true') throw new Error(`${what} cannot run under CI: ${reason}`);
  console.log(`      SKIPPED: ${what} — ${reason}`);
  context.skip();
}
