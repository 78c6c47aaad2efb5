/**
 * A stream that lost its framing cannot be read again: the server over stdio exits with a message on
 * stderr and a non-zero status (so the editor restarts it) instead of staying deaf.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { SERVER } from './client';

const frame = (body: string, length = Buffer.byteLength(body)) => `Content-Length: ${length}\r\n\r\n${body}`;
const INITIALIZE = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { processId: null, rootUri: null, capabilities: {} },
});
const HOVER = JSON.stringify({
  jsonrpc: '2.0',
  id: 2,
  method: 'textDocument/hover',
  params: { textDocument: { uri: 'file:///a.nn' }, position: { line: 0, character: 0 } },
});

/**
 * Writes `input` to a fresh server and waits up to `ms` for it to exit (or for its output to satisfy
 * `enough`); `code` is undefined when it did not exit.
 */
function run(
  input: string,
  ms = 10000,
  enough?: (stdout: string) => boolean,
): Promise<{ code?: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '',
      stdout = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill();
      resolve({ code: undefined, stderr, stdout });
    }, ms);
    child.stdout.on('data', (d) => {
      stdout += d;
      if (enough?.(stdout)) {
        clearTimeout(timer);
        child.kill();
        resolve({ code: undefined, stderr, stdout });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
    child.stdin.write(input);
  });
}

describe('LSP: broken framing over stdio', function () {
  this.timeout(60000);

  const broken: [string, string][] = [
    ['a garbage header line', `hello there\r\n\r\n${INITIALIZE}`],
    ['a header without Content-Length', `Content-Type: application/json\r\n\r\n${INITIALIZE}`],
    ['a Content-Length that is not a number', `Content-Length: many\r\n\r\n${INITIALIZE}`],
    ['a Content-Length too short', frame(INITIALIZE, 20) + frame(HOVER)],
    [
      'a Content-Length too long, then the next message',
      frame(INITIALIZE, Buffer.byteLength(INITIALIZE) + 40) + frame(HOVER),
    ],
  ];
  for (const [name, input] of broken) {
    it(`exits non-zero with a message after ${name}`, async () => {
      const result = await run(input);
      assert.notEqual(result.code, undefined, 'the server is still running');
      assert.notEqual(result.code, 0);
      assert.match(result.stderr, /nn language server: .*broken.*restart/);
    });
  }

  it('keeps serving a well-framed stream', async () => {
    const result = await run(frame(INITIALIZE) + frame(HOVER), 10000, (out) => out.includes('"id":2'));
    assert.equal(result.code, undefined, `the server exited: ${result.stderr}`);
    assert.match(result.stdout, /"id":1,"result":\{"capabilities"/);
    assert.match(result.stdout, /"id":2,"result":null/);
  });
});
