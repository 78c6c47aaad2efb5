/** CSV reading: the happy paths and every error path, each with its row and column. */
import { strict as assert } from 'node:assert';
import { numericAsClasses, parseCsv, splitTargets } from '../../../server/src/train/data/csv';
import { checkCsvFile, type DataFileSystem } from '../../../server/src/train/data/file';
import { loadDataset } from '../../../server/src/train/data/load';
import { DataError } from '../../../server/src/train/data/types';

const read = (text: string, targets: string[] = ['label']) => parseCsv(text, { name: 'data.csv', targets });

function fails(text: string, targets: string[], message: RegExp, row?: number, column?: string): void {
  assert.throws(
    () => read(text, targets),
    (error: unknown) => {
      assert.ok(error instanceof DataError, String(error));
      assert.match(error.message, message);
      assert.equal(error.row, row);
      assert.equal(error.column, column);
      return true;
    },
  );
}

describe('csv', () => {
  it('reads numeric features and text labels as classes in order of appearance', () => {
    const d = read('a,b,label\n1,2,cat\n3,4.5,dog\n-1,1e-3,cat\n');
    assert.equal(d.n, 3);
    assert.equal(d.features, 2);
    assert.deepEqual(Array.from(d.x), [1, 2, 3, 4.5, -1, 0.001]);
    assert.deepEqual(d.featureNames, ['a', 'b']);
    assert.equal(d.target.kind, 'classes');
    if (d.target.kind === 'classes') {
      assert.deepEqual(d.target.classes, ['cat', 'dog']);
      assert.deepEqual(Array.from(d.target.labels), [0, 1, 0]);
    }
  });

  it('reads a numeric target, quoted cells, CRLF line ends and a byte-order mark', () => {
    const d = read('\uFEFF"x, one",label\r\n"1.5",2\r\n 2 ,3.5\r\n', ['label']);
    assert.deepEqual(d.featureNames, ['x, one']);
    assert.deepEqual(Array.from(d.x), [1.5, 2]);
    assert.ok(d.target.kind === 'numeric');
    if (d.target.kind === 'numeric') assert.deepEqual(Array.from(d.target.values), [2, 3.5]);
  });

  it('reads several 0/1 target columns as multilabel', () => {
    const d = read('x,a,b\n1,0,1\n2,1,1\n', splitTargets('a, b'));
    assert.equal(d.features, 1);
    assert.ok(d.target.kind === 'numeric' && d.target.width === 2);
    if (d.target.kind === 'numeric') assert.deepEqual(Array.from(d.target.values), [0, 1, 1, 1]);
  });

  it('turns whole-number targets into classes for classification, and refuses fractions', () => {
    const d = numericAsClasses(read('x,label\n1,3\n2,1\n3,3\n'));
    assert.ok(d.target.kind === 'classes');
    if (d.target.kind === 'classes') {
      assert.deepEqual(d.target.classes, ['1', '3']);
      assert.deepEqual(Array.from(d.target.labels), [1, 0, 1]);
    }
    assert.throws(() => numericAsClasses(read('x,label\n1,0.5\n')), /0.5, which is not a class/);
  });

  it('reports an empty file', () => fails('', ['label'], /data.csv is empty/));
  it('reports a file with only blank lines', () => fails('\n\n  \n', ['label'], /data.csv is empty/));
  it('reports a header without data rows', () => fails('a,label\n', ['label'], /header row but no data rows/, 1));
  it('reports a missing target column with a suggestion', () =>
    fails('a,lable\n1,2\n', ['label'], /no column 'label' — did you mean 'lable'\?/, 1, 'label'));
  it('reports a missing target column with the list of columns', () =>
    fails('a,b\n1,2\n', ['species'], /no column 'species' — the columns are 'a', 'b'/, 1, 'species'));
  it('reports a non-numeric feature with its row and column', () =>
    fails('a,b,label\n1,2,x\n3,oops,y\n', ['label'], /row 3, column 'b': 'oops' is not a number/, 3, 'b'));
  it('reports an empty feature cell', () =>
    fails('a,b,label\n1,,x\n', ['label'], /row 2, column 'b': is empty/, 2, 'b'));
  it('reports a ragged row', () =>
    fails('a,b,label\n1,2,x\n1,2\n', ['label'], /row 3: 2 values, but the header has 3 columns/, 3));
  it('reports an empty target', () =>
    fails('a,label\n1,x\n2,\n', ['label'], /row 3, column 'label': the target is empty/, 3, 'label'));
  it('reports a multilabel column that is not 0/1', () =>
    fails('x,a,b\n1,0,2\n', ['a', 'b'], /row 2, column 'b': '2' — multilabel targets must be 0 or 1/, 2, 'b'));
  it('reports a file without feature columns', () => fails('label\n1\n', ['label'], /no feature columns/, 1));
  it('reports an unterminated quote', () => fails('a,label\n"1,2\n', ['label'], /row \d+: .*quote/i, 2));

  it('loads csv text through a dataset request, and refuses a request without text', () => {
    const d = loadDataset(
      { name: 'csv', params: { path: 'dir/data.csv', target: 'label' }, csvText: 'a,label\n1,x\n' },
      1,
    );
    assert.equal(d.name, 'data.csv');
    assert.throws(() => loadDataset({ name: 'csv', params: { path: 'x.csv', target: 'y' } }, 1), /was not read/);
  });
});

