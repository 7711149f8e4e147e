import { shutdownDeadlineFromEnv } from './draining.ts';

/**
 * Runs `close` once on SIGTERM/SIGINT and exits, or exits non-zero if closing takes longer than
 * `deadlineMs` (a hung socket must not keep a stopped service alive).
 * @default SHUTDOWN_DEADLINE_MS, or 10000
 */
export function closeOnSignals(
  close: () => Promise<void>,
  deadlineMs = shutdownDeadlineFromEnv(process.env),
): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: shutting down`);
    const timer = setTimeout(() => {
      console.error(`shutdown did not finish within ${deadlineMs} ms`);
      process.exit(1);
    }, deadlineMs);
    timer.unref();
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

/** Reads a port from the environment, refusing values that are not ports. */
export function portFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`${name}=${raw} is not a port number.`);
  return port;
}
