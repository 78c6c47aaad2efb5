/**
 * The custom LSP messages are typed once, as objects in server/src/protocol.ts: each has a unique `nn/` method,
 * the server handles every one, and the client sends every one (no message exists only for tests). The
 * `nn/host/*` requests go the other way: the web worker server asks its client to read and write files.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ErrorCodes, ResponseError } from 'vscode-jsonrpc';
import * as protocol from '../../../server/src/protocol';
import { startInProcess } from './inProcess';

const ROOT = resolve(__dirname, '..', '..', '..');

type MessageObject = { method: string; type: { method: string } };

const messages = Object.entries(protocol)
  .filter(([name]) => /(Request|Notification)$/.test(name))
  .map(([name, value]) => [name, value as MessageObject] as const);

function sources(folder: string): string {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'))
    .join('\n');
}

describe('the protocol’s message objects', () => {
  it('each carries a unique nn/ method, the same on the object and its typed `type`', () => {
    assert.ok(messages.length >= 8, `found ${messages.map(([n]) => n).join(', ')}`);
    const methods = messages.map(([, m]) => m.method);
    for (const [name, message] of messages) {
      assert.match(message.method, /^nn\/(host\/)?\w+$/, name);
      assert.equal(message.type.method, message.method, name);
    }
    assert.equal(new Set(methods).size, methods.length, 'two messages share a method');
  });

  it('the client sends every one and the server handles every one, through the typed object', () => {
    const client = sources(join(ROOT, 'client', 'src'));
    const server = sources(join(ROOT, 'server', 'src', 'lsp'));
    for (const [name, message] of messages) {
      assert.ok(client.includes(`${name}.type`), `the client never uses ${name}`);
      assert.ok(server.includes(`${name}.type`), `the server never handles ${name}`);
      assert.ok(
        !client.includes(`'${message.method}'`),
        `the client spells out ${name}'s method instead of using the object`,
      );
    }
  });

  it('the server answers every request, refusing malformed parameters with a result rather than failing', async () => {
    const lsp = await startInProcess();
    try {
      const toServer = messages.filter(([n, m]) => n.endsWith('Request') && !m.method.startsWith('nn/host/'));
      for (const [name, message] of toServer) {
        try {
          const answer: unknown = await lsp.client.sendRequest(message.method, {});
          assert.ok(answer !== undefined, name);
        } catch (error) {
          assert.ok(
            error instanceof ResponseError && error.code !== ErrorCodes.MethodNotFound,
            `${name}: ${String(error)}`,
          );
        }
      }
    } finally {
      lsp.dispose();
    }
  });
});
