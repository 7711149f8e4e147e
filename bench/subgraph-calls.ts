/**
 * `node --import tsx bench/subgraph-calls.ts [--topology production|single|single,production]
 *   [--baseline DIR [--baseline-topology single|production]] [--seconds 10] [--rounds 3]
 *   [--connections 16] [--readers 1000] [--incidents 2000] [--database cadg_subgraph_calls]
 *   [--calls unsigned,signed]
 *   [--markdown FILE [--baseline-name TEXT]]`
 *
 * The subgraph ceiling (issue #23 item 4): the five subgraph calls our gateway sends for one
 * partner-dashboard query, replayed straight at the subgraphs with many users' tokens, so the
 * figure is the subgraphs' own (no gateway in the way). The calls are captured first: the gateway
 * runs in this process against recording proxies in front of the subgraphs and answers one
 * dashboard. Then each "dashboard" is those five calls in the order the gateway sent them, each
 * with the client's token (one of `--readers` distinct users over every organization and role),
 * `--connections` dashboards at a time over a keep-alive agent like the gateway's (Node's global
 * agent settings). Two kinds of call: unsigned (what the fair peer and @apollo/gateway send; the
 * subgraph checks them against the limits for direct callers) and signed (ours; checked by HMAC);
 * `--calls` measures one kind only.
 * `--topology` (bench/src/subgraph-topology.ts): `production` (the default) runs one process per
 * subgraph as deployed, `single` all four in one process as `npm start` does; a comma-separated
 * list measures this tree in each, side by side. Subgraph processes get NODE_ENV=production, as the
 * Docker image sets it. CPU per dashboard is summed over a version's subgraph processes.
 *
 * With `--baseline DIR` (a copy of the repository at another version with its own `node_modules`,
 * installed by `npm ci` from its own lock file; bench/SUBGRAPH-CALLS.md says how) its subgraphs run too, in processes of their own over the same database, in
 * `--baseline-topology` (`single` by default: a tree from before `--topology` runs all four in one
 * process whatever it is asked), and every version is measured in alternating order, one at a time,
 * each run after 3 s of its traffic unmeasured (a version idle through the other's run must not pay
 * its way back inside the measurement).
 * Prints dashboards/s, p50/p99 per dashboard, subgraph-process CPU per dashboard, this process's
 * (the clients', on the same cores) CPU per dashboard, new connections per dashboard and the load
 * average. With BENCH_PROFILE_DIR set, every measured run writes a CPU profile of each subgraph
 * process there; `--print-calls` prints the captured calls; `--markdown FILE` appends the results as a
 * section to FILE (bench/SUBGRAPH-CALLS.md keeps the runs issue #23 reports), naming the baseline
 * by `--baseline-name`. Needs PostgreSQL: DATABASE_URL (a
 * server URL) or postgres://postgres@127.0.0.1:5432/postgres; the database is created and seeded
 * if missing.
 */
import { randomBytes } from 'node:crypto';
import { Agent, createServer } from 'node:http';
import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { createDatabase, createScratchDatabase, seedDatabase, withDatabase } from '@cadg/db';
import { composeFromSchemaFiles, createGateway, subgraphs as composedSubgraphs } from '@cadg/gateway';
import {
  createTokenVerifier,
  DEFAULT_AUDIENCE,
  DEV_ISSUER,
  Role,
  signDevToken,
  signedExtensions,
} from '@cadg/platform';
import { dashboardBody } from './src/dashboard.ts';
import type { BenchProcess } from './src/ipc.ts';
import { seedLarge } from './src/seed-large.ts';
import { post } from './src/load.ts';
import { percentile } from './src/stats.ts';
import { markdown, print, type Run, type Setting } from './src/subgraph-calls-report.ts';
import { readerTokens } from './src/run/traffic.ts';
import { parseTopology, startSubgraphs } from './src/subgraph-topology.ts';

const { values: flags } = parseArgs({
  options: {
    topology: { type: 'string', default: 'production' },
    baseline: { type: 'string' },
    'baseline-topology': { type: 'string', default: 'single' },
    seconds: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '16' },
    readers: { type: 'string', default: '1000' },
    incidents: { type: 'string', default: '2000' },
    database: { type: 'string', default: 'cadg_subgraph_calls' },
    calls: { type: 'string', default: 'unsigned,signed' },
    'print-calls': { type: 'boolean', default: false },
    /** Appends the results as a Markdown section to this file (e.g. SUBGRAPH-CALLS.md). */
    markdown: { type: 'string' },
    /** What the baseline is, for the Markdown (e.g. "4eb7b49, the tree issue #23 measured"). */
    'baseline-name': { type: 'string' },
  },
});
const seconds = Number(flags.seconds);
/** Unmeasured traffic before each measured run (see the rounds below). */
const WARM_UP_SECONDS = 3;
const rounds = Number(flags.rounds);
const connections = Number(flags.connections);

