/**
 * `npm run bench [-- --quick | --smoke] [--subscribers 1000,5000,10000] [--incidents 1000000] [...]`
 *
 * Side-by-side benchmarks of the graph on this machine, all on loopback: gateway throughput against
 * @apollo/gateway and the stock Hive Gateway runtime, gateway overhead, SQL statements per operation,
 * graphql-ws fan-out and big keyset-paginated lists. Prints the tables and writes BENCHMARKS.md.
 * Needs PostgreSQL: DATABASE_URL (a server URL; the bench uses its own `cadg_bench` database on it,
 * `--database NAME` for another) or postgres://postgres@127.0.0.1:5432/postgres.
 *
 * `--smoke` runs every section at tiny sizes in a database it creates for the run (a fresh
 * `cadg_bench_smoke_…`, or `--database NAME`, which must not exist yet) and drops at the end; it
 * writes Markdown only with `--out`. `--json FILE` writes what each section observed (counts and
 * checks, besides the timings), which `test/e2e/bench-smoke.test.ts` asserts on in `npm test`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import postgres from 'postgres';
import * as prettier from 'prettier';
import { createDatabase, seedDatabase } from '@cadg/db';
import { composeFromSchemaFiles, DEFAULT_LIMITS, subgraphs as composedSubgraphs } from '@cadg/gateway';
import { createTokenVerifier, DEFAULT_AUDIENCE, DEV_ISSUER, Role, signDevToken } from '@cadg/platform';
import { startStack } from '@cadg/stack';
import { dashboardBody, type DashboardResult } from './src/dashboard.ts';
import { startProcess, type BenchProcess } from './src/ipc.ts';
import { countStatements, type SentStatement } from './src/sql-count.ts';
import { formatDuration, progressBar, seedLarge } from './src/seed-large.ts';
import { mib, median, ms, percentile, ratio, table, unionLength } from './src/stats.ts';

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    smoke: { type: 'boolean', default: false },
    database: { type: 'string' },
    incidents: { type: 'string' },
    'updates-per-incident': { type: 'string' },
    subscribers: { type: 'string' },
    'fanout-tokens': { type: 'string' },
    duration: { type: 'string' },
    connections: { type: 'string' },
    rounds: { type: 'string' },
    'page-size': { type: 'string', default: '20' },
    sections: { type: 'string', default: 'sql,throughput,overhead,biglists,fanout' },
    out: { type: 'string' },
    json: { type: 'string' },
  },
});
const quick = flags.quick;
const smoke = flags.smoke;
/** Picks the smoke, quick or full default. */
const pick = <T>(smokeValue: T, quickValue: T, fullValue: T): T =>
  smoke ? smokeValue : quick ? quickValue : fullValue;
const config = {
  // The smoke's incidents are enough that a MyCERT member sees more than the largest page (500).
  incidents: Number(flags.incidents ?? pick(1_200, 20_000, 100_000)),
  updatesPerIncident: Number(flags['updates-per-incident'] ?? pick(1, 3, 3)),
  subscribers: (flags.subscribers ?? pick('50', '200', '1000,5000,10000')).split(',').map(Number),
  durationSeconds: Number(flags.duration ?? pick(1, 3, 10)),
  connections: Number(flags.connections ?? pick(4, 16, 16)),
  rounds: Number(flags.rounds ?? pick(1, 1, 3)),
  pageSize: Number(flags['page-size']),
  sections: new Set(flags.sections.split(',')),
  overheadRequests: pick(10, 30, 150),
  listRepeats: pick(1, 3, 10),
  // Smaller list pages on the smoke's small data, so every filter still walks several pages.
  listPageSize: pick(10, 50, 50),
  fanoutEvents: pick(1, 2, 3),
  fanoutTokens: Number(flags['fanout-tokens'] ?? pick(5, 100, 100)),
};
const databaseName =
  flags.database ?? (smoke ? `cadg_bench_smoke_${randomBytes(4).toString('hex')}` : 'cadg_bench');
if (!/^[a-z_][a-z0-9_]*$/.test(databaseName))
  throw new Error(`--database ${databaseName}: use [a-z0-9_] only.`);
// The smoke writes Markdown only when asked to: it is a check of the tooling, not a measurement.
const out = flags.out ?? (smoke ? null : new URL('../BENCHMARKS.md', import.meta.url).pathname);

const GATEWAYS = {
  ours: 'ours, as shipped (Rust planner)',
  'ours-js': "ours with `queryPlanner: 'javascript'`",
  apollo: '@apollo/gateway 2.14.4',
  hive: 'stock Hive Gateway runtime 2.12.1',
} as const;
type GatewayKind = keyof typeof GATEWAYS;
const KINDS = Object.keys(GATEWAYS) as GatewayKind[];

