import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDatabase } from '@cadg/db';
import { signDevToken } from '@cadg/platform';
import { migrateSeedAndVerify, startStack } from '@cadg/stack';
import { runSoak } from './soak.ts';

// `npm run soak -- --minutes 30`: the whole graph in this process (PGlite in memory, or the
// PostgreSQL of DATABASE_URL, which then receives the soak's incidents), mixed load for N minutes,
// memory printed as it goes. Exits non-zero on any error or lost event.
const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    'reports-per-second': { type: 'string', default: '3' },
    'queries-per-second': { type: 'string', default: '5' },
    subscribers: { type: 'string', default: '4' },
  },
});
const minutes = Number(values.minutes);
if (!(minutes > 0)) {
  console.error('--minutes must be a positive number.');
  process.exit(2);
}

const keyDir = await mkdtemp(join(tmpdir(), 'cadg-soak-keys-'));
const database = await createDatabase({ url: process.env['DATABASE_URL'] || undefined });
const verifier = await migrateSeedAndVerify(database, keyDir);
const stack = await startStack({ database, verifier, logging: false });
console.log(`[soak] ${minutes} min against ${stack.gatewayUrl} (${database.kind})`);

let failed = true;
try {
  const result = await runSoak(
    {
      gatewayUrl: stack.gatewayUrl,
      token: (org, roles, expiresIn) => signDevToken(keyDir, { sub: `soak-${org}`, org, roles, expiresIn }),
    },
    {
      durationMs: minutes * 60_000,
      reportsPerSecond: Number(values['reports-per-second']),
      queriesPerSecond: Number(values['queries-per-second']),
      subscribers: Number(values.subscribers),
    },
  );
  const [first, last] = [result.samples[0]!, result.samples.at(-1)!];
  console.log(
    `[soak] done: ${result.reports} reports, ${result.queries} queries, ${result.resumes} resumes, ` +
      `${result.eventsChecked} deliveries checked; rss ${first.rssMb} → ${last.rssMb} MB, ` +
      `heapUsed ${first.heapUsedMb} → ${last.heapUsedMb} MB; ${result.errors.length} errors`,
  );
  for (const error of result.errors.slice(0, 50)) console.log(`[soak] error: ${error}`);
  failed = result.errors.length > 0;
} finally {
  await stack.close();
  await database.close();
  await rm(keyDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
