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
import { Counter, Histogram, type Registry } from 'prom-client';

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
  const subgraphCalls = new Counter({
    name: 'graphql_subgraph_requests_total',
    help: 'Calls from the gateway to subgraphs, by subgraph.',
    labelNames: ['subgraph'],
    registers: [registry],
  });
  const subgraphErrors = new Counter({
    name: 'graphql_subgraph_errors_total',
    help: 'Errors in subgraph results as the gateway received them, by subgraph and extensions.code.',
    labelNames: ['subgraph', 'code'],
    registers: [registry],
  });
  const subgraphDuration = new Histogram({
    name: 'graphql_subgraph_duration_seconds',
    help: 'Latency of gateway calls to subgraphs (queries and mutations), by subgraph.',
    labelNames: ['subgraph'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });

  // Subgraph names come from the supergraph, so they are bounded; children are bound once each.
  const bySubgraph = new Map<string, { call(): void; observe(seconds: number): void }>();
  const seriesOf = (subgraph: string) => {
    let series = bySubgraph.get(subgraph);
    if (!series) {
      const calls = subgraphCalls.labels(subgraph);
      const duration = subgraphDuration.labels(subgraph);
      series = { call: () => calls.inc(), observe: (seconds) => duration.observe(seconds) };
      bySubgraph.set(subgraph, series);
    }
    return series;
  };
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
      const series = seriesOf(subgraphName);
      series.call();
      const started = performance.now();
      return ({ result }) => {
        if (isAsyncIterable(result)) {
          return {
            onNext({ result: next }) {
              if (next.errors) for (const code of errorCodesOf(next.errors)) countError(subgraphName, code);
            },
          };
        }
        series.observe((performance.now() - started) / 1000);
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
