import type { IncomingHttpHeaders } from 'node:http';
import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
  type TextMapGetter,
  type TextMapSetter,
  type Tracer,
} from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace-node';

/** The header that carries one request's id from the gateway to every service it reaches. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** The tracer name our own spans are created under. */
export const TRACER_NAME = 'cadg';

let provider: NodeTracerProvider | null = null;

/**
 * True once `startTracing` ran in this process. Servers built afterwards add their spans; while it
 * is false (the default) they skip tracing entirely, so it costs nothing when off.
 */
export function isTracingEnabled(): boolean {
  return provider !== null;
}

/** The tracer provider this process started. */
export interface RunningTracing {
  /** Exports every finished span now. */
  forceFlush(): Promise<void>;
  /** Exports what is left and stops tracing. */
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  /** `service.name` of every span this process exports. */
  serviceName: string;
  /** Where spans go: an OTLP batch exporter in production, an in-memory exporter in tests. */
  spanProcessors: SpanProcessor[];
}

/**
 * Registers the process-wide tracer provider: W3C trace context propagation and async-hooks context,
 * so spans started while handling a request are its children. One per process; a second call
 * replaces the first.
 */
export function startTracing(options: TracingOptions): RunningTracing {
  if (provider) stopGlobals();
  const started = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    spanProcessors: options.spanProcessors,
  });
  started.register();
  provider = started;
  return {
    forceFlush: () => started.forceFlush(),
    async shutdown() {
      await started.shutdown();
      if (provider === started) {
        stopGlobals();
        provider = null;
      }
    },
  };
}

function stopGlobals(): void {
  trace.disable();
  context.disable();
  propagation.disable();
}

/**
 * Tracing as configured by the standard OpenTelemetry variables: off unless
 * `OTEL_EXPORTER_OTLP_ENDPOINT` (or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) is set, then spans are
 * batched to that OTLP/HTTP endpoint. `OTEL_SERVICE_NAME` overrides `serviceName`;
 * `OTEL_TRACES_SAMPLER` / `OTEL_TRACES_SAMPLER_ARG` choose sampling (the SDK reads them).
 * @returns the running tracer, or null when tracing stays off
 */
export function startTracingFromEnv(env: NodeJS.ProcessEnv, serviceName: string): RunningTracing | null {
  if (!env['OTEL_EXPORTER_OTLP_ENDPOINT'] && !env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']) return null;
  return startTracing({
    serviceName: env['OTEL_SERVICE_NAME'] || serviceName,
    // The exporter reads the endpoint, headers and timeout from the same variables.
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
}

/** Our tracer; a no-op one until tracing starts. */
export function tracer(): Tracer {
  return trace.getTracer(TRACER_NAME);
}

const nodeHeaders: TextMapGetter<IncomingHttpHeaders> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => carrier[key],
};

/**
 * Runs `handle` inside a SERVER span continuing the caller's trace (the W3C `traceparent` header
 * the gateway sends), so spans created while handling (SQL included) join the same trace.
 */
export async function inServerSpan<T>(
  headers: IncomingHttpHeaders,
  name: string,
  attributes: Attributes,
  handle: (span: Span) => Promise<T>,
): Promise<T> {
  const parent: Context = propagation.extract(ROOT_CONTEXT, headers, nodeHeaders);
  const span = tracer().startSpan(name, { kind: SpanKind.SERVER, attributes }, parent);
  return runInSpan(span, trace.setSpan(parent, span), () => handle(span));
}

/** Runs `work` with `active` as the current context; a failure marks `span`; `span` ends either way. */
async function runInSpan<T>(span: Span, active: Context, work: () => Promise<T>): Promise<T> {
  try {
    return await context.with(active, work);
  } catch (error) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}

const headerSetter: TextMapSetter<Record<string, string>> = {
  set: (carrier, key, value) => {
    carrier[key] = value;
  },
};

/**
 * Runs `call`, one request from this service to another, in a CLIENT span of the current trace, and
 * gives it the headers that carry the trace (W3C `traceparent`) and `requestId` (the id of the
 * request it is made for, if any), so the service called joins the same trace and logs under the
 * same id. With tracing off, only the id.
 */
export async function inClientSpan<T>(
  name: string,
  attributes: Attributes,
  call: (headers: Record<string, string>) => Promise<T>,
  requestId?: string,
): Promise<T> {
  const headers: Record<string, string> = {};
  if (requestId !== undefined) headers[REQUEST_ID_HEADER] = requestId;
  if (!isTracingEnabled()) return call(headers);
  const span = tracer().startSpan(name, { kind: SpanKind.CLIENT, attributes });
  const active = trace.setSpan(context.active(), span);
  propagation.inject(active, headers, headerSetter);
  return runInSpan(span, active, () => call(headers));
}

export { SpanKind, SpanStatusCode } from '@opentelemetry/api';
