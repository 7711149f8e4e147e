import { GraphQLError } from 'graphql';

/**
 * The stable `extensions.code` values clients can branch on. Nothing else is thrown to clients:
 * an error without one of these codes is masked as INTERNAL_SERVER_ERROR.
 */
export const ErrorCode = {
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  BadUserInput: 'BAD_USER_INPUT',
  Conflict: 'CONFLICT',
  RateLimited: 'RATE_LIMITED',
  QueryTooComplex: 'QUERY_TOO_COMPLEX',
  /** A service this one depends on did not answer; retrying later may succeed. */
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  /** A service behind the gateway, or the whole request, took longer than its time limit (HTTP 504). */
  GatewayTimeout: 'GATEWAY_TIMEOUT',
  /** A subscriber fell too far behind its stream; it resubscribes with the last cursor it received. */
  SubscriberTooSlow: 'SUBSCRIBER_TOO_SLOW',
  InternalServerError: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * Codes of requests refused before any operation runs (a body that is not GraphQL over HTTP, a
 * persisted-document id nobody registered). They never come out of a resolver, so masking never
 * sees them; the spellings are the ones Apollo clients and GraphQL over HTTP clients branch on.
 */
export const RequestErrorCode = {
  BadRequest: 'BAD_REQUEST',
  GraphQLParseFailed: 'GRAPHQL_PARSE_FAILED',
  PersistedQueryNotFound: 'PERSISTED_QUERY_NOT_FOUND',
  PersistedQueryNotSupported: 'PERSISTED_QUERY_NOT_SUPPORTED',
  TrustedDocumentRequired: 'TRUSTED_DOCUMENT_REQUIRED',
  TrustedDocumentNotFound: 'TRUSTED_DOCUMENT_NOT_FOUND',
} as const;
export type RequestErrorCode = (typeof RequestErrorCode)[keyof typeof RequestErrorCode];

const publicCodes = new Set<string>(Object.values(ErrorCode));

function coded(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/** Carries HTTP 401; Apollo Server and Yoga both read `extensions.http` and strip it from the response. */
export const unauthenticated = (message = 'A valid bearer token is required.') =>
  coded(ErrorCode.Unauthenticated, message, { http: { status: 401 } });

export const forbidden = (message: string) => coded(ErrorCode.Forbidden, message);

export const notFound = (what: string, id: string) =>
  coded(ErrorCode.NotFound, `${what} "${id}" was not found.`, { what, id });

/** `field` names the input path that was wrong, so forms can point at it. */
export const badUserInput = (field: string, message: string) =>
  coded(ErrorCode.BadUserInput, message, { field });

export const conflict = (message: string, extensions: Record<string, unknown> = {}) =>
  coded(ErrorCode.Conflict, message, extensions);

/**
 * True when the error is one we raised on purpose and may show to the client as it is. Checked by
 * shape, not `instanceof`: graphql's ESM and CommonJS builds can both be loaded (Apollo requires
 * one, we import the other), and their GraphQLError classes differ.
 */
export function isPublicError(error: unknown): error is GraphQLError {
  if (typeof error !== 'object' || error === null || !('extensions' in error)) return false;
  const extensions = (error as { extensions?: unknown }).extensions;
  if (typeof extensions !== 'object' || extensions === null) return false;
  const code = (extensions as Record<string, unknown>)['code'];
  return typeof code === 'string' && publicCodes.has(code) && code !== ErrorCode.InternalServerError;
}

export const serviceUnavailable = (message: string) => coded(ErrorCode.ServiceUnavailable, message);

/** postgres.js's codes for a connection that failed, closed or timed out, and Node's socket codes. */
const CONNECTION_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
/**
 * SQLSTATEs of a server that is going away or not accepting work yet: class 08 (connection
 * exception), 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up or
 * in recovery), 53300 too_many_connections.
 */
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;

/**
 * True when the error (or an error it wraps, as drizzle's DrizzleQueryError wraps the driver's) says
 * the database could not be reached or is restarting: the request may succeed if retried, so it is
 * SERVICE_UNAVAILABLE to the client, not an internal error.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code)))
      return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * True when a request's text holds a NUL character anywhere (raw, or JSON-escaped as \u0000).
 * PostgreSQL cannot store NUL in text, so such input would fail deep in a query as an internal
 * error; it is refused up front as BAD_USER_INPUT instead.
 */
export function containsNul(text: string): boolean {
  return text.includes('\u0000') || text.includes('\\u0000');
}

export const nulRefused = () =>
  coded(ErrorCode.BadUserInput, 'Text must not contain NUL characters.', { http: { status: 400 } });
