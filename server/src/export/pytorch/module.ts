/**
 * Writes a network as a readable, self-contained PyTorch module: one attribute per `.nn` layer under its
 * label, activations with every parameter spelled out, a `features` line as a features() function and
 * standardization as buffers (both applied in forward), weights loaded from NN Studio's JSON format with
 * plain `json`, and the training setup as a comment.
 */
import { findInit } from '../../catalog';
import type { NetworkSpec, TrainSettings } from '../../model/spec';
import { JSON_FORMAT, PRODUCER } from '../json';
import type { DenseStep, ExportPlan, Step } from '../plan';
import { HELPERS, torchActivation, type HelperName } from './activations';
import { pythonComment, pythonString } from '../escape';
import { featuresFunction } from './features';
import { AttributeNames, className, pyFloat } from './python';
import { trainingSnippet } from './training';

export interface PytorchModuleOptions {
  /** File name of the weights file the `__main__` block loads when it exists (e.g. `iris.weights.json`). */
  weightsFile?: string;
  /** File name of the module itself (`iris.py`), for the usage comment. */
  moduleFile?: string;
  sourceName?: string;
  settings?: TrainSettings;
}

/** One layer of the generated class: what __init__ builds and how forward applies it. */
interface Member {
  step: Step;
  /** Attribute holding the layer itself (Linear, Maxout, Dropout or a standalone activation). */
  attr: string;
  /** Attribute of the activation that follows a dense layer, when it has one. */
  actAttr?: string;
  lines: string[];
}

function describe(step: Step): string {
  const act = (s: { activation?: { name: string; params: Record<string, unknown> } }): string => {
    if (!s.activation) return '';
    const entries = Object.entries(s.activation.params);
    return entries.length
      ? ` ${s.activation.name}(${entries.map(([k, v]) => `${k}: ${String(v)}`).join(', ')})`
      : ` ${s.activation.name}`;
  };
  if (step.kind === 'dense') return `${step.name}: dense ${step.units}${act(step)}`;
  if (step.kind === 'dropout') return `${step.name}: dropout ${step.rate} (active in training only)`;
  return `${step.name}: activation${act(step)}`;
}

function initLines(step: DenseStep, linear: string): string[] {
  const def = findInit(step.init);
  if (!def) throw new Error(`unknown init '${step.init}'`);
  const scale = def.scale(step.inWidth, step.units);
  const draw =
    def.distribution === 'normal'
      ? `nn.init.normal_(self.${linear}.weight, mean=0.0, std=${pyFloat(scale)})`
      : `nn.init.uniform_(self.${linear}.weight, -${pyFloat(scale)}, ${pyFloat(scale)})`;
  return [`${draw}  ${pythonComment(`${def.name}: ${def.formula}`)}`, `nn.init.zeros_(self.${linear}.bias)`];
}

export function pytorchModule(
  spec: NetworkSpec,
  plan: ExportPlan,
  options: PytorchModuleOptions = {},
): { source: string; notes: string[] } {
  const notes: string[] = [];
  const helpers = new Set<HelperName>();
  const members = buildMembers(plan, helpers, notes);
  const cls = className(plan.modelName, Object.keys(HELPERS));
  const layers = new ModuleLayers(members, plan.outputActivation, plan.features !== undefined);
  const out: string[] = [...headerLines(cls, plan, options), '', ''];
  for (const helper of ['Step', 'Swish', 'Maxout'] as HelperName[]) {
    if (helpers.has(helper)) out.push(HELPERS[helper], '');
  }
  if (plan.features) out.push(...featuresFunction(plan.features), '', '');
  out.push(...LOAD_DENSE, '', '', `class ${cls}(nn.Module):`);
  out.push(
    ...initMethod(plan, members),
    ...resetMethod(layers),
    ...forwardMethods(layers),
    ...loadWeightsMethod(layers),
    '',
    '',
  );
  const weightNames = layers.dense.map((m) => `model.${linearPath(m)}.weight`);
  out.push(...trainingSnippet(spec, plan, cls, weightNames, options.settings, options.weightsFile), '', '');
  out.push(...mainBlock(cls, plan, options));
  return { source: `${out.join('\n')}\n`, notes };
}

