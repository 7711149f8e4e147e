import { randomUUID } from 'node:crypto';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { ErrorCode } from '@cadg/platform';
import { GraphQLError, Kind, type ExecutionResult } from 'graphql';
import { isSingleResult } from './execution-results.ts';

/** The only thing a client learns about an unexpected failure, besides its request id. */
export const UNEXPECTED_ERROR_MESSAGE = 'Unexpected error.';

/** What a client learns when a subgraph cannot be reached: which part is missing (the path), not where. */
export const SERVICE_UNAVAILABLE_MESSAGE = 'A service behind the gateway did not answer; try again shortly.';

/** The header that carries a request's id, in and out (the runtime's default). */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * Codes a client may see with their message: ours (see platform/errors.ts) and the GraphQL request
 * errors Apollo subgraphs and the runtime's validation use. Any other code is an implementation
 * detail. GATEWAY_TIMEOUT is raised by our own time limits only (the runtime's, which carried the
 * subgraph's URL and request body, is not used).
 */
const CLIENT_FACING_CODES = new Set<unknown>([
  ErrorCode.Unauthenticated,
  ErrorCode.Forbidden,
  ErrorCode.NotFound,
  ErrorCode.BadUserInput,
  ErrorCode.Conflict,
  ErrorCode.RateLimited,
  ErrorCode.QueryTooComplex,
  ErrorCode.ServiceUnavailable,
  // Ours (subgraph-calls.ts, request-deadline.ts), naming the service, never its address.
  ErrorCode.GatewayTimeout,
  'TRUSTED_DOCUMENT_REQUIRED',
  'TRUSTED_DOCUMENT_NOT_FOUND',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  // The runtime's refusal of an operationName that names no operation in the document (HTTP 400).
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Extension keys that describe the server rather than the error; never sent to clients. */
const INTERNAL_EXTENSIONS = ['stacktrace', 'exception', 'originalError', 'request', 'response'];

/**
 * Error masking for everything the gateway returns.
 *
 * An error keeps its message and `extensions.code` when it was raised on purpose: a GraphQLError
 * that wraps no other exception and carries a client-facing code (FORBIDDEN from a subgraph, a
 * validation error), or no code but a 4xx status (the runtime's own malformed-request errors).
 * A subgraph that cannot be reached becomes SERVICE_UNAVAILABLE, at the path of the missing part.
 * Everything else (a bug) is shown as "Unexpected error." with code INTERNAL_SERVER_ERROR and the request id to quote
 * when reporting it (the runtime logs the original, with its stack, whenever an error is
 * replaced). Debug extensions such as stack traces are dropped from every error, including the
 * subgraphs' own.
 */
export interface ErrorMasking {
  /** For the runtime's `maskedErrors.maskError`; runs on every error of every result. */
  maskError(error: unknown): Error;
  /** Records the request id the runtime generates for a request without one. */
  generateRequestId(payload: { request: Request }): string;
  /** Stamps the request id onto masked errors, for results over HTTP and graphql-ws. */
  plugin: GatewayPlugin;
}

export function createErrorMasking(): ErrorMasking {
  const masked = new WeakSet<GraphQLError>();
  const generatedIds = new WeakMap<Request, string>();

  function maskError(error: unknown): Error {
    // A subgraph's graphql-ws `error` message arrives as plain formatted errors, not GraphQLErrors.
    if (
      !(error instanceof GraphQLError) &&
      isFormattedError(error) &&
      CLIENT_FACING_CODES.has(error.extensions['code'])
    ) {
      return new GraphQLError(error.message, { extensions: error.extensions });
    }
    if (error instanceof GraphQLError) {
      if (masked.has(error)) return withoutDebugExtensions(error);
      if (isUpstreamUnreachable(error)) {
        const replacement = rebuild(error, SERVICE_UNAVAILABLE_MESSAGE, {
          code: ErrorCode.ServiceUnavailable,
        });
        masked.add(replacement);
        return replacement;
      }
      if (isRaisedOnPurpose(error)) return withCode(withoutDebugExtensions(error));
    }
    const extensions = { code: ErrorCode.InternalServerError };
    const replacement =
      error instanceof GraphQLError
        ? rebuild(error, UNEXPECTED_ERROR_MESSAGE, extensions)
        : new GraphQLError(UNEXPECTED_ERROR_MESSAGE, { extensions });
    masked.add(replacement);
    return replacement;
  }

  function withRequestId(result: ExecutionResult, requestId: string | undefined): ExecutionResult {
    if (requestId === undefined || !result.errors) return result;
    let changed = false;
    const errors = result.errors.map((error) => {
      const { extensions } = error;
      if (extensions['code'] !== ErrorCode.InternalServerError || 'requestId' in extensions) return error;
      changed = true;
      const stamped = rebuild(error, error.message, { ...extensions, requestId });
      masked.add(stamped);
      return stamped;
    });
    return changed ? { ...result, errors } : result;
  }

  const requestIdOf = (request: Request): string | undefined =>
    request.headers.get(REQUEST_ID_HEADER) ?? generatedIds.get(request);

  return {
    maskError,
    generateRequestId({ request }) {
      const id = randomUUID();
      generatedIds.set(request, id);
      return id;
    },
    plugin: {
      // Masking has no access to the request, so the id is added once the result exists: here for
      // operations (HTTP and graphql-ws), and in onResultProcess for HTTP requests that failed
      // before execution. Results without errors pass through untouched.
      onExecutionResult({ result, setResult, request }) {
        if (!isSingleResult(result) || !result.errors?.length) return;
        const stamped = withRequestId(result, requestIdOf(request));
        if (stamped !== result) setResult(stamped);
      },
      onResultProcess({ result, setResult, request }) {
        if (!isSingleResult(result) || !result.errors?.length) return;
        const stamped = withRequestId(result, requestIdOf(request));
        if (stamped !== result) setResult(stamped);
      },
    },
  };
}

function isFormattedError(error: unknown): error is { message: string; extensions: Record<string, unknown> } {
  if (typeof error !== 'object' || error === null) return false;
  const { message, extensions } = error as { message?: unknown; extensions?: unknown };
  return typeof message === 'string' && typeof extensions === 'object' && extensions !== null;
}

function isRaisedOnPurpose(error: GraphQLError): boolean {
  const cause = error.originalError;
  if (cause !== undefined && cause !== null) {
    if (!(cause instanceof GraphQLError)) return false;
    if (error.extensions['code'] === undefined && pointsAtVariableDefinition(error)) return true;
    if (isRaisedOnPurpose(cause)) return true;
    // graphql-js reports a variable that does not coerce ("ID cannot represent value: {}") as an
    // error wrapping the scalar's own, neither with a code; the runtime marks the outer one 4xx.
    const { originalError, extensions } = cause;
    return (
      (originalError === undefined || originalError === null) &&
      extensions['code'] === undefined &&
      isClientErrorStatus(error.extensions.http)
    );
  }
  const { code, http } = error.extensions;
  if (code !== undefined) return CLIENT_FACING_CODES.has(code);
  // graphql-js's own variable coercion errors ("Field "x" is not defined by type …") point at the
  // variable's definition and carry neither code nor status; nothing internal points there.
  return isClientErrorStatus(http) || pointsAtVariableDefinition(error);
}

function pointsAtVariableDefinition(error: GraphQLError): boolean {
  return error.nodes?.some((node) => node.kind === Kind.VARIABLE_DEFINITION) ?? false;
}

/**
 * The runtime's codes for a subgraph call that failed in transport: SUBREQUEST_HTTP_ERROR for HTTP
 * (connection refused or reset: the subgraph is down or restarting), DOWNSTREAM_SERVICE_ERROR for a
 * subscription whose websocket to the subgraph dropped (errors the subgraph itself returned keep
 * their own code: `subgraphErrors: false`). Their messages and extensions name the subgraph's
 * address and the request, so the error is replaced, with SERVICE_UNAVAILABLE: retrying (or
 * resubscribing with the last cursor) may succeed.
 */
function isUpstreamUnreachable(error: GraphQLError): boolean {
  const code = error.extensions['code'];
  return code === 'SUBREQUEST_HTTP_ERROR' || code === 'DOWNSTREAM_SERVICE_ERROR';
}

function isClientErrorStatus(http: unknown): boolean {
  if (typeof http !== 'object' || http === null || !('status' in http)) return false;
  return typeof http.status === 'number' && http.status >= 400 && http.status < 500;
}

/**
 * Request errors graphql-js raises carry no code; clients get one all the same: BAD_USER_INPUT for
 * a variable that is missing or does not coerce (the error points at its definition), else
 * BAD_REQUEST.
 */
function withCode(error: GraphQLError): GraphQLError {
  if (typeof error.extensions['code'] === 'string') return error;
  const code = pointsAtVariableDefinition(error) ? ErrorCode.BadUserInput : 'BAD_REQUEST';
  return rebuild(error, error.message, { ...error.extensions, code });
}

function withoutDebugExtensions(error: GraphQLError): GraphQLError {
  if (!INTERNAL_EXTENSIONS.some((key) => key in error.extensions)) return error;
  const extensions = { ...error.extensions };
  for (const key of INTERNAL_EXTENSIONS) delete extensions[key];
  return rebuild(error, error.message, extensions);
}

/** A copy of `error` with another message and extensions, still pointing at the same place. */
function rebuild(error: GraphQLError, message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, {
    nodes: error.nodes ?? null,
    source: error.source ?? null,
    positions: error.positions ?? null,
    path: error.path ?? null,
    extensions,
  });
}
