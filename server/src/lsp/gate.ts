/**
 * A message reader that stands between the transport and the connection and lets through only what the
 * handlers can use: nothing but `initialize` (and `exit`) before `initialize`, and only params of the right
 * shape (lsp/validate.ts). Refused requests get their error response here; refused notifications are
 * dropped with a logged reason. The handlers can then rely on the types the protocol promises.
 */
import {
  AbstractMessageReader,
  ErrorCodes,
  Message,
  type DataCallback,
  type Disposable,
  type MessageReader,
  type MessageWriter,
  type NotificationMessage,
  type RequestMessage,
  type ResponseMessage,
} from 'vscode-languageserver';
import { paramsProblem } from './validate';

export class MessageGate extends AbstractMessageReader {
  private initialized = false;
  private shuttingDown = false;

  constructor(
    private readonly inner: MessageReader,
    private readonly writer: MessageWriter,
    /** Where reasons for dropped notifications go. */
    private readonly log: (message: string) => void,
  ) {
    super();
    inner.onError((error) => this.fireError(error));
    inner.onClose(() => this.fireClose());
    inner.onPartialMessage((info) => this.firePartialMessage(info));
  }

  /** True once a `shutdown` request has passed (the exit code then is 0). */
  get shutdownReceived(): boolean {
    return this.shuttingDown;
  }

  listen(callback: DataCallback): Disposable {
    return this.inner.listen((message) => {
      if (this.admit(message)) callback(message);
    });
  }

  override dispose(): void {
    super.dispose();
    this.inner.dispose();
  }

  private admit(message: Message): boolean {
    if (Message.isRequest(message)) return this.admitRequest(message);
    if (Message.isNotification(message)) return this.admitNotification(message);
    return true;
  }

  private admitRequest(request: RequestMessage): boolean {
    const { method } = request;
    if (!this.initialized && method !== 'initialize') {
      return this.refuse(
        request,
        ErrorCodes.ServerNotInitialized,
        `the server is not initialized yet: send 'initialize' before '${method}'`,
      );
    }
    if (this.initialized && method === 'initialize')
      return this.refuse(request, ErrorCodes.InvalidRequest, `'initialize' may be sent only once`);
    if (this.shuttingDown)
      return this.refuse(
        request,
        ErrorCodes.InvalidRequest,
        `the server is shutting down and no longer answers '${method}'`,
      );
    const problem = paramsProblem(method, request.params);
    if (problem) return this.refuse(request, ErrorCodes.InvalidParams, `invalid params for '${method}': ${problem}`);
    if (method === 'initialize') this.initialized = true;
    if (method === 'shutdown') this.shuttingDown = true;
    return true;
  }

  private admitNotification(notification: NotificationMessage): boolean {
    const { method } = notification;
    if (method === 'exit') return true;
    // Before `initialize`, notifications are dropped silently (as the protocol asks).
    if (!this.initialized) return false;
    const problem = paramsProblem(method, notification.params);
    if (problem) {
      this.log(`Ignored the '${method}' notification: ${problem}.`);
      return false;
    }
    return true;
  }

  private refuse(request: RequestMessage, code: number, message: string): false {
    const response: ResponseMessage = { jsonrpc: '2.0', id: request.id, error: { code, message } };
    this.writer.write(response).catch(() => undefined);
    return false;
  }
}
