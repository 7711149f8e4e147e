import { readFileSync } from 'node:fs';
import { Role } from '@cadg/platform';
import { startCluster } from '../../../test/cluster/cluster.ts';
import { rssOf } from '../ipc.ts';
import { mib, table } from '../stats.ts';
import { cpuCell, cpuWindow, LATENCY_NOTE, reportMajor } from './fan-out.ts';
import { config, log } from './options.ts';
import { results, targets } from './state.ts';
import {
  commitClock,
  deliveryRecord,
  latencyCells,
  measureEvents,
  startSubscribers,
  untilAllLive,
} from './subscriber-pool.ts';

/** Descriptors a gateway needs besides its subscribers' sockets (upstream, listeners, files). */
const DESCRIPTOR_HEADROOM = 1_000;

/**
 * Subscriptions on the scale-out topology: `npm run start:cluster`'s two gateways, each in front of
 * its own replica of every subgraph, all on the bench's PostgreSQL database, with the subscribers
 * split evenly over the two gateways (from several processes per gateway). One HIGH incident
 * reported through gateway A reaches gateway B's subscribers through the database: B's incidents
 * replica hears the outbox's NOTIFY like A's. Reports each gateway's resident set and CPU.
 *
 * Each gateway holds a socket per subscriber, so a run needs an open-files limit (`ulimit -n`)
 * above half the subscribers; under a lower limit the run is as large as the limit allows and
 * says so (the target line reports it as not measured).
 */
export async function clusterFanOut(databaseUrl: string, keyDir: string): Promise<string> {
  const requested = config.clusterSubscribers;
  const perGateway = Math.min(Math.ceil(requested / 2), openFilesLimit() - DESCRIPTOR_HEADROOM);
  const count = Math.min(requested, perGateway * 2);
  if (count < requested)
    log(
      `Cluster fan-out: ${requested.toLocaleString('en')} subscribers need an open-files limit above ${Math.ceil(requested / 2) + DESCRIPTOR_HEADROOM} (ulimit -n is ${openFilesLimit()}): measuring ${count.toLocaleString('en')}.`,
    );
  log(`Cluster fan-out: ${count.toLocaleString('en')} subscribers over two gateways…`);
  const cluster = await startCluster({
    databaseUrl,
    keyDir,
    // One token and a few source addresses for every subscriber: the per-client protections are off.
    env: {
      RATE_LIMIT: 'off',
      WS_MAX_CONNECTIONS_PER_ADDRESS: '1000000',
      WS_MAX_CONNECTIONS_PER_SUBJECT: '1000000',
    },
  });
  try {
    const [a, b] = cluster.gateways;
    if (!a || !b) throw new Error('The cluster started fewer than two gateways.');
    const token = await cluster.token('my-mycert', [Role.Member], '2h');
    const report = reportMajor(a.url, { authorization: `Bearer ${token}` });
    const gateways = [a, b];
    const idle = gateways.map((g) => rssOf(g.pid));
    const connectStarted = performance.now();
    const shares = [Math.ceil(count / 2), Math.floor(count / 2)];
    const pool = await startSubscribers(
      gateways.map((g, i) => ({ wsUrl: g.wsUrl, count: shares[i]! })),
      [token],
      config.subscriberProcesses,
    );
    const connectSeconds = (performance.now() - connectStarted) / 1000;
    const clock = await commitClock(databaseUrl);
    try {
      let errors = await untilAllLive(pool, report);
      const cpu = await cpuWindow(
        pool,
        gateways.map((g) => g.pid),
      );
      const measured = await measureEvents(pool, clock, report, config.fanoutEvents);
      const used = await cpu.end();
      errors = errors.concat(measured.errors);
      const expected = count * config.fanoutEvents;
      const summary = await pool.summary();
      const delivery = deliveryRecord(measured, summary, errors, count, config.fanoutEvents);
      const l = delivery.latencyMs;
      const perGatewayRows = gateways.map((g, i) => ({
        name: g.name,
        subscribers: shares[i]!,
        rssBytes: rssOf(g.pid),
        idleRssBytes: idle[i] ?? null,
        cpuSeconds: used.servers[i] ?? null,
      }));
      results.clusterFanout = {
        subscribers: count,
        requested,
        gateways: perGatewayRows,
        subscriberProcesses: pool.processes.length,
        ...delivery,
        clientCpuSeconds: used.clients,
        wallSeconds: used.wallSeconds,
      };
      targets.cluster = {
        requested,
        count,
        p99: l.p99,
        complete: measured.delivered === expected,
        rss: perGatewayRows.map((g) => ({ name: g.name, bytes: g.rssBytes })),
      };
      if (errors.length) log(`  subscriber errors: ${JSON.stringify(errors.slice(0, 3))}`);
      return [
        '## Fan-out on the cluster',
        '',
        `The topology of \`npm run start:cluster\`: two gateways, each in front of its own replica of every subgraph, on the bench's PostgreSQL database. ` +
          `${count.toLocaleString('en')} graphql-ws subscribers to \`majorIncidentUpdates(minSeverity: HIGH)\` with one member token, half through each gateway, ` +
          `from ${pool.processes.length} processes${count < requested ? ` (${requested.toLocaleString('en')} asked for; the open-files limit, \`ulimit -n\` ${openFilesLimit()}, allows no more per gateway)` : ''}. ` +
          `One HIGH incident is reported through gateway A ${config.fanoutEvents} times; gateway B's subscribers get it through PostgreSQL (B's incidents replica hears the same NOTIFY). ` +
          `${LATENCY_NOTE} Connecting took ${connectSeconds.toFixed(1)} s; the subscriber processes used ${cpuCell(used.clients, used.wallSeconds)} of a core over the measured events.`,
        '',
        table(
          ['subscribers', 'delivered', 'p50', 'p95', 'p99', 'max', 'duplicates'],
          [
            [
              count.toLocaleString('en'),
              `${measured.delivered}/${expected}`,
              ...latencyCells(l),
              String(summary.duplicates),
            ],
          ],
        ),
        '',
        table(
          ['gateway', 'subscribers', 'RSS', 'RSS idle', 'CPU over the events'],
          perGatewayRows.map((g) => [
            g.name,
            g.subscribers.toLocaleString('en'),
            mib(g.rssBytes),
            mib(g.idleRssBytes),
            cpuCell(g.cpuSeconds, used.wallSeconds),
          ]),
        ),
      ].join('\n');
    } finally {
      await clock.close();
      await pool.stop();
    }
  } finally {
    await cluster.close();
  }
}

/** This process's open-files limit (children inherit it), from /proc; a large number where unknown. */
function openFilesLimit(): number {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const soft = Number(line?.split(/\s{2,}/)[1]);
    return Number.isFinite(soft) ? soft : Number.MAX_SAFE_INTEGER;
  } catch {
    return Number.MAX_SAFE_INTEGER;
  }
}
