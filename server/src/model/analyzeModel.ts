/** Resolves one `model` block into a ModelInfo (language.md §4). */
import {
  DEFAULT_OPTIMIZER,
  didYouMean,
  findInit,
  resolveParams,
  findLoss,
  findOptimizer,
  findRegularizer,
  findTask,
  INITS,
  LOSSES,
  OPTIMIZERS,
  REGULARIZERS,
  TASKS,
} from '../catalog';
import type { InitName } from '../catalog/types';
import type { Diagnostic } from '../diagnostic';
import type { ActivationLayer, Call, DenseLayer, Ident, InputStmt, LayerStmt, ModelDecl } from '../syntax/ast';
import type { Span } from '../syntax/span';
import { resolveActivation } from './activation';
import { checkArgs } from './args';
import { checkNumber, SingletonTracker, type NumberRule } from './statements';
import type {
  ActivationLayerInfo,
  ActivationUse,
  DenseInfo,
  LossInfo,
  ModelInfo,
  OptimizerInfo,
  RegularizeInfo,
  TaskInfo,
} from './types';

const INPUT_RULE: NumberRule = { what: 'the input width', integer: true, min: 1 };
const UNITS_RULE: NumberRule = { what: 'the number of units', integer: true, min: 1 };
const DROPOUT_RULE: NumberRule = { what: 'the dropout rate', min: 0, below: 1 };

export function analyzeModel(decl: ModelDecl, diagnostics: Diagnostic[]): ModelInfo {
  const name = decl.name?.text ?? '';
  const model: ModelInfo = {
    name,
    nameSpan: decl.name?.span ?? decl.keyword.span,
    decl,
    layers: [],
    dense: [],
    loss: { name: 'mse', params: {}, explicit: false },
    optimizer: { name: DEFAULT_OPTIMIZER.name as OptimizerInfo['name'], params: {}, explicit: false },
    init: { name: 'auto' },
    totalParams: 0,
    outputWidth: NaN,
  };
  const { lossCall, optimizerCall } = readStatements(model, diagnostics);
  linkLayers(model);
  model.loss = resolveLoss(lossCall, model, diagnostics);
  model.optimizer = resolveOptimizer(optimizerCall, diagnostics);
  diagnostics.push(...shapeProblems(model));
  return model;
}

/**
 * Reads the model's statements in order: the settings (each at most once) and the layers. Loss and optimizer
 * are resolved later, once the layers are known (the default loss follows the output activation).
 */
function readStatements(model: ModelInfo, diagnostics: Diagnostic[]): { lossCall?: Call; optimizerCall?: Call } {
  const singletons = new SingletonTracker(model.name ? `model '${model.name}'` : 'this model', diagnostics);
  const layers = new LayerReader(model, diagnostics);
  const calls: { lossCall?: Call; optimizerCall?: Call } = {};
  for (const stmt of model.decl.body) {
    switch (stmt.kind) {
      case 'task':
        if (stmt.call && singletons.accept('task', stmt.span)) model.task = resolveTask(stmt.call, diagnostics);
        break;
      case 'input':
        if (singletons.accept('input', stmt.span)) readInput(model, stmt, diagnostics);
        break;
      case 'loss':
        if (stmt.call && singletons.accept('loss', stmt.span)) calls.lossCall = stmt.call;
        break;
      case 'optimizer':
        if (stmt.call && singletons.accept('optimizer', stmt.span)) calls.optimizerCall = stmt.call;
        break;
      case 'init':
        if (stmt.name && singletons.accept('init', stmt.span)) {
          const init = resolveInit(stmt.name, diagnostics);
          if (init) model.init = { name: init, span: stmt.span };
        }
        break;
      case 'regularize':
        if (stmt.call && singletons.accept('regularize', stmt.span))
          model.regularize = resolveRegularizer(stmt.call, stmt.span, diagnostics);
        break;
      default:
        layers.read(stmt);
    }
  }
  return calls;
}

function readInput(model: ModelInfo, stmt: InputStmt, diagnostics: Diagnostic[]): void {
  if (model.layers.length > 0) {
    diagnostics.push({
      code: 'input-order',
      severity: 'error',
      span: stmt.span,
      message: "'input' must come before the first layer — move it up",
      related: [{ span: model.layers[0].span, message: 'first layer' }],
    });
  }
  model.input = checkNumber(stmt.value, INPUT_RULE, diagnostics);
  model.inputSpan = stmt.span;
}

/** Turns layer statements into layer records: names (labels or `dense_N`, …), unit counts, rates, activations. */
class LayerReader {
  private readonly counters = { dense: 0, dropout: 0, activation: 0 };
  private readonly labels = new Map<string, Span>();

  constructor(
    private readonly model: ModelInfo,
    private readonly diagnostics: Diagnostic[],
  ) {}

