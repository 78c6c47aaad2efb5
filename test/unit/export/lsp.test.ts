/** `nn/export` over real JSON-RPC against `node dist/server.js --stdio` (build first; `npm test` does). */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadJsonExport } from '../../../server/src/export';
import { onnxTypes } from '../../../server/src/export/onnx/schema';
import { ExportRequest, type ExportParams } from '../../../server/src/protocol';
import { LspClient } from '../lsp/client';

const TEXT = `model tiny {
  task binary
  input 2
  hidden: dense 3 relu
  out: dense 1 sigmoid
  loss bce
}

train tiny {
  data moons(points: 80)
  epochs 2
  seed 9
}
`;

describe('LSP: nn/export', function () {
  this.timeout(60000);
  let client: LspClient;
  let dir: string;
  let uri: string;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'nn-export-lsp-'));
    uri = pathToFileURL(path.join(dir, 'tiny.nn')).href;
    client = await LspClient.start(dir);
    await client.open(uri, TEXT);
    await client.diagnostics(uri);
  });

  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const request = (params: Partial<ExportParams>) =>
    client.request(ExportRequest.type, { uri, target: 'json', weights: false, ...params });

  it('returns the architecture as JSON text', async () => {
    const result = await request({ target: 'json' });
    assert.ok(result.ok, result.message);
    assert.equal(result.model, 'tiny');
    assert.deepEqual(
      result.files?.map((f) => [f.name, f.role, f.encoding]),
      [['tiny.json', 'main', 'utf8']],
    );
    assert.equal(loadJsonExport(result.files![0].data).spec.layers[0].name, 'hidden');
  });

  it('trains in a worker when weights are asked for, and returns ONNX bytes as base64', async () => {
    const result = await request({ target: 'onnx', weights: true, stem: 'net' });
    assert.ok(result.ok, result.message);
    assert.match(result.messages?.join('\n') ?? '', /trained now with its train block \(2 epochs on 'moons', seed 9\)/);
    const [file] = result.files ?? [];
    assert.equal(file.name, 'net.onnx');
    assert.equal(file.encoding, 'base64');
    const { ModelProto } = onnxTypes();
    const model = ModelProto.toObject(ModelProto.decode(Buffer.from(file.data, 'base64'))) as {
      graph: { name: string };
    };
    assert.equal(model.graph.name, 'tiny');
  });

  it('answers with a message for an unknown model or a document that is not open', async () => {
    const unknown = await request({ model: 'nope' });
    assert.equal(unknown.ok, false);
    assert.match(unknown.message ?? '', /no model named 'nope'/);
    const closed = await client.request(ExportRequest.type, {
      uri: 'file:///elsewhere.nn',
      target: 'json',
      weights: false,
    });
    assert.deepEqual(closed, { ok: false, message: 'the document is not open' });
  });
});
