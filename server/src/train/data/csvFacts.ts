/** What a CSV file, once read, tells the `data-task` check (server/src/checks/rules/dataTask.ts). */
import type { DatasetFacts } from '../../checks/rules/dataTask';
import type { Dataset } from './types';

/**
 * The facts the static `data-task` check (checks/rules/dataTask.ts) needs about a dataset read from a CSV
 * file. Two text classes could be binary or multiclass(2), so no task is claimed for them; three or more
 * are multiclass; several 0/1 columns are multilabel; one numeric column claims nothing (regression unless
 * the task says otherwise).
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
