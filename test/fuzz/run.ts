import { parseArgs } from 'node:util';
import { formatFailure, runFuzz } from './fuzzer.ts';
import { startStandaloneGraph } from '@cadg/stack';

// A long fuzz run against a graph of its own: `npm run fuzz -- --cases 50000 --seed 42`.
// `--ws-cases` sets the websocket conversations (default: a tenth of --cases, at least 200);
// `--only http:12,ws:3` replays single cases. Uses DATABASE_URL when set, else PGlite in memory.
const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '5000' },
    'ws-cases': { type: 'string' },
    seed: { type: 'string', default: String(Date.now() % 2 ** 31) },
    concurrency: { type: 'string', default: '8' },
    only: { type: 'string' },
  },
});
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
console.log(`fuzzing ${graph.gatewayUrl} (${graph.database}) with seed ${seed}`);
let report;
try {
  report = await runFuzz(graph, {
    seed,
    httpCases,
    wsCases,
    concurrency,
    only: values.only?.split(','),
    onFailure: (failure) => console.error(formatFailure(seed, failure)),
  });
} finally {
  await graph.close();
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const seconds = report.durationMs / 1000;
console.table({
  seed: report.seed,
  'http cases': report.httpCases,
  'ws cases': report.wsCases,
  failures: report.failures.length,
  'duration (s)': seconds.toFixed(1),
  'rate (cases/s)': ((report.httpCases + report.wsCases) / seconds).toFixed(0),
  'rss after': mb(report.rssBytes),
  'heap used after': mb(report.heapUsedBytes),
});
console.table(Object.fromEntries(Object.entries(report.kinds).sort(([a], [b]) => a.localeCompare(b))));
process.exitCode = report.failures.length ? 1 : 0;
