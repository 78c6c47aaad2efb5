/** The targets an export can write, and what an export returns: files as text or bytes, plus notes for the user. */
import type { NetworkSpec, NetworkWeights, TrainSettings } from '../model/spec';

export const EXPORT_TARGETS = ['pytorch', 'onnx', 'json'] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];

export function isExportTarget(value: string): value is ExportTarget {
  return (EXPORT_TARGETS as readonly string[]).includes(value);
}

export interface ExportInput {
  spec: NetworkSpec;
  /** Trained weights; without them PyTorch and JSON export the architecture only and ONNX uses the initial weights. */
  weights?: NetworkWeights;
  /** The run settings of the model's train block, when the file has one (the PyTorch training snippet; `features` for every target). */
  settings?: TrainSettings;
  /** Name of the `.nn` file the model comes from, for headers. */
  sourceName?: string;
}

export interface ExportedFile {
  /** The role of the file: the main artifact, or a weights file next to it. */
  role: 'main' | 'weights';
  /** File name relative to the export's folder (the CLI and client decide the folder). */
  name: string;
  content: string | Uint8Array;
}

export interface ExportResult {
  target: ExportTarget;
  files: ExportedFile[];
  /** Short remarks for the user, e.g. activations composed from primitives. */
  notes: string[];
}
