/** missing-task: without a task line the output checks cannot run. */
import type { ModelInfo } from '../../model/types';
import { eol, indentAt } from '../edits';
import { insert } from '../../syntax/textEdit';
import { validUnits } from '../fixes/common';
import { activationName, diagnostic, outputLayer, unresolved } from '../layers';
import type { CheckDef } from '../types';

const code = 'missing-task';

/** The task the output layer suggests: sigmoid → binary or multilabel(K), softmax → binary or multiclass(K), else regression. */
function inferTask(model: ModelInfo): string | undefined {
  const output = outputLayer(model);
  // An invalid unit count (already an error) says nothing about the task.
  if (!output || unresolved(output) || !validUnits(output.units)) return undefined;
  const name = activationName(output);
  const units = output.units;
  if (name === 'sigmoid' || name === 'step' || name === 'hard_sigmoid')
    return units === 1 ? 'binary' : `multilabel(${units})`;
  if (name === 'softmax') return units <= 2 ? 'binary' : `multiclass(${units})`;
  return 'regression';
}

export const missingTask: CheckDef = {
  code,
  severity: 'hint',
  emittedBy: 'check',
  title: 'No task',
  summary: 'A model has no `task` line, so the checks of its output layer and loss are off.',
  template: "model '{model}' has no task, so its output is not checked — add 'task {inferred}'",
  explanation: [
    'The task says what the model predicts: regression, binary, multiclass(K) or multilabel(K). NN Studio uses it to ' +
      'check the output layer (units and activation), the loss, and whether a dataset fits. Without it those checks ' +
      'stay silent, and the loss is guessed from the output activation.',
    'The quick fix adds a task line inferred from the output layer: one sigmoid unit → binary, K sigmoid units → ' +
      'multilabel(K), K softmax units → multiclass(K), anything else → regression.',
  ].join('\n\n'),
  fixes: { task: 'Add the task inferred from the output layer (preferred).' },
  example: 'model m {\n  input 2\n  dense 8 relu\n  dense 1 sigmoid\n}\n',
  check({ analysis }) {
    return analysis.semantic.models.flatMap((model) => {
      const task = model.task || model.decl.body.some((s) => s.kind === 'task') ? undefined : inferTask(model);
      const first = model.decl.body[0];
      if (!task || !first || !model.decl.name) return [];
      // A new line above the first statement, or `task X; ` before it when the model is written on one line.
      const sameLine =
        model.decl.open &&
        analysis.lines.positionAt(model.decl.open.start).line === analysis.lines.positionAt(first.span.start).line;
      const lineStart = analysis.lines.lineStart(analysis.lines.positionAt(first.span.start).line);
      const edit = sameLine
        ? insert(first.span.start, `task ${task}; `)
        : insert(lineStart, `${indentAt(analysis, first.span.start)}task ${task}${eol(analysis.text)}`);
      return [
        diagnostic(
          code,
          'hint',
          model.nameSpan,
          `model '${model.name}' has no task, so its output is not checked — add 'task ${task}'`,
          { data: { model: model.name, task, edit } },
        ),
      ];
    });
  },
  fix(diagnostic) {
    const edit = diagnostic.data?.edit as { span?: { start: number; end: number }; newText?: string } | undefined;
    const task = diagnostic.data?.task;
    if (!edit?.span || typeof edit.newText !== 'string' || typeof task !== 'string') return [];
    return [
      { id: 'task', title: `Add 'task ${task}'`, edits: [{ span: edit.span, newText: edit.newText }], preferred: true },
    ];
  },
};
