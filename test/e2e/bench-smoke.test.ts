import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The smoke version of every `npm run bench` measurement: the bench itself (bench/run.ts and its
// child processes) at tiny sizes, in a database of its own that it drops when done. Behaviour only:
// what each section observed, never how long anything took.
// It needs a PostgreSQL server: the subgraphs, gateways and subscribers run as separate processes.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RUN_TIMEOUT_MS = 240_000;

type GatewayKind = 'ours' | 'ours-js' | 'apollo' | 'hive';
const KINDS: GatewayKind[] = ['ours', 'ours-js', 'apollo', 'hive'];

/** What `bench/run.ts --json` writes (the parts asserted here). */
interface Results {
  mode: string;
  database: string;
  sql: {
    sizes: { size: number; returned: number; statements: number }[];
    constant: boolean;
  };
  dashboard: Record<GatewayKind, { errors: unknown; bytes: number; identicalToOurs: boolean }>;
  throughput: Record<
    GatewayKind,
    { requests: number; non2xx: number; errors: number; timeouts: number; graphqlErrors: number }
  >;
  overhead: Record<
    GatewayKind,
    { requests: number; failed: number; subgraphCalls: { min: number; median: number; max: number } }
  >;
  bigLists: {
    name: string;
    pages: number;
    rows: number;
    ordered: boolean;
    duplicates: number;
    plans: { indexes: string[]; seqScan: boolean }[];
  }[];
  fanout: {
    subscribers: number;
    tokens: number;
    events: number;
    expected: number;
    delivered: number;
    duplicates: number;
    errors: number;
    errorSamples: string[];
    streams: number | null;
    liveSubscriptions: number | null;
  }[];
}

describe.runIf(process.env['DATABASE_URL'])('npm run bench -- --smoke', () => {
  const adminUrl = process.env['DATABASE_URL']!;
  const database = `cadg_bench_smoke_${randomBytes(4).toString('hex')}`;
  let dir: string;
  let results: Results;
  let markdown: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cadg-bench-smoke-'));
    const jsonFile = join(dir, 'results.json');
    const mdFile = join(dir, 'BENCHMARKS.md');
    const args = ['--import', 'tsx', 'bench/run.ts', '--smoke', '--json', jsonFile, '--out', mdFile];
    await new Promise<void>((resolve, reject) => {
      execFile(
        process.execPath,
        [...args, '--database', database],
        { cwd: ROOT, env: process.env, timeout: RUN_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 },
        (error, _stdout, stderr) => {
          if (!error) return resolve();
          const noise = /MaxListenersExceededWarning|--trace-warnings/;
          const tail = stderr
            .split('\n')
            .filter((line) => !noise.test(line))
            .slice(-40)
            .join('\n');
          reject(new Error(`bench --smoke failed (${error.message}):\n${tail}`));
        },
      );
    });
    results = JSON.parse(await readFile(jsonFile, 'utf8')) as Results;
    markdown = await readFile(mdFile, 'utf8');
  }, RUN_TIMEOUT_MS + 30_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    // The bench drops its database itself; this only covers a run killed by the timeout.
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`drop database if exists "${database}" with (force)`);
    } finally {
      await admin.end();
    }
  });

  it('runs in a database of its own and drops it at the end', async () => {
    expect(results.mode).toBe('smoke');
    expect(results.database).toBe(database);
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    try {
      const rows = await admin`select 1 from pg_database where datname = ${database}`;
      expect(rows).toHaveLength(0);
    } finally {
      await admin.end();
    }
    for (const section of [
      '## SQL statements',
      '## Gateway throughput',
      '## Gateway overhead',
      '## Big lists',
      '## Fan-out',
    ])
      expect(markdown).toContain(section);
  });

  it('runs as many SQL statements for the dashboard at every list size', () => {
    const { sizes, constant } = results.sql;
    expect(sizes.map((s) => s.size)).toEqual([10, 100, 500]);
    for (const s of sizes) expect(s.returned, `incidents returned for ${s.size}`).toBe(s.size);
    expect(sizes[0]!.statements).toBeGreaterThan(0);
    expect(new Set(sizes.map((s) => s.statements)).size, JSON.stringify(sizes)).toBe(1);
    expect(constant).toBe(true);
  });

  it('has every gateway answer the dashboard without errors, identically to ours', () => {
    for (const kind of KINDS) {
      expect(results.dashboard[kind], kind).toMatchObject({ errors: null, identicalToOurs: true });
      expect(results.dashboard[kind].bytes, kind).toBe(results.dashboard.ours.bytes);
      const load = results.throughput[kind];
      expect(load.requests, `${kind} requests under load`).toBeGreaterThan(0);
      expect(load, kind).toMatchObject({ non2xx: 0, errors: 0, timeouts: 0, graphqlErrors: 0 });
    }
  });

  it('has every gateway make the same subgraph calls for the dashboard', () => {
    const calls = results.overhead.ours.subgraphCalls.median;
    expect(calls).toBeGreaterThan(0);
    for (const kind of KINDS) {
      const overhead = results.overhead[kind];
      expect(overhead.requests, kind).toBeGreaterThan(0);
      expect(overhead.failed, kind).toBe(0);
      expect(overhead.subgraphCalls, kind).toEqual({ min: calls, median: calls, max: calls });
    }
  });

  it('walks every big-list filter in keyset order, listing each incident once', () => {
    expect(results.bigLists.length).toBeGreaterThan(0);
    for (const list of results.bigLists) {
      expect(list.rows, list.name).toBeGreaterThan(0);
      expect(list.ordered, `${list.name}: strictly by (reportedAt desc, id desc)`).toBe(true);
      expect(list.duplicates, `${list.name}: ids listed twice`).toBe(0);
      // EXPLAIN ran; on tables this small a sequential scan may be the planner's right choice.
      expect(list.plans.length, list.name).toBeGreaterThan(0);
    }
    // Enough data that the pagination is exercised, not one page per filter.
    expect(Math.max(...results.bigLists.map((l) => l.pages))).toBeGreaterThan(1);
  });

  it('delivers every event to every subscriber exactly once, over one stream per token', () => {
    const runs = results.fanout;
    expect(runs.some((r) => r.tokens === 1)).toBe(true);
    expect(runs.some((r) => r.tokens > 1)).toBe(true);
    for (const run of runs) {
      const which = `${run.subscribers} subscribers, ${run.tokens} tokens`;
      expect(run.expected, which).toBe(run.subscribers * run.events);
      expect(run.delivered, which).toBe(run.expected);
      expect(run.duplicates, which).toBe(0);
      expect(run.errors, `${which}: ${run.errorSamples.join('; ')}`).toBe(0);
      expect(run.liveSubscriptions, which).toBe(run.subscribers);
      expect(run.streams, which).toBe(run.tokens);
    }
  });
});
