import { pino, type DestinationStream, type Level, type Logger } from 'pino';
import { PinoPretty } from 'pino-pretty';
import { productionFromEnv } from './subgraph-security.ts';

/** How log lines are written: one JSON object per line, or coloured text for a person at a terminal. */
export type LogFormat = 'json' | 'pretty';

/**
 * `LOG_FORMAT` (`json` or `pretty`); without it, JSON lines whenever standard output is not a
 * terminal (a file, a pipe, a container's log collector) or in production, pretty text otherwise.
 */
export function logFormatFromEnv(
  env: NodeJS.ProcessEnv,
  terminal: boolean = process.stdout.isTTY === true,
): LogFormat {
  const format = env['LOG_FORMAT']?.trim();
  if (format === 'json' || format === 'pretty') return format;
  if (format) throw new Error(`LOG_FORMAT=${format} is not one of json, pretty.`);
  return terminal && !productionFromEnv(env) ? 'pretty' : 'json';
}

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

/** `LOG_LEVEL`: the lowest level written (`silent` writes nothing). @default 'info' */
export function logLevelFromEnv(env: NodeJS.ProcessEnv): Level | 'silent' {
  const level = env['LOG_LEVEL']?.trim() || 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(level))
    throw new Error(`LOG_LEVEL=${level} is not one of ${LOG_LEVELS.join(', ')}.`);
  return level as Level | 'silent';
}

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

export interface ServiceLoggerOptions {
  /**
   * The lowest level written; `'silent'` writes nothing.
   * @default process.env.LOG_LEVEL, else 'info'
   */
  level?: Level | 'silent' | undefined;
  /** Where lines go. @default standard output */
  destination?: DestinationStream | undefined;
  /** @default 'json' with a `destination`, else logFormatFromEnv(process.env) */
  format?: LogFormat | undefined;
}

/**
 * A service's logger (pino): one JSON line per event with its `level` by name, an ISO `time`,
 * `service`, and credentials replaced by `[redacted]` wherever they appear; the same, as coloured
 * text, in the pretty format. A line about a request names its `requestId` itself: the request id
 * travels with the request (subgraph-server.ts), not in an AsyncLocalStorage, whose promise hooks
 * cost every promise of every request (about 5% of a subgraph's CPU, issue #23).
 */
export function createServiceLogger(service: string, options: ServiceLoggerOptions = {}): Logger {
  const level = options.level ?? logLevelFromEnv(process.env);
  // A destination of the caller's own is a machine's (tests, a log shipper): JSON unless asked.
  const format = options.format ?? (options.destination ? 'json' : logFormatFromEnv(process.env));
  return pino(
    {
      level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      // The level's name, as the gateway writes it, so one query finds warnings in every service.
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
    },
    format === 'pretty'
      ? PinoPretty({ sync: true, destination: options.destination ?? 1 })
      : options.destination,
  );
}

export type { Logger } from 'pino';
