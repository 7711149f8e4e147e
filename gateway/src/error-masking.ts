import { randomUUID } from 'node:crypto';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { ErrorCode } from '@cadg/platform';
import { GraphQLError, type ExecutionResult } from 'graphql';

/** The only thing a client learns about an unexpected failure, besides its request id. */
export const UNEXPECTED_ERROR_MESSAGE = 'Unexpected error.';

/** The header that carries a request's id, in and out (the runtime's default). */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * Codes a client may see with their message: ours (see platform/errors.ts) and the GraphQL request
 * errors Apollo subgraphs and the runtime's validation use. Any other code is an implementation
 * detail: the runtime's GATEWAY_TIMEOUT, for one, carries the subgraph's URL and request body.
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
  'TRUSTED_DOCUMENT_REQUIRED',
  'TRUSTED_DOCUMENT_NOT_FOUND',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
]);

/** Extension keys that describe the server rather than the error; never sent to clients. */
const INTERNAL_EXTENSIONS = ['stacktrace', 'exception', 'originalError', 'request', 'response'];

/**
 * Error masking for everything the gateway returns.
 *
 * An error keeps its message and `extensions.code` when it was raised on purpose: a GraphQLError
 * that wraps no other exception and carries a client-facing code (FORBIDDEN from a subgraph, a
 * validation error), or no code but a 4xx status (the runtime's own malformed-request errors).
 * Everything else (an unreachable or timed-out subgraph, a bug)
 * is shown as "Unexpected error." with code INTERNAL_SERVER_ERROR and the request id to quote
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
    if (error instanceof GraphQLError) {
      if (masked.has(error) || isRaisedOnPurpose(error)) return withoutDebugExtensions(error);
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

function isRaisedOnPurpose(error: GraphQLError): boolean {
  const cause = error.originalError;
  if (cause !== undefined && cause !== null) return cause instanceof GraphQLError && isRaisedOnPurpose(cause);
  const { code, http } = error.extensions;
  if (code !== undefined) return CLIENT_FACING_CODES.has(code);
  return isClientErrorStatus(http);
}

function isClientErrorStatus(http: unknown): boolean {
  if (typeof http !== 'object' || http === null || !('status' in http)) return false;
  return typeof http.status === 'number' && http.status >= 400 && http.status < 500;
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

function isSingleResult(result: unknown): result is ExecutionResult {
  return (
    typeof result === 'object' &&
    result !== null &&
    !Array.isArray(result) &&
    !(Symbol.asyncIterator in result)
  );
}
