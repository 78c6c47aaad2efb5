/** Python spelling helpers: identifiers that cannot clash, and literals that read back as the same value. */

const PYTHON_KEYWORDS = new Set([
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
  'match',
  'case',
]);

/** Public attributes of torch.nn.Module (a layer attribute of that name would shadow them). */
const MODULE_ATTRIBUTES = [
  'T_destination',
  'add_module',
  'apply',
  'bfloat16',
  'buffers',
  'children',
  'cpu',
  'cuda',
  'double',
  'dump_patches',
  'eval',
  'extra_repr',
  'float',
  'forward',
  'get_buffer',
  'get_extra_state',
  'get_parameter',
  'get_submodule',
  'half',
  'ipu',
  'load_state_dict',
  'modules',
  'named_buffers',
  'named_children',
  'named_modules',
  'named_parameters',
  'parameters',
  'register_backward_hook',
  'register_buffer',
  'register_forward_hook',
  'register_forward_pre_hook',
  'register_full_backward_hook',
  'register_load_state_dict_post_hook',
  'register_module',
  'register_parameter',
  'requires_grad_',
  'set_extra_state',
  'share_memory',
  'state_dict',
  'to',
  'to_empty',
  'train',
  'training',
  'type',
  'xpu',
  'zero_grad',
  'compile',
  'mtia',
];

/** Names the generated class defines itself. */
const OWN_ATTRIBUTES = ['mean', 'std', 'logits', 'load_weights', 'reset_parameters'];

/** Hands out attribute names: the wanted name when it is free, otherwise the name with a suffix. */
export class AttributeNames {
  private readonly taken = new Set<string>([...PYTHON_KEYWORDS, ...MODULE_ATTRIBUTES, ...OWN_ATTRIBUTES]);

  /** Reserves `wanted` (made a valid, public Python identifier) or the first free `wanted_layer`, `wanted_2`, …. */
  claim(wanted: string): string {
    let base = wanted.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z]/.test(base)) base = `layer${base.startsWith('_') ? '' : '_'}${base}`;
    let name = base;
    if (this.taken.has(name)) name = `${base}_layer`;
    for (let i = 2; this.taken.has(name); i++) name = `${base}_${i}`;
    this.taken.add(name);
    return name;
  }
}

/** A class name in PascalCase from a model name (`two_spirals` → `TwoSpirals`), never a keyword. */
export function className(modelName: string, avoid: readonly string[] = []): string {
  const parts = modelName.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let name = parts.map((p) => p[0].toUpperCase() + p.slice(1)).join('') || 'Model';
  if (!/^[A-Za-z]/.test(name)) name = `Model${name}`;
  if (PYTHON_KEYWORDS.has(name) || avoid.includes(name)) name = `${name}Model`;
  return name;
}

/** A float literal that Python reads back as the same double (`1` → `1.0`, `1e-7` stays). */
export function pyFloat(value: number): string {
  if (Number.isNaN(value)) return "float('nan')";
  if (!Number.isFinite(value)) return value > 0 ? "float('inf')" : "-float('inf')";
  const text = String(value);
  return /[.eE]/.test(text) ? text : `${text}.0`;
}
