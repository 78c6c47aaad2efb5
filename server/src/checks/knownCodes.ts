/**
 * Codes reported by other parts of NN Studio: the parser and the semantic analysis (source `nn`) and the trainer
 * (source `nn-train`). They are listed here, with a line of docs each, so that settings and suppression comments
 * can name them, `nn explain` can describe them, and docs/checks.md links every code. A unit test keeps the
 * list in step with the codes the analysis really emits.
 */

export interface CodeDoc {
  code: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  source: 'nn' | 'nn-train';
  description: string;
}

const core = (code: string, severity: CodeDoc['severity'], description: string): CodeDoc => ({ code, severity, source: 'nn', description });
const training = (code: string, description: string): CodeDoc => ({ code, severity: 'warning', source: 'nn-train', description });

export const CORE_CODES: readonly CodeDoc[] = [
  core('syntax', 'error', 'The text does not follow the grammar (a missing number, brace or value, an unterminated string, a stray character). The parser recovers and analyses the rest of the file.'),
  core('unknown-activation', 'error', 'An activation name that is not in the catalog; the message suggests the nearest one.'),
  core('unknown-task', 'error', 'A task other than regression, binary, multiclass or multilabel.'),
  core('unknown-loss', 'error', 'A loss other than mse, mae, huber, bce or cce (and their aliases).'),
  core('unknown-optimizer', 'error', 'An optimizer other than sgd, adam or rmsprop.'),
  core('unknown-init', 'error', 'An init name that is not in the catalog.'),
  core('unknown-regularizer', 'error', 'A regularizer other than l1 or l2.'),
  core('unknown-dataset', 'error', 'A dataset name that is neither a built-in dataset nor csv.'),
  core('unknown-model', 'error', 'A train block names a model that this file does not define.'),
  core('unknown-parameter', 'error', 'An argument name the activation, task, loss, optimizer or dataset does not take.'),
  core('argument-order', 'error', 'A positional argument after a named one.'),
  core('too-many-arguments', 'error', 'More positional arguments than the call takes.'),
  core('duplicate-argument', 'error', 'The same argument given twice.'),
  core('missing-argument', 'error', 'A required argument is missing, such as the class count of multiclass.'),
  core('invalid-value', 'error', 'A value of the wrong kind: text where a number belongs, a fraction where a whole number belongs, a value outside a fixed set.'),
  core('duplicate-name', 'error', 'Two models with one name, or two layers with one label in a model.'),
  core('duplicate-statement', 'error', 'A statement that may appear once per block (task, input, loss, epochs, …) appears twice.'),
  core('input-order', 'error', 'The input line comes after a layer.'),
  core('missing-input', 'error', 'A model with layers but no input line.'),
  core('empty-model', 'warning', 'A model without any dense layer.'),
  core('missing-data', 'error', 'A train block without a data line.'),
  core('data-path', 'error', 'A CSV file that cannot be used: its path leaves the workspace or does not exist, or its content is unreadable (no data rows, a missing target column, rows of the wrong length, a feature that is not a number, an empty or invalid target). The analysis reports path problems as you type; content problems come when a run (or `nn train`) reads the file, and name the row and column where there is one.'),
  core('zero-init', 'error', 'Zero init for weights: every unit of a layer would stay identical.'),
  core('check-failed', 'info', 'A check stopped with an internal error on this file; the other checks still ran. Please report it.'),
];

export const TRAINING_CODES: readonly CodeDoc[] = [
  training('dead-units', 'After or during a run: a large share of a ReLU-family layer’s units output 0 for every validation sample.'),
  training('saturated-units', 'After or during a run: most units of a sigmoid or tanh layer sit in the flat tails for almost every sample.'),
  training('vanishing-gradient', 'After or during a run: the first hidden layer’s gradient is tiny compared with the output layer’s, epoch after epoch.'),
  training('exploding-gradient', 'During a run: a gradient blew up or the loss became NaN or infinite; the run stops.'),
  training('loss-plateau', 'After or during a run: the training loss stopped improving while still far from its best.'),
  training('overfitting', 'After or during a run: the validation loss rises while the training loss falls.'),
];
