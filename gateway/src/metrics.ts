import type { ServerResponse } from 'node:http';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import {
  BoundedLabel,
  createRegistry,
  errorCodesOf,
  gaugeReadAtScrape,
  liveSubscriptionsGauge,
  LATENCY_BUCKETS,
  OperationMetrics,
  operationOf,
  serveMetrics,
} from '@cadg/platform';
import type { DocumentNode, ExecutionResult } from 'graphql';
import { Counter, Histogram, type HistogramConfiguration, type Registry } from 'prom-client';

/** The gateway's Prometheus registry and the plugin that records into it. */
export interface GatewayMetrics {
  readonly registry: Registry;
  /** Operations (HTTP) and subgraph calls (HTTP and graphql-ws). */
  readonly plugin: GatewayPlugin;
  /** Answers a scrape of `/metrics`. */
  serve(res: ServerResponse): void;
  /** Reports the websocket side, read at each scrape so that connecting costs nothing. */
  observeWebSockets(readings: WebSocketReadings): void;
  /** A graphql-ws connection closed with `code`. */
  countWebSocketClose(code: number): void;
  /** A result (a `next` message) went out to a graphql-ws client. */
  countWebSocketResult(): void;
}

/** Counts the gateway's websocket server and subscription sharing keep (see shared-subscriptions.ts). */
export interface WebSocketReadings {
  connections(): number;
  subscriptions(): number;
  streams(): number;
}

interface OperationInProgress {
  readonly started: number;
  name: string | null | undefined;
  type: string;
}

/**
 * Metrics of one gateway: each client operation over HTTP (count, latency, errors by
 * `extensions.code` as the client receives them) and each call to a subgraph (count, latency,
 * errors by code as the subgraph returned them), in a registry of its own.
 *
 * Over graphql-ws: open connections, live client subscriptions and the upstream streams they share
 * (their ratio is what sharing saves), results sent, and closes by code (4413 too slow, 4403
 * refused, 1001 going away...). Each subgraph's own `graphql_live_subscriptions` counts the
 * subscriptions the gateway holds on it.
 */