  read(stmt: LayerStmt): void {
    this.counters[stmt.kind]++;
    if (stmt.label) this.checkLabel(stmt.label);
    const index = this.model.layers.length;
    const name = stmt.label?.text ?? `${stmt.kind}_${this.counters[stmt.kind]}`;
    const labelled = !!stmt.label;
    // Records are written out field by field: object spread is a slow path in V8 and this runs per layer.
    if (stmt.kind === 'dense') {
      const dense = this.dense(stmt, index, name, labelled);
      this.model.layers.push(dense);
      this.model.dense.push(dense);
    } else if (stmt.kind === 'dropout') {
      const rate = checkNumber(stmt.rate, DROPOUT_RULE, this.diagnostics);
      this.model.layers.push({
        kind: 'dropout',
        index,
        name,
        labelled,
        span: stmt.span,
        inWidth: NaN,
        outWidth: NaN,
        params: 0,
        node: stmt,
        rate: rate ?? 0,
      });
    } else {
      this.model.layers.push({
        kind: 'activation',
        index,
        name,
        labelled,
        span: stmt.span,
        inWidth: NaN,
        outWidth: NaN,
        params: 0,
        node: stmt,
        activation: this.standaloneActivation(stmt),
      });
    }
  }

  /** Labels must be unique within the model. */
  private checkLabel(label: Ident): void {
    const earlier = this.labels.get(label.text);
    if (!earlier) {
      this.labels.set(label.text, label.span);
      return;
    }
    this.diagnostics.push({
      code: 'duplicate-name',
      severity: 'error',
      span: label.span,
      message: `the label '${label.text}' is already used in this model — labels must be unique`,
      related: [{ span: earlier, message: 'first used here' }],
    });
  }

  private dense(stmt: DenseLayer, index: number, name: string, labelled: boolean): DenseInfo {
    const units = checkNumber(stmt.units, UNITS_RULE, this.diagnostics);
    const activation = stmt.activation ? resolveActivation(stmt.activation, this.diagnostics) : undefined;
    const init = stmt.init?.name ? resolveInit(stmt.init.name, this.diagnostics) : undefined;
    return {
      kind: 'dense',
      index,
      name,
      labelled,
      span: stmt.span,
      inWidth: NaN,
      outWidth: NaN,
      params: 0,
      node: stmt,
      units: units ?? NaN,
      ownActivation: activation,
      activation,
      role: 'hidden',
      denseIndex: this.model.dense.length,
      init: init
        ? { name: init, explicit: true, span: layerInitSpan(stmt) }
        : { name: 'glorot_uniform', explicit: false },
    };
  }

  /** The activation of an `activation` line; maxout is refused there (it needs weights of its own). */
  private standaloneActivation(stmt: ActivationLayer): ActivationUse | undefined {
    const activation = stmt.call ? resolveActivation(stmt.call, this.diagnostics) : undefined;
    if (activation?.def.shape === 'maxout') {
      this.diagnostics.push({
        code: 'invalid-value',
        severity: 'error',
        span: activation.nameSpan,
        message:
          "maxout needs weights of its own — write it on the dense layer ('dense 8 maxout') instead of as a separate activation",
      });
    }
    return activation;
  }
}

/** A model without an `input` line, or without a dense layer. */
function shapeProblems(model: ModelInfo): Diagnostic[] {
  const problems: Diagnostic[] = [];
  if (model.layers.length > 0 && model.input === undefined && !model.inputSpan) {
    problems.push({
      code: 'missing-input',
      severity: 'error',
      span: model.nameSpan,
      message: `model '${model.name}' has no 'input' line — add 'input N' (the number of features) before the first layer`,
    });
  }
  if (model.dense.length === 0) {
    problems.push({
      code: 'empty-model',
      severity: 'warning',
      span: model.nameSpan,
      message: `model '${model.name}' has no dense layer — add one, e.g. 'dense 1 sigmoid'`,
    });
  }
  return problems;
}

/** Merges standalone activations into the dense layer before them, sets roles, widths, inits and parameter counts. */
function linkLayers(model: ModelInfo): void {
  const { layers } = model;
  for (let i = 0; i < layers.length; i++) {
    const layer = layers[i];
    const previous = layers[i - 1];
    // A dense layer written `linear` composes with the activation after it like one written without (linear∘f = f).
    const linear = previous?.kind === 'dense' && (!previous.activation || previous.activation.def.name === 'linear');
    if (layer.kind === 'activation' && previous?.kind === 'dense' && linear && layer.activation) {
      previous.activation = layer.activation;
      (layer as ActivationLayerInfo).mergedInto = previous.index;
    }
  }
  const last = model.dense[model.dense.length - 1];
  if (last) last.role = 'output';

  let width = model.input ?? NaN;
  for (const layer of layers) {
    layer.inWidth = width;
    if (layer.kind === 'dense') {
      const pieces = layer.activation?.def.shape === 'maxout' ? Number(layer.activation.params.pieces) || 1 : 1;
      const preluSlopes = layer.ownActivation?.def.name === 'prelu' ? layer.units : 0;
      layer.params = (width * layer.units + layer.units) * pieces + preluSlopes;
      layer.outWidth = layer.units;
      if (!layer.init.explicit) layer.init = { name: defaultInit(model, layer), explicit: false };
    } else {
      layer.outWidth = width;
      if (layer.kind === 'activation' && layer.activation?.def.name === 'prelu') layer.params = width;
    }
    width = layer.outWidth;
  }
  model.totalParams = layers.reduce((sum, l) => sum + l.params, 0);
  model.outputWidth = layers.length ? layers[layers.length - 1].outWidth : NaN;
}

