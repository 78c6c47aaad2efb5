/** Name lookup, aliases, "did you mean", default filling and parameter checks. */
import * as assert from 'assert';
import {
  ACTIVATIONS,
  didYouMean,
  editDistance,
  findActivation,
  findDataset,
  findInit,
  findLoss,
  findOptimizer,
  findRegularizer,
  findTask,
  resolveParams,
  type ParamDef,
} from '../../../server/src/catalog';

/** Every accepted spelling of an activation (names and aliases). */
const ACTIVATION_NAMES: string[] = ACTIVATIONS.flatMap((def) => [def.name, ...def.aliases]);

function param(defs: readonly ParamDef[] | undefined, name: string): ParamDef {
  const p = defs?.find((d) => d.name === name);
  assert.ok(p, `no parameter ${name}`);
  return p;
}

/** The severity a parameter check gives a value, or 'ok'. */
function verdict(defs: readonly ParamDef[] | undefined, name: string, value: number): string {
  return param(defs, name).validate?.(value)?.severity ?? 'ok';
}

describe('catalog: lookup', () => {
  it('finds activations by name and alias', () => {
    assert.strictEqual(findActivation('logistic')!.name, 'sigmoid');
    assert.strictEqual(findActivation('binary_step')!.name, 'step');
    assert.strictEqual(findActivation('identity')!.name, 'linear');
    assert.strictEqual(findActivation('none')!.name, 'linear');
    assert.strictEqual(findActivation('silu')!.name, 'swish');
    assert.deepStrictEqual(findActivation('silu')!.aliasParams?.silu, { beta: 1 });
    assert.strictEqual(findActivation('relu')!.name, 'relu');
    assert.strictEqual(findActivation('rleu'), undefined);
    assert.strictEqual(findActivation('ReLU'), undefined, 'names are case-sensitive');
    assert.ok(ACTIVATION_NAMES.includes('logistic') && ACTIVATION_NAMES.includes('mish'));
  });

  it('finds losses, inits and the rest, aliases included', () => {
    assert.strictEqual(findLoss('binary_crossentropy')!.name, 'bce');
    assert.strictEqual(findLoss('categorical_crossentropy')!.name, 'cce');
    assert.strictEqual(findInit('he')!.name, 'he_normal');
    assert.strictEqual(findInit('glorot')!.name, 'glorot_normal');
    assert.strictEqual(findInit('xavier')!.name, 'glorot_normal');
    assert.strictEqual(findInit('lecun')!.name, 'lecun_normal');
    assert.strictEqual(findInit('he_uniform')!.name, 'he_uniform');
    assert.strictEqual(findTask('multiclass')!.defaultLoss, 'cce');
    assert.strictEqual(findOptimizer('adam')!.name, 'adam');
    assert.strictEqual(findRegularizer('l2')!.name, 'l2');
    assert.strictEqual(findDataset('spiral')!.kind, 'toy');
    assert.strictEqual(findOptimizer('adamw'), undefined);
  });
});

describe('catalog: didYouMean', () => {
  const cases: Array<[string, string[], string | undefined]> = [
    ['rleu', ACTIVATION_NAMES, 'relu'],
    ['sigmod', ACTIVATION_NAMES, 'sigmoid'],
    ['alph', ['alpha'], 'alpha'],
    ['ReLU', ACTIVATION_NAMES, 'relu'],
    ['tanhh', ACTIVATION_NAMES, 'tanh'],
    ['leaky_rleu', ACTIVATION_NAMES, 'leaky_relu'],
    ['adma', ['sgd', 'adam', 'rmsprop'], 'adam'],
    ['banana', ACTIVATION_NAMES, undefined],
    ['a', ['ab'], undefined],
    ['xy', ['ab'], undefined],
    ['', ['a'], undefined],
  ];
  for (const [word, candidates, expected] of cases) {
    it(`'${word}' → ${expected === undefined ? 'no suggestion' : `'${expected}'`}`, () => {
      assert.strictEqual(didYouMean(word, candidates), expected);
    });
  }

  it('prefers the closest candidate, then the earlier one', () => {
    assert.strictEqual(didYouMean('relu7', ['relu', 'relu6']), 'relu');
    assert.strictEqual(didYouMean('reluu', ['relu6', 'relu']), 'relu6');
  });

  it('edit distance counts a swap of neighbours as one edit', () => {
    assert.strictEqual(editDistance('rleu', 'relu'), 1);
    assert.strictEqual(editDistance('kitten', 'sitting'), 3);
    assert.strictEqual(editDistance('', 'abc'), 3);
    assert.strictEqual(editDistance('same', 'same'), 0);
  });
});