const log = (message: string) => process.stderr.write(`${message}\n`);
const startedAt = new Date();
const loadBefore = os.loadavg();
const report: string[] = [];
const cleanups: (() => Promise<unknown>)[] = [];

/** What `--json` writes: what each section observed, for `test/e2e/bench-smoke.test.ts`. */
interface Results {
  mode: 'smoke' | 'quick' | 'full';
  database: string;
  incidents?: number;
  sql?: {
    sizes: { size: number; returned: number; statements: number; bySchema: Record<string, number> }[];
    constant: boolean;
  };
  /** Per gateway: the dashboard check before the measurements. */
  dashboard?: Partial<Record<GatewayKind, { errors: unknown; bytes: number; identicalToOurs: boolean }>>;
  /** Per gateway, over every measured run: requests and the ones that failed. */
  throughput?: Partial<
    Record<
      GatewayKind,
      { requests: number; non2xx: number; errors: number; timeouts: number; graphqlErrors: number }
    >
  >;
  /** Per gateway: the dashboard requests sent and the subgraph calls each one made. */
  overhead?: Partial<
    Record<
      GatewayKind,
      { requests: number; failed: number; subgraphCalls: { min: number; median: number; max: number } }
    >
  >;
  bigLists?: {
    name: string;
    /** Over every repeat: pages fetched, rows seen, and the checks. */
    pages: number;
    rows: number;
    /** Every page continued the previous one strictly in (reportedAt desc, id desc). */
    ordered: boolean;
    /** Ids seen more than once within one walk through the filter's pages. */
    duplicates: number;
    plans: { indexes: string[]; seqScan: boolean }[];
  }[];
  fanout?: {
    subscribers: number;
    tokens: number;
    events: number;
    /** subscribers × events */
    expected: number;
    /** Distinct (subscriber, event) receipts of the measured events. */
    delivered: number;
    /** Receipts of an event a subscriber already had, over the whole run (probes included). */
    duplicates: number;
    /** Subscription errors over the whole run, and the first few. */
    errors: number;
    errorSamples: string[];
    /** The gateway's `graphql_subscription_streams` and `graphql_live_subscriptions` once all were live. */
    streams: number | null;
    liveSubscriptions: number | null;
  }[];
}
const results: Results = {
  mode: smoke ? 'smoke' : quick ? 'quick' : 'full',
  database: databaseName,
};

