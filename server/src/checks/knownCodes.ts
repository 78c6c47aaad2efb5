/**
 * Codes reported by the parser and the semantic analysis, before any check runs. They are listed here, with a
 * title, an explanation and a fix each, so that settings and suppression comments can name them, `nn explain` can
 * describe them, and docs/checks.md links every code. A unit test keeps the list in step with the codes the
 * analysis really emits. (The static checks live in rules/, the training checks in train/checks/, one file each.)
 */

export interface CodeDoc {
  code: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  /** A few words for lists and SARIF rule names. */
  title: string;
  /** What it means and why it matters, in a few sentences (plain enough to print in a terminal). */
  description: string;
  /** How to make it go away. */
  fix: string;
}

type Text = Omit<CodeDoc, 'code' | 'severity'>;

const core = (code: string, severity: CodeDoc['severity'], text: Text): CodeDoc => ({ code, severity, ...text });

/** The shared text of the `unknown-…` codes: the name is not in the catalog, and the message offers the nearest. */
const unknownName = (what: string, names: string, usage: string): Text => ({
  title: `Unknown ${what}`,
  description:
    `The ${what} named here is not one NN Studio knows (${names}). ` +
    'Names are case-sensitive and must be spelled as in the catalog; a name from another framework is not translated. ' +
    'The message suggests the nearest known name when there is one, and hovers and completion list all of them.',
  fix: `Use one of the known names${usage}. In the editor, the quick fix replaces the name with the suggested one.`,
});

