/**
 * What is known about the dataset of a train block, for the `data-task` check: from the catalog for a built-in
 * dataset (on every edit), from the file once it is read for a CSV file (by the run pipeline).
 */
import { datasetTask, findDataset } from '../catalog';
import type { TaskKind } from '../catalog/types';
import type { DataInfo } from '../model/types';
import type { Dataset } from '../train/data/types';
import { paramsValid } from './fixes/common';

/** What is known about a dataset. Leave a field out when it is not known. */
export interface DatasetFacts {
  /** How messages name the dataset, e.g. `iris` or `data.csv`. */
  label: string;
  /** Number of input features. */
  features?: number;
  /** The task the data fits. */
  task?: TaskKind;
  /** Classes (multiclass), labels (multilabel); 1 for binary and for a single regression target. */
  classes?: number;
  /** The target column holds text (class names) rather than numbers. */
  textLabels?: boolean;
}

/** The facts of a built-in dataset from the catalog; undefined for csv (and unknown names). */
export function builtinDatasetFacts(data: DataInfo): DatasetFacts | undefined {
  const def = findDataset(data.name);
  if (!def || def.kind === 'csv') return undefined;
  // A class count the catalog rejects (blobs(classes: 0)) is already an error; no fix may copy it.
  const classes = paramsValid(def.params, data.params) ? def.classes?.(data.params) : undefined;
  return { label: def.name, features: def.features, task: datasetTask(def, data.params), classes };
}

/**
 * The facts of a dataset read from a CSV file. Two text classes could be binary or multiclass(2), so no task is
 * claimed for them; three or more are multiclass; several 0/1 columns are multilabel; one numeric column claims
 * nothing (regression unless the task says otherwise).
 */
export function csvDatasetFacts(dataset: Dataset): DatasetFacts {
  const facts: DatasetFacts = { label: dataset.name, features: dataset.features };
  const t = dataset.target;
  if (t.kind === 'classes') {
    facts.textLabels = true;
    if (t.classes.length > 2) {
      facts.task = 'multiclass';
      facts.classes = t.classes.length;
    }
  } else if (t.width > 1) {
    facts.task = 'multilabel';
    facts.classes = t.width;
  }
  return facts;
}