/** One member per step: its attribute names and the lines of __init__ that build it. */
function buildMembers(plan: ExportPlan, helpers: Set<HelperName>, notes: string[]): Member[] {
  const names = new AttributeNames();
  return plan.steps.map((step) => {
    const attr = names.claim(step.name);
    const member: Member = { step, attr, lines: [pythonComment(describe(step))] };
    if (step.kind === 'dense') {
      if (step.activation?.def.shape === 'maxout') {
        helpers.add('Maxout');
        member.lines.push(
          `self.${attr} = Maxout(${step.inWidth}, ${step.units}, pieces=${step.pieces})  ${pythonComment('written out: PyTorch has no maxout')}`,
        );
        notes.push(
          `${step.name}: maxout is written out as a Linear layer to ${step.units * step.pieces} values and a max over ${step.pieces} pieces`,
        );
      } else {
        member.lines.push(`self.${attr} = nn.Linear(${step.inWidth}, ${step.units})`);
        if (step.activation) {
          member.actAttr = names.claim(`${step.name}_act`);
          member.lines.push(activationLine(member.actAttr, step.activation, step.units, helpers, notes, step.name));
        }
      }
    } else if (step.kind === 'activation') {
      member.lines.push(activationLine(attr, step.activation, step.width, helpers, notes, step.name));
    } else {
      member.lines.push(`self.${attr} = nn.Dropout(p=${pyFloat(step.rate)})`);
    }
    return member;
  });
}

/** The attribute of a dense member's Linear (inside the Maxout helper for maxout). */
function linearPath(m: Member): string {
  return m.step.kind === 'dense' && m.step.activation?.def.shape === 'maxout' ? `${m.attr}.linear` : m.attr;
}

/** The members grouped the way the methods read them. */
class ModuleLayers {
  readonly dense: Member[];
  /** Standalone PReLU layers: their slopes come from the weights' `activationSlopes`, in this order. */
  readonly sloped: Member[];
  /** The final sigmoid/softmax, split off into forward() so that logits() exists; undefined for other outputs. */
  readonly finalActivation: string | undefined;

  constructor(
    readonly members: Member[],
    readonly outputActivation: string | undefined,
    readonly computesFeatures: boolean,
  ) {
    this.dense = members.filter((m) => m.step.kind === 'dense');
    this.sloped = members.filter((m) => m.step.kind === 'activation' && m.step.slopes !== undefined);
    const last = members[members.length - 1];
    this.finalActivation = outputActivation ? (last.actAttr ?? last.attr) : undefined;
  }

  /** The lines of forward (of logits() when the final activation is split off): every step in order. */
  body(): string[] {
    const body: string[] = [...(this.computesFeatures ? ['x = features(x)'] : []), 'x = (x - self.mean) / self.std'];
    this.members.forEach((m, i) => {
      const splitOff = i === this.members.length - 1 && !!this.outputActivation;
      if (m.step.kind === 'dense') {
        body.push(m.actAttr && !splitOff ? `x = self.${m.actAttr}(self.${m.attr}(x))` : `x = self.${m.attr}(x)`);
      } else if (m.step.kind !== 'activation' || !splitOff) {
        body.push(`x = self.${m.attr}(x)`);
      }
    });
    return body;
  }
}

