import {
  ConsoleLogWriter,
  jsonStringify,
  Logger,
  type Attributes,
  type LogLevel,
  type LogWriter,
} from '@graphql-hive/logger';
import { logFormatFromEnv, logLevelFromEnv, REDACTED_LOG_PATHS, type LogFormat } from '@cadg/platform';

/** Where gateway logs go when not to standard output: a level and one or more writers. */
export interface LogSink {
  level?: LogLevel | false;
  writers: [LogWriter, ...LogWriter[]];
}

/** `true` (or left out): LOG_LEVEL and LOG_FORMAT decide; `false`: silent; a level; or a sink. */
export type GatewayLogging = boolean | LogLevel | LogSink;

/**
 * Paths of log attributes that can hold credentials, the same for the gateway and the subgraphs. The
 * runtime logs upstream requests with their headers at debug level, and those carry the caller's
 * bearer token to the subgraphs.
 */
export { REDACTED_LOG_PATHS };

/**
 * One JSON object per line on standard output, shaped like the subgraphs' pino lines (`level` by
 * name, ISO `time`, `service`, `requestId`, `msg`), so one query reads every service's logs. The
 * runtime's own JSONLogWriter names the time `timestamp` and carries no service, hence this one.
 */
class JsonLinesWriter implements LogWriter {
  write(level: LogLevel, attrs: Attributes | null | undefined, msg: string | null | undefined): void {
    const entry = {
      level,
      time: new Date().toISOString(),
      service: 'gateway',
      ...attrs,
      ...(msg ? { msg } : {}),
    };
    process.stdout.write(`${jsonStringify(entry)}\n`);
  }
}

/** LOG_FORMAT, else JSON for a production gateway (set in code or by the environment) or off a terminal. */
export function gatewayLogFormat(production: boolean, env: NodeJS.ProcessEnv = process.env): LogFormat {
  return logFormatFromEnv(production && !env['LOG_FORMAT'] ? { ...env, GATEWAY_MODE: 'production' } : env);
}

/** The gateway's level for LOG_LEVEL (pino's names, which the subgraphs take too). */
function levelFromEnv(env: NodeJS.ProcessEnv): LogLevel | false {
  const level = logLevelFromEnv(env);
  if (level === 'silent') return false;
  return level === 'fatal' ? 'error' : level;
}

/**
 * The gateway's logger: always with credentials redacted, whatever the level and destination.
 * To standard output it writes JSON lines or pretty text as `format` says (see `logFormatFromEnv`:
 * JSON off a terminal and in production).
 */
export function createGatewayLogger(
  logging: GatewayLogging = true,
  format: LogFormat = logFormatFromEnv(process.env),
): Logger {
  if (logging === false) return new Logger({ level: false });
  const level =
    typeof logging === 'string'
      ? logging
      : logging === true
        ? levelFromEnv(process.env)
        : (logging.level ?? 'info');
  const standardOutput: LogWriter = format === 'json' ? new JsonLinesWriter() : new ConsoleLogWriter();
  const writers: LogSink['writers'] = typeof logging === 'object' ? logging.writers : [standardOutput];
  return new Logger({ level, writers, redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' } });
}