describe('csv file location', () => {
  /** A file system with these files (and their folders), where `links` maps a path to where it leads. */
  const exists = (files: string[], links: Record<string, string> = {}): DataFileSystem => ({
    realPath: (path) =>
      Object.entries(links).reduce(
        (p, [from, to]) => (p === from || p.startsWith(from + '/') ? to + p.slice(from.length) : p),
        path,
      ),
    kind: (path) =>
      files.includes(path) ? 'file' : files.some((f) => f.startsWith(path + '/')) ? 'folder' : 'missing',
  });
  it('accepts a file inside the workspace', () => {
    assert.deepEqual(checkCsvFile('/ws/models/a.nn', 'data/x.csv', ['/ws'], exists(['/ws/models/data/x.csv'])), {
      ok: true,
      path: '/ws/models/data/x.csv',
    });
  });
  it('refuses a path outside the workspace', () => {
    const result = checkCsvFile('/ws/a.nn', '../../etc/passwd', ['/ws'], exists(['/etc/passwd']));
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.message, /inside the workspace/);
  });
  it('reports a missing file', () => {
    const result = checkCsvFile('/ws/a.nn', 'missing.csv', ['/ws'], exists([]));
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.message, /not found: 'missing.csv'/);
  });
  it('says a folder is a folder', () => {
    const result = checkCsvFile('/ws/a.nn', 'data', ['/ws'], exists(['/ws/data/x.csv']));
    assert.deepEqual(result, {
      ok: false,
      message: "'data' is a folder, not a data file — give the path of a CSV file, e.g. 'data/data.csv'",
    });
  });
  it('follows links before deciding, and returns the real path to open', () => {
    const fs = exists(['/ws/data/x.csv', '/etc/passwd'], {
      '/ws/in.csv': '/ws/data/x.csv',
      '/ws/out.csv': '/etc/passwd',
      '/ws/dir': '/etc',
    });
    assert.deepEqual(checkCsvFile('/ws/a.nn', 'in.csv', ['/ws'], fs), { ok: true, path: '/ws/data/x.csv' });
    for (const path of ['out.csv', 'dir/passwd', 'dir/missing.csv']) {
      const result = checkCsvFile('/ws/a.nn', path, ['/ws'], fs);
      assert.equal(result.ok, false, path);
      if (!result.ok) assert.match(result.message, /symbolic link that leads outside the workspace/);
    }
  });
});
