import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayKind, Results as Written, TrafficMode } from '@cadg/bench/results';

// The smoke version of every `npm run bench` measurement: the bench itself (bench/run.ts and its
// child processes) at tiny sizes, in a database of its own that it drops when done. Behaviour only:
// what each section observed, never how long anything took.
// It needs a PostgreSQL server: the subgraphs, gateways and subscribers run as separate processes.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RUN_TIMEOUT_MS = 240_000;

const MODES: TrafficMode[] = ['one-token', 'many-users', 'writes'];
/** Ours with and without its response cache (when it has one). */
const OURS: GatewayKind[] = ['ours', 'ours-cached'];

/** Every gateway's (or traffic mode's) entry of a section, as a smoke run fills them all in. */
type Each<T> = Required<NonNullable<T>>;
/** What `bench/run.ts --json` writes, with every section present, as a smoke run writes them all. */
type Results = Required<Written> & {
  dashboard: Each<Written['dashboard']>;
  throughput: Record<TrafficMode, Each<NonNullable<Written['throughput']>[TrafficMode]>>;
  readAfterWrite: Each<Written['readAfterWrite']>;
  overhead: Each<Written['overhead']>;
};

describe.runIf(process.env['DATABASE_URL'])('npm run bench -- --smoke', () => {
  const adminUrl = process.env['DATABASE_URL']!;
  const database = `cadg_bench_smoke_${randomBytes(4).toString('hex')}`;
  let dir: string;
  let results: Results;
  let markdown: string;
  let stderr: string;
  /** The gateways the run measured (ours with its response cache only once it has one). */
  let kinds: GatewayKind[];

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
        (error, _stdout, output) => {
          stderr = output;
          if (!error) return resolve();
          // The fair peer (stock Hive Gateway) warns about abort listeners under load: its noise.
          const noise = /MaxListenersExceededWarning|--trace-warnings/;
          const tail = output
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
    kinds = Object.keys(results.dashboard) as GatewayKind[];
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

  it('has every gateway, the fair peer included, answer the dashboard without errors, identically to ours', () => {
    expect(kinds).toEqual(expect.arrayContaining(['ours', 'peer', 'peer-cached', 'apollo']));
    for (const kind of kinds) {
      expect(results.dashboard[kind], kind).toMatchObject({ errors: null, identicalToOurs: true });
      expect(results.dashboard[kind].bytes, kind).toBe(results.dashboard.ours.bytes);
    }
  });

  it('has ours with its response cache answer from the cache, identically to the others', () => {
    expect(kinds).toContain('ours-cached');
    // The dashboard asked twice: the second answer came from the cache and is the same bytes.
    expect(results.dashboard['ours-cached'].fromCache).toEqual({ status: 'hit', identicalToOurs: true });
    // Read-only traffic is mostly hits: every request a lookup, and some answered from the cache.
    for (const mode of ['one-token', 'many-users'] as const) {
      const { cache, requests } = results.throughput[mode]['ours-cached'];
      expect(cache, mode).toBeDefined();
      expect(cache!.hits + cache!.misses, mode).toBe(requests);
      expect(cache!.bypasses, mode).toBe(0);
    }
    // One token: one scope, so every request after the first few concurrent misses is a hit.
    const oneToken = results.throughput['one-token']['ours-cached'].cache!;
    expect(oneToken.hits / (oneToken.hits + oneToken.misses), JSON.stringify(oneToken)).toBeGreaterThan(0);
    // With writes too no read is stale: see the read-after-write test below, which covers ours-cached.
  });

  it('never answers one visibility scope with another scope’s cache entry', () => {
    const run = results.scopes;
    // One reader of each organization and role, each answered from the cache as ours answers uncached.
    expect(run.scopes).toBeGreaterThan(30);
    expect(run.hits).toBe(run.scopes);
    expect(run.mismatches).toBe(0);
    // The scopes do see different dashboards, so an entry handed across them would have shown.
    expect(run.distinctAnswers).toBeGreaterThan(1);
  });

  it('answers every request of every traffic mode without errors', () => {
    for (const mode of MODES)
      for (const kind of kinds) {
        const load = results.throughput[mode][kind];
        expect(load.requests, `${mode}, ${kind}: requests`).toBeGreaterThan(0);
        expect(load, `${mode}, ${kind}`).toMatchObject({ errors: 0, failed: 0 });
        if (mode !== 'writes') expect(load.writes, `${mode}, ${kind}`).toBe(0);
      }
  });

  it('never has ours answer a read with data older than a write acknowledged before it', () => {
    for (const kind of kinds.filter((k) => OURS.includes(k))) {
      const probe = results.readAfterWrite[kind];
      expect(probe.errors, kind).toBe(0);
      expect(probe.writes, kind).toBeGreaterThan(0);
      expect(probe.reads, kind).toBe(probe.writes + 1);
      expect(probe.staleReads, `${kind}: ${probe.staleSamples.join('; ')}`).toBe(0);
      expect(results.throughput.writes[kind].staleReads, kind).toBe(0);
    }
  });

  it('has no MaxListenersExceededWarning from our gateways or the subgraphs', () => {
    // `subgraphs`, or `subgraphs:<name>` per process in the production topology (one per subgraph).
    const subgraphs = Object.keys(results.pids).filter((name) => /^subgraphs(:|$)/.test(name));
    expect(subgraphs.length).toBeGreaterThan(0);
    const ours = [...subgraphs, ...kinds.filter((k) => OURS.includes(k))].map((name) => results.pids[name]);
    expect(ours.every((pid) => typeof pid === 'number')).toBe(true);
    const warned = stderr
      .split('\n')
      .filter((line) => line.includes('MaxListenersExceededWarning'))
      .map((line) => Number(/^\(node:(\d+)\)/.exec(line)?.[1]));
    for (const pid of ours) expect(warned, `process ${pid}`).not.toContain(pid);
  });

  it('has every gateway without a response cache make the same subgraph calls for the dashboard', () => {
    const calls = results.overhead.ours.subgraphCalls.median;
    expect(calls).toBeGreaterThan(0);
    for (const kind of kinds.filter((k) => !k.endsWith('-cached'))) {
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

  it('delivers through both gateways of the cluster, reporting the RSS of each', () => {
    const run = results.clusterFanout;
    expect(run.gateways.map((g) => g.subscribers)).toEqual([run.subscribers / 2, run.subscribers / 2]);
    for (const gateway of run.gateways) expect(gateway.rssBytes, gateway.name).toBeGreaterThan(0);
    expect(run.delivered).toBe(run.expected);
    expect(run.duplicates).toBe(0);
    expect(run.errors, run.errorSamples.join('; ')).toBe(0);
  });

  it("measures the response cache on the cluster's two gateways: read-your-writes, lag, hits, memory", () => {
    const run = results.cache;
    expect(run.rounds).toBeGreaterThan(0);
    // The replica that answered a mutation never answers without it afterwards.
    expect(run.staleOnWriter).toBe(0);
    // Every round ended with the other replica answering with the write (the lag is a figure only).
    for (const value of Object.values(run.lagMs)) expect(Number.isFinite(value) && value >= 0).toBe(true);
    expect(run.runs.map((r) => r.writeEvery)).toEqual([0, 20]);
    for (const r of run.runs) {
      expect(r.hits + r.misses, `every ${r.writeEvery}`).toBeGreaterThan(0);
      expect(r.cacheBytes, `every ${r.writeEvery}`).toBeGreaterThan(0);
    }
    // Read-only, users of the same scope share entries: most lookups are hits.
    expect(run.runs[0]!.hits).toBeGreaterThan(run.runs[0]!.misses);
    expect(markdown).toContain('## Response cache on the cluster');
    expect(markdown).toContain('Read-your-writes on the replica that served the mutation: 0 stale');
  });
});
