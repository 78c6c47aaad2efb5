/**
 * data-task: the dataset of a train block does not fit its model.
 *
 * Built-in datasets are checked on every edit from the catalog's facts. For a CSV file the facts are known once
 * the file is read, which is the trainer's job: it calls `dataTaskProblems` with what it found.
 */
import { datasetTask, findDataset } from '../../catalog';
import type { TaskKind } from '../../catalog/types';
import type { Diagnostic } from '../../diagnostic';
import type { DataInfo, ModelInfo, TrainInfo } from '../../model/types';
import type { Span } from '../../syntax/span';
import { defined, replaceFix, stringOf } from '../fixes/common';
import { activationName, diagnostic, outputLayer, taskRelated, taskText, unitsSpan, unresolved } from '../layers';
import type { CheckDef } from '../types';

const code = 'data-task';

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
  return { label: def.name, features: def.features, task: datasetTask(def, data.params), classes: def.classes?.(data.params) };
}

function inputValueSpan(model: ModelInfo): Span | undefined {
  for (const stmt of model.decl.body) if (stmt.kind === 'input') return stmt.value?.span;
  return undefined;
}

function taskFor(kind: TaskKind, classes: number | undefined): string {
  return kind === 'multiclass' || kind === 'multilabel' ? `${kind}(${classes ?? '?'})` : kind;
}

/** The output units a dataset needs without a task line (binary allows 2 with softmax). */
function unitsFor(facts: DatasetFacts, model: ModelInfo): number | undefined {
  const output = outputLayer(model);
  if (!output || unresolved(output) || facts.classes === undefined) return undefined;
  if (facts.task === 'binary') return activationName(output) === 'softmax' ? 2 : 1;
  return facts.classes;
}

/** Every way the dataset does not fit the train block's model (empty when it fits or the model is unknown). */
export function dataTaskProblems(train: TrainInfo, facts: DatasetFacts, span: Span = train.data?.span ?? train.modelNameSpan): Diagnostic[] {
  const model = train.model;
  if (!model) return [];
  const out: Diagnostic[] = [];
  const inputSpan = inputValueSpan(model);
  if (facts.features !== undefined && model.input !== undefined && model.input !== facts.features) {
    out.push(diagnostic(code, 'error', span,
      `${facts.label} has ${facts.features} feature${facts.features === 1 ? '' : 's'}, but model '${model.name}' takes input ${model.input} — set input ${facts.features}`,
      { related: model.inputSpan ? [{ span: model.inputSpan, message: 'the input width' }] : [], data: { problem: 'width', editSpan: inputSpan, newText: String(facts.features) } }));
  }
  const task = model.task;
  const wanted = facts.task ? taskFor(facts.task, facts.classes) : undefined;
  if (task && facts.textLabels && task.kind === 'regression') {
    out.push(diagnostic(code, 'error', span,
      `${facts.label} has text labels (classes) as its target, but model '${model.name}' has task regression` + (wanted && facts.task !== 'regression' ? ` — use task ${wanted}` : ''),
      { related: [taskRelated(task)], data: { problem: 'task', editSpan: task.span, newText: facts.task !== 'regression' ? wanted : undefined } }));
  } else if (task && facts.task && task.kind !== facts.task) {
    out.push(diagnostic(code, 'error', span,
      `${facts.label} is a ${facts.task} dataset${facts.task === 'multiclass' ? ` with ${facts.classes} classes` : ''}, but model '${model.name}' has task ${taskText(task)} — use task ${wanted}`,
      { related: [taskRelated(task)], data: { problem: 'task', editSpan: task.span, newText: wanted } }));
  } else if (task && facts.task === task.kind && (task.kind === 'multiclass' || task.kind === 'multilabel') && facts.classes !== undefined && task.count !== facts.classes) {
    const what = task.kind === 'multiclass' ? 'classes' : 'labels';
    out.push(diagnostic(code, 'error', span,
      `${facts.label} has ${facts.classes} ${what}, but model '${model.name}' has task ${taskText(task)} — use task ${wanted}`,
      { related: [taskRelated(task)], data: { problem: 'task', editSpan: task.span, newText: wanted } }));
  } else if (!task) {
    const output = outputLayer(model);
    const units = unitsFor(facts, model);
    if (output && units !== undefined && Number.isFinite(output.units) && output.units !== units) {
      const what = facts.task === 'regression' ? 'one target' : facts.task === 'binary' ? 'two classes' : `${facts.classes} ${facts.task === 'multilabel' ? 'labels' : 'classes'}`;
      out.push(diagnostic(code, 'error', span,
        `${facts.label} has ${what}, but output layer '${output.name}' has ${output.units} unit${output.units === 1 ? '' : 's'} — set units to ${units}`,
        { related: [{ span: unitsSpan(output), message: `output layer '${output.name}'` }], data: { problem: 'units', editSpan: unitsSpan(output), newText: String(units) } }));
    }
  }
  return out;
}

export const dataTask: CheckDef = {
  code,
  severity: 'error',
  emittedBy: 'check',
  title: 'Dataset does not fit the model',
  summary: 'The dataset does not fit: feature count ≠ input, class count ≠ task or output units, a binary dataset on multiclass(3), text labels for regression (built-in datasets on every edit; CSV once read).',
  template: '{dataset} has {facts}, but model \'{model}\' {has} — {fix}',
  explanation: [
    'The `input` width must equal the number of features in a row of the data, and the task (or, without one, the ' +
      'output layer) must match what the data asks for: the toy sets xor, circle, gaussian, spiral and moons are ' +
      'binary with 2 features; blobs(classes: K) and spiral(classes: K) are multiclass with K classes; plane and sine ' +
      'are regression; iris has 4 features and 3 classes; digits has 64 features and 10 classes.',
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
    const title = { width: `Set input ${newText}`, task: `Use task ${newText}`, units: `Set units to ${newText}` }[String(diagnostic.data?.problem)] ?? `Use ${newText}`;
    return defined([replaceFix(diagnostic, 'editSpan', newText, 'value', title, true)]);
  },
};
