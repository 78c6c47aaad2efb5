/** Samples each activation's f and f′ from the catalog for the panel's plots (the webview holds no formulas). */
import { findActivation, type ParamValues } from '../../catalog';
import type { ActivationCurve } from '../../protocol';

export const CURVE_RANGE: [number, number] = [-5, 5];
export const CURVE_SAMPLES = 201;

/** How a layer's activation is shown, e.g. `relu` or `leaky_relu(alpha: 0.1)` (only parameters that differ from the defaults). */
export function activationLabel(name: string, params: ParamValues = {}): string {
  const def = findActivation(name);
  if (!def) return name;
  const shown = def.params
    .filter((p) => params[p.name] !== undefined && params[p.name] !== p.default)
    .map((p) => `${p.name}: ${params[p.name]}`);
  return shown.length ? `${def.name}(${shown.join(', ')})` : def.name;
}

/**
 * f and f′ on [-5, 5]. Softmax is shown through one logit against a zero logit (a 2-way softmax is σ of the
 * difference); maxout through its default pieces acting as the identity on the winning piece. Unknown names give undefined.
 */
export function sampleActivation(name: string, params: ParamValues = {}): ActivationCurve | undefined {
  const def = findActivation(name);
  if (!def) return undefined;
  const xs: number[] = [];
  const f: number[] = [];
  const df: number[] = [];
  const bound =
    def.shape === 'elementwise'
      ? def.bind(params)
      : findActivation(def.shape === 'softmax' ? 'sigmoid' : 'linear')!.bind({});
  const [lo, hi] = CURVE_RANGE;
  for (let i = 0; i < CURVE_SAMPLES; i++) {
    const x = Number((lo + ((hi - lo) * i) / (CURVE_SAMPLES - 1)).toFixed(6));
    xs.push(x);
    f.push(bound.f(x));
    df.push(bound.df(x));
  }
  const curve: ActivationCurve = { name: activationLabel(name, params), xs, f, df };
  if (def.shape === 'softmax')
    curve.note = 'Two classes: the first output as a function of the difference of the two inputs.';
  if (def.shape === 'maxout') curve.note = 'Each unit passes on its largest piece unchanged.';
  return curve;
}
