/**
 * `npm run bench:stix-import [-- --count 10000]` (DATABASE_URL for PostgreSQL; PGlite in memory
 * otherwise)
 *
 * STIX import throughput through the TAXII inbox, as a platform pushing a bundle sees it: the
 * whole graph in this process, one envelope of `count` objects mixed as exports are (see
 * src/stix-bundle.ts) POSTed to `/taxii2/cadg/collections/inbox/objects/`, timed from the request
 * until the status resource says `complete`. Then the same envelope again, which changes nothing
 * (the idempotent path). Prints objects per second for both.
 */
import { parseArgs } from 'node:util';
import { Role, signDevToken } from '@cadg/platform';
import { startStandaloneGraph } from '@cadg/stack';
import { mixedBundle } from './src/stix-bundle.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '10000' } } });
const count = Number(values.count);
const TAXII = 'application/taxii+json;version=2.1';

const graph = await startStandaloneGraph({ databaseUrl: process.env['DATABASE_URL'] });
try {
  const token = await signDevToken(graph.keyDir, {
    sub: 'bench-stix-import',
    org: 'my-mycert',
    roles: [Role.Member],
    expiresIn: '30m',
  });
  const base = new URL('/', graph.gatewayUrl);
  const headers = { accept: TAXII, authorization: `Bearer ${token}` };
  const body = JSON.stringify({ objects: mixedBundle(count, 'bench').objects });
  console.log(
    `${count} objects, ${(Buffer.byteLength(body) / 1_048_576).toFixed(1)} MiB, database ${graph.database}`,
  );

  const run = async (name: string) => {
    const started = performance.now();
    const posted = await fetch(new URL('/taxii2/cadg/collections/inbox/objects/', base), {
      method: 'POST',
      headers: { ...headers, 'content-type': TAXII },
      body,
    });
    if (posted.status !== 202) throw new Error(`POST answered ${posted.status}: ${await posted.text()}`);
    const { id } = (await posted.json()) as { id: string };
    const acceptedMs = performance.now() - started;
    // A benchmark polls the status like any TAXII client; 20 ms between reads.
    let status: { status: string; success_count: number; failure_count: number };
    do {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const answer = await fetch(new URL(`/taxii2/cadg/status/${id}/`, base), { headers });
      status = (await answer.json()) as typeof status;
    } while (status.status !== 'complete');
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${name}: 202 after ${Math.round(acceptedMs)} ms, complete after ${seconds.toFixed(1)} s: ` +
        `${Math.round(count / seconds)} objects/s (${status.success_count} succeeded, ${status.failure_count} failed)`,
    );
  };
  await run('first import');
  await run('same envelope again (unchanged)');
} finally {
  await graph.close();
}
