/** What the engine benchmark measures, bundled by esbuild exactly as the worker ships it. */
export { Learner } from '../../server/src/train/engine/learner';
export { Rng } from '../../server/src/train/engine/rng';
export { bundledDataset } from '../../server/src/train/data/load';
export { kernelGflops } from './kernelPeak';