async function main() {
  const serverUrl = process.env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/postgres';
  const url = await benchDatabase(serverUrl, databaseName, smoke);
  const pgVersion = await withSql(
    url,
    async (sql) => (await sql<{ v: string }[]>`select current_setting('server_version') as v`)[0]?.v,
  );

  const keyDir = await mkdtemp(join(os.tmpdir(), 'cadg-bench-'));
  cleanups.push(() => rm(keyDir, { recursive: true, force: true }));
  const verifier = await createTokenVerifier({
    issuer: DEV_ISSUER,
    audience: DEFAULT_AUDIENCE,
    devKeyDir: keyDir,
  });
  // A MyCERT member: sees CLEAR, GREEN and what was shared with MyCERT, like a partner dashboard.
  const token = await signDevToken(keyDir, {
    sub: 'bench',
    org: 'my-mycert',
    roles: [Role.Member],
    expiresIn: '2h',
  });
  const auth = { authorization: `Bearer ${token}` };

  log(`Seeding: ${config.incidents.toLocaleString('en')} generated incidents (resumes what is there)…`);
  const seedStarted = performance.now();
  const added = await seedLarge({
    url,
    incidents: config.incidents,
    updatesPerIncident: config.updatesPerIncident,
    onProgress: progressBar(),
  });
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  log(added ? `\nAdded ${added.toLocaleString('en')} in ${formatDuration(seedSeconds)}.` : 'Already seeded.');

  // Section: SQL per operation, in a dedicated in-process stack whose statements are counted.
  let explainStatements: { name: string; statements: SentStatement[] }[] = [];
  const bigListFilters = dashboardFilters();
  if (config.sections.has('sql') || config.sections.has('biglists')) {
    const measured = await sqlPerOperation(url, verifier, auth, bigListFilters);
    explainStatements = measured.explain;
    if (config.sections.has('sql')) report.push(measured.markdown);
  }

  // The subgraphs every gateway shares, in a process of their own.
  log('Starting the subgraphs and gateways…');
  const { process: subgraphs, ready } = await startProcess('./subgraphs-process.ts', [], {
    DATABASE_URL: url,
    KEY_DIR: keyDir,
  });
  cleanups.push(() => subgraphs.stop());
  const subgraphUrls = ready['subgraphUrls'] as Record<string, string>;
  const supergraphFile = join(keyDir, 'supergraph.graphql');
  await writeFile(
    supergraphFile,
    await composeFromSchemaFiles(composedSubgraphs, (s) => subgraphUrls[s.name] ?? ''),
  );

  const gateways = {} as Record<GatewayKind, { process: BenchProcess; url: string }>;
  const needGateways = ['throughput', 'overhead', 'fanout'].some((s) => config.sections.has(s));
  // Started side by side (they are idle until measured); each stopped at the end even if another failed.
  const starting = (needGateways ? KINDS : []).map(async (kind) => {
    const started = await startProcess('./gateway-process.ts', [kind], {
      SUPERGRAPH_FILE: supergraphFile,
      KEY_DIR: keyDir,
    });
    cleanups.push(() => started.process.stop());
    gateways[kind] = { process: started.process, url: String(started.ready['url']) };
  });
  for (const outcome of await Promise.allSettled(starting))
    if (outcome.status === 'rejected') throw outcome.reason;
  if (needGateways) await checkSameAnswers(gateways, auth);

  if (config.sections.has('throughput')) report.push(await throughput(gateways, auth));
  if (config.sections.has('overhead')) report.push(await overhead(gateways, subgraphs, auth));
  if (config.sections.has('biglists'))
    report.push(await bigLists(url, subgraphUrls['incidents']!, auth, bigListFilters, explainStatements));
  if (config.sections.has('fanout')) {
    // As many distinct member tokens (same organization, so the same TLP view) for the harder case.
    const tokens = await Promise.all(
      Array.from({ length: config.fanoutTokens }, (_, i) =>
        signDevToken(keyDir, {
          sub: `bench-agency-${i}`,
          org: 'my-mycert',
          roles: [Role.Member],
          expiresIn: '2h',
        }),
      ),
    );
    report.push(await fanOut(gateways.ours, subgraphs, token, tokens, auth));
  }

  const incidentRows = await withSql(
    url,
    async (sql) =>
      (await sql<{ n: number }[]>`select count(*)::int as n from incidents.incidents`)[0]?.n ?? 0,
  );
  results.incidents = incidentRows;
  if (flags.json) await writeFile(flags.json, `${JSON.stringify(results, null, 2)}\n`);
  const markdown = document({ pgVersion: pgVersion ?? '?', seedSeconds, added, incidentRows });
  if (out) {
    // Formatted like every other file, so `prettier --check .` in npm test stays green.
    await writeFile(
      out,
      await prettier.format(markdown, { ...(await prettier.resolveConfig(out)), filepath: out }),
    );
  }
  process.stdout.write(
    `${report.join('\n\n')}\n\n${out ? `Wrote ${out}` : 'No Markdown written (--smoke without --out)'}` +
      `${flags.json ? `, results in ${flags.json}` : ''}\n`,
  );
}

/**
 * Creates (if missing) and prepares the bench database on the server; returns its URL. With `fresh`
 * (the smoke) the database must not exist yet, and is dropped when the run ends.
 */
async function benchDatabase(serverUrl: string, name: string, fresh: boolean): Promise<string> {
  await withSql(serverUrl, async (sql) => {
    const [exists] = await sql`select 1 from pg_database where datname = ${name}`;
    if (exists && fresh)
      throw new Error(`Database ${name} exists; the smoke only uses a database of its own.`);
    if (!exists) await sql.unsafe(`create database "${name}"`);
  });
  // Registered first, so it runs after every process using the database has stopped.
  if (fresh)
    cleanups.push(() =>
      withSql(serverUrl, (sql) => sql.unsafe(`drop database if exists "${name}" with (force)`)),
    );
  const parsed = new URL(serverUrl);
  parsed.pathname = `/${name}`;
  const url = parsed.toString();
  const database = await createDatabase({ url, maxConnections: 2 });
  try {
    await database.migrate();
    await seedDatabase(database.db);
  } finally {
    await database.close();
  }
  return url;
}

async function withSql<T>(url: string, use: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await use(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function post<T>(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ data?: T; errors?: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body,
  });
  return (await response.json()) as { data?: T; errors?: unknown };
}

// ---------------------------------------------------------------------------------------------
// SQL per operation (and the statements the big-list queries run, for EXPLAIN)

