import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type DestinationStream, type Level, type Logger } from 'pino';

/**
 * Paths of log attributes that can hold credentials: request headers and graphql-ws connection
 * params carry callers' bearer tokens. The gateway's logger and every subgraph's use the same list.
 */
export const REDACTED_LOG_PATHS = [
  'headers.authorization',
  'headers.Authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  'connectionParams.authorization',
  '*.connectionParams.authorization',
  'authorization',
  'Authorization',
];

/** What every log line written while a request is handled is stamped with. */
interface RequestScope {
  readonly requestId: string;
}

const requestScope = new AsyncLocalStorage<RequestScope>();

/**
 * Runs `handle` with `requestId` attached to every log line written during it, including lines
 * written deep inside resolvers and error masking, which have no access to the request.
 */
export function runWithRequestId<T>(requestId: string, handle: () => T): T {
  return requestScope.run({ requestId }, handle);
}

/** The id of the request being handled, if any. */
export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}

export interface ServiceLoggerOptions {
  /**
   * The lowest level written; `'silent'` writes nothing.
   * @default process.env.LOG_LEVEL, else 'info'
   */
  level?: Level | 'silent' | undefined;
  /** Where lines go. @default standard output */
  destination?: DestinationStream | undefined;
}

/**
 * A service's JSON logger (pino): one line per event with `service`, an ISO `time`, the current
 * request's `requestId`, and credentials replaced by `[redacted]` wherever they appear.
 */
export function createServiceLogger(service: string, options: ServiceLoggerOptions = {}): Logger {
  const level = options.level ?? (process.env['LOG_LEVEL'] as Level | undefined) ?? 'info';
  return pino(
    {
      level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
      mixin() {
        const requestId = requestScope.getStore()?.requestId;
        return requestId === undefined ? {} : { requestId };
      },
    },
    options.destination,
  );
}

export type { Logger } from 'pino';