describe('catalog: parameters', () => {
  it('resolveParams fills defaults and keeps explicit values', () => {
    const adam = findOptimizer('adam')!.params;
    assert.deepStrictEqual(resolveParams(adam, {}), { lr: 0.001, beta1: 0.9, beta2: 0.999 });
    assert.deepStrictEqual(resolveParams(adam, { lr: 0.01 }), { lr: 0.01, beta1: 0.9, beta2: 0.999 });
    assert.deepStrictEqual(resolveParams(findActivation('gelu')!.params, {}), { approximate: 'none' });
    // A required parameter without a value stays absent; so does an optional one.
    assert.deepStrictEqual(resolveParams(findTask('multiclass')!.params, {}), {});
    assert.deepStrictEqual(resolveParams(findDataset('spiral')!.params, {}), { points: 400, noise: 0.1 });
    assert.deepStrictEqual(resolveParams(findDataset('spiral')!.params, { classes: 3 }), {
      points: 400,
      noise: 0.1,
      classes: 3,
    });
  });

  it('activation defaults', () => {
    const defaultOf = (act: string, p: string) => param(findActivation(act)!.params, p).default;
    assert.strictEqual(defaultOf('leaky_relu', 'alpha'), 0.01);
    assert.strictEqual(defaultOf('prelu', 'init'), 0.25);
    assert.strictEqual(defaultOf('elu', 'alpha'), 1.0);
    assert.strictEqual(defaultOf('swish', 'beta'), 1.0);
    assert.strictEqual(defaultOf('maxout', 'pieces'), 2);
    assert.strictEqual(defaultOf('step', 'threshold'), 0);
    assert.deepStrictEqual(param(findActivation('gelu')!.params, 'approximate').values, ['none', 'tanh']);
  });

  it('activation parameter ranges', () => {
    const p = (name: string) => findActivation(name)!.params;
    assert.strictEqual(verdict(p('leaky_relu'), 'alpha', 0), 'error');
    assert.strictEqual(verdict(p('leaky_relu'), 'alpha', -0.1), 'error');
    assert.strictEqual(verdict(p('leaky_relu'), 'alpha', 1), 'warning');
    assert.strictEqual(verdict(p('leaky_relu'), 'alpha', 0.2), 'ok');
    assert.strictEqual(verdict(p('elu'), 'alpha', 0), 'error');
    assert.strictEqual(verdict(p('elu'), 'alpha', 3), 'ok');
    assert.strictEqual(verdict(p('maxout'), 'pieces', 1), 'error');
    assert.strictEqual(verdict(p('maxout'), 'pieces', 2.5), 'error');
    assert.strictEqual(verdict(p('maxout'), 'pieces', 4), 'ok');
    assert.strictEqual(verdict(p('swish'), 'beta', 0), 'error');
    assert.strictEqual(verdict(p('swish'), 'beta', 0.1), 'ok');
    assert.strictEqual(verdict(p('step'), 'threshold', -100), 'ok');
    assert.strictEqual(verdict(p('prelu'), 'init', -3), 'ok');
    assert.match(param(p('leaky_relu'), 'alpha').validate!(-0.1)!.message, /alpha must be greater than 0/);
  });

  it('other parameter ranges', () => {
    for (const opt of ['sgd', 'adam', 'rmsprop']) {
      assert.strictEqual(verdict(findOptimizer(opt)!.params, 'lr', 0), 'error', opt);
      assert.strictEqual(verdict(findOptimizer(opt)!.params, 'lr', 0.5), 'ok', opt);
    }
    assert.strictEqual(verdict(findOptimizer('sgd')!.params, 'momentum', 1), 'error');
    assert.strictEqual(verdict(findOptimizer('sgd')!.params, 'momentum', 0.9), 'ok');
    assert.strictEqual(verdict(findOptimizer('adam')!.params, 'beta2', 1), 'error');
    assert.strictEqual(verdict(findLoss('huber')!.params, 'delta', 0), 'error');
    assert.strictEqual(verdict(findTask('multiclass')!.params, 'classes', 1), 'error');
    assert.strictEqual(verdict(findTask('multiclass')!.params, 'classes', 3), 'ok');
    assert.strictEqual(verdict(findTask('multilabel')!.params, 'labels', 1), 'ok');
    assert.strictEqual(verdict(findTask('multilabel')!.params, 'labels', 0), 'error');
    assert.strictEqual(verdict(findDataset('moons')!.params, 'points', 0), 'error');
    assert.strictEqual(verdict(findDataset('moons')!.params, 'points', 10.5), 'error');
    assert.strictEqual(verdict(findDataset('moons')!.params, 'noise', -0.1), 'error');
    assert.strictEqual(verdict(findDataset('moons')!.params, 'noise', 0), 'ok');
    assert.strictEqual(verdict(findRegularizer('l1')!.params, 'amount', -1), 'error');
    assert.strictEqual(verdict(findRegularizer('l1')!.params, 'amount', 0.01), 'ok');
  });
});
