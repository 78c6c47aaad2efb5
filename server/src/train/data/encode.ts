/**
 * Encodes a dataset's target for a network: 0/1 for a one-unit binary output, one-hot for K units,
 * the numbers themselves for regression and multilabel. Also decides how accuracy is measured.
 */
import type { TaskKind } from '../../catalog/types';
import { numericAsClasses } from './csv';
import { DataError, type Dataset } from './types';

/** binary: one output thresholded; argmax: the largest output wins; multilabel: each output thresholded; mae: regression. */
export type MetricKind = 'binary' | 'argmax' | 'multilabel' | 'mae';

export interface EncodedTargets {
  /** The dataset, with a numeric label column turned into classes when the task is a classification. */
  dataset: Dataset;
  /** Row-major n × outputs. */
  values: Float64Array;
  metric: MetricKind;
  /** Class names (empty for regression and multilabel). */
  classes: string[];
  task: TaskKind;
}

export function encodeTargets(
  dataset: Dataset,
  outputs: number,
  task: TaskKind | undefined,
  loss: string,
): EncodedTargets {
  let data = dataset;
  const classification = task === 'binary' || task === 'multiclass';
  if (classification && data.target.kind === 'numeric' && data.target.width === 1) data = numericAsClasses(data);
  const target = data.target;
  const n = data.n;
  if (target.kind === 'classes') {
    if (task === 'regression') throw new DataError(`'${data.name}' has class labels, but the task is regression`);
    if (task === 'multilabel') throw new DataError(`'${data.name}' has one label per row, but the task is multilabel`);
    const k = target.classes.length;
    if (outputs === 1) {
      if (k > 2)
        throw new DataError(
          `'${data.name}' has ${k} classes, but the output layer has 1 unit — use ${k} units with softmax`,
        );
      const values = new Float64Array(n);
      for (let r = 0; r < n; r++) values[r] = target.labels[r];
      return { dataset: data, values, metric: 'binary', classes: target.classes, task: task ?? 'binary' };
    }
    if (outputs !== k)
      throw new DataError(`'${data.name}' has ${k} classes, but the output layer has ${outputs} units`);
    const values = new Float64Array(n * k);
    for (let r = 0; r < n; r++) values[r * k + target.labels[r]] = 1;
    return {
      dataset: data,
      values,
      metric: 'argmax',
      classes: target.classes,
      task: task ?? (k === 2 ? 'binary' : 'multiclass'),
    };
  }
  if (target.width !== outputs) {
    throw new DataError(
      `'${data.name}' has ${target.width} target column${target.width === 1 ? '' : 's'}, but the output layer has ${outputs} unit${outputs === 1 ? '' : 's'}`,
    );
  }
  const zeroOne = target.values.every((v) => v === 0 || v === 1);
  const labelled = task === 'multilabel' || (task === undefined && zeroOne && loss === 'bce');
  if (labelled) {
    if (!zeroOne)
      throw new DataError(`'${data.name}' has targets other than 0 and 1, but a multilabel task needs 0/1 columns`);
    return {
      dataset: data,
      values: target.values,
      metric: outputs === 1 ? 'binary' : 'multilabel',
      classes: [],
      task: task ?? 'multilabel',
    };
  }
  return { dataset: data, values: target.values, metric: 'mae', classes: [], task: task ?? 'regression' };
}
