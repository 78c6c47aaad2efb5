/**
 * model-size: the parameter count or the memory a run needs passes a threshold (warning), or passes what a run
 * may allocate (error; every way of starting a run refuses it too, whatever this check's severity setting).
 */
import { TRAIN_DEFAULTS } from '../../catalog';
import type { ModelInfo, TrainInfo } from '../../model/types';
import {
  estimateRun,
  exceedsRunLimit,
  knownRows,
  largeModelMessage,
  megabytes,
  passesWarning,
  runShape,
  RUN_MEMORY_LIMIT_MB,
  tooLargeMessage,
} from '../../model/size';
import { datasetRequestFromTrain, specFromModel, untrainableReason } from '../../train/fromModel';
import { diagnostic } from '../layers';
import type { CheckDef } from '../types';

const code = 'model-size';

/** The batch size used without a train block (the `train` default). */
const DEFAULT_BATCH = TRAIN_DEFAULTS.batch;

/** The largest run the file asks for: the biggest batch and toy data set among the model's train blocks. */
function runOf(model: ModelInfo, trains: readonly TrainInfo[]): { batch: number; rows?: number } {
  const own = trains.filter((t) => t.model === model);
  if (own.length === 0) return { batch: DEFAULT_BATCH };
  const batch = Math.max(...own.map((t) => (Number.isFinite(t.batch) && t.batch >= 1 ? t.batch : DEFAULT_BATCH)));
  const rows = own
    .map((t) => {
      const data = datasetRequestFromTrain(t);
      return data ? knownRows(data) : undefined;
    })
    .filter((r): r is number => r !== undefined);
  return rows.length > 0 ? { batch, rows: Math.max(...rows) } : { batch };
}

export const modelSize: CheckDef = {
  code,
  severity: 'warning',
  emittedBy: 'check',
  title: 'Model size',
  summary: `The parameter count or the memory a run needs passes a threshold (warning), or passes the ${RUN_MEMORY_LIMIT_MB.toLocaleString('en-US')} MB a run may use (error, and no run starts).`,
  template:
    "model '{model}' is large: {parameters} parameters and about {megabytes} MB for a run … / model '{model}' is too large to train: …",
  explanation: [
    'Every weight costs memory several times over while training: the value itself, its gradient, the optimizer’s ' +
      'state (two more copies for adam, one for rmsprop and for sgd with momentum) and the copies of the trained ' +
      'weights handed back at the end. On top come the activations of each batch, which grow with the batch size ' +
      'and the layer widths, and the data. Two `dense 100000` layers in a row hold ten billion weights: far more ' +
      'than fits in memory.',
    'The check estimates all of this from the model and its train block. Above the thresholds ' +
      '(`nn.modelSize.warnParameters`, `nn.modelSize.warnMegabytes`) it warns that training will be slow. Above ' +
      `${RUN_MEMORY_LIMIT_MB.toLocaleString('en-US')} MB, what a single run may allocate, it is an error and no run starts: ` +
      'the command line, the training panel, the language server and export with weights all refuse it before ' +
      'allocating anything. The message gives both numbers, the parameters and the memory.',
    'To fix it, use fewer or narrower layers; a smaller batch shrinks the activations, not the weights.',
  ].join('\n\n'),
  fixes: {},
  remedy:
    'Use fewer or narrower layers. A smaller batch shrinks the activations but not the weights; a larger ' +
    'threshold setting silences the warning, never the error.',
  settings: ['nn.modelSize.warnParameters', 'nn.modelSize.warnMegabytes'],
  example: 'model m {\n  task binary\n  input 2\n  dense 100000 relu\n  dense 100000 relu\n  dense 1 sigmoid\n}\n',
  check({ analysis, thresholds }) {
    const trains = analysis.semantic.trains;
    return analysis.semantic.models.flatMap((model) => {
      if (untrainableReason(model)) return [];
      const spec = specFromModel(model);
      const { batch, rows } = runOf(model, trains);
      const size = estimateRun(runShape(spec, batch, { rows }));
      const data = { parameters: size.parameters, megabytes: Math.round(megabytes(size.bytes)) };
      const batchShown = Math.max(1, Math.floor(batch));
      if (exceedsRunLimit(size)) {
        return [
          diagnostic(
            code,
            'error',
            model.nameSpan,
            tooLargeMessage(model.name, size, batchShown, spec.optimizer.name),
            { data },
          ),
        ];
      }
      if (passesWarning(size, thresholds.modelSize)) {
        return [
          diagnostic(
            code,
            'warning',
            model.nameSpan,
            largeModelMessage(model.name, size, batchShown, spec.optimizer.name, thresholds.modelSize),
            { data },
          ),
        ];
      }
      return [];
    });
  },
};