/** The docstring, imports and constants. The docstring holds fixed text only; the names from outside are constants below it. */
function headerLines(cls: string, plan: ExportPlan, options: PytorchModuleOptions): string[] {
  return [
    `"""${cls}: an NN Studio model as a PyTorch module, exported by ${PRODUCER}.`,
    '',
    'MODEL_NAME and SOURCE_FILE below say which model of which .nn file it is.',
    'Each layer keeps the name it has in the .nn file, and every activation has the same parameters as in',
    ...(plan.features
      ? [
          'NN Studio. Inputs are raw points (x1, x2): forward() computes the FEATURES of the .nn file with features(),',
          'then standardizes them with the mean and std buffers, which',
        ]
      : ['NN Studio. Inputs are raw features: forward() standardizes them with the mean and std buffers, which']),
    `load_weights() fills from an NN Studio model file (JSON, format "${JSON_FORMAT}").`,
    '',
    'Needs PyTorch 1.12 or later.',
    '"""',
    'import json',
    'import os',
    'import sys',
    '',
    'import torch',
    'from torch import nn',
    '',
    `MODEL_NAME = ${pythonString(plan.modelName)}`,
    `SOURCE_FILE = ${options.sourceName === undefined ? 'None' : pythonString(options.sourceName)}`,
    `WEIGHTS_FILE = ${options.weightsFile === undefined ? 'None' : pythonString(options.weightsFile)}`,
    ...(plan.features
      ? [
          `FEATURES = (${plan.features.map((f) => pythonString(f)).join(', ')},)`,
          'INPUT_WIDTH = 2',
          `FEATURE_WIDTH = ${plan.input}`,
        ]
      : [`INPUT_WIDTH = ${plan.input}`]),
    `OUTPUT_WIDTH = ${plan.output}`,
  ];
}

const LOAD_DENSE = [
  `def _load_dense(linear, entry):`,
  `    """Copies one dense layer of an NN Studio weights file (W row-major [rows x inWidth], b [rows])."""`,
  `    rows = entry["units"] * entry.get("pieces", 1)`,
  `    weight = torch.tensor(entry["W"], dtype=torch.float64).reshape(rows, entry["inWidth"])`,
  `    linear.weight.copy_(weight)`,
  `    linear.bias.copy_(torch.tensor(entry["b"], dtype=torch.float64))`,
];

function initMethod(plan: ExportPlan, members: Member[]): string[] {
  return [
    `    ${pythonString(`${plan.features ? `2 inputs → features(${plan.features.join(', ')}) → ` : `${plan.input} inputs → `}${members.map((m) => m.step.name).join(' → ')} → ${plan.output} outputs.`)}`,
    '',
    `    def __init__(self):`,
    `        super().__init__()`,
    `        ${pythonComment('Feature standardization, x ← (x − mean) / std; the identity until load_weights() sets it.')}`,
    `        self.register_buffer("mean", torch.zeros(${plan.features ? 'FEATURE_WIDTH' : 'INPUT_WIDTH'}))`,
    `        self.register_buffer("std", torch.ones(${plan.features ? 'FEATURE_WIDTH' : 'INPUT_WIDTH'}))`,
    ...members.flatMap((m) => m.lines.map((l) => `        ${l}`)),
    `        self.reset_parameters()`,
    '',
  ];
}

function resetMethod(layers: ModuleLayers): string[] {
  const out = [
    `    def reset_parameters(self):`,
    `        """Draws initial weights the way NN Studio does (the layer's init, biases 0)."""`,
    `        with torch.no_grad():`,
  ];
  for (const m of layers.dense) {
    const step = m.step as DenseStep;
    out.push(...initLines(step, linearPath(m)).map((l) => `            ${l}`));
    if (step.slopes && m.actAttr)
      out.push(`            self.${m.actAttr}.weight.fill_(${pyFloat(Number(step.activation?.params.init))})`);
  }
  for (const m of layers.sloped) {
    if (m.step.kind === 'activation')
      out.push(`            self.${m.attr}.weight.fill_(${pyFloat(Number(m.step.activation.params.init))})`);
  }
  out.push('');
  return out;
}

/** forward(), preceded by logits() when the final sigmoid/softmax is split off. */
function forwardMethods(layers: ModuleLayers): string[] {
  const body = layers.body().map((l) => `        ${l}`);
  if (!layers.finalActivation) return [`    def forward(self, x):`, ...body, `        return x`, ''];
  return [
    `    def logits(self, x):`,
    `        """The output layer's values before its ${layers.outputActivation}: what the losses in the training snippet read."""`,
    ...body,
    `        return x`,
    '',
    `    def forward(self, x):`,
    `        return self.${layers.finalActivation}(self.logits(x))`,
    '',
  ];
}