export function createGatewayMetrics(): GatewayMetrics {
  const registry = createRegistry('gateway');
  const operations = new OperationMetrics({ registry });
  // Each subgraph call adds to plain numbers (no labels hashed, nothing allocated); the registry
  // reads them at scrape time. Subgraph names come from the supergraph, so they are bounded.
  const tallies = new Map<string, SubgraphTally>();
  const tallyOf = (subgraph: string) => {
    let tally = tallies.get(subgraph);
    if (!tally) tallies.set(subgraph, (tally = new SubgraphTally()));
    return tally;
  };
  new Counter({
    name: 'graphql_subgraph_requests_total',
    help: 'Calls from the gateway to subgraphs, by subgraph.',
    labelNames: ['subgraph'],
    registers: [registry],
    collect() {
      for (const [subgraph, tally] of tallies) {
        const calls = tally.calls - tally.callsCollected;
        tally.callsCollected = tally.calls;
        if (calls > 0) this.inc({ subgraph }, calls);
      }
    },
  });
  const subgraphErrors = new Counter({
    name: 'graphql_subgraph_errors_total',
    help: 'Errors in subgraph results as the gateway received them, by subgraph and extensions.code.',
    labelNames: ['subgraph', 'code'],
    registers: [registry],
  });
  new TalliedHistogram(tallies, {
    name: 'graphql_subgraph_duration_seconds',
    help: 'Latency of gateway calls to subgraphs (queries and mutations), by subgraph.',
    labelNames: ['subgraph'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });

  const inProgress = new WeakMap<object, OperationInProgress>();
  const codes = new BoundedLabel(50);
  const countError = (subgraph: string, code: string) =>
    subgraphErrors.inc({ subgraph, code: codes.of(code) });

  const plugin: GatewayPlugin = {
    onParams({ context, params }) {
      inProgress.set(context, { started: performance.now(), name: params.operationName, type: 'unknown' });
    },
    onParse({ context }) {
      return ({ result }) => {
        const operation = inProgress.get(context);
        if (!operation || !isDocument(result)) return;
        const found = operationOf(result, operation.name);
        if (!found) return;
        operation.name = found.name;
        operation.type = found.type;
      };
    },
    onExecutionResult({ context, result }) {
      const operation = inProgress.get(context);
      if (!operation) return;
      inProgress.delete(context);
      const seconds = (performance.now() - operation.started) / 1000;
      const codes = isAsyncIterable(result) ? [] : errorCodesOf(errorsOf(result));
      operations.record(operation.name, operation.type, seconds, codes);
    },
    onSubgraphExecute({ subgraphName }) {
      const tally = tallyOf(subgraphName);
      tally.calls += 1;
      const started = performance.now();
      return ({ result }) => {
        if (isAsyncIterable(result)) {
          return {
            onNext({ result: next }) {
              if (next.errors) for (const code of errorCodesOf(next.errors)) countError(subgraphName, code);
            },
          };
        }
        tally.observe((performance.now() - started) / 1000);
        if (result.errors) for (const code of errorCodesOf(result.errors)) countError(subgraphName, code);
        return undefined;
      };
    },
  };

  const webSocketCloses = new Counter({
    name: 'graphql_ws_closes_total',
    help: 'graphql-ws connections closed, by close code.',
    labelNames: ['code'],
    registers: [registry],
  });
  const webSocketResults = new Counter({
    name: 'graphql_ws_results_total',
    help: 'Results (next messages) sent to graphql-ws clients: subscription events and query answers.',
    registers: [registry],
  });
  // Clients pick their own close codes: past a few distinct ones, the rest share a label.
  const closeCodes = new Set<number>();
  const closeLabel = (code: number) => {
    if (closeCodes.size < 30 && Number.isInteger(code)) closeCodes.add(code);
    return closeCodes.has(code) ? String(code) : 'other';
  };

  return {
    registry,
    plugin,
    serve: (res) => serveMetrics(res, registry),
    observeWebSockets(readings) {
      gaugeReadAtScrape(
        registry,
        'graphql_ws_connections',
        'Open graphql-ws connections.',
        readings.connections,
      );
      liveSubscriptionsGauge(registry, readings.subscriptions);
      gaugeReadAtScrape(
        registry,
        'graphql_subscription_streams',
        'Upstream subscription executions, each shared by the subscribers with the same operation, variables and credentials.',
        readings.streams,
      );
    },
    countWebSocketClose(code) {
      webSocketCloses.inc({ code: closeLabel(code) });
    },
    countWebSocketResult() {
      webSocketResults.inc();
    },
  };
}

/** One subgraph's calls and their latencies, as plain numbers: one `LATENCY_BUCKETS` slot each. */
class SubgraphTally {
  calls = 0;
  callsCollected = 0;
  /** Latencies per bucket (not cumulative); the last slot is over the largest bound. */
  readonly counts = new Float64Array(LATENCY_BUCKETS.length + 1);
  sum = 0;
  count = 0;

  observe(seconds: number): void {
    let bucket = 0;
    while (bucket < LATENCY_BUCKETS.length && seconds > LATENCY_BUCKETS[bucket]!) bucket++;
    this.counts[bucket]! += 1;
    this.sum += seconds;
    this.count += 1;
  }
}

/**
 * A prom-client histogram whose values are read from subgraph tallies at scrape time, in the
 * exposition prom-client gives its own histograms (cumulative `le` buckets, `_sum`, `_count`).
 * prom-client's `observe` validates and hashes the labels on every call; a tally's costs a loop
 * over a dozen bounds. prom-client's registry (and the histogram's own `get`, for JSON) read a
 * histogram through `getForPromString`, which this provides.
 */
class TalliedHistogram extends Histogram<'subgraph'> {
  readonly #tallies: ReadonlyMap<string, SubgraphTally>;
  readonly #name: string;
  readonly #help: string;

  constructor(
    tallies: ReadonlyMap<string, SubgraphTally>,
    configuration: HistogramConfiguration<'subgraph'>,
  ) {
    super(configuration);
    this.#tallies = tallies;
    this.#name = configuration.name;
    this.#help = configuration.help;
  }

  getForPromString() {
    const values: {
      metricName: string;
      labels: Record<string, string | number>;
      sharedLabels: object;
      value: number;
    }[] = [];
    const add = (suffix: string, labels: Record<string, string | number>, value: number) =>
      values.push({ metricName: `${this.#name}${suffix}`, labels, sharedLabels: {}, value });
    for (const [subgraph, tally] of this.#tallies) {
      let cumulative = 0;
      LATENCY_BUCKETS.forEach((bound, i) => {
        cumulative += tally.counts[i]!;
        add('_bucket', { subgraph, le: bound }, cumulative);
      });
      add('_bucket', { subgraph, le: '+Inf' }, tally.count);
      add('_sum', { subgraph }, tally.sum);
      add('_count', { subgraph }, tally.count);
    }
    return Promise.resolve({
      name: this.#name,
      help: this.#help,
      type: 'histogram',
      values,
      aggregator: 'sum',
    });
  }
}

function isDocument(value: unknown): value is DocumentNode {
  return typeof value === 'object' && value !== null && 'kind' in value && value.kind === 'Document';
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/** The errors of a result; the runtime hands batched results over one by one, but be safe. */
function errorsOf(result: unknown): readonly GraphQLErrorLike[] {
  if (Array.isArray(result)) return result.flatMap((item: ExecutionResult) => item.errors ?? []);
  return (result as ExecutionResult).errors ?? [];
}

interface GraphQLErrorLike {
  extensions?: Record<string, unknown>;
}
