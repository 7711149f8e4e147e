import type { IncomingMessage } from 'node:http';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { ErrorCode, type Caller, type TokenVerifier } from '@cadg/platform';
import { GraphQLError } from 'graphql';
import { ClientAddresses } from './client-address.ts';
import type { RateLimiter } from './rate-limit.ts';

/** What the gateway adds to the runtime's per-operation context. */
export interface GatewayContextAdditions {
  /** Set for operations that arrived over graphql-ws, whose errors travel without HTTP metadata. */
  readonly viaWebSocket?: boolean;
}

// The identity each request's token verified as (null: anonymous), for the response cache's scope.
const verifiedCallers = new WeakMap<Request, Caller>();

/** Who the request was verified as; undefined when it was not (refused, or not seen by this plugin). */
export function verifiedCallerOf(request: Request): Caller | undefined {
  return verifiedCallers.get(request);
}

/** The challenge RFC 6750 asks for when a bearer token is refused. */
const BEARER_CHALLENGE = 'Bearer error="invalid_token"';

/**
 * Verifies the caller's `Authorization` header on every operation, over HTTP and graphql-ws alike
 * (the websocket server puts `connectionParams.authorization` into the operation's request).
 *
 * No header means anonymous: subgraphs decide what anonymous callers may read (TLP CLEAR).
 * A header that does not verify ends the operation with UNAUTHENTICATED, never a silent
 * downgrade to anonymous. Over HTTP the response is 401 with a `WWW-Authenticate` challenge and
 * a GraphQL response body: the request is refused before execution, like a GraphQL-over-HTTP
 * request error, and 401 is what HTTP prescribes for bad credentials (RFC 6750).
 *
 * The gateway only gates; it forwards the same header to subgraphs, which verify it again and
 * enforce permissions themselves (subgraph-transports.ts).
 */
export function useClientAuthentication(
  verifier: TokenVerifier,
  rateLimiter: RateLimiter | null = null,
  clientAddresses: ClientAddresses = new ClientAddresses([]),
): GatewayPlugin<GatewayContextAdditions> {
  return {
    onParams({ request, context, setResult }) {
      return verifier.verify(request.headers.get('authorization')).then(
        (caller) => {
          verifiedCallers.set(request, caller);
          if (!rateLimiter) return;
          // Authenticated callers are limited per subject, anonymous ones per client address.
          const key = caller ? `sub:${caller.sub}` : `ip:${clientAddresses.of(nodeRequestOf(context))}`;
          const retryAfter = rateLimiter.take(key);
          if (retryAfter > 0) setResult({ errors: [rateLimited(retryAfter, overWebSocket(context))] });
        },
        (error: unknown) => {
          // Anything else (e.g. an unreachable JWKS endpoint) is unexpected and gets masked.
          if (!isUnauthenticated(error)) throw error;
          setResult({ errors: [refusal(error.message, overWebSocket(context))] });
        },
      );
    },
  };
}

/**
 * The node request behind an operation: the HTTP request, the graphql-ws upgrade request, or the
 * client request a TAXII or webhook call runs for (graph-client.ts).
 */
function nodeRequestOf(context: object): IncomingMessage | undefined {
  return 'req' in context ? (context.req as IncomingMessage | undefined) : undefined;
}

function rateLimited(retryAfter: number, viaWebSocket: boolean): GraphQLError {
  const message = `Too many requests; retry after ${retryAfter} s.`;
  const extensions = viaWebSocket
    ? { code: ErrorCode.RateLimited, retryAfter }
    : {
        code: ErrorCode.RateLimited,
        retryAfter,
        http: { status: 429, headers: { 'Retry-After': String(retryAfter) } },
      };
  return new GraphQLError(message, { extensions });
}

// The hook's context type is the runtime's server context; the websocket server adds the flag.
function overWebSocket(context: object): boolean {
  return 'viaWebSocket' in context && context.viaWebSocket === true;
}

/** True for the UNAUTHENTICATED errors the verifier raises. */
export function isUnauthenticated(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError && error.extensions['code'] === ErrorCode.Unauthenticated;
}

function refusal(message: string, viaWebSocket: boolean): GraphQLError {
  // Yoga turns `extensions.http` into the response status and headers, and strips it from the body.
  const extensions = viaWebSocket
    ? { code: ErrorCode.Unauthenticated }
    : {
        code: ErrorCode.Unauthenticated,
        http: { status: 401, headers: { 'WWW-Authenticate': BEARER_CHALLENGE } },
      };
  return new GraphQLError(message, { extensions });
}
