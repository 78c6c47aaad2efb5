/** Turns a compact activation description into a full catalog entry. */
import { resolveParams } from '../params';
import type {
  ActivationDef,
  ActivationFamily,
  ActivationProperties,
  BoundActivation,
  InitName,
  ParamDef,
  ParamValues,
  StatedProperty,
} from '../types';

export interface ActivationSpec<N extends string> extends Omit<
  ActivationDef<N>,
  'name' | 'properties' | 'matchingInit' | 'bind' | 'kinks' | 'aliases' | 'params'
> {
  name: N;
  /** The properties it has (activations.md's table, plus monotonic and smooth); every other one is false. */
  properties: readonly StatedProperty[];
  aliases?: readonly string[];
  params?: readonly ParamDef[];
  /** Receives every parameter, defaults already filled in. */
  bind(params: ParamValues): BoundActivation;
  /** Receives every parameter, defaults already filled in; none when omitted. */
  kinks?: (params: ParamValues) => number[];
}

/** The full property object: the stated ones are true, `reluFamily` is the family `relu`. */
function propertiesOf(stated: readonly StatedProperty[], family: ActivationFamily): ActivationProperties {
  const has = (key: StatedProperty): boolean => stated.includes(key);
  return {
    saturating: has('saturating'),
    zeroCentered: has('zeroCentered'),
    canDie: has('canDie'),
    reluFamily: family === 'relu',
    selfNormalizing: has('selfNormalizing'),
    outputOnly: has('outputOnly'),
    notTrainable: has('notTrainable'),
    monotonic: has('monotonic'),
    smooth: has('smooth'),
  };
}

/** language.md §4: He for the ReLU family, LeCun for SELU, Glorot otherwise. */
function matchingInitFor(properties: ActivationProperties): InitName {
  if (properties.reluFamily) return 'he_normal';
  if (properties.selfNormalizing) return 'lecun_normal';
  return 'glorot_uniform';
}

export function defineActivation<const N extends string>(spec: ActivationSpec<N>): ActivationDef<N> {
  const params = spec.params ?? [];
  const properties = propertiesOf(spec.properties, spec.family);
  const kinks = spec.kinks;
  return {
    ...spec,
    aliases: spec.aliases ?? [],
    params,
    properties,
    matchingInit: matchingInitFor(properties),
    bind: (explicit) => spec.bind(resolveParams(params, explicit)),
    kinks: (explicit) => (kinks ? kinks(resolveParams(params, explicit)) : []),
  };
}
