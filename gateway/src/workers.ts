/**
 * `GATEWAY_WORKERS=N`: one gateway as N worker processes sharing its port (node:cluster), like
 * Hive Gateway CLI's `--fork`. A process can hold only as many sockets as its open-files limit
 * (`ulimit -n`) allows and uses one core; a gateway with tens of thousands of graphql-ws subscribers,
 * or on a many-core host, spreads them over workers. The primary accepts connections and hands each
 * to a worker (round-robin), restarts a worker that dies, serves every worker's metrics together on
 * METRICS_PORT, and on SIGTERM/SIGINT lets each worker drain and close as a single gateway does.
 *
 * Each worker is a whole gateway with its own state, so whatever a gateway keeps in memory is per
 * worker: rate-limit buckets, graphql-ws caps, shared upstream subscriptions and (without REDIS_URL)
 * the response cache. For read-your-writes a worker is a replica: a query on the keep-alive
 * connection that carried the mutation is served by the same worker; on another connection it may
 * reach another worker, which has the change within the cross-replica bound (docs/operations.md).
 */
import cluster, { type Worker } from 'node:cluster';
import { createServer } from 'node:http';
import { once } from 'node:events';
import { AggregatorRegistry, type Registry } from 'prom-client';
import type { Logger } from '@graphql-hive/logger';

/** The most workers one gateway may fork; more is a typo, not a deployment. */
const MAX_WORKERS = 64;
/** A worker that dies is started again after this long, so a crash loop does not spin. */
const RESTART_DELAY_MS = 1_000;
/** More deaths than this within `CRASH_WINDOW_MS` stop the gateway: something is wrong, not unlucky. */
const MAX_CRASHES = 5;
const CRASH_WINDOW_MS = 60_000;

/** What a worker tells the primary once it listens. */
interface ReadyMessage {
  type: 'cadg:gateway-ready';
  url: string;
}

const isReadyMessage = (message: unknown): message is ReadyMessage =>
  typeof message === 'object' &&
  message !== null &&
  (message as { type?: unknown }).type === 'cadg:gateway-ready' &&
  typeof (message as { url?: unknown }).url === 'string';

/** `GATEWAY_WORKERS`: how many processes serve the gateway's port; 1 (the default) is no fork. */
export function gatewayWorkersFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env['GATEWAY_WORKERS'];
  if (raw === undefined || raw === '') return 1;
  const workers = Number(raw);
  if (!Number.isInteger(workers) || workers < 1 || workers > MAX_WORKERS)
    throw new Error(`GATEWAY_WORKERS=${raw} is not a whole number from 1 to ${MAX_WORKERS}.`);
  return workers;
}

/** True in a process forked by `runGatewayPrimary`. */
export const isGatewayWorker = (): boolean => cluster.isWorker;

/**
 * In a worker: answers the primary's metrics requests from this worker's registry (prom-client's
 * cluster aggregation), and says it is ready once its gateway listens.
 */
export function serveAsWorker(registry: Registry, url: string): void {
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([registry]);
  process.send?.({ type: 'cadg:gateway-ready', url } satisfies ReadyMessage);
}

export interface PrimaryOptions {
  workers: number;
  /** Where the primary serves the workers' metrics, aggregated; `null`/`undefined`: nowhere. */
  metricsPort: number | null | false | undefined;
  host: string;
  log: Logger;
  /** How long the workers may take to drain and close after a signal before they are killed. */
  shutdownDeadlineMs: number;
}

/**
 * The primary: forks the workers (each runs this same entry and sees `cluster.isWorker`), logs
 * "Gateway ready at …" once all of them listen, restarts a worker that dies, and on a signal asks
 * every worker to shut down and exits when they have (non-zero if one failed or was killed).
 */
export async function runGatewayPrimary(options: PrimaryOptions): Promise<void> {
  const { log } = options;
  let stopping = false;
  const crashes: number[] = [];
  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      const now = Date.now();
      crashes.push(now);
      while (crashes.length > 0 && crashes[0]! < now - CRASH_WINDOW_MS) crashes.shift();
      log.error({ pid: worker.process.pid, code, signal }, 'A gateway worker died; starting another.');
      if (crashes.length > MAX_CRASHES) {
        log.error(`More than ${MAX_CRASHES} gateway workers died within a minute: stopping.`);
        void stop(1);
        return;
      }
      setTimeout(() => {
        if (!stopping) fork();
      }, RESTART_DELAY_MS).unref();
    });
    return worker;
  };

  const metrics = new AggregatorRegistry();
  const metricsPort = typeof options.metricsPort === 'number' ? options.metricsPort : null;
  const metricsServer =
    metricsPort !== null
      ? createServer((req, res) => {
          if ((req.url ?? '/').split('?')[0] !== '/metrics') {
            res
              .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
              .end('Only /metrics is served here.');
            return;
          }
          metrics.clusterMetrics().then(
            (body) =>
              res
                .writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' })
                .end(body),
            (error: unknown) =>
              res
                .writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
                .end(`metrics failed: ${error instanceof Error ? error.message : String(error)}`),
          );
        })
      : null;

  const stop = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    const exits = workers.map(
      (worker) =>
        new Promise<boolean>((resolve) => {
          if (worker.isDead()) return resolve(worker.process.exitCode === 0);
          worker.once('exit', (code) => resolve(code === 0));
          worker.process.kill('SIGTERM');
        }),
    );
    // Each worker keeps its own deadline (closeOnSignals); this one only catches a worker that hangs.
    const deadline = setTimeout(() => {
      log.error(`Gateway workers did not close within ${options.shutdownDeadlineMs} ms: killing them.`);
      for (const worker of workers) worker.process.kill('SIGKILL');
    }, options.shutdownDeadlineMs + RESTART_DELAY_MS);
    const clean = (await Promise.all(exits)).every(Boolean);
    clearTimeout(deadline);
    metricsServer?.close();
    process.exit(clean ? exitCode : 1);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void stop(0));

  const ready = new Map<number, string>();
  const allReady = new Promise<string>((resolve) => {
    cluster.on('message', (worker, message: unknown) => {
      if (!isReadyMessage(message) || worker.process.pid === undefined) return;
      ready.set(worker.id, message.url);
      if (ready.size === options.workers) resolve(message.url);
    });
  });
  for (let i = 0; i < options.workers; i++) fork();
  const url = await allReady;
  let metricsUrl: string | undefined;
  if (metricsServer && metricsPort !== null) {
    metricsServer.listen(metricsPort, options.host);
    await once(metricsServer, 'listening');
    const address = metricsServer.address();
    const port = typeof address === 'object' && address ? address.port : metricsPort;
    metricsUrl = `${new URL(url).protocol}//${new URL(url).hostname}:${port}/metrics`;
  }
  log.info(
    { url, workers: options.workers, ...(metricsUrl ? { metricsUrl } : {}) },
    `Gateway ready at ${url} (${options.workers} workers)`,
  );
}