/** One subgraph call as the gateway sent it. */
interface Call {
  subgraph: string;
  body: { query: string; variables?: unknown; operationName?: unknown };
}

interface Version {
  name: string;
  process: BenchProcess;
  urls: Record<string, string>;
  /**
   * What the gateway's fetch uses: Node's global agent settings, a pool per subgraph port, kept
   * from run to run as a gateway keeps it.
   */
  agent: Agent;
}

const cleanups: (() => Promise<unknown>)[] = [];

async function main() {
  const serverUrl = process.env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/postgres';
  const url = await prepareDatabase(serverUrl, flags.database);
  const keyDir = await mkdtemp(join(os.tmpdir(), 'cadg-subgraph-calls-'));
  cleanups.push(() => rm(keyDir, { recursive: true, force: true }));
  const secret = randomBytes(32).toString('base64url');
  const env = { DATABASE_URL: url, KEY_DIR: keyDir, BENCH_SIGNING_SECRET: secret };

  const versions: Version[] = [];
  const start = async (name: string, topology: string, script?: string) => {
    const started = await startSubgraphs(parseTopology(topology), env, script);
    cleanups.push(() => started.process.stop());
    const agent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5_000 });
    cleanups.push(async () => agent.destroy());
    versions.push({
      name: `${name}/${topology}`,
      process: started.process,
      urls: started.subgraphUrls,
      agent,
    });
  };
  for (const topology of flags.topology.split(',')) await start('ours', topology);
  if (flags.baseline) {
    const script = `file://${resolve(flags.baseline, 'bench/src/subgraphs-process.ts')}`;
    await start('baseline', flags['baseline-topology'], script);
  }

  const token = await signDevToken(keyDir, { sub: 'capture', org: 'my-mycert', roles: [Role.Member] });
  const calls = await capture(versions[0]!.urls, keyDir, token);
  console.log(`Captured ${calls.length} subgraph calls: ${calls.map((c) => c.subgraph).join(', ')}`);
  if (flags['print-calls']) for (const call of calls) console.log(call.subgraph, JSON.stringify(call.body));
  const organizations = await withSql(url, async (sql) =>
    (await sql<{ id: string }[]>`select id from contacts.organizations order by id`).map((o) => o.id),
  );
  const tokens = await readerTokens(keyDir, organizations, Number(flags.readers));

  const runs: Run[] = [];
  const kinds = flags.calls.split(',');
  if (kinds.some((kind) => kind !== 'unsigned' && kind !== 'signed'))
    throw new Error(`--calls takes unsigned, signed or both, not "${flags.calls}".`);
  for (const kind of kinds) {
    const bodies = calls.map((call) =>
      JSON.stringify(
        kind === 'signed' ? { ...call.body, extensions: signedExtensions(secret, call.body) } : call.body,
      ),
    );
    // Warm-up: every token once on every version (verified-token caches, plans, JIT), unmeasured.
    // Until every token went through (at most a minute): cut short on a busy machine, the measured
    // runs paid the first signature checks, once per process, so four times in production topology.
    for (const version of versions) await replay(version, calls, bodies, tokens, 60, tokens.length);
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? versions : [...versions].reverse();
      for (const version of order) {
        // With BENCH_PROFILE_DIR, each measured run gets a CPU profile of the subgraph process
        // (bench/src/ipc.ts' profile window): `<version>-<kind>-<round>.cpuprofile`.
        const name = `${version.name.replace(/\W+/g, '-')}-${kind}-${round}`;
        // Each run starts on a version already busy: WARM_UP_SECONDS of its traffic, unmeasured,
        // first. A version idle through the other's runs paid its way back (V8's memory reducer
        // shrinks an idle process's heap, so the first seconds collect garbage more often; the
        // agent's sockets to it may have closed) inside the measured run, which made whichever
        // version ran second in a pair look faster than it is.
        await replay(version, calls, bodies, tokens, WARM_UP_SECONDS);
        await version.process.request({ type: 'profile', on: true }, 'profiled');
        runs.push(await replay(version, calls, bodies, tokens, seconds));
        await version.process.request({ type: 'profile', on: false, name }, 'profiled');
      }
    }
  }
  const setting: Setting = {
    callCount: calls.length,
    connections,
    readers: Number(flags.readers),
    seconds,
    rounds,
    baseline: flags.baseline ? (flags['baseline-name'] ?? flags.baseline) : undefined,
  };
  print(runs, setting);
  if (flags.markdown) await appendFile(flags.markdown, markdown(runs, setting));
}

