/** Turns a DatasetRequest into a Dataset: toy sets are generated, bundled sets parsed, csv text parsed. */
import { TOY_DEFAULTS } from '../../catalog';
import type { ParamValues } from '../../catalog/types';
import type { DatasetRequest } from '../../model/spec';
import { DIGITS_CSV } from './bundled/digits';
import { IRIS_CSV } from './bundled/iris';
import { numericAsClasses, parseCsv, splitTargets } from './csv';
import { generateToy, isToyDataset } from './toy';
import { DataError, type Dataset } from './types';

const bundledCache = new Map<string, Dataset>();

function numberParam(params: ParamValues, name: string): number | undefined {
  const value = params[name];
  return typeof value === 'number' ? value : undefined;
}

/** The bundled real datasets, parsed once. */
export function bundledDataset(name: 'iris' | 'digits'): Dataset {
  let dataset = bundledCache.get(name);
  if (!dataset) {
    dataset =
      name === 'iris'
        ? parseCsv(IRIS_CSV, { name: 'iris', targets: ['species'] })
        : numericAsClasses(parseCsv(DIGITS_CSV, { name: 'digits', targets: ['digit'] }));
    bundledCache.set(name, dataset);
  }
  return dataset;
}

/** Loads or generates the requested data. `seed` drives toy generation. Throws DataError on bad data. */
export function loadDataset(request: DatasetRequest, seed: number): Dataset {
  const { name, params } = request;
  if (isToyDataset(name)) {
    return generateToy(
      name,
      {
        points: numberParam(params, 'points') ?? TOY_DEFAULTS.points,
        noise: numberParam(params, 'noise') ?? TOY_DEFAULTS.noise,
        classes: numberParam(params, 'classes'),
      },
      seed,
    );
  }
  if (name === 'iris' || name === 'digits') return bundledDataset(name);
  if (name === 'csv') {
    if (request.csvText === undefined)
      throw new DataError('the CSV file was not read (no text was passed to the trainer)');
    const targets = request.targets ?? splitTargets(String(params.target ?? ''));
    const fileName = (request.csvPath ?? String(params.path ?? 'data.csv')).replace(/^.*[\\/]/, '');
    return parseCsv(request.csvText, { name: fileName, targets });
  }
  throw new DataError(`unknown dataset '${name}'`);
}
