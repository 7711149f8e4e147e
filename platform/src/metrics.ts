import { createServer, type Server, type ServerResponse } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { DocumentNode, OperationTypeNode } from 'graphql';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Where Prometheus scrapes: on the service's own port, or on its metrics port (`METRICS_PORT`). */
export const METRICS_PATH = '/metrics';

/**
 * The metrics port in production, off the public port: the OpenTelemetry Prometheus exporter's
 * default, so scrapers and network policies have one port to know.
 */
export const DEFAULT_METRICS_PORT = 9464;

/**
 * Reads `METRICS_PORT`, the port of a server that answers only `/metrics`. Unset, it is 9464 in
 * production and none elsewhere, where `/metrics` stays on the service's own port.
 * @returns the port, or null to serve `/metrics` on the service's own port
 */
export function metricsPortFromEnv(env: NodeJS.ProcessEnv, production: boolean): number | null {
  const raw = env['METRICS_PORT'];
  if (raw === undefined || raw === '') return production ? DEFAULT_METRICS_PORT : null;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`METRICS_PORT=${raw} is not a port number.`);
  return port;
}

/** Seconds; from a cached answer to a slow cross-subgraph query. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Seconds from an incident event's commit to its fan-out; notifications are usually immediate. */
export const EVENT_LAG_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60];

/** The operation label of operations without a name. */
export const ANONYMOUS_OPERATION = 'anonymous';
/** The label that stands for every value past a label's limit, or not fit to be a label. */
export const OTHER_LABEL = 'other';

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,79}$/;

/**
 * Keeps a label's values bounded. Operation names and error codes come from clients and
 * subgraphs, and every distinct value is a new time series held forever: the first `limit`
 * distinct values that look like GraphQL names are kept, everything else is `other`.
 */
export class BoundedLabel {
  readonly #seen = new Set<string>();
  constructor(readonly limit: number) {}

  /** The label value to record `value` under. */
  of(value: string | null | undefined): string {
    if (value === null || value === undefined || value === '') return ANONYMOUS_OPERATION;
    if (this.#seen.has(value)) return value;
    if (this.#seen.size >= this.limit || !GRAPHQL_NAME.test(value)) return OTHER_LABEL;
    this.#seen.add(value);
    return value;
  }
}

/** The name and type of the operation a request runs (the named one, or the only one). */
export function operationOf(
  document: DocumentNode,
  operationName: string | null | undefined,
): { name: string | undefined; type: OperationTypeNode } | null {
  for (const definition of document.definitions) {
    if (definition.kind !== 'OperationDefinition') continue;
    const name = definition.name?.value;
    if (operationName && name !== operationName) continue;
    return { name, type: definition.operation };
  }
  return null;
}

/** The codes of a result's errors; errors without one count as INTERNAL_SERVER_ERROR. */
export function errorCodesOf(errors: readonly { extensions?: Record<string, unknown> | undefined }[]) {
  return errors.map((error) => {
    const code = error.extensions?.['code'];
    return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
  });
}

export interface OperationMetricsOptions {
  registry: Registry;
  /**
   * Distinct operation names kept as labels; later names are counted as `other`.
   * @default 100
   */
  maxOperationNames?: number | undefined;
}

/**
 * Request rate, errors by `extensions.code` and latency per operation, recorded through children
 * bound once per label set, so recording an operation costs two map lookups, not a label hash.
 */
export class OperationMetrics {
  readonly #operations: Counter<'operation' | 'operation_type'>;
  readonly #errors: Counter<'operation' | 'code'>;
  readonly #duration: Histogram<'operation' | 'operation_type'>;
  readonly #names: BoundedLabel;
  readonly #codes = new BoundedLabel(50);
  readonly #series = new Map<string, Map<string, { count: () => void; observe: (s: number) => void }>>();
  readonly #errorSeries = new Map<string, Map<string, () => void>>();

  constructor(options: OperationMetricsOptions) {
    const registers = [options.registry];
    this.#names = new BoundedLabel(options.maxOperationNames ?? 100);
    this.#operations = new Counter({
      name: 'graphql_operations_total',
      help: 'GraphQL operations received, by operation name and type.',
      labelNames: ['operation', 'operation_type'],
      registers,
    });
    this.#errors = new Counter({
      name: 'graphql_errors_total',
      help: 'Errors in GraphQL results, by operation name and extensions.code.',
      labelNames: ['operation', 'code'],
      registers,
    });
    this.#duration = new Histogram({
      name: 'graphql_operation_duration_seconds',
      help: 'Time from receiving a GraphQL operation to its result (the first one for subscriptions).',
      labelNames: ['operation', 'operation_type'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
  }

  /**
   * Records one finished operation. `type` is `unknown` for requests that never parsed.
   * @param seconds how long it took
   * @param codes the `extensions.code` of each error in its result
   */
  record(name: string | null | undefined, type: string, seconds: number, codes: readonly string[]): void {
    const operation = this.#names.of(name);
    let byName = this.#series.get(type);
    if (!byName) this.#series.set(type, (byName = new Map()));
    let series = byName.get(operation);
    if (!series) {
      const counter = this.#operations.labels(operation, type);
      const histogram = this.#duration.labels(operation, type);
      series = { count: () => counter.inc(), observe: (s) => histogram.observe(s) };
      byName.set(operation, series);
    }
    series.count();
    series.observe(seconds);
    for (const code of codes) this.#errorFor(operation, code)();
  }

  #errorFor(operation: string, rawCode: string): () => void {
    const code = this.#codes.of(rawCode);
    let byCode = this.#errorSeries.get(operation);
    if (!byCode) this.#errorSeries.set(operation, (byCode = new Map()));
    let increment = byCode.get(code);
    if (!increment) {
      const child = this.#errors.labels(operation, code);
      increment = () => child.inc();
      byCode.set(code, increment);
    }
    return increment;
  }
}