function loadWeightsMethod(layers: ModuleLayers): string[] {
  const dense = layers.dense.length;
  const sloped = layers.sloped.length;
  const out = [
    `    def load_weights(self, path):`,
    `        """Loads trained weights from an NN Studio model file (nn export --to json --weights, or a saved run)."""`,
    `        with open(path, encoding="utf-8") as file:`,
    `            document = json.load(file)`,
    `        if document.get("format") != ${pythonString(JSON_FORMAT)}:`,
    `            raise ValueError(f"{path} is not an NN Studio model file")`,
    `        weights = document.get("weights")`,
    `        if not weights:`,
    `            raise ValueError(f"{path} holds the architecture only, no weights")`,
    `        dense = weights["dense"]`,
    `        if len(dense) != ${dense}:`,
    `            raise ValueError(f"{path} has {len(dense)} dense layers, this model has ${dense}")`,
  ];
  if (sloped > 0) {
    out.push(
      `        ${pythonComment('Slopes of the standalone PReLU layers; files written before NN Studio saved them have none (init slope).')}`,
      `        activation_slopes = weights.get("activationSlopes")`,
      `        if activation_slopes is not None and len(activation_slopes) != ${sloped}:`,
      `            raise ValueError(f"{path} has slopes for {len(activation_slopes)} PReLU layers, this model has ${sloped}")`,
    );
  }
  out.push(`        with torch.no_grad():`);
  layers.dense.forEach((m, i) => {
    const step = m.step as DenseStep;
    out.push(`            _load_dense(self.${linearPath(m)}, dense[${i}])  ${pythonComment(step.name)}`);
    if (step.slopes && m.actAttr) {
      out.push(
        `            if "slopes" in dense[${i}]:`,
        `                self.${m.actAttr}.weight.copy_(torch.tensor(dense[${i}]["slopes"], dtype=torch.float64))`,
      );
    }
  });
  if (sloped > 0) out.push(`            if activation_slopes is not None:`);
  layers.sloped.forEach((m, i) => {
    out.push(
      `                self.${m.attr}.weight.copy_(torch.tensor(activation_slopes[${i}]["slopes"], dtype=torch.float64))  ${pythonComment(m.step.name)}`,
    );
  });
  out.push(
    `            normalization = weights.get("normalization")`,
    `            if normalization:`,
    `                self.mean.copy_(torch.tensor(normalization["mean"], dtype=torch.float64))`,
    `                self.std.copy_(torch.tensor(normalization["std"], dtype=torch.float64))`,
    `        return self`,
  );
  return out;
}

/** `python MODULE.py [WEIGHTS.json]`: builds the model, loads weights when there are some, prints it. */
function mainBlock(cls: string, plan: ExportPlan, options: PytorchModuleOptions): string[] {
  const weightsFile = options.weightsFile;
  return [
    `if __name__ == "__main__":`,
    `    ${pythonComment(`python ${options.moduleFile ?? `${plan.modelName}.py`} [WEIGHTS.json]: builds the model, loads weights when given${weightsFile ? ' (or found next to this file)' : ''}, prints it.`)}`,
    `    model = ${cls}()`,
    `    path = sys.argv[1] if len(sys.argv) > 1 else ${weightsFile ? 'os.path.join(os.path.dirname(os.path.abspath(__file__)), WEIGHTS_FILE)' : 'None'}`,
    `    if path and os.path.exists(path):`,
    `        model.load_weights(path)`,
    `        print(f"loaded weights from {path}")`,
    `    model.eval()`,
    `    print(model)`,
    `    with torch.no_grad():`,
    `        print("output for an all-zero input:", model(torch.zeros(1, INPUT_WIDTH)).tolist())`,
  ];
}

function activationLine(
  attr: string,
  activation: NonNullable<DenseStep['activation']>,
  width: number,
  helpers: Set<HelperName>,
  notes: string[],
  layer: string,
): string {
  const t = torchActivation(activation, width);
  if (t.helper) {
    helpers.add(t.helper);
    notes.push(`${layer}: ${activation.name} is written out (${t.comment ?? 'no PyTorch module'})`);
  }
  return `self.${attr} = ${t.construct}${t.comment ? `  ${pythonComment(t.comment)}` : ''}`;
}
