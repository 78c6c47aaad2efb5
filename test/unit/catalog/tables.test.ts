/**
 * The catalog is the only list of activations: every per-target table (PyTorch, ONNX, engine kernels, the
 * panel's compare offers) has exactly the catalog's names, and a table that misses one does not compile.
 */
import * as assert from 'assert';
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { ACTIVATIONS, COMPARE_OFFERS } from '../../../server/src/catalog';
import { ONNX_ACTIVATIONS } from '../../../server/src/export/onnx/activations';
import { TORCH_ACTIVATIONS } from '../../../server/src/export/pytorch/activations';
import { KERNELS } from '../../../server/src/train/engine/activation';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURE = path.join(ROOT, 'test/fixtures/types/activationTables.ts');

/** The last program, reused so the second check only re-reads the fixture. */
let previous: ts.Program | undefined;

/** Type-checks the fixture with `text` in place of its contents; returns each error as `line: message`. */
function typeErrors(text: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(ROOT, 'tsconfig.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  )!;
  const host = ts.createCompilerHost(config.options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (file, version, onError, create) =>
    path.resolve(file) === FIXTURE ? ts.createSourceFile(file, text, version) : read(file, version, onError, create);
  const program = ts.createProgram([FIXTURE], { ...config.options, types: [] }, host, previous);
  previous = program;
  const source = program.getSourceFile(FIXTURE)!;
  return ts.getPreEmitDiagnostics(program, source).map((d) => {
    const line = d.start === undefined ? -1 : source.getLineAndCharacterOfPosition(d.start).line + 1;
    return `${line}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}

describe('catalog: the per-target activation tables', () => {
  const names = ACTIVATIONS.map((d) => d.name).sort();
  const tables: Record<string, object> = {
    PyTorch: TORCH_ACTIVATIONS,
    ONNX: ONNX_ACTIVATIONS,
    engine: KERNELS,
    compare: COMPARE_OFFERS,
  };
  for (const [target, table] of Object.entries(tables)) {
    it(`the ${target} table has exactly the catalog's activations`, () => {
      assert.deepStrictEqual(Object.keys(table).sort(), names);
    });
  }

  it('a table that leaves out an activation, or names one that does not exist, does not compile', function () {
    this.timeout(120_000);
    const text = readFileSync(FIXTURE, 'utf8');
    assert.deepStrictEqual(typeErrors(text), [], 'the fixture compiles as written');
    // Without the markers, exactly the marked lines fail, for the reason the marker gives.
    const lines = text.split('\n');
    const marked = lines.flatMap((line, i) => (line.trim().startsWith('// @ts-expect-error') ? [i + 2] : []));
    const errors = typeErrors(lines.map((line) => line.replace(/^(\s*)\/\/ @ts-expect-error.*/, '$1//')).join('\n'));
    assert.deepStrictEqual(
      errors.map((e) => Number(e.split(':')[0])),
      marked,
      errors.join('\n'),
    );
    assert.match(errors[0], /'maxout' is missing/);
    assert.match(errors[1], /'"relu7"' is not assignable/);
    assert.match(errors[2], /'relu7' does not exist/);
  });
});