/**
 * A registry of its own (never prom-client's global one: several servers in one process, as in
 * `npm start` and the tests, would otherwise share and collide), with the process metrics.
 */
export function createRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** Answers a scrape with the registry's metrics in the Prometheus text format. */
export function serveMetrics(res: ServerResponse, registry: Registry): void {
  answerScrape(res, registry.metrics(), registry.contentType);
}

/** Answers a scrape with `body` once it is ready, or with a 500 saying why it could not be made. */
function answerScrape(res: ServerResponse, body: Promise<string>, contentType: string): void {
  body.then(
    (text) => {
      res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
      res.end(text);
    },
    (error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`metrics failed: ${error instanceof Error ? error.message : String(error)}`);
    },
  );
}

/** A server answering only `/metrics`. */
export interface MetricsServer {
  /** Where it answers, e.g. `http://127.0.0.1:9464/metrics`. */
  readonly url: string;
  /** Stops serving this registry; the server closes with the last registry it served. */
  close(): Promise<void>;
}

interface SharedMetricsServer {
  readonly server: Server;
  readonly registries: Set<Registry>;
  readonly listening: Promise<string>;
}

/** Metrics servers of this process by host and port, shared by the services that ask for one port. */
const metricsServers = new Map<string, SharedMetricsServer>();

/**
 * Serves `registry` on `METRICS_PATH` of a server of its own on `port` (0 picks a free one), so
 * that metrics stay off a public port. Services running in one process (`npm start`) that ask for
 * the same port share one server, which answers with all their registries in one exposition.
 * Without `host` it listens on every interface. Rejects when the port is taken.
 */
