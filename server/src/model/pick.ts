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

/** The `train` block to run: the one for --model, or the first in the file. */
export function pickTrain(trains: TrainInfo[], name?: string): TrainInfo | string {
  if (trains.length === 0) return 'the file has no train block — add one, e.g. train NAME { data spiral  epochs 100 }';
  if (!name) return trains[0];
  const found = trains.find((t) => t.modelName === name);
  return found ?? `no train block for model '${name}' (the file trains ${quoted(trains.map((t) => t.modelName))})`;
}
