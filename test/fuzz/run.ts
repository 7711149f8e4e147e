import { parseArgs } from 'node:util';
import { startStandaloneGraph } from '@cadg/stack';
import { formatFailure, FUZZ_TARGETS, fuzzTarget, runFuzz, type FuzzReport } from './fuzzer.ts';

// A long fuzz run against a graph of its own: `npm run fuzz -- --target all --cases 10000 --seed 42`.
// `--target` is `all` (the default: the gateway, then each subgraph's own port), or a comma-separated
// list of `gateway`, `contacts`, `incidents`, `dataflows`, `aipolicy`. `--cases` is HTTP cases per
// target; `--ws-cases` the websocket conversations per target (default: a tenth of --cases, at least
// 200); `--only http:12,ws:3` replays single cases. Uses DATABASE_URL when set, else PGlite in memory.
// `npm run fuzz` runs node with --expose-gc, so memory is sampled after a full collection.
const { values } = parseArgs({
  options: {
    target: { type: 'string', default: 'all' },
    cases: { type: 'string', default: '5000' },
    'ws-cases': { type: 'string' },
    seed: { type: 'string', default: String(Date.now() % 2 ** 31) },
    concurrency: { type: 'string', default: '8' },
    only: { type: 'string' },
  },
});
const targets = values.target === 'all' ? FUZZ_TARGETS : values.target.split(',');
const unknown = targets.filter((target) => !FUZZ_TARGETS.includes(target));
if (unknown.length)
  throw new Error(`--target ${unknown.join(',')}: expected all, or some of ${FUZZ_TARGETS.join(', ')}.`);
const httpCases = Number(values.cases);
const wsCases =
  values['ws-cases'] === undefined ? Math.max(200, Math.round(httpCases / 10)) : Number(values['ws-cases']);
const seed = Number(values.seed);
const concurrency = Number(values.concurrency);
for (const [name, value] of Object.entries({ cases: httpCases, 'ws-cases': wsCases, seed, concurrency })) {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${name} must be a non-negative integer.`);
}

const graph = await startStandaloneGraph({
  databaseUrl: process.env['DATABASE_URL'] || undefined,
  // Rate limiting would answer most cases with RATE_LIMITED before they reach anything else.
  protection: { rateLimit: null },
});
console.log(`fuzzing ${targets.join(', ')} (${graph.database}) with seed ${seed}`);
const reports: FuzzReport[] = [];
try {
  for (const name of targets) {
    const target = fuzzTarget(graph, name);
    console.log(`\n${name}: ${target.url}`);
    const report = await runFuzz(target, {
      seed,
      httpCases,
      wsCases,
      concurrency,
      only: values.only?.split(','),
      onFailure: (failure) => console.error(formatFailure(seed, failure)),
    });
    reports.push(report);
    printReport(report);
  }
} finally {
  await graph.close();
}

if (reports.length > 1) {
  console.log('\nall targets');
  console.table(Object.fromEntries(reports.map((report) => [report.target, summary(report)])));
}
process.exitCode = reports.some((report) => report.failures.length) ? 1 : 0;

function mb(bytes: number) {
  return `${(bytes / 2 ** 20).toFixed(0)} MiB`;
}

function summary(report: FuzzReport) {
  const seconds = report.durationMs / 1000;
  const first = report.memory[0]!;
  const last = report.memory.at(-1)!;
  // Caches fill during the first cases; what the heap does after that is what a leak would show in.
  const settled = report.memory[1] ?? first;
  return {
    'http cases': report.httpCases,
    'ws cases': report.wsCases,
    failures: report.failures.length,
    'duration (s)': seconds.toFixed(1),
    'rate (cases/s)': ((report.httpCases + report.wsCases) / seconds).toFixed(0),
    rss: `${mb(first.rssBytes)} → ${mb(last.rssBytes)}`,
    [`heap${last.afterGc ? ' after GC' : ''}`]: `${mb(first.heapUsedBytes)} → ${mb(last.heapUsedBytes)}`,
    'heap growth after 10%': `${((last.heapUsedBytes - settled.heapUsedBytes) / 2 ** 20).toFixed(1)} MiB`,
  };
}

function printReport(report: FuzzReport) {
  console.table({ seed: report.seed, ...summary(report) });
  const failuresByKind: Record<string, number> = {};
  for (const failure of report.failures)
    failuresByKind[`${failure.stream} ${failure.kind}`] =
      (failuresByKind[`${failure.stream} ${failure.kind}`] ?? 0) + 1;
  const kinds = [...new Set([...Object.keys(report.kinds), ...Object.keys(failuresByKind)])].sort();
  console.table(
    Object.fromEntries(
      kinds.map((kind) => [kind, { cases: report.kinds[kind] ?? 0, failures: failuresByKind[kind] ?? 0 }]),
    ),
  );
  // Heap after a full collection, through the run: flat means nothing piles up per request.
  console.log(
    `memory (${report.memory[0]?.afterGc ? 'after GC' : 'without GC: run node with --expose-gc'}), cases: heap / rss`,
  );
  console.log(
    report.memory
      .map((sample) => `  ${sample.cases}: ${mb(sample.heapUsedBytes)} / ${mb(sample.rssBytes)}`)
      .join('\n'),
  );
}
