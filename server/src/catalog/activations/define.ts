/** Turns a compact activation description into a full catalog entry. */
import { resolveParams } from '../params';
import type { ActivationDef, BoundActivation, InitName, ParamValues } from '../types';
import { propertiesOf } from './properties';

export interface ActivationSpec
  extends Omit<ActivationDef, 'properties' | 'matchingInit' | 'bind' | 'kinks' | 'aliases' | 'params'> {
  aliases?: readonly string[];
  params?: ActivationDef['params'];
  /** Receives every parameter, defaults already filled in. */
  bind(params: ParamValues): BoundActivation;
  /** Receives every parameter, defaults already filled in; none when omitted. */
  kinks?(params: ParamValues): number[];
}

/** language.md §4: He for the ReLU family, LeCun for SELU, Glorot otherwise. */
function matchingInitFor(def: Pick<ActivationDef, 'properties'>): InitName {
  if (def.properties.reluFamily) return 'he_normal';
  if (def.properties.selfNormalizing) return 'lecun_normal';
  return 'glorot_uniform';
}

export function defineActivation(spec: ActivationSpec): ActivationDef {
  const params = spec.params ?? [];
  const properties = propertiesOf(spec.name);
  const kinks = spec.kinks;
  return {
    ...spec,
    aliases: spec.aliases ?? [],
    params,
    properties,
    matchingInit: matchingInitFor({ properties }),
    bind: (explicit) => spec.bind(resolveParams(params, explicit)),
    kinks: (explicit) => (kinks ? kinks(resolveParams(params, explicit)) : []),
  };
}
