import type { Server } from 'node:http';
import {
  GraphQLError as GraphQLErrorClass,
  parse,
  type GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { WebSocketServer } from 'ws';
import { closeAsTooSlow, drainEagerly, isAsyncIterable, type DrainLimits } from './backpressure.ts';
import { maskError, withoutStack } from './error-masking.ts';
import { containsNul, ErrorCode, isPublicError, nulRefused, RequestErrorCode } from './errors.ts';
import { serveGraphQLWs, type GraphQLWsLog } from './graphql-ws-server.ts';
import type { Caller, TokenVerifier } from './identity.ts';
import {
  formatRefusal,
  guardSubgraphRequest,
  withoutSuggestions,
  type SubgraphSecurity,
} from './subgraph-security.ts';

/**
 * graphql-ws on `/graphql` of the same server. A connection with a bad token is refused with 4403;
 * a valid one (or none: anonymous) is verified once per connection, and every operation gets a
 * fresh context.
 */
export function serveGraphQLOverWebSocket<TContext>(
  httpServer: Server,
  schema: GraphQLSchema,
  verifier: TokenVerifier,
  createContext: (caller: Caller) => TContext,
  log: (message: string, details: Record<string, unknown>) => void,
  drainLimits: DrainLimits,
  security: SubgraphSecurity,
  wsLog: GraphQLWsLog,
): { close(): Promise<void> } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1_048_576 });
  httpServer.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://subgraph').pathname !== '/graphql') {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  const callers = new WeakMap<object, Caller>();
  // The same graphql-ws server as the gateway's: a client's protocol mistakes are closed with their
  // codes and logged once at info, never as internal errors.
  const server = serveGraphQLWs<Record<string, unknown>>(
    {
      schema,
      async onConnect(ctx) {
        const fromParams = ctx.connectionParams?.['authorization'] ?? ctx.connectionParams?.['Authorization'];
        // A token that is not a string is a bad token, as at the gateway: refused (4403), not anonymous.
        if (fromParams !== undefined && typeof fromParams !== 'string') return false;
        const header = fromParams ?? ctx.extra.request.headers.authorization;
        try {
          callers.set(ctx.extra, await verifier.verify(header));
          return true;
        } catch (error) {
          if (isPublicError(error)) return false;
          throw error;
        }
      },
      context: (ctx) => createContext(callers.get(ctx.extra) ?? null) as Record<string, unknown>,
      // Errors before execution are the client's (a refusal, a syntax or validation error): coded,
      // never masked as internal, and without "did you mean" hints.
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => formatClientError(error)),
      onSubscribe(_ctx, _id, payload) {
        if (containsNul(JSON.stringify(payload))) return [nulRefused()];
        const refusal = guardSubgraphRequest(schema, payload, security).refusal?.errors;
        if (refusal) return refusal;
        // graphql-ws would close the socket (4500) on a syntax error; it is the client's mistake.
        const syntaxError = syntaxErrorIn(payload.query);
        return syntaxError ? [syntaxError] : undefined;
      },
      // A peer that stopped reading is disconnected rather than buffered for without bound.
      onOperation(ctx, _id, _payload, _args, result) {
        if (!isAsyncIterable(result)) return undefined;
        return drainEagerly(result, drainLimits, () => closeAsTooSlow(ctx.extra.socket));
      },
      onNext(_ctx, _id, _payload, _args, result) {
        if (!result.errors?.length) return undefined;
        return {
          data: result.data ?? null,
          errors: result.errors.map((error) =>
            isRequestError(error)
              ? formatClientError(error, ErrorCode.BadUserInput)
              : maskError(error.toJSON(), error, log),
          ),
        };
      },
    },
    wss,
    wsLog,
  );
  return {
    async close() {
      await server.dispose();
    },
  };
}

/** A client's mistake found before execution, as graphql-ws sends it. */
function formatClientError(
  error: GraphQLError,
  fallbackCode = 'GRAPHQL_VALIDATION_FAILED',
): GraphQLFormattedError {
  const formatted = withoutStack(formatRefusal(error));
  const code = formatted.extensions?.['code'];
  return {
    ...formatted,
    message: withoutSuggestions(formatted.message),
    extensions: { ...formatted.extensions, code: typeof code === 'string' ? code : fallbackCode },
  };
}

/**
 * An error about the request rather than a field: graphql-js reports variables that do not coerce
 * without a path (every error from a resolver has one), as Apollo Server's BAD_USER_INPUT over HTTP.
 */
function isRequestError(error: GraphQLError): boolean {
  return !error.path && typeof error.extensions?.['code'] !== 'string';
}

function syntaxErrorIn(query: unknown): GraphQLError | null {
  if (typeof query !== 'string') return null;
  try {
    parse(query, { noLocation: true });
    return null;
  } catch (error) {
    if (!isGraphQLErrorLike(error)) throw error;
    return new GraphQLErrorClass(error.message, {
      extensions: { code: RequestErrorCode.GraphQLParseFailed },
    });
  }
}

function isGraphQLErrorLike(error: unknown): error is { message: string } {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'GraphQLError';
}
