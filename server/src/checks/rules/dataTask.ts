/**
 * data-task: the dataset of a train block does not fit its model.
 *
 * Built-in datasets are checked on every edit from the catalog's facts. For a CSV file the facts are known once
 * the file is read, which is the trainer's job: it calls `dataTaskProblems` with what it found.
 */
import type { TaskKind } from '../../catalog/types';
import type { Diagnostic } from '../../diagnostic';
import type { ModelInfo, TrainInfo } from '../../model/types';
import type { Span } from '../../syntax/span';
import { builtinDatasetFacts, type DatasetFacts } from '../datasetFacts';
import { defined, replaceFix, stringOf, validTaskCount, validUnits } from '../fixes/common';
import { activationName, diagnostic, outputLayer, taskRelated, taskText, unitsSpan, unresolved } from '../layers';
import type { CheckDef } from '../types';

const code = 'data-task';

function inputValueSpan(model: ModelInfo): Span | undefined {
  for (const stmt of model.decl.body) if (stmt.kind === 'input') return stmt.value?.span;
  return undefined;
}

/** The task line the data wants; for multiclass/multilabel only with a count the catalog accepts. */
function taskFor(kind: TaskKind, classes: number | undefined): string | undefined {
  if (kind !== 'multiclass' && kind !== 'multilabel') return kind;
  const count = validTaskCount(kind, classes);
  return count === undefined ? undefined : `${kind}(${count})`;
}

/** The output units a dataset needs without a task line (binary allows 2 with softmax). */
function unitsFor(facts: DatasetFacts, model: ModelInfo): number | undefined {
  const output = outputLayer(model);
  if (!output || unresolved(output) || facts.classes === undefined) return undefined;
  if (facts.task === 'binary') return activationName(output) === 'softmax' ? 2 : 1;
  return facts.classes;
}

/**
 * The input width the data gives the network, when the model's `input` differs: the features of a `features`
 * line (reported on that line), else the dataset's columns. Nothing while a `features` line has its own error.
 */
function inputWidthProblem(
  train: TrainInfo,
  facts: DatasetFacts,
  model: ModelInfo,
): { message: string; wanted: number; span?: Span } | undefined {
  if (model.input === undefined) return undefined;
  if (train.features) {
    const wanted = train.features.length;
    if (model.input === wanted) return undefined;
    return {
      wanted,
      span: train.spans.features,
      message: `features ${train.features.join(', ')} give the network ${wanted} input${wanted === 1 ? '' : 's'}, but model '${model.name}' takes input ${model.input} — set input ${wanted}`,
    };
  }
  if (train.spans.features || facts.features === undefined || model.input === facts.features) return undefined;
  return {
    wanted: facts.features,
    message: `${facts.label} has ${facts.features} feature${facts.features === 1 ? '' : 's'}, but model '${model.name}' takes input ${model.input} — set input ${facts.features}`,
  };
}

