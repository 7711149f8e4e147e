import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { operationOf, SpanKind, SpanStatusCode, tracer } from '@cadg/platform';
import {
  context,
  propagation,
  ROOT_CONTEXT,
  trace,
  type Span,
  type TextMapGetter,
  type TextMapSetter,
} from '@opentelemetry/api';
import type { ExecutionArgs } from 'graphql';

const requestHeaders: TextMapGetter<Headers> = {
  keys: (carrier) => [...carrier.keys()],
  get: (carrier, key) => carrier.get(key) ?? undefined,
};
const recordSetter: TextMapSetter<Record<string, string>> = {
  set: (carrier, key, value) => {
    carrier[key] = value;
  },
};

/**
 * Traces the gateway: a SERVER span per HTTP request (continuing a caller's `traceparent`), a
 * CLIENT span per subgraph call under it, and the W3C trace context sent to the subgraph with the
 * call, so the subgraph's spans (and its SQL) join the same trace.
 *
 * Operations over graphql-ws have no HTTP request of their own: each gets a SERVER span
 * `graphql-ws execute` (queries, mutations) or `graphql-ws subscribe` (until the subscription's
 * stream is set up; later events are not spans), so its subgraph calls and their SQL still form
 * one trace.
 *
 * Only added when tracing was started in this process (see `startTracing` in @cadg/platform).
 */
export function useTracing(): GatewayPlugin {
  return {
    instrumentation: {
      request({ request }, wrapped) {
        const parent = propagation.extract(ROOT_CONTEXT, request.headers, requestHeaders);
        const span = tracer().startSpan(
          `${request.method} ${new URL(request.url).pathname}`,
          { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method } },
          parent,
        );
        return context.with(trace.setSpan(parent, span), () => endAfter(span, wrapped));
      },
      execute: ({ context: operation }, wrapped) => traceWebSocketOperation(operation, 'execute', wrapped),
      subscribe: ({ context: operation }, wrapped) =>
        traceWebSocketOperation(operation, 'subscribe', wrapped),
      subgraphExecute({ subgraphName, executionRequest }, wrapped) {
        const active = context.active();
        // A request sampled out records nothing: its calls get no span objects either (the trace
        // context still goes to the subgraph in onFetch, so it does not sample them on its own).
        if (trace.getSpan(active)?.isRecording() === false) return wrapped();
        const span = tracer().startSpan(
          `subgraph ${subgraphName}`,
          {
            kind: SpanKind.CLIENT,
            attributes: {
              'cadg.subgraph': subgraphName,
              ...(executionRequest.operationName
                ? { 'graphql.operation.name': executionRequest.operationName }
                : {}),
            },
          },
          active,
        );
        return context.with(trace.setSpan(active, span), () => endAfter(span, wrapped));
      },
    },
    onExecute: ({ args }) => nameWebSocketSpan(args),
    onSubscribe: ({ args }) => nameWebSocketSpan(args),
    onFetch({ options, setOptions }) {
      const carrier: Record<string, string> = {};
      propagation.inject(context.active(), carrier, recordSetter);
      if (Object.keys(carrier).length === 0) return;
      setOptions({ ...options, headers: { ...headersAsRecord(options.headers), ...carrier } });
    },
  };
}

/** For HTTP callers, whose request already has its span, `wrapped` runs as is. */
function traceWebSocketOperation(
  operation: object,
  phase: 'execute' | 'subscribe',
  wrapped: () => Promise<void> | void,
): Promise<void> | void {
  if (!('viaWebSocket' in operation) || operation.viaWebSocket !== true) return wrapped();
  const span = tracer().startSpan(`graphql-ws ${phase}`, { kind: SpanKind.SERVER });
  webSocketSpans.add(span);
  return context.with(trace.setSpan(ROOT_CONTEXT, span), () => endAfter(span, wrapped));
}

const webSocketSpans = new WeakSet<Span>();

/** Names the operation on its graphql-ws span, once the document it runs is known. */
function nameWebSocketSpan({ document, operationName }: ExecutionArgs): void {
  const span = trace.getSpan(context.active());
  if (!span || !webSocketSpans.has(span)) return;
  const operation = operationOf(document, operationName);
  if (!operation) return;
  span.setAttribute('graphql.operation.type', operation.type);
  if (operation.name) span.setAttribute('graphql.operation.name', operation.name);
}

function endAfter(span: Span, wrapped: () => Promise<void> | void): Promise<void> | void {
  const fail = (error: unknown) => {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
    throw error;
  };
  let result: Promise<void> | void;
  try {
    result = wrapped();
  } catch (error) {
    return fail(error);
  }
  if (!result) {
    span.end();
    return;
  }
  return result.then(() => span.end(), fail);
}

function headersAsRecord(headers: unknown): Record<string, string> {
  if (!headers) return {};
  if (headers instanceof Headers) return Object.fromEntries(headers.entries());
  if (Array.isArray(headers)) return Object.fromEntries(headers as [string, string][]);
  return headers as Record<string, string>;
}
