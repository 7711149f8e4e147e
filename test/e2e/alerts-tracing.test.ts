import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role, SpanKind, SpanStatusCode, startTracing } from '@cadg/platform';
import { createRule, report, useReceiver } from './alert-receiver.ts';
import { startGraph, type Graph } from './harness.ts';

// Tracing is process-wide; Vitest runs each test file in its own worker, so this stays in this file.
const exporter = new InMemorySpanExporter();
let tracing: ReturnType<typeof startTracing>;
let graph: Graph;

beforeAll(() => {
  tracing = startTracing({ serviceName: 'e2e', spanProcessors: [new SimpleSpanProcessor(exporter)] });
});
afterAll(async () => {
  await tracing?.shutdown();
});
const { receiver, attempts } = useReceiver(
  async (attempts) => (graph = await startGraph({ alerts: { retryBaseMs: 10, onAttempt: attempts.record } })),
);

describe('alert delivery tracing', () => {
  it('traces each delivery attempt as a CLIENT span whose context the webhook carries to the receiver', async () => {
    const admin = await graph.token('sg-csa', [Role.OrgAdmin]);
    receiver.scripts.set('/traced', [503]);
    await createRule(graph, admin, {
      name: 'Traced receiver',
      channel: 'WEBHOOK',
      target: receiver.url('/traced'),
      countryCodes: ['VN'],
    });
    await report(graph, 'my-mycert', { title: 'Traced alert', affectedCountryCodes: ['VN'] });
    const requests = await receiver.waitFor('/traced', 2);
    const deliveryId = String(requests[0]!.headers['webhook-id']);
    await attempts.waitFor((r) => r.deliveryId === deliveryId && r.status === 'DELIVERED');
    await tracing.forceFlush();

    const spans = exporter
      .getFinishedSpans()
      .filter((s) => s.name === 'alert webhook' && s.attributes['alert.delivery_id'] === deliveryId)
      .sort((a, b) => Number(a.attributes['alert.attempt']) - Number(b.attributes['alert.attempt']));
    expect(spans.map((s) => [s.kind, s.attributes['alert.attempt'], s.status.code])).toEqual([
      [SpanKind.CLIENT, 1, SpanStatusCode.ERROR],
      [SpanKind.CLIENT, 2, SpanStatusCode.UNSET],
    ]);
    expect(spans[0]!.events.map((e) => e.name)).toContain('exception');
    expect(spans[1]!.attributes).toMatchObject({
      'alert.channel': 'WEBHOOK',
      'alert.kind': 'INCIDENT_REPORTED',
    });
    // W3C traceparent: version-traceid-spanid-flags, naming each attempt's own span.
    requests.forEach((request, n) => {
      const context = spans[n]!.spanContext();
      expect(request.headers['traceparent']).toBe(`00-${context.traceId}-${context.spanId}-01`);
    });
  });
});
