import { createDatabase } from '@cadg/db';
import { DEFAULT_LIMITS } from '@cadg/gateway';
import type { createTokenVerifier } from '@cadg/platform';
import { startStack } from '@cadg/stack';
import { dashboardBody, type DashboardResult } from '../dashboard.ts';
import { countStatements, type SentStatement } from '../sql-count.ts';
import { table } from '../stats.ts';
import { listBody, type BigListFilter, type ListResult } from './big-lists.ts';
import { post } from './io.ts';
import { log } from './options.ts';
import { results, type Results } from './state.ts';

// SQL per operation (and the statements the big-list queries run, for EXPLAIN).

export async function sqlPerOperation(
  url: string,
  verifier: Awaited<ReturnType<typeof createTokenVerifier>>,
  auth: Record<string, string>,
  filters: readonly BigListFilter[],
) {
  log('SQL per operation…');
  const base = await createDatabase({ url, maxConnections: 2 });
  const counted = countStatements(base, url);
  const stack = await startStack({
    database: counted.database,
    verifier,
    logging: false,
    protection: { rateLimit: null, limits: { ...DEFAULT_LIMITS, maxCost: 10_000_000 } },
    // The alert dispatcher's passes are background SQL, not the dashboard's: none during the counts.
    alerts: { dispatch: false },
  });
  try {
    const sizes = [10, 100, 500];
    const rows: string[][] = [];
    const measured: NonNullable<Results['sql']>['sizes'] = [];
    await post(stack.gatewayUrl, dashboardBody(10), auth); // warm-up
    for (const size of sizes) {
      counted.reset();
      const result = await post<DashboardResult>(stack.gatewayUrl, dashboardBody(size), auth);
      if (result.errors) throw new Error(`dashboard(${size}) failed: ${JSON.stringify(result.errors)}`);
      const statements = counted.count();
      const bySchema = new Map<string, number>();
      for (const text of counted.statements()) {
        const schema = /from "(\w+)"\./.exec(text)?.[1] ?? 'other';
        bySchema.set(schema, (bySchema.get(schema) ?? 0) + 1);
      }
      const returned = result.data?.incidents.edges.length ?? 0;
      measured.push({ size, returned, statements, bySchema: Object.fromEntries(bySchema) });
      rows.push([
        String(size),
        String(returned),
        String(statements),
        [...bySchema].map(([schema, n]) => `${schema} ${n}`).join(', '),
      ]);
    }
    const counts = rows.map((r) => r[2]);
    const constant = new Set(counts).size === 1;
    results.sql = { sizes: measured, constant };

    // The statements behind each big-list query (first page and a later one), for EXPLAIN.
    const explain: { name: string; statements: SentStatement[] }[] = [];
    const incidentsUrl = stack.subgraphUrls['incidents']!;
    for (const filter of filters) {
      const first = await post<ListResult>(incidentsUrl, listBody(filter.filter, null), auth);
      const after = first.data?.incidents.pageInfo.endCursor ?? null;
      counted.reset();
      await post(incidentsUrl, listBody(filter.filter, after), auth);
      explain.push({
        name: filter.name,
        statements: counted.queries().filter((q) => /"incidents"\."incidents"/.test(q.text)),
      });
    }
    const markdown = [
      '## SQL statements per operation',
      '',
      `The dashboard query (all four subgraphs) through a dedicated stack whose PostgreSQL client counts every statement (postgres.js \`debug\`). ` +
        `The API's largest page is 500, so 500 stands in for 1000.`,
      '',
      table(['page size', 'incidents returned', 'statements', 'by schema'], rows),
      '',
      constant
        ? `**Constant in list size** (${counts[0]} statements).`
        : `**Grows with list size** (${counts.join(' / ')}).`,
    ].join('\n');
    return { markdown, explain };
  } finally {
    await stack.close();
    await counted.database.close();
    await base.close();
  }
}
