import { CloseCode, handleProtocols, makeServer, type ServerOptions } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import type { WebSocketServer } from 'ws';
import { serverOnlyMessageType } from './ws-guard.ts';

/** RFC 6455's "going away" (the server is shutting down); graphql-ws's `CloseCode` names only its own. */
export const GOING_AWAY_CLOSE_CODE = 1001;

/** Where the server reports what happens on its connections: pino and Hive's logger both fit. */
export interface GraphQLWsLog {
  info(attributes: Record<string, unknown>, message: string): void;
  error(attributes: Record<string, unknown>, message: string): void;
}

/** How long a connection may stay silent before it is pinged, and then before it is cut. */
const DEFAULT_KEEP_ALIVE_MS = 12_000;

/**
 * graphql-ws on a `ws` server: the glue of graphql-ws's own `useServer` (which its docs offer "to
 * copy over and adjust") around its `makeServer`, adjusted so that a client's mistakes are
 * answered with their codes and logged once at info, without a stack:
 *
 * - a message only servers send (`connection_ack`, `next`, `error`) closes with 4400 Bad Request
 *   before graphql-ws sees it (it would throw, log the stack and close with 4500);
 * - a frame `ws` refuses (larger than `maxPayload`, invalid UTF-8, broken framing) has already
 *   been closed by `ws` with 1009, 1007 or 1002; `useServer` would log it as an internal error.
 *
 * Anything else that throws is a server failure: logged at error with its stack, closed with 4500
 * "Internal server error" (never the error's message).
 */
export function serveGraphQLWs<P extends Record<string, unknown> | undefined>(
  options: ServerOptions<P, Extra>,
  wsServer: WebSocketServer,
  log: GraphQLWsLog,
  keepAliveMs = DEFAULT_KEEP_ALIVE_MS,
): { dispose(): Promise<void> } {
  const server = makeServer(options);
  wsServer.options.handleProtocols = handleProtocols;
  wsServer.on('connection', (socket, request) => {
    let protocolErrorLogged = false;
    socket.on('error', (error: Error & { code?: string }) => {
      if (protocolErrorLogged) return;
      protocolErrorLogged = true;
      log.info(
        { code: error.code, reason: error.message },
        'graphql-ws connection refused a malformed frame',
      );
    });

    let pongWait: NodeJS.Timeout | null = null;
    const pingInterval = setInterval(() => {
      if (socket.readyState !== socket.OPEN) return;
      pongWait = setTimeout(() => socket.terminate(), keepAliveMs);
      socket.once('pong', () => {
        if (pongWait) clearTimeout(pongWait);
        pongWait = null;
      });
      socket.ping();
    }, keepAliveMs);

    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            if (socket.readyState !== socket.OPEN) return resolve();
            socket.send(data, (error) => (error ? reject(error) : resolve()));
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', async (data) => {
            const text = String(data);
            const serverOnly = serverOnlyMessageType(text);
            if (serverOnly) {
              log.info({ type: serverOnly }, 'graphql-ws client sent a message only servers send');
              socket.close(
                CloseCode.BadRequest,
                `Invalid message received: clients do not send ${serverOnly}`,
              );
              return;
            }
            try {
              await handle(text);
            } catch (error) {
              log.error(
                { error: error instanceof Error ? error.stack : String(error) },
                'graphql-ws message handling failed',
              );
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            }
          }),
      },
      { socket, request },
    );

    socket.once('close', (code, reason) => {
      if (pongWait) clearTimeout(pongWait);
      clearInterval(pingInterval);
      void closed(code, String(reason));
    });
  });

  return {
    async dispose() {
      for (const client of wsServer.clients) client.close(GOING_AWAY_CLOSE_CODE, 'Going away');
      wsServer.removeAllListeners();
      await new Promise<void>((resolve, reject) =>
        wsServer.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
