import { context, SpanKind, SpanStatusCode, trace, TraceFlags, type Span } from '@opentelemetry/api';
import {
  AlwaysOnSampler,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as incidents from '../src/schema/incidents.ts';
import { openTestDatabase, type TestDatabase } from '../src/testing/index.ts';
import { querySummary } from '../src/tracing.ts';

// Always-on sampling, not parent-based: a span started under a non-recording parent would record,
// so only the instrumentation's own check keeps SQL untraced there.
const exporter = new InMemorySpanExporter();
let started = 0;
const countStarts: SpanProcessor = {
  onStart: () => void (started += 1),
  onEnd: () => {},
  forceFlush: async () => {},
  shutdown: async () => {},
};
const provider = new NodeTracerProvider({
  sampler: new AlwaysOnSampler(),
  spanProcessors: [countStarts, new SimpleSpanProcessor(exporter)],
});
let testDb: TestDatabase;

beforeAll(async () => {
  provider.register();
  testDb = await openTestDatabase();
});
afterAll(async () => {
  await testDb?.dispose();
  await provider.shutdown();
  trace.disable();
  context.disable();
});
beforeEach(() => {
  exporter.reset();
  started = 0;
});

const tracer = () => trace.getTracer('db-test');
async function inSpan<T>(run: () => Promise<T>): Promise<{ result: T; parent: Span }> {
  return tracer().startActiveSpan('operation', async (parent) => {
    try {
      return { result: await run(), parent };
    } finally {
      parent.end();
    }
  });
}
const sqlSpans = () =>
  exporter.getFinishedSpans().filter((s) => s.attributes['db.system.name'] === 'postgresql');
const nanos = ([seconds, nanoseconds]: [number, number]) =>
  BigInt(seconds) * 1_000_000_000n + BigInt(nanoseconds);
const durationNanos = (span: ReadableSpan) => nanos(span.duration);

describe('SQL spans', () => {
  it('cover each statement from dispatch to result, as children of the operation running it', async () => {
    const { db } = testDb.database;
    const { result: rows, parent } = await inSpan(() =>
      db
        .select({ id: incidents.incidents.id })
        .from(incidents.incidents)
        .where(ne(incidents.incidents.reportedBySub, 'secret-subject'))
        .limit(3),
    );
    expect(rows.length).toBeGreaterThan(0);
    const [span, ...others] = sqlSpans();
    expect(others).toEqual([]);
    expect(span!.kind).toBe(SpanKind.CLIENT);
    expect(span!.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
    expect(span!.name).toBe('select "incidents"."incidents"');
    expect(span!.attributes['db.query.summary']).toBe(span!.name);
    expect(span!.attributes['db.query.text']).toMatch(
      /^select "id" from "incidents"\."incidents" where "incidents"\."incidents"\."reported_by_sub" <> \$1 limit \$2$/,
    );
    // The statement text only: parameters appear nowhere.
    expect(JSON.stringify([span!.name, span!.attributes, span!.events])).not.toContain('secret-subject');
    expect(span!.attributes['db.response.returned_rows']).toBe(rows.length);
    expect(span!.status.code).toBe(SpanStatusCode.UNSET);
    expect(durationNanos(span!)).toBeGreaterThan(0n);
    expect(nanos(span!.endTime)).toBeGreaterThan(nanos(span!.startTime));
    if (testDb.database.kind === 'postgres') {
      expect(span!.attributes['server.address']).toEqual(expect.any(String));
      expect(span!.attributes['db.namespace']).toEqual(expect.any(String));
    }
  });

  it('cover the statements of a transaction', async () => {
    const { db } = testDb.database;
    const { parent } = await inSpan(() =>
      db.transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        await tx.transaction((inner) => inner.select().from(incidents.incidents).limit(1));
      }),
    );
    const texts = sqlSpans().map((s) => s.attributes['db.query.text']);
    expect(texts).toContain('select 1');
    expect(texts.some((t) => typeof t === 'string' && /from "incidents"\."incidents"/.test(t))).toBe(true);
    expect(sqlSpans().every((s) => s.parentSpanContext?.spanId === parent.spanContext().spanId)).toBe(true);
  });

  it('record a failing statement as an error, with its SQLSTATE', async () => {
    const { db } = testDb.database;
    await inSpan(() => expect(db.execute(sql`select * from no_such_table`)).rejects.toThrow());
    const [span] = sqlSpans();
    expect(span!.status.code).toBe(SpanStatusCode.ERROR);
    expect(span!.attributes['db.response.status_code']).toBe('42P01');
    expect(span!.attributes['error.type']).toBe('42P01');
    expect(span!.events.map((e) => e.name)).toEqual(['exception']);
    expect(span!.events[0]!.attributes?.['exception.message']).toMatch(/no_such_table/);
    expect(nanos(span!.endTime)).toBeGreaterThan(nanos(span!.startTime));
  });

  it('leave out the input value PostgreSQL quotes in an error message', async () => {
    const { db } = testDb.database;
    await inSpan(() =>
      expect(db.execute(sql`select ${'secret-input'}::uuid`)).rejects.toThrow(/secret-input/),
    );
    const [span] = sqlSpans();
    expect(span!.attributes['error.type']).toBe('22P02');
    const recorded = JSON.stringify({ status: span!.status, events: span!.events });
    expect(recorded).toMatch(/invalid input syntax for type uuid/);
    expect(recorded).not.toMatch(/secret-input/);
  });

  it('are not even started when nothing is recording', async () => {
    const { db } = testDb.database;
    // No active span at all.
    await db.select().from(incidents.incidents).limit(1);
    // An active span that does not record (a caller's unsampled trace).
    const unsampled = trace.wrapSpanContext({
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: TraceFlags.NONE,
    });
    await context.with(trace.setSpan(context.active(), unsampled), () =>
      db.transaction((tx) => tx.select().from(incidents.incidents).limit(1)),
    );
    expect(started).toBe(0);
    expect(exporter.getFinishedSpans()).toEqual([]);
  });
});

