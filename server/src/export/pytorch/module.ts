/**
 * Writes a network as a readable, self-contained PyTorch module: one attribute per `.nn` layer under its
 * label, activations with every parameter spelled out, standardization as buffers applied in forward,
 * weights loaded from NN Studio's JSON format with plain `json`, and the training setup as a comment.
 */
import { findInit } from '../../catalog';
import type { NetworkSpec, TrainSettings } from '../../model/spec';
import { JSON_FORMAT, PRODUCER } from '../json';
import type { DenseStep, ExportPlan, Step } from '../plan';
import { HELPERS, torchActivation, type HelperName } from './activations';
import { pythonComment, pythonString } from '../escape';
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
    return entries.length ? ` ${s.activation.name}(${entries.map(([k, v]) => `${k}: ${v}`).join(', ')})` : ` ${s.activation.name}`;
  };
  if (step.kind === 'dense') return `${step.name}: dense ${step.units}${act(step)}`;
  if (step.kind === 'dropout') return `${step.name}: dropout ${step.rate} (active in training only)`;
  return `${step.name}: activation${act(step)}`;
}

function initLines(step: DenseStep, linear: string): string[] {
  const def = findInit(step.init);
  if (!def) throw new Error(`unknown init '${step.init}'`);
  const scale = def.scale(step.inWidth, step.units);
  const draw = def.distribution === 'normal'
    ? `nn.init.normal_(self.${linear}.weight, mean=0.0, std=${pyFloat(scale)})`
    : `nn.init.uniform_(self.${linear}.weight, -${pyFloat(scale)}, ${pyFloat(scale)})`;
  return [`${draw}  ${pythonComment(`${def.name}: ${def.formula}`)}`, `nn.init.zeros_(self.${linear}.bias)`];
}

