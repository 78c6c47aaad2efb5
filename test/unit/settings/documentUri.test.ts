/** Document URIs ↔ file system paths. */
import { strict as assert } from 'node:assert';
import { join, sep } from 'node:path';
import { pathOf, uriOf } from '../../../server/src/documentUri';

describe('document URIs', () => {
  it('turns a path into a file URI and back, escaping what URIs must escape', () => {
    const path = join(sep, 'tmp', 'a folder', 'x#1%.nn');
    const uri = uriOf(path);
    assert.match(uri, /^file:\/\/\/.*a%20folder\/x%231%25\.nn$/);
    assert.equal(pathOf(uri), path);
  });

  it('has no path for other schemes or malformed file URIs', () => {
    assert.equal(pathOf('untitled:Untitled-1'), undefined);
    assert.equal(pathOf('vscode-notebook-cell:/a.nn'), undefined);
    assert.equal(
      pathOf('file://remote-host/share/a.nn'),
      process.platform === 'win32' ? '\\\\remote-host\\share\\a.nn' : undefined,
    );
  });
});
