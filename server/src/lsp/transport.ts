/**
 * The server process's message transport, chosen by the same arguments the LSP library reads (`--stdio`,
 * `--node-ipc`, `--socket=PORT`, `--pipe=NAME`; stdio when none is given), and a watch on its framing:
 * once a stream has lost its framing (a wrong Content-Length, a garbage header, a message that never
 * ends) every later message is misread, so the only way back is a fresh process.
 */
import {
  createServerPipeTransport,
  createServerSocketTransport,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';

export interface Transport {
  reader: MessageReader;
  writer: MessageWriter;
  /** True when the transport is the process's own stdout, which then must carry nothing but messages. */
  stdio: boolean;
}

/** The value of `--name=value` or `--name value` in `argv`. */
function argument(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === name) return argv[i + 1];
    if (argv[i].startsWith(`${name}=`)) return argv[i].slice(name.length + 1);
  }
  return undefined;
}

export function processTransport(argv: readonly string[]): Transport {
  if (argv.includes('--node-ipc'))
    return { reader: new IPCMessageReader(process), writer: new IPCMessageWriter(process), stdio: false };
  const port = Number.parseInt(argument(argv, '--socket') ?? '', 10);
  if (Number.isInteger(port)) {
    const [reader, writer] = createServerSocketTransport(port);
    return { reader, writer, stdio: false };
  }
  const pipe = argument(argv, '--pipe');
  if (pipe) {
    const [reader, writer] = createServerPipeTransport(pipe);
    return { reader, writer, stdio: false };
  }
  return {
    reader: new StreamMessageReader(process.stdin),
    writer: new StreamMessageWriter(process.stdout),
    stdio: true,
  };
}

/**
 * Calls `onBroken` with a sentence when the stream can no longer be read: a header or body that does not
 * parse, or a message whose announced length never arrives (no byte for `partialTimeoutMs`).
 */
export function watchFraming(reader: MessageReader, onBroken: (reason: string) => void): void {
  reader.onError((error) => onBroken(`the incoming message stream is broken (${error.message.split('\n')[0]})`));
  reader.onPartialMessage((info) =>
    onBroken(
      `a message announced by its Content-Length was still incomplete after ${info.waitingTime} ms without data`,
    ),
  );
}
