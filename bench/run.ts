/**
 * `npm run bench [-- --quick | --smoke] [--subscribers 1000,5000,10000] [--incidents 1000000] [...]`
 *
 * Side-by-side benchmarks of the graph on this machine, all on loopback: gateway throughput against
 * the fair peer (stock Hive Gateway with the Rust query planner, with and without its response
 * cache) and @apollo/gateway, with one token, many users and 5% writes (stale reads counted),
 * gateway overhead, SQL statements per operation,
 * graphql-ws fan-out (through one gateway, and over the two gateways of the cluster topology), the
 * response cache on that topology (invalidation lag, read-your-writes, hit ratio, memory) and big
 * keyset-paginated lists. Prints the tables and writes BENCHMARKS.md.
 * Needs PostgreSQL: DATABASE_URL (a server URL; the bench uses its own `cadg_bench` database on it,
 * `--database NAME` for another) or postgres://postgres@127.0.0.1:5432/postgres.
 *
 * `--smoke` runs every section at tiny sizes in a database it creates for the run (a fresh
 * `cadg_bench_smoke_…`, or `--database NAME`, which must not exist yet) and drops at the end; it
 * writes Markdown only with `--out`. `--json FILE` writes what each section observed (counts and
 * checks, besides the timings), which `test/e2e/bench-smoke.test.ts` asserts on in `npm test`.
 *
 * This file runs the sections in order; each lives in `bench/src/run/` (`sql-per-operation.ts`,
 * `throughput.ts`, `overhead.ts`, `big-lists.ts`, `fan-out.ts`, `cluster-fan-out.ts`, `cache.ts`), with the flags in `options.ts`, what a
 * run collects in `state.ts` and the Markdown in `benchmarks-md.ts`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { composeFromSchemaFiles, subgraphs as composedSubgraphs } from '@cadg/gateway';
import { createTokenVerifier, DEFAULT_AUDIENCE, DEV_ISSUER, Role, signDevToken } from '@cadg/platform';
import { startProcess } from './src/ipc.ts';
import { parseTopology, startSubgraphs } from './src/subgraph-topology.ts';
import type { SentStatement } from './src/sql-count.ts';
import { formatDuration, progressBar, seedLarge } from './src/seed-large.ts';
import { document } from './src/run/benchmarks-md.ts';
import { bigLists, dashboardFilters } from './src/run/big-lists.ts';
import { cacheOnCluster } from './src/run/cache.ts';
import { clusterFanOut } from './src/run/cluster-fan-out.ts';
import { fanOut } from './src/run/fan-out.ts';
import { benchDatabase, withSql } from './src/run/io.ts';
import { config, databaseName, flags, KINDS, log, out, smoke } from './src/run/options.ts';
import { overhead } from './src/run/overhead.ts';
import { sqlPerOperation } from './src/run/sql-per-operation.ts';
import { cleanups, report, results } from './src/run/state.ts';
import {
  checkSameAnswers,
  checkScopes,
  readAfterWrites,
  throughput,
  type Gateways,
} from './src/run/throughput.ts';
import { READER_ROLES, readerTokens } from './src/run/traffic.ts';

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

  // The subgraphs every gateway shares, in processes of their own: one per subgraph as deployed
  // (`--topology production`, the default), or all four in one (`--topology single`).
  log('Starting the subgraphs and gateways…');
  // The subgraphs' signing secret: they serve their change feeds to signed requests only, so our
  // gateway with its response cache gets it (see gateway-process.ts).
  const signingSecret = randomBytes(32).toString('base64url');
  const started = await startSubgraphs(parseTopology(flags.topology), {
    DATABASE_URL: url,
    KEY_DIR: keyDir,
    BENCH_SIGNING_SECRET: signingSecret,
  });
  const { process: subgraphs, subgraphUrls } = started;
  cleanups.push(() => subgraphs.stop());
  const supergraphFile = join(keyDir, 'supergraph.graphql');
  await writeFile(
    supergraphFile,
    await composeFromSchemaFiles(composedSubgraphs, (s) => subgraphUrls[s.name] ?? ''),
  );

  const gateways: Gateways = {};
  const needGateways = ['throughput', 'overhead', 'fanout'].some((s) => config.sections.has(s));
  // Started side by side (they are idle until measured); each stopped at the end even if another failed.
  const starting = (needGateways ? KINDS : []).map(async (kind) => {
    const started = await startProcess('./gateway-process.ts', [kind], {
      SUPERGRAPH_FILE: supergraphFile,
      KEY_DIR: keyDir,
      BENCH_SIGNING_SECRET: signingSecret,
    });
    cleanups.push(() => started.process.stop());
    gateways[kind] = { process: started.process, url: String(started.ready['url']) };
  });
  for (const outcome of await Promise.allSettled(starting))
    if (outcome.status === 'rejected') throw outcome.reason;
  results.pids = {
    ...started.pids,
    ...Object.fromEntries(Object.entries(gateways).map(([kind, g]) => [kind, g.process.child.pid])),
  };
  if (needGateways) await checkSameAnswers(gateways, auth);

  if (config.sections.has('throughput')) {
    const organizations = await withSql(url, async (sql) =>
      (await sql<{ id: string }[]>`select id from contacts.organizations order by id`).map((o) => o.id),
    );
    const tokens = {
      one: token,
      readers: await readerTokens(keyDir, organizations, config.readers),
      // Writers report for MyCERT, one user per client.
      writers: await Promise.all(
        Array.from({ length: config.connections }, (_, i) =>
          signDevToken(keyDir, {
            sub: `bench-writer-${i}`,
            org: 'my-mycert',
            roles: [Role.Member],
            expiresIn: '2h',
          }),
        ),
      ),
    };
    // Every organization × role (readerTokens deals them so): no cached answer crosses scopes.
    await checkScopes(gateways, tokens.readers, organizations.length * READER_ROLES.length);
    await readAfterWrites(gateways, tokens, smoke ? 3 : 10);
    report.push(await throughput(gateways, subgraphs, tokens));
  }
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
    report.push(await fanOut(gateways['ours']!, subgraphs, url, token, tokens, auth));
  }
  // Two gateways of the scale-out topology, with subgraph replicas of their own, on this database.
  if (config.sections.has('cluster')) report.push(await clusterFanOut(url, keyDir));
  // The response cache on the same topology: invalidation lag, read-your-writes, hit ratio, memory.
  if (config.sections.has('cache')) report.push(await cacheOnCluster(url, keyDir));

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

try {
  await main();
} finally {
  for (const cleanup of cleanups.reverse())
    await cleanup().catch((error: unknown) => log(`cleanup: ${String(error)}`));
}
