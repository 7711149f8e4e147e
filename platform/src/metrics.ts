import type { ServerResponse } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { DocumentNode, OperationTypeNode } from 'graphql';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Where Prometheus scrapes, on every service's own port. */
export const METRICS_PATH = '/metrics';

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
  registry.metrics().then(
    (body) => {
      res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
      res.end(body);
    },
    (error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`metrics failed: ${error instanceof Error ? error.message : String(error)}`);
    },
  );
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