async function sqlPerOperation(
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

// ---------------------------------------------------------------------------------------------
// Gateway throughput

async function checkSameAnswers(
  gateways: Record<GatewayKind, { url: string }>,
  auth: Record<string, string>,
) {
  const answers = new Map<GatewayKind, string>();
  const checked: NonNullable<Results['dashboard']> = {};
  results.dashboard = checked;
  for (const kind of KINDS) {
    const result = await post<DashboardResult>(gateways[kind].url, dashboardBody(config.pageSize), auth);
    const answer = result.data ? JSON.stringify(result.data) : '';
    answers.set(kind, answer);
    checked[kind] = { errors: result.errors ?? null, bytes: answer.length, identicalToOurs: false };
  }
  for (const kind of KINDS) checked[kind]!.identicalToOurs = answers.get(kind) === answers.get('ours');
  for (const kind of KINDS) {
    if (checked[kind]!.errors || !answers.get(kind))
      throw new Error(`${kind} answered ${JSON.stringify(checked[kind]!.errors)}`);
    if (!checked[kind]!.identicalToOurs)
      throw new Error(`${kind} answers the dashboard differently from ours`);
  }
  log(
    `All gateways give the same dashboard (${config.pageSize} incidents, ${answers.get('ours')!.length} bytes).`,
  );
}

interface Run {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** A dashboard answer with data and no GraphQL errors (a 200 can still carry errors). */
const answeredWithoutErrors = (body: unknown) =>
  typeof body === 'string' && body.startsWith('{"data":{') && !body.includes('"errors":');

async function throughput(
  gateways: Record<GatewayKind, { url: string }>,
  auth: Record<string, string>,
): Promise<string> {
  const body = dashboardBody(config.pageSize);
  const runs = new Map<GatewayKind, Run[]>(KINDS.map((k) => [k, []]));
  const shoot = (url: string, seconds: number) =>
    autocannon({
      url,
      method: 'POST',
      connections: config.connections,
      // The smoke checks behaviour, not speed: a fixed number of requests, so a slow gateway on a
      // busy machine still answers some (a 1 s window can close before its first answer).
      ...(smoke ? { amount: config.connections * 4 } : { duration: seconds }),
      headers: { 'content-type': 'application/json', ...auth },
      body,
      // Counted in `mismatches`: responses that are a 200 but not the dashboard.
      verifyBody: answeredWithoutErrors,
    });
  const counts: NonNullable<Results['throughput']> = {};
  results.throughput = counts;
  for (const kind of KINDS) await shoot(gateways[kind].url, Math.min(3, config.durationSeconds)); // warm-up (JIT, plan caches)
  for (let round = 1; round <= config.rounds; round++) {
    // Alternating order, so drift in the machine's load does not favour whoever goes first.
    const order = round % 2 === 1 ? KINDS : [...KINDS].reverse();
    for (const kind of order) {
      log(`Throughput round ${round}/${config.rounds}: ${kind}…`);
      const result = await shoot(gateways[kind].url, config.durationSeconds);
      runs.get(kind)!.push({
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
      });
      const sum = counts[kind] ?? { requests: 0, non2xx: 0, errors: 0, timeouts: 0, graphqlErrors: 0 };
      counts[kind] = {
        requests: sum.requests + result.requests.total,
        non2xx: sum.non2xx + result.non2xx,
        errors: sum.errors + result.errors,
        timeouts: sum.timeouts + result.timeouts,
        graphqlErrors: sum.graphqlErrors + result.mismatches,
      };
    }
  }
  const summary = (kind: GatewayKind) => {
    const r = runs.get(kind)!;
    return {
      rps: median(r.map((x) => x.rps)),
      p50: median(r.map((x) => x.p50)),
      p99: median(r.map((x) => x.p99)),
      range: `${Math.round(Math.min(...r.map((x) => x.rps)))}–${Math.round(Math.max(...r.map((x) => x.rps)))}`,
      errors: r.reduce((n, x) => n + x.errors, 0),
    };
  };
  const ours = summary('ours');
  const rows = KINDS.map((kind) => {
    const s = summary(kind);
    return [
      GATEWAYS[kind],
      String(Math.round(s.rps)),
      s.range,
      ms(s.p50, 0),
      ms(s.p99, 0),
      String(s.errors),
      ratio(ours.rps, s.rps),
    ];
  });
  const rust = summary('ours-js');
  throughputRatios = {
    apollo: ours.rps / summary('apollo').rps,
    hive: ours.rps / summary('hive').rps,
    rustApollo: rust.rps / summary('apollo').rps,
    rustHive: rust.rps / summary('hive').rps,
  };
  return [
    '## Gateway throughput',
    '',
    `The dashboard query (${config.pageSize} incidents with reporter, contacts, country, data-flow regulator and AI-policy positions: all four subgraphs) ` +
      `under ${config.connections} concurrent connections with autocannon, ${smoke ? `${config.connections * 4} requests` : `${config.durationSeconds} s`} per run, ${config.rounds} round(s) alternating the order, ` +
      `after a warm-up run each. Same subgraph process, same data, same token; each gateway in its own process. Medians over rounds.`,
    '',
    table(['gateway', 'req/s', 'range', 'p50', 'p99', 'errors', 'ours ÷ this (req/s)'], rows),
  ].join('\n');
}
let throughputRatios: { apollo: number; hive: number; rustApollo: number; rustHive: number } | null = null;

// ---------------------------------------------------------------------------------------------
// Gateway overhead

async function overhead(
  gateways: Record<GatewayKind, { url: string }>,
  subgraphs: BenchProcess,
  auth: Record<string, string>,
): Promise<string> {
  const body = dashboardBody(config.pageSize);
  const rows: string[][] = [];
  const observed: NonNullable<Results['overhead']> = {};
  results.overhead = observed;
  for (const kind of KINDS) {
    log(`Overhead: ${kind}…`);
    for (let i = 0; i < 5; i++) await post(gateways[kind].url, body, auth);
    await subgraphs.request({ type: 'record', on: true }, 'recording');
    const windows: [number, number][] = [];
    let failed = 0;
    for (let i = 0; i < config.overheadRequests; i++) {
      const start = performance.timeOrigin + performance.now();
      const result = await post(gateways[kind].url, body, auth);
      windows.push([start, performance.timeOrigin + performance.now()]);
      if (result.errors || !result.data) failed += 1;
    }
    const { intervals } = await subgraphs.request<{ type: string; intervals: [number, number][] }>(
      { type: 'intervals' },
      'intervals',
    );
    await subgraphs.request({ type: 'record', on: false }, 'recording');
    const e2e = windows.map(([a, b]) => b - a);
    const inSubgraphs = windows.map(([a, b]) => unionLength(intervals, a, b));
    // A call belongs to the request in flight when it started (one request at a time); its end can be
    // stamped after the client has the answer, when the subgraph process's 'finish' runs late.
    const calls = windows.map(([a, b]) => intervals.filter(([s]) => s >= a && s <= b).length);
    const gatewayTime = e2e.map((t, i) => t - inSubgraphs[i]!);
    observed[kind] = {
      requests: windows.length,
      failed,
      subgraphCalls: { min: Math.min(...calls), median: median(calls), max: Math.max(...calls) },
    };
    rows.push([
      GATEWAYS[kind],
      ms(median(e2e)),
      ms(median(inSubgraphs)),
      ms(median(gatewayTime)),
      ms(percentile(gatewayTime, 99)),
      String(median(calls)),
    ]);
  }
  return [
    '## Gateway overhead',
    '',
    `One client, one request at a time (${config.overheadRequests} each), the same dashboard query. The subgraph process timestamps every HTTP request ` +
      `it answers; "in subgraphs" is the wall time during which at least one subgraph call of that request was in flight (parallel calls counted once), ` +
      `"in the gateway" the rest of the end-to-end time: parsing, validation, planning, HTTP to and from the subgraphs' sockets, merging and serialising.`,
    '',
    table(
      [
        'gateway',
        'end to end p50',
        'in subgraphs p50',
        'in the gateway p50',
        'in the gateway p99',
        'subgraph calls',
      ],
      rows,
    ),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Big lists

interface BigListFilter {
  name: string;
  filter: Record<string, unknown> | null;
}
interface ListResult {
  incidents: {
    edges: { node: { id: string; reportedAt: string } }[];
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
  };
}

function dashboardFilters(): BigListFilter[] {
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
const listBody = (filter: Record<string, unknown> | null, after: string | null) =>
  JSON.stringify({ query: LIST_QUERY, variables: { first: config.listPageSize, filter, after } });

/** Whether `b` comes strictly after `a` in the lists' order, (reportedAt desc, id desc). */
function listedAfter(a: { id: string; reportedAt: string }, b: { id: string; reportedAt: string }): boolean {
  const at = Date.parse(a.reportedAt);
  const bt = Date.parse(b.reportedAt);
  // Ids are UUIDs in lower-case hex: string order is PostgreSQL's uuid order.
  return bt < at || (bt === at && b.id < a.id);
}

async function bigLists(
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
  bigListP95 = percentile(all, 95);

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
        if (seqScan) seqScans.push(name);
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
    `All filters together: p50 ${ms(median(all))}, p95 ${ms(bigListP95)}.`,
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
let bigListP95 = Number.NaN;
const seqScans: string[] = [];

// ---------------------------------------------------------------------------------------------
// Fan-out

const REPORT = /* GraphQL */ `
  mutation Report($input: ReportIncidentInput!) {
    reportIncident(input: $input) {
      id
    }
  }
`;

async function fanOut(
  gateway: { process: BenchProcess; url: string },
  subgraphs: BenchProcess,
  token: string,
  distinctTokens: readonly string[],
  auth: Record<string, string>,
): Promise<string> {
  const rows: string[][] = [];
  const largest = Math.max(...config.subscribers);
  // Every size with one token (the gateway shares one upstream stream), then the largest again with
  // subscribers dealt over distinct tokens (one stream per token: sharing never crosses credentials).
  const runs: { count: number; tokens: readonly string[] }[] = [
    ...config.subscribers.map((count) => ({ count, tokens: [token] })),
    ...(distinctTokens.length > 1 ? [{ count: largest, tokens: distinctTokens }] : []),
  ];
  const wsUrl = gateway.url.replace(/^http/, 'ws');
  let serial = 0;
  const reportMajor = async () => {
    serial += 1;
    const result = await post<{ reportIncident: { id: string } }>(
      gateway.url,
      JSON.stringify({
        query: REPORT,
        variables: {
          input: {
            title: `Bench major incident ${serial}`,
            summary: 'Generated by npm run bench to measure live delivery.',
            category: 'RANSOMWARE',
            severity: 'HIGH',
            tlp: 'GREEN',
            affectedCountryCodes: ['MY', 'SG'],
          },
        },
      }),
      auth,
    );
    if (result.errors) throw new Error(`reportIncident: ${JSON.stringify(result.errors)}`);
    const cursor = await post<{ incidentEventCursor: string }>(
      gateway.url,
      JSON.stringify({ query: '{ incidentEventCursor }' }),
      auth,
    );
    return cursor.data!.incidentEventCursor;
  };
  for (const { count, tokens } of runs) {
    log(`Fan-out: ${count.toLocaleString('en')} subscribers, ${tokens.length} token(s)…`);
    const rssBefore = { gateway: gateway.process.rss(), subgraphs: subgraphs.rss() };
    const connectStarted = performance.now();
    const { process: subscribers } = await startProcess('./subscribers-process.ts', [wsUrl, String(count)], {
      TOKENS: tokens.join(','),
    });
    const connectSeconds = (performance.now() - connectStarted) / 1000;
    try {
      let errors: unknown[] = [];
      // Probe until every subscription is live upstream: a subscriber only counts once it has an event.
      let live = false;
      for (let probe = 0; probe < 5 && !live; probe++) {
        const cursor = await reportMajor();
        const received = await subscribers.request<{ type: string; times: number[]; errors: unknown[] }>(
          { type: 'await', cursor, timeoutMs: 20_000 },
          'received',
          60_000,
        );
        live = received.times.length >= count;
        errors = errors.concat(received.errors);
      }
      // With every subscriber live: how many upstream streams the gateway runs for them.
      const metrics = await gatewayMetrics(gateway.url);
      const latencies: number[] = [];
      const lasts: number[] = [];
      let delivered = 0;
      for (let event = 0; event < config.fanoutEvents; event++) {
        const cursor = await reportMajor();
        const received = await subscribers.request<{
          type: string;
          times: number[];
          occurredAt: number | null;
          errors: unknown[];
        }>({ type: 'await', cursor, timeoutMs: 30_000 }, 'received', 60_000);
        const committed = received.occurredAt ?? Number.NaN;
        const these = received.times.map((t) => t - committed);
        latencies.push(...these);
        lasts.push(Math.max(...these));
        delivered += received.times.length;
        errors = errors.concat(received.errors);
      }
      rows.push([
        count.toLocaleString('en'),
        tokens.length.toLocaleString('en'),
        `${connectSeconds.toFixed(1)} s`,
        `${delivered}/${count * config.fanoutEvents}`,
        ms(median(latencies)),
        ms(percentile(latencies, 99)),
        ms(Math.max(...lasts)),
        `${mib(gateway.process.rss())} (${mib(rssBefore.gateway)} idle)`,
        `${mib(subgraphs.rss())} (${mib(rssBefore.subgraphs)} idle)`,
      ]);
      fanoutResults.push({
        count,
        tokens: tokens.length,
        p99: percentile(latencies, 99),
        rss: gateway.process.rss(),
        complete: delivered === count * config.fanoutEvents,
      });
      const summary = await subscribers.request<{ type: string; duplicates: number; errors: number }>(
        { type: 'summary' },
        'summary',
      );
      (results.fanout ??= []).push({
        subscribers: count,
        tokens: tokens.length,
        events: config.fanoutEvents,
        expected: count * config.fanoutEvents,
        delivered,
        duplicates: summary.duplicates,
        errors: summary.errors,
        errorSamples: errors.slice(0, 5).map((e) => (typeof e === 'string' ? e : JSON.stringify(e))),
        streams: metrics?.value('graphql_subscription_streams') ?? null,
        liveSubscriptions: metrics?.value('graphql_live_subscriptions') ?? null,
      });
      if (summary.duplicates) log(`  ${summary.duplicates} events received twice by the same subscriber`);
      if (errors.length) log(`  subscriber errors: ${JSON.stringify(errors.slice(0, 3))}`);
    } finally {
      await subscribers.stop();
    }
  }
  return [
    '## Fan-out',
    '',
    `graphql-ws subscribers to \`majorIncidentUpdates(minSeverity: HIGH)\` through our gateway, one websocket each, opened from a separate process, ` +
      `all with the same member token, then the largest size again with the subscribers dealt over ${config.fanoutTokens} distinct member tokens of one organization ` +
      `(the gateway shares one upstream subscription among subscribers with the same operation, variables and token, so this is ${config.fanoutTokens} streams instead of one). ` +
      `Per run, one HIGH incident is reported through the gateway ${config.fanoutEvents} times (after probes that make sure every ` +
      `subscription is live). Latency is from the event's commit (its \`occurredAt\`, the transaction's timestamp, so slightly before the commit) ` +
      `to each subscriber's receipt; "last" is the slowest subscriber of the worst event. Memory is the resident set (VmRSS) with the subscribers connected.`,
    '',
    table(
      ['subscribers', 'tokens', 'connect', 'delivered', 'p50', 'p99', 'last', 'gateway RSS', 'subgraphs RSS'],
      rows,
    ),
  ].join('\n');
}
/** Our gateway's Prometheus samples (a metric's samples summed over labels), or null without /metrics. */
async function gatewayMetrics(gatewayUrl: string): Promise<{ value(name: string): number | null } | null> {
  const response = await fetch(new URL('/metrics', gatewayUrl));
  if (!response.ok) return null;
  const lines = (await response.text()).split('\n');
  return {
    value(name) {
      const samples = lines.filter((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
      return samples.length ? samples.reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0) : null;
    },
  };
}

const fanoutResults: { count: number; tokens: number; p99: number; rss: number | null; complete: boolean }[] =
  [];

// ---------------------------------------------------------------------------------------------
// BENCHMARKS.md

function document(run: {
  pgVersion: string;
  seedSeconds: number;
  added: number;
  incidentRows: number;
}): string {
  const cpus = os.cpus();
  const loadAfter = os.loadavg();
  const targets: string[][] = [];
  if (throughputRatios) {
    targets.push([
      'ours ≥ 3× @apollo/gateway (req/s)',
      `${throughputRatios.apollo.toFixed(2)}×`,
      throughputRatios.apollo >= 3 ? 'met' : 'missed',
    ]);
    targets.push([
      'ours ≥ 1.5× stock Hive runtime (req/s)',
      `${throughputRatios.hive.toFixed(2)}×`,
      throughputRatios.hive >= 1.5 ? 'met' : 'missed',
    ]);
    targets.push([
      "ours with `queryPlanner: 'javascript'`: ≥ 3× apollo / ≥ 1.5× stock Hive",
      `${throughputRatios.rustApollo.toFixed(2)}× / ${throughputRatios.rustHive.toFixed(2)}×`,
      throughputRatios.rustApollo >= 3 && throughputRatios.rustHive >= 1.5 ? 'met' : 'missed',
    ]);
  }
  // Each largest run: with one token (sharing at its best) and, if measured, with distinct tokens.
  const largestCount = Math.max(0, ...fanoutResults.map((r) => r.count));
  for (const run of fanoutResults.filter((r) => r.count === largestCount)) {
    const who = `${run.count.toLocaleString('en')} subscribers, ${run.tokens.toLocaleString('en')} token${run.tokens === 1 ? '' : 's'}`;
    targets.push([`${who}: p99 ≤ 1 s`, ms(run.p99, 0), run.complete && run.p99 <= 1000 ? 'met' : 'missed']);
    targets.push([
      `${who}: gateway < 1.5 GB resident`,
      mib(run.rss),
      run.rss !== null && run.rss < 1.5e9 ? 'met' : 'missed',
    ]);
  }
  if (Number.isFinite(bigListP95)) {
    targets.push(['big list p95 ≤ 25 ms', ms(bigListP95), bigListP95 <= 25 ? 'met' : 'missed']);
    targets.push([
      'no Seq Scan on incidents for dashboard filters',
      seqScans.length ? seqScans.join(', ') : 'none',
      seqScans.length ? 'missed' : 'met',
    ]);
  }
  return [
    '# Benchmarks',
    '',
    '<!-- Generated by `npm run bench`; rerun it rather than editing. -->',
    '',
    `Run ${startedAt.toISOString()}${smoke ? ' with `--smoke` (tiny sizes, a throwaway database: the check `npm test` runs, not a measurement)' : quick ? ' with `--quick` (short runs, small sizes: a check that the tooling works, not a measurement to quote)' : ''}.`,
    '',
    `- Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}`,
    `- Node.js ${process.version}, PostgreSQL ${run.pgVersion} on the same machine, everything on loopback`,
    `- Load average (1 min) ${loadBefore[0]!.toFixed(2)} before, ${loadAfter[0]!.toFixed(2)} after`,
    `- Data: ${run.incidentRows.toLocaleString('en')} incidents in \`${databaseName}\` (generated ones have ${config.updatesPerIncident} updates each, on top of the demo seed)` +
      (run.added
        ? ` (${run.added.toLocaleString('en')} added by this run in ${formatDuration(run.seedSeconds)})`
        : ' (already there)'),
    '',
    "This machine is shared: other engineers' test runs compete for the same two cores, so absolute numbers move from run to run. " +
      'The figures are indicative; the ratios, measured side by side in alternating runs against the same subgraphs, are what to compare.',
    '',
    '```sh',
    'npm run bench                       # defaults: 100k incidents, 1k/5k/10k subscribers, 3 rounds of 10 s',
    'npm run bench -- --quick            # a small run that checks the tooling',
    'npm run bench -- --smoke            # tiny, in a throwaway database; `npm test` runs it',
    'npm run bench -- --incidents 1000000 --subscribers 1000,5000,10000 --rounds 5',
    'npm run seed:large -- --incidents 1000000 --updates-per-incident 10   # DATABASE_URL required',
    '```',
    '',
    '## Targets',
    '',
    table(['target', 'measured', ''], targets),
    '',
    report.join('\n\n'),
    '',
    '## What was changed for speed',
    '',
    '- **Rust query planner, the default.** `gateway/src/query-planner.ts` selects the Hive Router planner (`@graphql-hive/router-runtime`, ' +
      "`unifiedGraphHandler`); `QUERY_PLANNER=javascript` selects the runtime's own. One difference: when a subgraph call times out the Rust " +
      'planner answers without `data` instead of the partial result the JavaScript planner gives. ' +
      'The row "ours with `queryPlanner: \'javascript\'`" shows the difference in throughput.',
    '- **SQL constant per operation.** Every cross-subgraph field resolves through per-request DataLoaders, so the dashboard runs the same statements for ' +
      '10 or 500 incidents; `test/e2e/sql-per-operation.test.ts` keeps it that way in `npm test`.',
    "- **Indexes that match the sort order.** The keyset indexes on `(reported_at, id)` (and per reporter, per severity, and advisories' " +
      "`(published_at, id)`) were built `DESC NULLS LAST`, drizzle's default for `.desc()`, while the lists sort `desc`, which is `NULLS FIRST`: " +
      'PostgreSQL could not read them in order and sorted every matching row for each page (parallel seq scan + top-N sort, 30–40 ms per page at 100k rows). ' +
      'Migration `0007_keyset_index_order` rebuilds them `DESC NULLS FIRST`; pages now walk `incidents_reported_idx` and stop after 51 rows ' +
      '(under 1 ms of execution at 100k). The plans above are checked for sequential scans on `incidents`.',
    '- **Fan-out.** The incidents subgraph reads each event and its incident once per process and fans it out in memory to every subscription ' +
      "(TLP judged per subscriber), so a subscription's payload costs no SQL of its own.",
    '- **Shared subscriptions at the gateway.** Subscribers with the same document, variables and token share one upstream subscription and one ' +
      'execution of the plan per event (`gateway/src/shared-subscriptions.ts`); each still gets its own masking, metrics and backpressure. ' +
      'Before, each of 10,000 subscribers had its own upstream subscription: p99 1.2–1.5 s at 10,000. Sharing never crosses tokens.',
    '- **Verified tokens remembered.** Each service remembers a token it verified for up to a minute (never past its `exp`): an ES256 check is ' +
      '~0.1 ms of CPU, paid by the gateway and again by each subgraph a request reaches. 10,000 websocket connections opened in 9.6 s instead of 24 s.',
    '- **Prepared statements: weighed, not taken.** drizzle prepares only queries given a name (`.prepare(name)`); the rest go through ' +
      'postgres.js `unsafe`, unprepared. Measured with pgbench on the keyset-page statement over 1M rows: 0.44 ms per execution unprepared ' +
      "(extended protocol) against 0.35 ms prepared, about 1% of the 8 ms a page takes at the subgraph. The batch loaders' `in (…)` lists change " +
      'length with each batch, so preparing every text would fill each connection with one statement per list length for that gain.',
    '',
  ].join('\n');
}

try {
  await main();
} finally {
  for (const cleanup of cleanups.reverse())
    await cleanup().catch((error: unknown) => log(`cleanup: ${String(error)}`));
}