export const CORE_CODES: readonly CodeDoc[] = [
  core('syntax', 'error', {
    title: 'Syntax error',
    description:
      'The text does not follow the grammar of the language: a missing number, brace or value, an unterminated ' +
      'string, a statement the block does not know, or a stray character. The parser reports the first problem of the ' +
      'statement, skips to the next line, `;` or `}`, and analyses the rest of the file, so one slip does not hide the ' +
      'other findings. A file with syntax errors is not formatted, and a run needs a file without errors.',
    fix:
      'Write the statement as the message says is expected there (for example `dense 16 relu`: the keyword, a whole ' +
      'number of units, then an optional activation). Close every `{` with `}` and every string with `"`.',
  }),
  core(
    'unknown-activation',
    'error',
    unknownName(
      'activation',
      'relu, tanh, sigmoid, gelu and the others of the catalog',
      '; hover an activation or use completion to see them all',
    ),
  ),
  core(
    'unknown-task',
    'error',
    unknownName('task', 'regression, binary, multiclass and multilabel', ', e.g. `task multiclass(classes: 3)`'),
  ),
  core(
    'unknown-loss',
    'error',
    unknownName(
      'loss',
      'mse, mae, huber, bce and cce, with their long aliases',
      ', or leave the loss out to get the task’s default',
    ),
  ),
  core(
    'unknown-optimizer',
    'error',
    unknownName('optimizer', 'sgd, adam and rmsprop', ', e.g. `optimizer adam(lr: 0.001)`'),
  ),
  core(
    'unknown-init',
    'error',
    unknownName(
      'init',
      'he, glorot (xavier), lecun and their _normal and _uniform forms',
      ', or leave it out so each layer gets the init that suits its activation',
    ),
  ),
  core('unknown-regularizer', 'error', unknownName('regularizer', 'l1 and l2', ', e.g. `regularize l2(0.0001)`')),
  core(
    'unknown-dataset',
    'error',
    unknownName(
      'dataset',
      'the toy sets such as xor, circle, spiral and moons, iris, digits, and csv',
      ', or `csv("file.csv", target: "column")` for your own data',
    ),
  ),
  core(
    'unknown-feature',
    'error',
    unknownName('feature', 'x1, x2, x1sq, x2sq, x1x2, sinx1 and sinx2', ', e.g. `features x1, x2, x1sq, x2sq`'),
  ),
  core('duplicate-feature', 'error', {
    title: 'Feature listed twice',
    description:
      'A `features` line names the same input feature twice. Each feature is one input of the network, and ' +
      'a copy would add an input that tells it nothing new. The related information points to the first one.',
    fix: 'Delete the repeated name, and set the model’s `input` to the number of features left.',
  }),
  core('features-data', 'error', {
    title: 'Features on data that is not 2-D',
    description:
      'A `features` line computes new inputs from a 2-D point (x1, x2), so it only works with the 2-D toy sets ' +
      '(xor, circle, gaussian, spiral, moons, blobs, plane, sine). iris, digits and CSV files bring their own columns, ' +
      'which the network sees as they are.',
    fix: 'Delete the `features` line, or train on one of the 2-D toy sets.',
  }),
  core('unknown-model', 'error', {
    title: 'Train block names no model',
    description:
      'A `train NAME { … }` block trains the model called NAME, and this file defines no model by that name. ' +
      'Models are looked up in the same file only; another file’s models are not visible here. ' +
      'The message suggests the nearest model name when there is one.',
    fix: 'Change the name after `train` to one of the file’s models, or add `model NAME { … }` to the file.',
  }),
  core('unknown-parameter', 'error', {
    title: 'Unknown parameter name',
    description:
      'A named argument that the activation, task, loss, optimizer, regularizer or dataset does not take, ' +
      'such as `leaky_relu(alph: 0.1)`. The argument is ignored, so the value you meant to set keeps its default. ' +
      'The message suggests the nearest parameter, or lists the ones that exist.',
    fix:
      'Spell the parameter as the message suggests (hover the call to see its parameters), or remove the argument. ' +
      'The quick fix renames it to the suggestion.',
  }),
  core('argument-order', 'error', {
    title: 'Positional argument after a named one',
    description:
      'In a call, positional arguments fill the parameters in order and must come first; once an argument is ' +
      'named, which parameter a later unnamed value belongs to is no longer clear. ' +
      'The argument is ignored until the order is fixed.',
    fix: 'Move the positional values before the named ones, or give the value its name too (`spiral(points: 400, noise: 0.2)`).',
  }),
  core('too-many-arguments', 'error', {
    title: 'Too many arguments',
    description:
      'The call has more positional arguments than the thing it calls takes, so the extra ones have no ' +
      'parameter to go to. The message lists the parameters there are (or says the call takes none).',
    fix: 'Remove the extra values, or name each argument so it is clear which parameter it sets.',
  }),
  core('duplicate-argument', 'error', {
    title: 'Argument given twice',
    description:
      'The same parameter is set twice in one call, by name or once by position and once by name. ' +
      'Only one value can be used, so the call is ambiguous.',
    fix: 'Keep one of the two values and remove the other.',
  }),
  core('missing-argument', 'error', {
    title: 'Required argument missing',
    description:
      'Some calls have an argument without a default, such as the class count of `multiclass` or the label ' +
      'count of `multilabel`. Without it the output layer cannot be checked and the model cannot be trained. ' +
      'The message shows a call with the missing argument filled in.',
    fix: 'Add the argument, by position or by name: `task multiclass(classes: 3)`.',
  }),
  core('invalid-value', 'error', {
    title: 'Value of the wrong kind',
    description:
      'The value does not have the kind the place needs: text where a number belongs, a fraction where a ' +
      'whole number belongs (units, epochs, batch, seed), or a word outside a fixed set (`normalize on|off`, an activation ' +
      'that only works in some places). The value is not used, so the setting keeps its default.',
    fix: 'Write a value of the kind the message names, e.g. `epochs 200` rather than `epochs 2.5`, or `normalize off`.',
  }),
  core('duplicate-name', 'error', {
    title: 'Duplicate model or layer name',
    description:
      'Two models in one file share a name, or two layers of one model share a label. Names are how train ' +
      'blocks, messages, the panel and the exports find a model or a layer, so each must be unique in its scope. ' +
      'The related information points to the first use.',
    fix: 'Rename one of them so that each name is used once in its file or model.',
  }),
  core('duplicate-statement', 'error', {
    title: 'Statement given twice',
    description:
      'A statement that may appear once per block (task, input, loss, optimizer, init, regularize, data, ' +
      'epochs, batch, validation, seed, normalize, lr, features) appears a second time. ' +
      'Only the first one is used; the related information points to it.',
    fix: 'Keep one of them and delete the other.',
  }),
  core('input-order', 'error', {
    title: 'Input after a layer',
    description:
      'The `input N` line gives the width the first layer reads, so it must come before the first layer. ' +
      'Other statements (task, loss, optimizer) may sit anywhere in the block.',
    fix: 'Move the `input` line above the first layer.',
  }),
  core('missing-input', 'error', {
    title: 'Model without input',
    description:
      'A model with layers needs an `input N` line: without the width of the feature vector, the first ' +
      'layer’s weights, the parameter count and the data checks cannot be worked out. ' +
      'The width is not guessed from the data.',
    fix: 'Add `input N` before the first layer, with N the number of features (2 for the toy sets, 4 for iris, 64 for digits).',
  }),
  core('empty-model', 'warning', {
    title: 'Model without dense layers',
    description:
      'The model has no `dense` layer, so it has no weights and nothing to learn. ' +
      'A model needs at least its output layer before a run or an export means anything.',
    fix: 'Add at least an output layer, e.g. `dense 1 sigmoid` for a binary task.',
  }),
  core('missing-data', 'error', {
    title: 'Train block without data',
    description:
      'A `train` block needs a `data` line: there is no default dataset. ' +
      'Without it the run has nothing to fit, and the data checks have nothing to compare the model with.',
    fix: 'Add a `data` line, e.g. `data spiral(points: 400)`, `data iris` or `data csv("file.csv", target: "label")`.',
  }),
  core('data-path', 'error', {
    title: 'CSV file cannot be used',
    description:
      'A CSV file that cannot be used: its path leaves the workspace or does not exist, or its content is ' +
      'unreadable (no data rows, a missing target column, rows of the wrong length, a feature that is not a number, an ' +
      'empty or invalid target). The analysis reports path problems as you type; content problems come when a run (or ' +
      '`nn train`) reads the file, and name the row and column where there is one.',
    fix:
      'Give a path relative to the .nn file that stays inside the workspace, and make the file a CSV with a header ' +
      'row, numeric feature columns and the `target` column the data line names.',
  }),
  core('zero-init', 'error', {
    title: 'Weights initialized to zero',
    description:
      'With every weight starting at 0, all units of a layer compute the same output and receive the same ' +
      'update, so they stay identical forever and the layer behaves like a single unit. ' +
      'Random initial weights break that symmetry; biases already start at 0.',
    fix: 'Remove the init to get the one that suits the activation, or choose a random one such as `he` or `glorot`.',
  }),
  core('check-failed', 'info', {
    title: 'A check stopped with an internal error',
    description:
      'One of the checks failed with an internal error on this file. The other checks still ran, and ' +
      'their findings are shown; only this check’s findings are missing. This is a bug in NN Studio, not in the file.',
    fix: 'Please report it with the file that triggers it. Meanwhile the check can be turned off in the `nn.checks` setting.',
  }),
];
