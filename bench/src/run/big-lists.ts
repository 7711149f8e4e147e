import type { SentStatement } from '../sql-count.ts';
import { median, ms, percentile, table } from '../stats.ts';
import { post, withSql } from './io.ts';
import { config, log } from './options.ts';
import { results, targets, type Results } from './state.ts';

// Big lists: keyset pages of incidents straight at the subgraph, their order, and their query plans.

export interface BigListFilter {
  name: string;
  filter: Record<string, unknown> | null;
}
export interface ListResult {
  incidents: {
    edges: { node: { id: string; reportedAt: string } }[];
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
  };
}

export function dashboardFilters(): BigListFilter[] {
  return [
    { name: 'everything visible', filter: null },
    { name: 'one country (MY)', filter: { countryCodes: ['MY'] } },
    { name: 'major (≥ HIGH)', filter: { minSeverity: 'HIGH' } },
    { name: 'two countries, ≥ HIGH', filter: { countryCodes: ['SG', 'TH'], minSeverity: 'HIGH' } },
    { name: 'open ransomware', filter: { categories: ['RANSOMWARE'], statuses: ['TRIAGED', 'IN_PROGRESS'] } },
    { name: 'cross-border, ≥ SEVERE', filter: { crossBorder: true, minSeverity: 'SEVERE' } },
  ];
}

const LIST_QUERY = /* GraphQL */ `
  query List($first: Int!, $filter: IncidentFilter, $after: String) {
    incidents(first: $first, filter: $filter, after: $after) {
      edges {
        node {
          id
          title
          severity
          status
          reportedAt
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`;
export const listBody = (filter: Record<string, unknown> | null, after: string | null) =>
  JSON.stringify({ query: LIST_QUERY, variables: { first: config.listPageSize, filter, after } });

/** Whether `b` comes strictly after `a` in the lists' order, (reportedAt desc, id desc). */
function listedAfter(a: { id: string; reportedAt: string }, b: { id: string; reportedAt: string }): boolean {
  const at = Date.parse(a.reportedAt);
  const bt = Date.parse(b.reportedAt);
  // Ids are UUIDs in lower-case hex: string order is PostgreSQL's uuid order.
  return bt < at || (bt === at && b.id < a.id);
}

export async function bigLists(
  url: string,
  incidentsUrl: string,
  auth: Record<string, string>,
  filters: readonly BigListFilter[],
  explained: readonly { name: string; statements: SentStatement[] }[],
): Promise<string> {
  log('Big lists…');
  const total = await withSql(
    url,
    async (sql) =>
      (await sql<{ n: number }[]>`select count(*)::int as n from incidents.incidents`)[0]?.n ?? 0,
  );
  const pages = 5;
  const rows: string[][] = [];
  const all: number[] = [];
  const checked: NonNullable<Results['bigLists']> = [];
  results.bigLists = checked;
  for (const { name, filter } of filters) {
    const samples: number[] = [];
    const check: NonNullable<Results['bigLists']>[number] = {
      name,
      pages: 0,
      rows: 0,
      ordered: true,
      duplicates: 0,
      plans: [],
    };
    checked.push(check);
    for (let repeat = 0; repeat < config.listRepeats; repeat++) {
      let after: string | null = null;
      // Each walk through the pages must continue the order and never list an incident twice.
      const seen = new Set<string>();
      let previous: { id: string; reportedAt: string } | null = null;
      for (let page = 0; page < pages; page++) {
        const started = performance.now();
        const result: { data?: ListResult; errors?: unknown } = await post<ListResult>(
          incidentsUrl,
          listBody(filter, after),
          auth,
        );
        samples.push(performance.now() - started);
        if (result.errors) throw new Error(`${name}: ${JSON.stringify(result.errors)}`);
        check.pages += 1;
        for (const { node } of result.data?.incidents.edges ?? []) {
          check.rows += 1;
          if (seen.has(node.id)) check.duplicates += 1;
          seen.add(node.id);
          if (previous && !listedAfter(previous, node)) check.ordered = false;
          previous = node;
        }
        after = result.data?.incidents.pageInfo.endCursor ?? null;
        if (!result.data?.incidents.pageInfo.hasNextPage) break;
      }
    }
    if (!check.ordered || check.duplicates) log(`  ${name}: pages out of order or with duplicates`);
    all.push(...samples);
    rows.push([
      name,
      ms(median(samples)),
      ms(percentile(samples, 95)),
      String(samples.length),
      check.ordered && !check.duplicates
        ? 'yes'
        : `**no** (${check.ordered ? 'ordered' : 'out of order'}, ${check.duplicates} duplicates)`,
    ]);
  }
  targets.bigListP95 = percentile(all, 95);

  const plans: string[] = [];
  const planRows: string[][] = [];
  await withSql(url, async (sql) => {
    for (const { name, statements } of explained) {
      for (const statement of statements) {
        const lines = (
          await sql.unsafe(`explain (analyze, buffers) ${statement.text}`, statement.params as never[])
        ).map((row) => String((row as Record<string, unknown>)['QUERY PLAN']));
        const plan = lines.join('\n');
        const seqScan = /Seq Scan on incidents\b/.test(plan);
        if (seqScan) targets.seqScans.push(name);
        const indexes = [
          ...new Set(
            [
              ...plan.matchAll(/(?:Index|Index Only|Bitmap Index) Scan(?: Backward)? (?:using|on) (\w+)/g),
            ].map((m) => m[1]),
          ),
        ];
        const time = /Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? '?';
        checked.find((c) => c.name === name)?.plans.push({ indexes: indexes as string[], seqScan });
        planRows.push([name, indexes.join(', ') || '–', seqScan ? '**yes**' : 'no', `${time} ms`]);
        plans.push(`### ${name}\n\n\`\`\`\n${statement.text}\n\n${plan}\n\`\`\``);
      }
    }
  });
  return [
    '## Big lists',
    '',
    `Keyset-paginated \`incidents(first: ${config.listPageSize}, filter, after)\` straight at the incidents subgraph over ${total.toLocaleString('en')} incidents, ` +
      `as a MyCERT member (TLP visibility is part of every query): ${pages} pages deep, ${config.listRepeats} times per filter, one request at a time. ` +
      `"in order" checks that each walk through the pages lists every incident once, strictly by (\`reportedAt\` desc, \`id\` desc).`,
    '',
    table(['filter', 'p50', 'p95', 'requests', 'in order'], rows),
    '',
    `All filters together: p50 ${ms(median(all))}, p95 ${ms(targets.bigListP95)}.`,
    '',
    'Query plans (`EXPLAIN (ANALYZE, BUFFERS)` of the statement each list runs for its second page):',
    '',
    table(['filter', 'indexes used', 'Seq Scan on incidents', 'execution'], planRows),
    '',
    '<details><summary>Plans</summary>',
    '',
    plans.join('\n\n'),
    '',
    '</details>',
  ].join('\n');
}
