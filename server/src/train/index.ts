/**
 * The training engine's public, pure API (no Node imports). Host-side pieces live beside it:
 * `runner.ts` (starts the worker thread) and `hostData.ts` (reads csv files).
 */
export { predict, type PredictOptions } from './predict';
export { Trainer, trainSync, standardization, type TrainerOptions } from './trainer';
export { TrainingSession } from './session';
export { specFromModel, settingsFromTrain, datasetRequestFromTrain, untrainableReason } from './fromModel';
export { runTrainingChecks, DEFAULT_THRESHOLDS, withDefaults, type TrainingThresholds } from './checks';
export { csvDatasetFacts } from './data/csvFacts';
export { loadDataset, bundledDataset } from './data/load';
export { parseCsv, splitTargets, numericAsClasses } from './data/csv';
export { checkCsvFile, type CsvFileCheck } from './data/file';
export { generateToy, TOY_DATASETS } from './data/toy';
export { DataError, type Dataset, type DatasetTarget } from './data/types';
export { anchorDiagnostics, anchorFindings, relocate, type AnchoredFinding } from './anchors';
export { Learner } from './engine/learner';
export { Network } from './engine/network';
export { Rng } from './engine/rng';