/** Every way the dataset does not fit the train block's model (empty when it fits or the model is unknown). */
export function dataTaskProblems(
  train: TrainInfo,
  facts: DatasetFacts,
  span: Span = train.data?.span ?? train.modelNameSpan,
): Diagnostic[] {
  const model = train.model;
  if (!model) return [];
  const out: Diagnostic[] = [];
  const inputSpan = inputValueSpan(model);
  const width = inputWidthProblem(train, facts, model);
  if (width) {
    out.push(
      diagnostic(code, 'error', width.span ?? span, width.message, {
        related: model.inputSpan ? [{ span: model.inputSpan, message: 'the input width' }] : [],
        data: { problem: 'width', editSpan: inputSpan, newText: String(width.wanted) },
      }),
    );
  }
  const task = model.task;
  const wanted = facts.task ? taskFor(facts.task, facts.classes) : undefined;
  if (task && facts.textLabels && task.kind === 'regression') {
    out.push(
      diagnostic(
        code,
        'error',
        span,
        `${facts.label} has text labels (classes) as its target, but model '${model.name}' has task regression` +
          (wanted && facts.task !== 'regression' ? ` — use task ${wanted}` : ''),
        {
          related: [taskRelated(task)],
          data: { problem: 'task', editSpan: task.span, newText: facts.task !== 'regression' ? wanted : undefined },
        },
      ),
    );
  } else if (task && facts.task && task.kind !== facts.task) {
    out.push(
      diagnostic(
        code,
        'error',
        span,
        `${facts.label} is a ${facts.task} dataset${facts.task === 'multiclass' && facts.classes !== undefined ? ` with ${facts.classes} classes` : ''}, but model '${model.name}' has task ${taskText(task)} — use task ${wanted ?? facts.task}`,
        { related: [taskRelated(task)], data: { problem: 'task', editSpan: task.span, newText: wanted } },
      ),
    );
  } else if (
    task &&
    facts.task === task.kind &&
    (task.kind === 'multiclass' || task.kind === 'multilabel') &&
    facts.classes !== undefined &&
    task.count !== facts.classes
  ) {
    const what = task.kind === 'multiclass' ? 'classes' : 'labels';
    out.push(
      diagnostic(
        code,
        'error',
        span,
        `${facts.label} has ${facts.classes} ${what}, but model '${model.name}' has task ${taskText(task)} — use task ${wanted ?? facts.task}`,
        { related: [taskRelated(task)], data: { problem: 'task', editSpan: task.span, newText: wanted } },
      ),
    );
  } else if (!task) {
    const output = outputLayer(model);
    const units = unitsFor(facts, model);
    if (output && validUnits(units) && Number.isFinite(output.units) && output.units !== units) {
      const what =
        facts.task === 'regression'
          ? 'one target'
          : facts.task === 'binary'
            ? 'two classes'
            : `${facts.classes} ${facts.task === 'multilabel' ? 'labels' : 'classes'}`;
      out.push(
        diagnostic(
          code,
          'error',
          span,
          `${facts.label} has ${what}, but output layer '${output.name}' has ${output.units} unit${output.units === 1 ? '' : 's'} — set units to ${units}`,
          {
            related: [{ span: unitsSpan(output), message: `output layer '${output.name}'` }],
            data: { problem: 'units', editSpan: unitsSpan(output), newText: String(units) },
          },
        ),
      );
    }
  }
  return out;
}

export const dataTask: CheckDef = {
  code,
  severity: 'error',
  emittedBy: 'check',
  title: 'Dataset does not fit the model',
  summary:
    'The dataset does not fit: feature count ≠ input, class count ≠ task or output units, a binary dataset on multiclass(3), text labels for regression (built-in datasets on every edit; CSV once read).',
  template: "{dataset} has {facts}, but model '{model}' {has} — {fix}",
  explanation: [
    'The `input` width must equal the number of features in a row of the data, and the task (or, without one, the ' +
      'output layer) must match what the data asks for: the toy sets xor, circle, gaussian, spiral and moons are ' +
      'binary with 2 features; blobs(classes: K) and spiral(classes: K) are multiclass with K classes; plane and sine ' +
      'are regression; iris has 4 features and 3 classes; digits has 64 features and 10 classes. With a `features` ' +
      'line (toy sets only), the network sees the features listed there, so `input` must equal their number.',
    'A mismatch would fail at the first batch (the shapes do not line up) or, worse, train on labels the model ' +
      'cannot represent. Built-in datasets are checked as you type; a CSV file is checked when it is read for ' +
      'training, which also catches text labels (class names) on a regression task.',
  ].join('\n\n'),
  fixes: { value: 'Set the input width, the task or the output units to what the data needs (preferred).' },
  example: 'model m {\n  task binary\n  input 3\n  dense 8 relu\n  dense 1 sigmoid\n}\n\ntrain m {\n  data xor\n}\n',
  check({ analysis }) {
    return analysis.semantic.trains.flatMap((train) => {
      const facts = train.data && builtinDatasetFacts(train.data);
      return facts ? dataTaskProblems(train, facts) : [];
    });
  },
  fix(diagnostic) {
    const newText = stringOf(diagnostic, 'newText');
    if (!newText) return [];
    const title =
      { width: `Set input ${newText}`, task: `Use task ${newText}`, units: `Set units to ${newText}` }[
        String(diagnostic.data?.problem)
      ] ?? `Use ${newText}`;
    return defined([replaceFix(diagnostic, 'editSpan', newText, 'value', title, true)]);
  },
};