export async function listenForMetrics(
  registry: Registry,
  port: number,
  host?: string | undefined,
): Promise<MetricsServer> {
  const key = `${host ?? '*'}:${port}`;
  let shared = port === 0 ? undefined : metricsServers.get(key);
  if (!shared) {
    const registries = new Set<Registry>();
    const server = createServer((req, res) => {
      if ((req.url ?? '/').split('?')[0] !== METRICS_PATH) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Only /metrics is served on this port.');
        return;
      }
      serveRegistries(res, [...registries]);
    });
    const listening = new Promise<string>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        const address = server.address();
        const actual = typeof address === 'object' && address ? address.port : port;
        const shownHost = host === undefined || host === '0.0.0.0' || host === '::' ? 'localhost' : host;
        resolve(`http://${shownHost}:${actual}${METRICS_PATH}`);
      });
    });
    shared = { server, registries, listening };
    if (port !== 0) metricsServers.set(key, shared);
  }
  const { server, registries, listening } = shared;
  registries.add(registry);
  let url: string;
  try {
    url = await listening;
  } catch (error) {
    if (metricsServers.get(key) === shared) metricsServers.delete(key);
    throw error;
  }
  return {
    url,
    async close() {
      if (!registries.delete(registry) || registries.size > 0) return;
      if (metricsServers.get(key) === shared) metricsServers.delete(key);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Answers a scrape with several registries as one exposition. Their metric families share names
 * (every service has `graphql_operations_total` and the process metrics, told apart by the
 * `service` label), and a family may appear only once, so each family's samples are gathered
 * under one HELP and TYPE. prom-client's own `Registry.merge` refuses shared names.
 */
function serveRegistries(res: ServerResponse, registries: readonly Registry[]): void {
  if (registries.length === 1) return serveMetrics(res, registries[0]!);
  answerScrape(res, exposition(registries), Registry.PROMETHEUS_CONTENT_TYPE);
}

async function exposition(registries: readonly Registry[]): Promise<string> {
  const families = new Map<string, string[]>();
  for (const registry of registries) {
    for (const { name } of registry.getMetricsAsArray()) {
      const [help = '', type = '', ...samples] = (await registry.getSingleMetricAsString(name)).split('\n');
      const family = families.get(name);
      if (family) family.push(...samples);
      else families.set(name, [help, type, ...samples]);
    }
  }
  return `${[...families.values()].map((lines) => lines.filter(Boolean).join('\n')).join('\n\n')}\n`;
}

/** A subgraph's metrics: its registry and the operation metrics its server records. */
export interface SubgraphMetrics {
  readonly registry: Registry;
  readonly operations: OperationMetrics;
}

export function createSubgraphMetrics(service: string): SubgraphMetrics {
  const registry = createRegistry(service);
  return { registry, operations: new OperationMetrics({ registry }) };
}

/**
 * Records every operation Apollo Server runs over HTTP: name, type, duration and the codes of the
 * errors in the formatted (masked) result.
 */
export function operationMetricsPlugin<TContext extends BaseContext>(
  metrics: OperationMetrics,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      let codes: string[] = [];
      return {
        async didEncounterErrors({ errors }) {
          codes = errorCodesOf(errors.map((error) => ({ extensions: error.extensions })));
        },
        async willSendResponse({ response, operation, operationName }) {
          const body = response.body;
          // The response's errors are the formatted ones, whose codes clients see.
          if (body.kind === 'single' && body.singleResult.errors)
            codes = errorCodesOf(body.singleResult.errors);
          metrics.record(
            operation?.name?.value ?? operationName,
            operation?.operation ?? 'unknown',
            (performance.now() - started) / 1000,
            codes,
          );
        },
      };
    },
  };
}

/** A gauge read from `read` at each scrape, so what it counts costs nothing in between. */
export function gaugeReadAtScrape(registry: Registry, name: string, help: string, read: () => number): Gauge {
  return new Gauge({
    name,
    help,
    registers: [registry],
    collect() {
      this.set(read());
    },
  });
}

/** `graphql_live_subscriptions`: subscriptions open on this process, read at each scrape. */
export function liveSubscriptionsGauge(registry: Registry, count: () => number): Gauge {
  return gaugeReadAtScrape(
    registry,
    'graphql_live_subscriptions',
    'Subscriptions currently open on this process.',
    count,
  );
}

/** `incident_event_lag_seconds`: from an event's `occurred_at` to its fan-out to subscribers. */
export function eventLagHistogram(registry: Registry): Histogram {
  return new Histogram({
    name: 'incident_event_lag_seconds',
    help: 'Time from an incident event being committed (occurred_at) to its fan-out by the event hub.',
    buckets: EVENT_LAG_BUCKETS,
    registers: [registry],
  });
}
