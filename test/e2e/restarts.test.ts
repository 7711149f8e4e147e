import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, seedDatabase } from '@cadg/db';
import { Role } from '@cadg/platform';
import { startCluster, type Cluster } from '../cluster/cluster.ts';
import { checkDeliveries, gql, IncidentReporter, ResilientSubscriber } from '../cluster/load.ts';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../cluster/postgres.ts';

/** Report attempts that failed with INTERNAL_SERVER_ERROR so far. */
const internalErrors = (reporter: IncidentReporter): number =>
  [...reporter.failures].reduce(
    (n, [failure, count]) => n + (failure.includes('INTERNAL_SERVER_ERROR') ? count : 0),
    0,
  );

/** How long the graph may take to deliver everything acknowledged so far after a fault. */
const RECOVERY_MS = 45_000;
/** Failed or successful report attempts to let happen while a process is down. */
const ATTEMPTS_DURING_OUTAGE = 6;

// Separate processes on one database need a PostgreSQL server; CI always sets DATABASE_URL. This
// file runs its own throwaway server (same binaries) because it restarts it.
describe.runIf(process.env['DATABASE_URL'])('kill -9 and restarts under a stream of reports', () => {
  let pg: ThrowawayPostgres;
  let keyDir: string;
  let cluster: Cluster;
  let reporter: IncidentReporter;
  let startEventId: number;
  const subscribers: ResilientSubscriber[] = [];
  const faults: string[] = [];

  /** Resolves once every subscriber has the REPORTED event of every report acknowledged so far. */
  async function everySubscriberCaughtUp(): Promise<void> {
    const expected = reporter.acknowledged.map((r) => r.incidentId);
    expect(cluster.crashes()).toEqual([]);
    await Promise.all(
      subscribers.map((s) =>
        s.waitUntil(
          () => {
            const seen = s.reportedIncidentIds();
            return expected.every((id) => seen.has(id));
          },
          RECOVERY_MS,
          `receiving all ${expected.length} acknowledged reports`,
        ),
      ),
    );
  }

  beforeAll(async () => {
    pg = await startThrowawayPostgres();
    const database = await createDatabase({ url: pg.url, maxConnections: 1 });
    try {
      await database.migrate();
      await seedDatabase(database.db);
    } finally {
      await database.close();
    }
    keyDir = await mkdtemp(join(tmpdir(), 'cadg-restarts-keys-'));
    cluster = await startCluster({ databaseUrl: pg.url, keyDir, env: { RATE_LIMIT: 'off' } });
  }, 120_000);

  afterAll(async () => {
    await reporter?.stop();
    await Promise.all(subscribers.map((s) => s.close()));
    await cluster?.close();
    await pg?.dispose();
    if (keyDir) await rm(keyDir, { recursive: true, force: true });
    console.log(`[restarts] faults injected: ${faults.join(', ')}`);
  });

  it('streams reports to subscribers on both gateways', async () => {
    const [a, b] = cluster.gateways;
    const member = await cluster.token('sg-csa', [Role.Member]);
    const start = await gql<{ incidentEventCursor: string }>(b!.url, `{ incidentEventCursor }`, {}, member);
    const after = start.data!.incidentEventCursor;
    startEventId = JSON.parse(Buffer.from(after, 'base64url').toString())[0] as number;
    const wsUrls = [a!.wsUrl, b!.wsUrl];
    for (let i = 0; i < 4; i++)
      subscribers.push(new ResilientSubscriber(`subscriber-${i + 1}`, wsUrls, member, after, i));
    await Promise.all(subscribers.map((s) => s.ready));
    reporter = new IncidentReporter({
      gatewayUrls: cluster.gateways.map((g) => g.url),
      token: await cluster.token('my-mycert', [Role.Member]),
      ratePerSecond: 8,
    });
    reporter.start();
    await reporter.attemptsMade(16, 20_000);
    await everySubscriberCaughtUp();
    expect(reporter.acknowledged.length).toBeGreaterThanOrEqual(10);
  });

  it('recovers from kill -9 of the incidents replica behind gateway A', async () => {
    const replica = cluster.replicas['incidents']![0]!;
    await replica.kill('SIGKILL');
    faults.push('kill -9 incidents-1');
    await reporter.attemptsMade(ATTEMPTS_DURING_OUTAGE, 20_000);
    await replica.start();
    await reporter.attemptsMade(ATTEMPTS_DURING_OUTAGE, 20_000);
    await everySubscriberCaughtUp();
  });

  // By now the subscribers that started on gateway A have moved to B, so this hits all of them.
  it('recovers from kill -9 of gateway B', async () => {
    const gateway = cluster.gateways[1]!;
    await gateway.kill('SIGKILL');
    faults.push('kill -9 gateway-b');
    await reporter.attemptsMade(ATTEMPTS_DURING_OUTAGE, 20_000);
    await gateway.start();
    await reporter.attemptsMade(ATTEMPTS_DURING_OUTAGE, 20_000);
    await everySubscriberCaughtUp();
  });

  it('recovers from a PostgreSQL restart, subscribers whose path stayed up receiving without resubscribing', async () => {
    const before = subscribers.map((s) => s.resubscriptions);
    const internalBefore = internalErrors(reporter);
    await pg.stop('immediate');
    faults.push('PostgreSQL stop -m immediate + start');
    await reporter.attemptsMade(ATTEMPTS_DURING_OUTAGE, 20_000);
    await pg.start();
    const restartedAt = reporter.acknowledged.length;
    await reporter.attemptsMade(ATTEMPTS_DURING_OUTAGE * 2, 30_000);
    await everySubscriberCaughtUp();
    expect(reporter.acknowledged.length).toBeGreaterThan(restartedAt);
    // The LISTEN of each replica re-established itself: events committed after the restart reached
    // subscribers that never had to subscribe again.
    const undisturbed = subscribers.filter((s, i) => s.resubscriptions === before[i]);
    expect(undisturbed.length).toBeGreaterThan(0);
    // A database that is down or restarting is SERVICE_UNAVAILABLE (retry), never an internal error.
    const unexpected = [...cluster.gateways, ...Object.values(cluster.replicas).flat()].flatMap((p) =>
      p.output.split('\n').filter((line) => line.includes('unexpected error')),
    );
    expect(internalErrors(reporter), JSON.stringify([...reporter.failures, ...unexpected])).toBe(
      internalBefore,
    );
  });

  it('lost no acknowledged report and delivered every event exactly once, in order', async () => {
    await reporter.stop();
    await everySubscriberCaughtUp();
    const sql = postgres(pg.url, { max: 1, onnotice: () => {} });
    let committed: { id: number; incidentId: string }[];
    let incidents: Set<string>;
    try {
      // The subscribers' cursor is theirs (the newest event they may see): seeded events after it are
      // ones they may not see, so what they must get is the events of the reports made here.
      committed = (
        await sql<{ id: string; incident_id: string }[]>`
          select e.id, e.incident_id from incidents.incident_events e
          join incidents.incidents i on i.id = e.incident_id
          where e.id > ${startEventId} and i.title like 'Load #%' order by e.id`
      ).map((row) => ({ id: Number(row.id), incidentId: row.incident_id }));
      incidents = new Set(
        (await sql<{ id: string }[]>`select id from incidents.incidents where title like 'Load #%'`).map(
          (r) => r.id,
        ),
      );
    } finally {
      await sql.end();
    }
    const acknowledged = reporter.acknowledged.map((r) => r.incidentId);
    expect(new Set(acknowledged).size).toBe(acknowledged.length);
    for (const id of acknowledged) expect(incidents.has(id)).toBe(true);
    for (const subscriber of subscribers) {
      // The whole table since the start, in order, each event once: no gap, no duplicate.
      expect({
        subscriber: subscriber.name,
        ...checkDeliveries(
          subscriber,
          committed.map((e) => e.id),
        ),
      }).toEqual({
        subscriber: subscriber.name,
        missing: [],
        duplicates: [],
        outOfOrder: [],
      });
      expect(subscriber.deliveries).toHaveLength(committed.length);
    }
    console.log(
      `[restarts] ${reporter.acknowledged.length} reports acknowledged, ${reporter.givenUp.length} given up, ` +
        `${committed.length - reporter.acknowledged.length} committed without acknowledgement, ` +
        `${reporter.failedAttempts} failed attempts (${[...reporter.failures.entries()].map(([k, v]) => `${v}× ${k}`).join('; ')}); ` +
        `${subscribers.length} subscribers × ${committed.length} events checked; resubscriptions ${subscribers.map((s) => `${s.resubscriptions} (${s.interruptions.join(' | ')})`).join(', ')}`,
    );
  });
});
