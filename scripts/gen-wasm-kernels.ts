/**
 * Compiles the engine's WebAssembly kernels (server/src/train/engine/wasm/kernelSource.ts) with wabt and writes
 * their bytes, base64, to kernels.generated.ts, so the bundles carry them and nothing is read at run time.
 * Run: npm run gen:wasm. A unit test fails when the generated file is stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedKernelsFile } from './wasmKernels';

const target = join(__dirname, '..', 'server', 'src', 'train', 'engine', 'wasm', 'kernels.generated.ts');
generatedKernelsFile()
  .then((text) => {
    writeFileSync(target, text);
    console.log(`wrote ${target}`);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
