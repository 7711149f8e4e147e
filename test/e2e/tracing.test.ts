import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Role, SpanKind, startTracing } from '@cadg/platform';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startGraph, type Graph } from './harness.ts';

// Tracing is process-wide; Vitest runs each test file in its own worker, so this stays in this file.
const exporter = new InMemorySpanExporter();
let tracing: ReturnType<typeof startTracing>;
let graph: Graph;

beforeAll(async () => {
  tracing = startTracing({ serviceName: 'e2e', spanProcessors: [new SimpleSpanProcessor(exporter)] });
  graph = await startGraph();
});
afterAll(async () => {
  await graph?.close();
  await tracing?.shutdown();
});

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const nanos = ([seconds, nanoseconds]: [number, number]) =>
  BigInt(seconds) * 1_000_000_000n + BigInt(nanoseconds);
/** The resolution of a span's start anchor (see the nesting assertions below). */
const CLOCK_ANCHOR_NANOS = 1_000_000n;

/**
 * Posts `body` to the gateway as a MyCERT member with `headers` added, checks that it succeeded,
 * and returns the spans finished since (the exporter is cleared first).
 */
async function traced(
  headers: Record<string, string>,
  body: Record<string, unknown>,
): Promise<ReadableSpan[]> {
  const token = await graph.token('my-mycert', [Role.Member]);
  exporter.reset();
  const response = await fetch(graph.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
  await tracing.forceFlush();
  return exporter.getFinishedSpans();
}

describe('tracing', () => {
  it('follows one request from the gateway through each subgraph it calls down to its SQL, in one trace', async () => {
    const spans = await traced(
      // A caller's own trace is continued, not replaced.
      { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
      { query: `query Traced { incidents(first: 2) { edges { node { id reportedBy { name } } } } }` },
    );
    const gatewayRequest = spans.find((s) => s.kind === SpanKind.SERVER && s.name === 'POST /graphql');
    expect(gatewayRequest, spans.map((s) => s.name).join(', ')).toBeDefined();
    const traceId = gatewayRequest!.spanContext().traceId;
    expect(traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(parentOf(gatewayRequest!)).toBe('b7ad6b7169203331');

    for (const subgraph of ['incidents', 'contacts']) {
      const call = spans.find((s) => s.name === `subgraph ${subgraph}` && s.kind === SpanKind.CLIENT);
      expect(call, `gateway call to ${subgraph}`).toBeDefined();
      expect(call!.spanContext().traceId).toBe(traceId);
      // The subgraph's span is a child of the gateway's call: the context crossed HTTP in `traceparent`.
      const served = spans.find(
        (s) => s.name === `graphql ${subgraph}` && parentOf(s) === call!.spanContext().spanId,
      );
      expect(served, `${subgraph} serving the gateway's call`).toBeDefined();
      expect(served!.kind).toBe(SpanKind.SERVER);
      expect(served!.spanContext().traceId).toBe(traceId);
      const sql = spans.filter(
        (s) =>
          s.attributes['db.system.name'] === 'postgresql' && parentOf(s) === served!.spanContext().spanId,
      );
      expect(sql.length, `${subgraph}'s SQL`).toBeGreaterThan(0);
      expect(sql[0]!.attributes['db.query.text']).toMatch(/select/i);
      for (const statement of sql) {
        expect(statement.kind).toBe(SpanKind.CLIENT);
        expect(statement.spanContext().traceId).toBe(traceId);
        // Named by the statement's summary: its operations and tables, e.g. `select "incidents"."incidents"`.
        expect(statement.name).toBe(statement.attributes['db.query.summary']);
        // Each span covers its statement's execution: it has a duration and ends after it starts,
        // within the subgraph span that ran it.
        expect(nanos(statement.duration), statement.name).toBeGreaterThan(0n);
        expect(nanos(statement.endTime)).toBeGreaterThan(nanos(statement.startTime));
        // OpenTelemetry's SDK anchors each span's start on Date.now(), in whole milliseconds, and
        // times the span from there with performance.now(): two spans' timestamps can therefore
        // disagree with their true order by up to one millisecond (seen: a statement "ending" 0.08
        // and 0.18 ms after its request). Nesting is asserted within that resolution.
        const what = `${subgraph}: ${statement.name} within ${served!.name}`;
        expect(nanos(statement.startTime) + CLOCK_ANCHOR_NANOS, what).toBeGreaterThanOrEqual(
          nanos(served!.startTime),
        );
        expect(nanos(statement.endTime), what).toBeLessThanOrEqual(
          nanos(served!.endTime) + CLOCK_ANCHOR_NANOS,
        );
        expect(statement.attributes['db.response.returned_rows']).toEqual(expect.any(Number));
      }
      expect(sql.some((s) => /"incidents"|"contacts"/.test(s.name))).toBe(true);
    }
  });

  it('shows the incidents → contacts directory lookup as a span of the same trace, under the same request id', async () => {
    const spans = await traced(
      {
        traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
        'x-request-id': 'trace-test-directory-hop',
      },
      {
        query: `mutation TracedReport($i: ReportIncidentInput!) { reportIncident(input: $i) { id } }`,
        // A country never looked up before in this process, so the directory asks contacts.
        variables: {
          i: {
            title: 'Traced report',
            summary: 'Tracing test data.',
            category: 'OTHER',
            severity: 'LOW',
            tlp: 'GREEN',
            affectedCountryCodes: ['LA'],
          },
        },
      },
    );
    const incidents = spans.find((s) => s.name === 'graphql incidents');
    expect(incidents, spans.map((s) => s.name).join(', ')).toBeDefined();
    const lookup = spans.find(
      (s) => s.name === 'contacts directory' && parentOf(s) === incidents!.spanContext().spanId,
    );
    expect(lookup, 'the directory lookup, a child of the incidents span').toBeDefined();
    expect(lookup!.kind).toBe(SpanKind.CLIENT);
    expect(lookup!.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    // Contacts served it as part of the same trace, and logged it under the gateway's request id.
    const served = spans.find(
      (s) => s.name === 'graphql contacts' && parentOf(s) === lookup!.spanContext().spanId,
    );
    expect(served, 'contacts serving the lookup').toBeDefined();
    expect(served!.attributes['cadg.request_id']).toBe('trace-test-directory-hop');
    expect(incidents!.attributes['cadg.request_id']).toBe('trace-test-directory-hop');
  });

  it('gives an operation over graphql-ws a span of its own, with its subgraph calls and SQL under it', async () => {
    const token = await graph.token('my-mycert', [Role.Member]);
    exporter.reset();
    const client = createClient({
      url: graph.wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${token}` },
    });
    try {
      const result = await new Promise<{ errors?: unknown; data?: unknown }>((resolve, reject) => {
        let last: { errors?: unknown; data?: unknown } = {};
        client.subscribe(
          {
            query: `query OverWebSocket { incidents(first: 1) { edges { node { id reportedBy { name } } } } }`,
          },
          { next: (value) => (last = value), error: reject, complete: () => resolve(last) },
        );
      });
      expect(result.errors).toBeUndefined();
    } finally {
      await client.dispose();
    }
    await tracing.forceFlush();
    const spans = exporter.getFinishedSpans();
    const operation = spans.find((s) => s.name === 'graphql-ws execute');
    expect(operation, spans.map((s) => s.name).join(', ')).toBeDefined();
    expect(operation!.kind).toBe(SpanKind.SERVER);
    expect(operation!.attributes['graphql.operation.name']).toBe('OverWebSocket');
    const traceId = operation!.spanContext().traceId;
    const calls = spans.filter(
      (s) => s.name.startsWith('subgraph ') && parentOf(s) === operation!.spanContext().spanId,
    );
    expect(calls.map((s) => s.name).sort()).toEqual(['subgraph contacts', 'subgraph incidents']);
    const sql = spans.filter((s) => s.attributes['db.system.name'] === 'postgresql');
    expect(sql.length).toBeGreaterThan(0);
    for (const statement of sql) expect(statement.spanContext().traceId).toBe(traceId);
  });
});