describe('query summary', () => {
  it('lists operations and tables in order, as written', () => {
    expect(querySummary('select "id" from "incidents"."incidents" where "id" = $1')).toBe(
      'select "incidents"."incidents"',
    );
    expect(
      querySummary('INSERT INTO shipping_details (order_id, address) SELECT order_id, address FROM orders'),
    ).toBe('INSERT shipping_details SELECT orders');
    expect(querySummary('SELECT * FROM songs, artists WHERE songs.artist_id = artists.id')).toBe(
      'SELECT songs artists',
    );
    expect(querySummary('SELECT d FROM (SELECT * FROM orders o JOIN customers c ON o.id = c.id)')).toBe(
      'SELECT SELECT orders customers',
    );
    expect(querySummary('update "t" set "a" = $1 where "id" = $2')).toBe('update "t"');
    expect(querySummary('delete from "t" where "id" in (select "id" from "u")')).toBe(
      'delete "t" select "u"',
    );
    expect(
      querySummary('insert into "t" ("a") values ($1) on conflict ("a") do update set "a" = excluded."a"'),
    ).toBe('insert "t" update');
  });

  it('does not take function arguments, locking clauses or literals for tables', () => {
    expect(querySummary(`select extract(year from "at") from "t" where a is distinct from b`)).toBe(
      'select "t"',
    );
    expect(querySummary('select * from "t" for update skip locked')).toBe('select "t"');
    expect(querySummary(`select 'from x' from "t" -- from y`)).toBe('select "t"');
    expect(querySummary('begin')).toBe('begin');
    expect(querySummary('   ')).toBeUndefined();
  });

  it('stays within 255 characters, whole words only', () => {
    const summary = querySummary(
      `select * from ${Array.from({ length: 100 }, (_, i) => `"table_${i}"`).join(', ')}`,
    );
    expect(summary!.length).toBeLessThanOrEqual(255);
    expect(summary).toMatch(/"table_\d+"$/);
  });
});