/** Runs the gateway against recording proxies and answers one dashboard: the calls it sent, in order. */
async function capture(urls: Record<string, string>, keyDir: string, token: string): Promise<Call[]> {
  const calls: Call[] = [];
  const proxies: Record<string, string> = {};
  for (const [name, target] of Object.entries(urls)) {
    const proxy = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString();
        const body = JSON.parse(raw) as Call['body'] & { extensions?: unknown };
        calls.push({ subgraph: name, body: { query: body.query, variables: body.variables } });
        fetch(target, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: req.headers.authorization ?? '' },
          body: raw,
        })
          .then(async (answer) => {
            res.writeHead(answer.status, { 'content-type': 'application/json' });
            res.end(await answer.text());
          })
          .catch(() => res.writeHead(502).end());
      });
    });
    await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
    cleanups.push(() => new Promise((done) => proxy.close(done)));
    const address = proxy.address();
    proxies[name] = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`;
  }
  const verifier = await createTokenVerifier({
    issuer: DEV_ISSUER,
    audience: DEFAULT_AUDIENCE,
    devKeyDir: keyDir,
  });
  const gateway = createGateway({
    supergraphSdl: await composeFromSchemaFiles(composedSubgraphs, (s) => proxies[s.name] ?? ''),
    verifier,
    logging: false,
  });
  const { url } = await gateway.listen(0, '127.0.0.1');
  try {
    const answer = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: dashboardBody(20),
    });
    const json = (await answer.json()) as { data?: { incidents?: { edges: unknown[] } }; errors?: unknown };
    if (!json.data?.incidents?.edges.length || json.errors)
      throw new Error(`The dashboard came back empty or with errors: ${JSON.stringify(json).slice(0, 500)}`);
  } finally {
    await gateway.close();
  }
  return calls;
}

/**
 * `connections` clients, each sending dashboards (the calls in order) back to back, for `seconds`
 * or until `amount` dashboards were sent; CPU and connections from the subgraph process's counters.
 */
async function replay(
  version: Version,
  calls: readonly Call[],
  bodies: readonly string[],
  tokens: readonly string[],
  seconds: number,
  amount = Infinity,
): Promise<Run> {
  const { agent } = version;
  const targets = calls.map((call) => new URL(version.urls[call.subgraph]!));
  type Counters = { cpuMicros: number; connections: number };
  const before = await version.process.request<Counters & { type: string }>({ type: 'counters' }, 'counters');
  const latencies: number[] = [];
  let failed = 0;
  let sent = 0;
  const clientBefore = process.cpuUsage();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline && sent < amount) {
      const authorization = `Bearer ${tokens[sent % tokens.length]!}`;
      sent += 1;
      const begin = performance.now();
      let ok = true;
      for (const [index, body] of bodies.entries()) {
        const answer = await post(agent, targets[index]!, { body, headers: { authorization } }).catch(
          () => null,
        );
        if (!answer || answer.status !== 200 || answer.body.includes('"errors"')) ok = false;
      }
      if (ok) latencies.push(performance.now() - begin);
      else failed += 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, client));
  const elapsed = (performance.now() - started) / 1000;
  const clientCpu = process.cpuUsage(clientBefore);
  const after = await version.process.request<Counters & { type: string }>({ type: 'counters' }, 'counters');
  const dashboards = latencies.length + failed;
  return {
    version: version.name,
    kind: bodies[0]!.includes('hmac-signature') ? 'signed' : 'unsigned',
    dashboards,
    failed,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    cpuMsPerDashboard: (after.cpuMicros - before.cpuMicros) / 1000 / Math.max(1, dashboards),
    clientCpuMsPerDashboard: (clientCpu.user + clientCpu.system) / 1000 / Math.max(1, dashboards),
    connectionsPerDashboard: (after.connections - before.connections) / Math.max(1, dashboards),
    load1: os.loadavg()[0]!,
  };
}

/** Creates, migrates and seeds the database if missing, then tops its incidents up to `--incidents`. */
async function prepareDatabase(serverUrl: string, name: string): Promise<string> {
  const exists = await withSql(serverUrl, async (sql) => {
    const [row] = await sql`select 1 from pg_database where datname = ${name}`;
    return row !== undefined;
  });
  const url = exists ? withDatabase(serverUrl, name) : (await createScratchDatabase(serverUrl, { name })).url;
  const database = await createDatabase({ url, maxConnections: 2 });
  try {
    await database.migrate();
    if (!exists) await seedDatabase(database.db);
  } finally {
    await database.close();
  }
  await seedLarge({ url, incidents: Number(flags.incidents), updatesPerIncident: 2 });
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

try {
  await main();
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
}
