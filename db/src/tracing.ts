import { context, SpanKind, trace } from '@opentelemetry/api';
import type { Logger } from 'drizzle-orm/logger';

/** Statements longer than this are cut in span attributes (a bulk insert can be megabytes). */
const MAX_STATEMENT_LENGTH = 2_000;

/**
 * Marks each SQL statement drizzle sends as a CLIENT span of the operation that runs it, with the
 * statement text (never its parameters, which hold callers' data). Drizzle's logger hook fires when
 * a statement is dispatched and has no completion callback, so a span records which statements an
 * operation ran and in what order, not how long each took: the enclosing subgraph span has that.
 *
 * Costs one context lookup per statement when nothing is being traced (no recording span).
 */
export const sqlSpanLogger: Logger = {
  logQuery(query) {
    const active = context.active();
    if (!trace.getSpan(active)?.isRecording()) return;
    const statement =
      query.length > MAX_STATEMENT_LENGTH ? `${query.slice(0, MAX_STATEMENT_LENGTH)}…` : query;
    trace
      .getTracer('cadg-sql')
      .startSpan(
        `sql ${statementKind(query)}`,
        { kind: SpanKind.CLIENT, attributes: { 'db.system.name': 'postgresql', 'db.query.text': statement } },
        active,
      )
      .end();
  },
};

function statementKind(query: string): string {
  const match = /^\s*(\w+)/.exec(query);
  return match?.[1]?.toLowerCase() ?? 'query';
}
