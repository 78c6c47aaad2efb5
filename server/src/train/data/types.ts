/** A loaded dataset: features in original units and the target as read, before any encoding for a network. */

export type DatasetTarget =
  /** One label per row (text labels, or the classes of a toy set). */
  | { kind: 'classes'; classes: string[]; labels: Int32Array }
  /** Numbers per row: a regression target, or several 0/1 columns (multilabel). */
  | { kind: 'numeric'; width: number; values: Float64Array };

export interface Dataset {
  name: string;
  /** Rows. */
  n: number;
  features: number;
  /** Row-major n × features. */
  x: Float64Array;
  featureNames: string[];
  targetNames: string[];
  target: DatasetTarget;
}

/** A problem with the data, with the row (1-based line in the file) and column it concerns when known. */
export class DataError extends Error {
  constructor(
    message: string,
    readonly row?: number,
    readonly column?: string,
  ) {
    super(message);
    this.name = 'DataError';
  }
}
