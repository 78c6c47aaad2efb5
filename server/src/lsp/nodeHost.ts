/** The Node language server's host: Node's file system (real paths, checked reads) and worker threads. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathOf, uriOf } from '../documentUri';
import { saveRunWeights } from '../export/savedRun';
import { nodeRealPath } from '../train/data/realPath';
import { withCsvText } from '../train/hostData';
import { startNodeRun, type RunnerOptions } from '../train/nodeWorker';
import type { ServerHost } from './host';

/** `options` chooses the training worker script (tests run it from source). */
export function nodeServerHost(options: RunnerOptions = {}): ServerHost {
  return {
    pathOf,
    realPath: nodeRealPath,
    readCsv: async (request, documentPath, access) => withCsvText(request, documentPath, access),
    readText: async (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined),
    async saveRun(documentUri, spec, weights, settings) {
      const file = pathOf(documentUri);
      if (!file) throw new Error('save the file first: a run is saved next to it');
      return saveRunWeights(file, spec, weights, settings);
    },
    train: (run) => startNodeRun(run, options).done,
    // dist/server.js sits one level below the extension root.
    checksDocUrl: uriOf(join(__dirname, '..', 'docs', 'checks.md')),
  };
}
