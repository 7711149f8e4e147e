/** graphql-ws close code for a message that breaks the protocol (graphql-ws's BadRequest). */
const BAD_REQUEST_CLOSE_CODE = 4400;

/** Messages only a server may send; graphql-ws treats receiving one as its own internal error. */
const SERVER_ONLY_TYPES = new Set(['connection_ack', 'next', 'error']);

interface GuardedSocket {
  prependListener(event: 'message', listener: (data: unknown) => void): unknown;
  close(code: number, reason: string): void;
}

/**
 * Closes a connection that sends a server-only message with 4400 Bad Request, before graphql-ws
 * sees it: graphql-ws would throw on it and answer 4500 Internal Server Error, blaming itself for
 * the client's protocol error.
 */
export function refuseServerOnlyMessages(socket: GuardedSocket): void {
  socket.prependListener('message', (data) => {
    const text = String(data);
    if (!text.includes('"type"')) return;
    let type: unknown;
    try {
      type = (JSON.parse(text) as { type?: unknown }).type;
    } catch {
      return;
    }
    if (typeof type === 'string' && SERVER_ONLY_TYPES.has(type)) {
      socket.close(BAD_REQUEST_CLOSE_CODE, `Invalid message received: clients do not send ${type}`);
    }
  });
}
