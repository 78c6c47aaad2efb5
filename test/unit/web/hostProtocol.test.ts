import assert from 'node:assert/strict';
import {
  checkHostReadFileParams,
  checkHostReadFileResult,
  checkHostWriteFileParams,
  checkHostWriteFileResult,
} from '../../../server/src/protocolValidate';

describe('nn/host/* protocol validation', () => {
  it('accepts file and virtual-workspace URIs', () => {
    for (const uri of ['file:///w/data.csv', 'vscode-vfs://github/o/r/data.csv', 'vscode-remote://x/w/a.csv']) {
      assert.ok(checkHostReadFileParams({ uri }).ok, uri);
      assert.ok(checkHostWriteFileParams({ uri, text: '{}' }).ok, uri);
    }
  });

  it('refuses params without a URI scheme or with the wrong types', () => {
    for (const params of [{ uri: '/w/data.csv' }, { uri: 3 }, {}, null, 'file:///w/a.csv']) {
      assert.equal(checkHostReadFileParams(params).ok, false, JSON.stringify(params));
    }
    assert.equal(checkHostWriteFileParams({ uri: 'file:///w/a.json' }).ok, false);
    const result = checkHostWriteFileParams({ uri: 'file:///w/a.json', text: 1 });
    assert.deepEqual(result, { ok: false, error: 'params.text should be a string of at most 209715200 characters' });
  });

  it('accepts both outcomes of a read and a write', () => {
    assert.ok(checkHostReadFileResult({ ok: true, text: 'a,b\n1,2\n' }).ok);
    assert.ok(checkHostReadFileResult({ ok: false, message: 'not inside the workspace' }).ok);
    assert.ok(checkHostWriteFileResult({ ok: true }).ok);
    assert.ok(checkHostWriteFileResult({ ok: false, message: 'read-only file system' }).ok);
  });

  it('refuses malformed outcomes', () => {
    for (const result of [{ ok: true }, { ok: 'yes', text: '' }, { ok: false }, undefined, { ok: false, message: 2 }]) {
      assert.equal(checkHostReadFileResult(result).ok, false, JSON.stringify(result));
    }
    assert.equal(checkHostWriteFileResult({ ok: false }).ok, false);
    assert.equal(checkHostWriteFileResult(null).ok, false);
  });
});
