import { Logger, type LogLevel, type LogWriter } from '@graphql-hive/logger';
import { REDACTED_LOG_PATHS } from '@cadg/platform';

/** Where gateway logs go when not to the console: a level and one or more writers. */
export interface LogSink {
  level?: LogLevel | false;
  writers: [LogWriter, ...LogWriter[]];
}

export type GatewayLogging = boolean | LogLevel | LogSink;

/**
 * Paths of log attributes that can hold credentials, the same for the gateway and the subgraphs. The
 * runtime logs upstream requests with their headers at debug level, and those carry the caller's
 * bearer token to the subgraphs.
 */
export { REDACTED_LOG_PATHS };

/** The gateway's logger: always with credentials redacted, whatever the level and destination. */
export function createGatewayLogger(logging: GatewayLogging = 'info'): Logger {
  if (logging === false) return new Logger({ level: false });
  const level = typeof logging === 'string' ? logging : logging === true ? 'info' : (logging.level ?? 'info');
  return new Logger({
    level,
    ...(typeof logging === 'object' ? { writers: logging.writers } : {}),
    redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
  });
}
