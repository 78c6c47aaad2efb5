/** The statement keywords of the language, with a one-line description each for hover and completion. */
import { DEFAULT_FEATURES, FEATURES } from './features';
import { DEFAULT_OPTIMIZER } from './optimizers';
import { resolveParams } from './params';
import { TRAIN_DEFAULTS } from './train';

const defaultLr = resolveParams(DEFAULT_OPTIMIZER.params).lr;

export interface KeywordDoc {
  keyword: string;
  /** How the statement is written. */
  syntax: string;
  doc: string;
}

/** Words that open a top-level block. */
export const TOP_LEVEL_KEYWORDS: readonly KeywordDoc[] = [
  {
    keyword: 'model',
    syntax: 'model NAME { … }',
    doc: 'Declares a network: its task, input width, layers, loss and optimizer.',
  },
  {
    keyword: 'train',
    syntax: 'train NAME { … }',
    doc: 'Says how to train the model called NAME: data, epochs, batch size and more.',
  },
];

/** Statements inside a `model` block. */
export const MODEL_KEYWORDS: readonly KeywordDoc[] = [
  {
    keyword: 'task',
    syntax: 'task KIND',
    doc: 'What the model predicts: regression, binary, multiclass(classes: K) or multilabel(labels: K).',
  },
  { keyword: 'input', syntax: 'input N', doc: 'Number of input features; comes before the first layer.' },
  {
    keyword: 'dense',
    syntax: 'dense UNITS [ACTIVATION] [init NAME]',
    doc: 'A fully connected layer of UNITS units, linear unless an activation follows.',
  },
  {
    keyword: 'dropout',
    syntax: 'dropout RATE',
    doc: 'During training, zeroes a fraction RATE (0 ≤ RATE < 1) of the previous layer’s outputs.',
  },
  {
    keyword: 'activation',
    syntax: 'activation NAME',
    doc: 'Applies an activation to the previous layer’s output, as if written on that layer.',
  },
  {
    keyword: 'loss',
    syntax: 'loss NAME',
    doc: 'What training minimises: mse, mae, huber, bce or cce; defaults from the task.',
  },
  {
    keyword: 'optimizer',
    syntax: 'optimizer NAME(lr: …)',
    doc: `How weights are updated: sgd, adam or rmsprop; the default is ${DEFAULT_OPTIMIZER.name}(lr: ${defaultLr}).`,
  },
  {
    keyword: 'init',
    syntax: 'init NAME',
    doc: 'The model’s weight init; by default He for the ReLU family, LeCun for SELU, Glorot otherwise.',
  },
  { keyword: 'regularize', syntax: 'regularize l1(AMOUNT) | l2(AMOUNT)', doc: 'Adds a weight penalty to the loss.' },
];

/** Statements inside a `train` block. */
export const TRAIN_KEYWORDS: readonly KeywordDoc[] = [
  {
    keyword: 'data',
    syntax: 'data NAME(…)',
    doc: 'The dataset: a toy set such as spiral, a bundled set (iris, digits), or csv("file.csv", target: "column").',
  },
  {
    keyword: 'epochs',
    syntax: 'epochs N',
    doc: `Number of passes over the training data (default ${TRAIN_DEFAULTS.epochs}).`,
  },
  { keyword: 'batch', syntax: 'batch N', doc: `Examples per weight update (default ${TRAIN_DEFAULTS.batch}).` },
  {
    keyword: 'validation',
    syntax: 'validation FRACTION',
    doc: `Fraction of the data held out to measure generalisation (default ${TRAIN_DEFAULTS.validation}).`,
  },
  {
    keyword: 'seed',
    syntax: 'seed N',
    doc: `Random seed; the same file and seed give the same run every time (default ${TRAIN_DEFAULTS.seed}).`,
  },
  {
    keyword: 'normalize',
    syntax: 'normalize on | off',
    doc: `Standardise each feature on the training split (default ${TRAIN_DEFAULTS.normalize ? 'on' : 'off'}).`,
  },
  { keyword: 'lr', syntax: 'lr RATE', doc: 'Overrides the optimizer’s learning rate for this run.' },
  {
    keyword: 'features',
    syntax: 'features NAME, …',
    doc: `What the network sees of a 2-D point: ${FEATURES.map((f) => f.name).join(', ')} (default ${DEFAULT_FEATURES.join(', ')}). The model’s input must equal their number.`,
  },
];