export function pytorchModule(spec: NetworkSpec, plan: ExportPlan, options: PytorchModuleOptions = {}): { source: string; notes: string[] } {
  const names = new AttributeNames();
  const helpers = new Set<HelperName>();
  const notes: string[] = [];
  const members: Member[] = [];
  for (const step of plan.steps) {
    const attr = names.claim(step.name);
    const member: Member = { step, attr, lines: [pythonComment(describe(step))] };
    if (step.kind === 'dense') {
      if (step.activation?.def.shape === 'maxout') {
        helpers.add('Maxout');
        member.lines.push(`self.${attr} = Maxout(${step.inWidth}, ${step.units}, pieces=${step.pieces})  ${pythonComment('written out: PyTorch has no maxout')}`);
        notes.push(`${step.name}: maxout is written out as a Linear layer to ${step.units * step.pieces} values and a max over ${step.pieces} pieces`);
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
    members.push(member);
  }

  const cls = className(plan.modelName, Object.keys(HELPERS));
  const linearPath = (m: Member): string => (m.step.kind === 'dense' && m.step.activation?.def.shape === 'maxout' ? `${m.attr}.linear` : m.attr);
  const denseMembers = members.filter((m) => m.step.kind === 'dense');
  /** Standalone PReLU layers: their slopes come from the weights' `activationSlopes`, in this order. */
  const slopedMembers = members.filter((m) => m.step.kind === 'activation' && m.step.slopes !== undefined);
  const outputActivation = plan.outputActivation;
  const lastMember = members[members.length - 1];

  // forward: every step; the final sigmoid/softmax is split off into forward when logits() exists.
  const body: string[] = ['x = (x - self.mean) / self.std'];
  members.forEach((m, i) => {
    const last = i === members.length - 1;
    if (m.step.kind === 'dense') {
      const applyAct = m.actAttr && !(last && outputActivation);
      body.push(applyAct ? `x = self.${m.actAttr}(self.${m.attr}(x))` : `x = self.${m.attr}(x)`);
    } else if (m.step.kind === 'activation') {
      if (!(last && outputActivation)) body.push(`x = self.${m.attr}(x)`);
    } else {
      body.push(`x = self.${m.attr}(x)`);
    }
  });
  const finalAct = outputActivation ? (lastMember.actAttr ?? lastMember.attr) : undefined;

  // The docstring holds fixed text only; the names from outside are constants below it.
  const header = [
    `"""${cls}: an NN Studio model as a PyTorch module, exported by ${PRODUCER}.`,
    '',
    'MODEL_NAME and SOURCE_FILE below say which model of which .nn file it is.',
    'Each layer keeps the name it has in the .nn file, and every activation has the same parameters as in',
    'NN Studio. Inputs are raw features: forward() standardizes them with the mean and std buffers, which',
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
    `INPUT_WIDTH = ${plan.input}`,
    `OUTPUT_WIDTH = ${plan.output}`,
  ];

  const out: string[] = [...header, '', ''];
  for (const helper of ['Step', 'Swish', 'Maxout'] as HelperName[]) {
    if (helpers.has(helper)) out.push(HELPERS[helper], '');
  }
  out.push(
    `def _load_dense(linear, entry):`,
    `    """Copies one dense layer of an NN Studio weights file (W row-major [rows x inWidth], b [rows])."""`,
    `    rows = entry["units"] * entry.get("pieces", 1)`,
    `    weight = torch.tensor(entry["W"], dtype=torch.float64).reshape(rows, entry["inWidth"])`,
    `    linear.weight.copy_(weight)`,
    `    linear.bias.copy_(torch.tensor(entry["b"], dtype=torch.float64))`,
    '',
    '',
    `class ${cls}(nn.Module):`,
    `    ${pythonString(`${plan.input} inputs → ${members.map((m) => m.step.name).join(' → ')} → ${plan.output} outputs.`)}`,
    '',
    `    def __init__(self):`,
    `        super().__init__()`,
    `        ${pythonComment('Feature standardization, x ← (x − mean) / std; the identity until load_weights() sets it.')}`,
    `        self.register_buffer("mean", torch.zeros(INPUT_WIDTH))`,
    `        self.register_buffer("std", torch.ones(INPUT_WIDTH))`,
  );
  for (const m of members) out.push(...m.lines.map((l) => `        ${l}`));
  out.push(`        self.reset_parameters()`, '');

  out.push(`    def reset_parameters(self):`, `        """Draws initial weights the way NN Studio does (the layer's init, biases 0)."""`, `        with torch.no_grad():`);
  for (const m of denseMembers) {
    const step = m.step as DenseStep;
    out.push(...initLines(step, linearPath(m)).map((l) => `            ${l}`));
    if (step.slopes && m.actAttr) out.push(`            self.${m.actAttr}.weight.fill_(${pyFloat(Number(step.activation?.params.init))})`);
  }
  for (const m of slopedMembers) {
    if (m.step.kind === 'activation') out.push(`            self.${m.attr}.weight.fill_(${pyFloat(Number(m.step.activation.params.init))})`);
  }
  out.push('');

  if (finalAct) {
    out.push(
      `    def logits(self, x):`,
      `        """The output layer's values before its ${outputActivation}: what the losses in the training snippet read."""`,
      ...body.map((l) => `        ${l}`),
      `        return x`,
      '',
      `    def forward(self, x):`,
      `        return self.${finalAct}(self.logits(x))`,
      '',
    );
  } else {
    out.push(`    def forward(self, x):`, ...body.map((l) => `        ${l}`), `        return x`, '');
  }

  out.push(
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
    `        if len(dense) != ${denseMembers.length}:`,
    `            raise ValueError(f"{path} has {len(dense)} dense layers, this model has ${denseMembers.length}")`,
  );
  if (slopedMembers.length > 0) {
    out.push(
      `        ${pythonComment('Slopes of the standalone PReLU layers; files written before NN Studio saved them have none (init slope).')}`,
      `        activation_slopes = weights.get("activationSlopes")`,
      `        if activation_slopes is not None and len(activation_slopes) != ${slopedMembers.length}:`,
      `            raise ValueError(f"{path} has slopes for {len(activation_slopes)} PReLU layers, this model has ${slopedMembers.length}")`,
    );
  }
  out.push(`        with torch.no_grad():`);
  denseMembers.forEach((m, i) => {
    const step = m.step as DenseStep;
    out.push(`            _load_dense(self.${linearPath(m)}, dense[${i}])  ${pythonComment(step.name)}`);
    if (step.slopes && m.actAttr) {
      out.push(`            if "slopes" in dense[${i}]:`, `                self.${m.actAttr}.weight.copy_(torch.tensor(dense[${i}]["slopes"], dtype=torch.float64))`);
    }
  });
  if (slopedMembers.length > 0) out.push(`            if activation_slopes is not None:`);
  slopedMembers.forEach((m, i) => {
    out.push(`                self.${m.attr}.weight.copy_(torch.tensor(activation_slopes[${i}]["slopes"], dtype=torch.float64))  ${pythonComment(m.step.name)}`);
  });
  out.push(
    `            normalization = weights.get("normalization")`,
    `            if normalization:`,
    `                self.mean.copy_(torch.tensor(normalization["mean"], dtype=torch.float64))`,
    `                self.std.copy_(torch.tensor(normalization["std"], dtype=torch.float64))`,
    `        return self`,
    '',
    '',
  );

  const weightNames = denseMembers.map((m) => `model.${linearPath(m)}.weight`);
  const weightsFile = options.weightsFile;
  out.push(...trainingSnippet(spec, plan, cls, weightNames, options.settings, weightsFile), '', '');

  out.push(
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
  );
  return { source: `${out.join('\n')}\n`, notes };
}

function activationLine(
  attr: string, activation: NonNullable<DenseStep['activation']>, width: number, helpers: Set<HelperName>, notes: string[], layer: string,
): string {
  const t = torchActivation(activation, width);
  if (t.helper) {
    helpers.add(t.helper);
    notes.push(`${layer}: ${activation.name} is written out (${t.comment ?? 'no PyTorch module'})`);
  }
  return `self.${attr} = ${t.construct}${t.comment ? `  ${pythonComment(t.comment)}` : ''}`;
}