/** language.md §4: the model's `init` line, else He for the ReLU family, LeCun for SELU, Glorot otherwise. */
function defaultInit(model: ModelInfo, layer: DenseInfo): InitName {
  if (model.init.name !== 'auto') return model.init.name;
  return layer.activation?.def.matchingInit ?? 'glorot_uniform';
}

function layerInitSpan(stmt: DenseLayer): Span | undefined {
  if (!stmt.init) return undefined;
  return { start: stmt.init.keyword.span.start, end: (stmt.init.name ?? stmt.init.keyword).span.end };
}

function resolveTask(call: Call, diagnostics: Diagnostic[]): TaskInfo | undefined {
  const def = findTask(call.name.text);
  if (!def) {
    diagnostics.push(
      unknownName(
        'task',
        call.name,
        TASKS.map((t) => t.name),
      ),
    );
    return undefined;
  }
  const { params } = checkArgs(call, def.params, def.name, diagnostics);
  const count = Number(params.classes ?? params.labels);
  return { kind: def.name, count: Number.isFinite(count) ? count : undefined, span: call.span };
}

function resolveLoss(call: Call | undefined, model: ModelInfo, diagnostics: Diagnostic[]): LossInfo {
  if (call) {
    const def = findLoss(call.name.text);
    if (def)
      return {
        name: def.name,
        params: checkArgs(call, def.params, def.name, diagnostics).params,
        explicit: true,
        span: call.span,
      };
    diagnostics.push(
      unknownName(
        'loss',
        call.name,
        LOSSES.flatMap((l) => [l.name, ...l.aliases]),
      ),
    );
  }
  const name = model.task ? findTask(model.task.kind)!.defaultLoss : inferLoss(model);
  return { name, params: resolveParams(findLoss(name)!.params, {}), explicit: false };
}

/** Without a task, the loss follows the output activation: bce for sigmoid, cce for softmax, mse otherwise. */
function inferLoss(model: ModelInfo): string {
  const output = model.dense[model.dense.length - 1]?.activation?.def.name;
  return output === 'sigmoid' ? 'bce' : output === 'softmax' ? 'cce' : 'mse';
}

function resolveOptimizer(call: Call | undefined, diagnostics: Diagnostic[]): OptimizerInfo {
  const def = call ? findOptimizer(call.name.text) : undefined;
  if (call && def) {
    const { params, spans } = checkArgs(call, def.params, def.name, diagnostics);
    return { name: def.name as OptimizerInfo['name'], params, explicit: true, span: call.span, lrSpan: spans.lr };
  }
  if (call)
    diagnostics.push(
      unknownName(
        'optimizer',
        call.name,
        OPTIMIZERS.map((o) => o.name),
      ),
    );
  return {
    name: DEFAULT_OPTIMIZER.name as OptimizerInfo['name'],
    params: resolveParams(DEFAULT_OPTIMIZER.params, {}),
    explicit: false,
  };
}

function resolveInit(name: Ident, diagnostics: Diagnostic[]): InitName | undefined {
  const def = findInit(name.text);
  if (!def) {
    diagnostics.push(
      unknownName(
        'init',
        name,
        INITS.flatMap((i) => [i.name, ...i.aliases]),
      ),
    );
    return undefined;
  }
  if (def.refused) {
    diagnostics.push({ code: 'zero-init', severity: 'error', span: name.span, message: def.refused });
    return undefined;
  }
  return def.name as InitName;
}

function resolveRegularizer(call: Call, span: Span, diagnostics: Diagnostic[]): RegularizeInfo | undefined {
  const def = findRegularizer(call.name.text);
  if (!def) {
    diagnostics.push(
      unknownName(
        'regularizer',
        call.name,
        REGULARIZERS.map((r) => r.name),
      ),
    );
    return undefined;
  }
  const { params } = checkArgs(call, def.params, def.name, diagnostics);
  const amount = Number(Object.values(params)[0]);
  return Number.isFinite(amount) ? { kind: def.name, amount, span } : undefined;
}

function unknownName(what: string, name: Ident, candidates: string[]): Diagnostic {
  const suggestion = didYouMean(name.text, candidates);
  return {
    code: `unknown-${what}`,
    severity: 'error',
    span: name.span,
    message:
      `unknown ${what} '${name.text}'` +
      (suggestion ? ` — did you mean '${suggestion}'?` : ` — expected one of: ${candidates.join(', ')}`),
    data: suggestion ? { suggestion } : undefined,
  };
}

export { unknownName };
