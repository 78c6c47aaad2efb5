/** How a model name picks what to work on (the CLI's --model, the server's requests): the pick, or the problem as a message. */
import type { ModelInfo, TrainInfo } from './types';

/** Names for a message: `'a', 'b'`. */
function quoted(names: string[]): string {
  return names.map((n) => `'${n}'`).join(', ');
}

/** The models to show: the one named by --model, or every model in the file (`file` names it in messages). */
export function pickModels(models: ModelInfo[], name: string | undefined, file: string): ModelInfo[] | string {
  const picked = models.filter((m) => name === undefined || m.name === name);
  if (picked.length > 0) return picked;
  if (name === undefined) return `${file} has no model`;
  const names = quoted(models.map((m) => m.name));
  return `no model named '${name}' in ${file}${names ? ` (it has ${names})` : ''}`;
}

/**
 * The one model to work on (export): the one named, or the first in the file. `note` says which was taken
 * ("the first model, 'a' (…)") when the file has several and none was named.
 */
export function pickModel(
  models: ModelInfo[],
  name: string | undefined,
  file: string,
): { model: ModelInfo; note?: string } | string {
  const picked = pickModels(models, name, file);
  if (typeof picked === 'string') return picked;
  const [model, ...others] = picked;
  if (name !== undefined || others.length === 0) return { model };
  return {
    model,
    note: `the first model, '${model.name}' (the file also defines ${quoted(others.map((m) => m.name))}; choose one with --model)`,
  };
}

/** The `train` block to run: the one for --model, or the first in the file. */
export function pickTrain(trains: TrainInfo[], name?: string): TrainInfo | string {
  if (trains.length === 0) return 'the file has no train block — add one, e.g. train NAME { data spiral  epochs 100 }';
  if (!name) return trains[0];
  const found = trains.find((t) => t.modelName === name);
  return found ?? `no train block for model '${name}' (the file trains ${quoted(trains.map((t) => t.modelName))})`;
}
