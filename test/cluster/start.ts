import { resolve } from 'node:path';
import { createDatabase, dataDirFromEnv, seedDatabase, SUBGRAPH_ROLES } from '@cadg/db';
import { startCluster } from './cluster.ts';

// `npm run start:cluster`: 2 gateways and 2 replicas of every subgraph, as separate processes on
// one PostgreSQL (DATABASE_URL), for trying the scale-out topology by hand.
const databaseUrl = process.env['DATABASE_URL'];
if (!databaseUrl) {
  console.error('DATABASE_URL is required: replicas share one PostgreSQL (PGlite serves one process only).');
  process.exit(2);
}
const started = performance.now();
const keyDir = resolve(dataDirFromEnv(process.env));

// Migrate and seed once, as DATABASE_URL's user, before the replicas start: they get only their
// own subgraph role's URL, which can neither migrate nor seed.
const database = await createDatabase({ url: databaseUrl, maxConnections: 1 });
try {
  await database.migrate();
  await seedDatabase(database.db);
} finally {
  await database.close();
}

const cluster = await startCluster({ databaseUrl, keyDir });
// Handlers before the banner: a signal arriving before Node has a handler kills the process
// outright, leaving the replicas running.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    cluster.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('The cluster did not stop cleanly', error);
        process.exit(1);
      },
    );
  });
}

const lines = [
  `Cluster ready in ${Math.round(performance.now() - started)} ms (gateway A → replicas 1, gateway B → replicas 2)`,
  `  database     each subgraph as its own role (${Object.values(SUBGRAPH_ROLES).join(', ')})`,
  ...cluster.gateways.map((g) => `  ${g.name.padEnd(12)} ${g.url}   (readiness: ${g.baseUrl}/readyz)`),
  ...Object.values(cluster.replicas)
    .flat()
    .map((r) => `  ${r.name.padEnd(12)} ${r.url}   (pid ${r.pid})`),
  `  tokens       DATA_DIR=${keyDir} npm run token -- --org my-mycert --roles MEMBER`,
  `  Ctrl-C stops every process.`,
];
console.log(lines.join('\n'));
