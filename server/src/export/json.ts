/**
 * NN Studio's own model file: the network description (NetworkSpec) plus, optionally, its trained weights,
 * under a format name and a version number. Documented in docs/export.md. Numbers are written with the
 * shortest text that reads back as the same double, so a round trip through this format is exact.
 */
import { FEATURES, isFeatureName, type FeatureName } from '../catalog';
import type { NetworkSpec, NetworkWeights, TrainSettings } from '../model/spec';
import { checkWeights, ExportFormatError, readSpec, readWeights } from './validate';

export const JSON_FORMAT = 'nn-studio-model';
export const JSON_FORMAT_VERSION = 1;

export interface JsonExport {
  format: typeof JSON_FORMAT;
  version: number;
  /** What wrote the file. */
  producer: string;
  model: NetworkSpec;
  /** The trained weights, or null when the file describes the architecture only. */
  weights: NetworkWeights | null;
  /** The settings of the run that produced the weights (or of the file's train block), when known. */
  train?: TrainSettings;
}

export const PRODUCER = 'NN Studio 0.1.0';

export function toJsonExport(spec: NetworkSpec, weights?: NetworkWeights, settings?: TrainSettings): string {
  if (weights) checkWeights(spec, weights);
  const document: JsonExport = {
    format: JSON_FORMAT,
    version: JSON_FORMAT_VERSION,
    producer: PRODUCER,
    model: spec,
    weights: weights ?? null,
  };
  if (settings) document.train = settings;
  return `${compactNumberArrays(JSON.stringify(document, null, 2))}\n`;
}

const NUMBER = '-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?';
/** A multi-line array of numbers as JSON.stringify indents it (a raw newline never occurs inside a string). */
const NUMBER_ARRAY = new RegExp(`\\[\\n\\s*(${NUMBER}(?:,\\n\\s*${NUMBER})*)\\n\\s*\\]`, 'g');

/** Puts each array of numbers (weights, biases) on one line instead of one number per line. */
function compactNumberArrays(text: string): string {
  return text.replace(NUMBER_ARRAY, (_, body: string) => `[${body.split(/,\s*/).join(', ')}]`);
}

export interface LoadedJsonExport {
  spec: NetworkSpec;
  weights?: NetworkWeights;
  settings?: TrainSettings;
}

/** Reads a file written by `toJsonExport`. Throws `ExportFormatError` (with the path of the bad value) on bad input. */
export function loadJsonExport(text: string): LoadedJsonExport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ExportFormatError('(file)', `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ExportFormatError('(file)', 'expected a JSON object');
  const doc = value as Record<string, unknown>;
  if (doc.format !== JSON_FORMAT) throw new ExportFormatError('format', `expected "${JSON_FORMAT}"`);
  if (typeof doc.version !== 'number' || !Number.isInteger(doc.version) || doc.version < 1) {
    throw new ExportFormatError('version', 'expected a whole number ≥ 1');
  }
  if (doc.version > JSON_FORMAT_VERSION) {
    throw new ExportFormatError(
      'version',
      `this file is version ${doc.version}; this NN Studio reads up to version ${JSON_FORMAT_VERSION}`,
    );
  }
  const spec = readSpec(doc.model, 'model');
  const result: LoadedJsonExport = { spec };
  if (doc.weights !== undefined && doc.weights !== null) {
    const weights = readWeights(doc.weights, 'weights');
    checkWeights(spec, weights);
    result.weights = weights;
  }
  if (doc.train !== undefined && doc.train !== null) result.settings = readSettings(doc.train);
  const features = result.settings?.features;
  if (features && features.length !== spec.input) {
    throw new ExportFormatError(
      'train.features',
      `${features.length} features, but the model's input is ${spec.input}`,
    );
  }
  return result;
}

function readSettings(value: unknown): TrainSettings {
  if (typeof value !== 'object' || value === null) throw new ExportFormatError('train', 'expected an object');
  const t = value as Record<string, unknown>;
  const num = (key: string): number => {
    const v = t[key];
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new ExportFormatError(`train.${key}`, 'expected a finite number');
    return v;
  };
  const settings: TrainSettings = {
    epochs: num('epochs'),
    batch: num('batch'),
    validation: num('validation'),
    seed: num('seed'),
    normalize: t.normalize !== false,
  };
  if (t.lr !== undefined) settings.lr = num('lr');
  if (t.features !== undefined) settings.features = readFeatures(t.features);
  return settings;
}

/** The `features` of a run: known names, each once. */
function readFeatures(value: unknown): FeatureName[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new ExportFormatError('train.features', 'expected a non-empty list of feature names');
  value.forEach((name, i) => {
    if (typeof name !== 'string' || !isFeatureName(name)) {
      throw new ExportFormatError(`train.features[${i}]`, `expected one of ${FEATURES.map((f) => f.name).join(', ')}`);
    }
    if (value.indexOf(name) !== i) throw new ExportFormatError(`train.features[${i}]`, `'${name}' is listed twice`);
  });
  return value as FeatureName[];
}
