import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode, isDatabaseUnavailable, isPublicError } from './errors.ts';

/** Apollo Server's codes for a request's own mistakes (its GRAPHQL_* codes are handled apart). */
const CLIENT_ERROR_CODES = new Set([
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * Hides anything that is not one of our coded errors (or a GraphQL validation error) behind a
 * generic message with a request id (`requestId`, the id of the request being served, which the
 * gateway also quotes to its client; a new one without), and logs the original under that id.
 */
export function maskError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (message: string, details: Record<string, unknown>) => void,
  requestId: string = randomUUID(),
): GraphQLFormattedError {
  const original =
    typeof error === 'object' && error !== null && 'originalError' in error && error.originalError
      ? (error.originalError as unknown)
      : error;
  const code = formatted.extensions?.['code'];
  if (isPublicError(original) || isPublicError(error)) return withoutStack(formatted);
  // Parse/validation errors from graphql-js and Apollo are about the request, not our internals.
  if (typeof code === 'string' && code.startsWith('GRAPHQL_')) return withoutStack(formatted);
  if (CLIENT_ERROR_CODES.has(code as string)) {
    return withoutStack(formatted);
  }
  // The database restarting or out of reach is not a bug of ours, and a retry may succeed.
  if (isDatabaseUnavailable(original)) {
    log('database unavailable', { requestId, error: describe(original) });
    return {
      message: 'The database is unavailable; retry later.',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.ServiceUnavailable, requestId },
    };
  }
  log('unexpected error', {
    requestId,
    error: original instanceof Error ? original.stack : String(original),
  });
  return {
    message: 'Internal server error.',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ErrorCode.InternalServerError, requestId },
  };
}

export function withoutStack(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('stacktrace' in formatted.extensions)) return formatted;
  const { stacktrace: _dropped, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}

/** The driver's code and message of a database error, never the statement's parameters. */
function describe(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = cause && typeof cause === 'object' && 'code' in cause ? `${String(cause.code)}: ` : '';
  return code + (cause instanceof Error ? cause.message : String(cause));
}
