/**
 * How each catalog activation is written in PyTorch. Parameters are always spelled out, so that a PyTorch
 * default that differs from NN Studio's can never slip in. Activations PyTorch lacks are written out as
 * small modules (see HELPERS) and say so in a comment.
 */
import { SELU_ALPHA, SELU_LAMBDA, type ActivationName, type ParamValues } from '../../catalog';
import { WRITTEN_AS_LAYER, type ResolvedActivation } from '../plan';
import { pythonString } from '../escape';
import { pyFloat } from './python';

export type HelperName = 'Step' | 'Swish' | 'Maxout';

export interface TorchActivation {
  /** The expression that builds the module, e.g. `nn.LeakyReLU(negative_slope=0.1)`. */
  construct: string;
  /** A comment for the line, when the mapping needs one. */
  comment?: string;
  helper?: HelperName;
}

/** Writes the module of one activation over `width` values, from its parameters (every one filled in). */
type TorchWriter = (p: ParamValues, width: number) => TorchActivation;

/** How each catalog activation is written; a new activation without a row here does not compile. */
export const TORCH_ACTIVATIONS: Readonly<Record<ActivationName, TorchWriter | typeof WRITTEN_AS_LAYER>> = {
  step: (p) => ({
    construct: `Step(threshold=${pyFloat(Number(p.threshold))})`,
    helper: 'Step',
    comment: 'PyTorch has no step module; written out below',
  }),
  linear: () => ({ construct: 'nn.Identity()' }),
  sigmoid: () => ({ construct: 'nn.Sigmoid()' }),
  tanh: () => ({ construct: 'nn.Tanh()' }),
  hard_sigmoid: () => ({ construct: 'nn.Hardsigmoid()', comment: 'clip(x/6 + 1/2, 0, 1), as in NN Studio' }),
  softsign: () => ({ construct: 'nn.Softsign()' }),
  relu: () => ({ construct: 'nn.ReLU()' }),
  relu6: () => ({ construct: 'nn.ReLU6()' }),
  leaky_relu: (p) => ({ construct: `nn.LeakyReLU(negative_slope=${pyFloat(Number(p.alpha))})` }),
  prelu: (p, width) => ({
    construct: `nn.PReLU(num_parameters=${width}, init=${pyFloat(Number(p.init))})`,
    comment: 'one learned slope per unit',
  }),
  elu: (p) => ({ construct: `nn.ELU(alpha=${pyFloat(Number(p.alpha))})` }),
  selu: () => ({
    construct: 'nn.SELU()',
    comment: `PyTorch's constants are NN Studio's: alpha = ${SELU_ALPHA}, scale = ${SELU_LAMBDA}`,
  }),
  gelu: (p) => ({ construct: `nn.GELU(approximate=${pythonString(String(p.approximate))})` }),
  swish: (p) => {
    const beta = Number(p.beta);
    if (beta === 1) return { construct: 'nn.SiLU()', comment: 'swish with beta = 1' };
    return {
      construct: `Swish(beta=${pyFloat(beta)})`,
      helper: 'Swish',
      comment: 'PyTorch only has beta = 1 (SiLU); written out below',
    };
  },
  mish: () => ({ construct: 'nn.Mish()' }),
  softplus: () => ({
    construct: 'nn.Softplus(beta=1.0, threshold=20.0)',
    comment: 'above 20 PyTorch returns x itself, which differs from ln(1 + e^x) by less than 3e-9',
  }),
  softmax: () => ({ construct: 'nn.Softmax(dim=-1)' }),
  maxout: WRITTEN_AS_LAYER,
};

/**
 * Builds the PyTorch module for an activation over `width` values. Maxout is the one activation written with
 * its dense layer instead (the export plan keeps it there), so it is never asked for here.
 */
export function torchActivation(activation: ResolvedActivation, width: number): TorchActivation {
  const write = TORCH_ACTIVATIONS[activation.name];
  if (write === WRITTEN_AS_LAYER) throw new Error(`${activation.name} is ${WRITTEN_AS_LAYER}, not a module of its own`);
  return write(activation.params, width);
}

/** Source of the helper modules, defined once at the top of the generated file when used. */
export const HELPERS: Record<HelperName, string> = {
  Step: `class Step(nn.Module):
    """Binary step: 1 where x >= threshold, else 0 (PyTorch has no such module; it passes no gradient)."""

    def __init__(self, threshold=0.0):
        super().__init__()
        self.threshold = threshold

    def forward(self, x):
        return (x >= self.threshold).to(x.dtype)

    def extra_repr(self):
        return f"threshold={self.threshold}"
`,
  Swish: `class Swish(nn.Module):
    """Swish with a fixed beta: x * sigmoid(beta * x). nn.SiLU covers beta = 1 only."""

    def __init__(self, beta=1.0):
        super().__init__()
        self.beta = beta

    def forward(self, x):
        return x * torch.sigmoid(self.beta * x)

    def extra_repr(self):
        return f"beta={self.beta}"
`,
  Maxout: `class Maxout(nn.Module):
    """Maxout: one linear map to pieces * units values, then each unit keeps the largest of its pieces.

    The rows of linear.weight are piece-major, as in NN Studio: row p * units + u is piece p of unit u.
    """

    def __init__(self, in_features, units, pieces):
        super().__init__()
        self.units = units
        self.pieces = pieces
        self.linear = nn.Linear(in_features, units * pieces)

    def forward(self, x):
        z = self.linear(x)
        return z.reshape(*z.shape[:-1], self.pieces, self.units).amax(dim=-2)
`,
};
