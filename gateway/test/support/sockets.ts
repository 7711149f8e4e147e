import WebSocket from 'ws';

/** A graphql-transport-ws message as it arrives. */
export interface Message {
  type: string;
  id?: string;
  payload?: unknown;
}

/** A raw graphql-ws connection that keeps every message, so a test can wait for the one it needs. */
export interface RawSocket {
  /** Resolves with the close code and reason, whoever closed. */
  readonly closed: Promise<{ code: number; reason: string }>;
  /** Resolves once the server acknowledged `connection_init`; rejects if it closed instead. */
  readonly acknowledged: Promise<void>;
  send(message: Message): void;
  /** The first message (past or future) matching `matches`; rejects if the socket closes first. */
  message(matches: (message: Message) => boolean): Promise<Message>;
  close(): Promise<void>;
}

/**
 * Opens a graphql-ws connection with `ws` directly (no client library between the test and the
 * wire) and sends `connection_init`, with `authorization` in its payload when given.
 * @param headers headers of the upgrade request, e.g. `x-forwarded-for`
 */
export function openSocket(
  httpUrl: string,
  { authorization, headers = {} }: { authorization?: string; headers?: Record<string, string> } = {},
): RawSocket {
  const socket = new WebSocket(httpUrl.replace(/^http/, 'ws'), 'graphql-transport-ws', { headers });
  const messages: Message[] = [];
  const waiters: { matches: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const notClosed = (what: string) =>
    closed.then(({ code, reason }) => {
      throw new Error(`closed (${code} ${reason}) before ${what}`);
    });
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as Message;
    messages.push(message);
    for (const waiter of waiters.filter((w) => w.matches(message))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(message);
    }
  });
  socket.once('open', () =>
    socket.send(JSON.stringify({ type: 'connection_init', payload: authorization ? { authorization } : {} })),
  );
  const message = (matches: (m: Message) => boolean): Promise<Message> => {
    const seen = messages.find(matches);
    if (seen) return Promise.resolve(seen);
    return Promise.race([
      new Promise<Message>((resolve) => waiters.push({ matches, resolve })),
      notClosed('the expected message'),
    ]);
  };
  const acknowledged = message((m) => m.type === 'connection_ack').then(() => undefined);
  // A refused connection is what some tests expect: leave the rejection to those that await it.
  acknowledged.catch(() => {});
  return {
    closed,
    acknowledged,
    send: (outgoing) => socket.send(JSON.stringify(outgoing)),
    message,
    async close() {
      if (socket.readyState !== WebSocket.CLOSED) socket.close(1000);
      await closed;
    },
  };
}

/** `subscribe`, as graphql-ws sends it. */
export const subscribeMessage = (id: string, payload: Record<string, unknown>): Message => ({
  id,
  type: 'subscribe',
  payload,
});

/** The result (`next`) or refusal (`error`) that answers operation `id`. */
export const answerTo = (id: string) => (m: Message) =>
  m.id === id && (m.type === 'next' || m.type === 'error');
