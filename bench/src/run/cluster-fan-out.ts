import { readFileSync } from 'node:fs';
import { Role } from '@cadg/platform';
import { startCluster } from '../../../test/cluster/cluster.ts';
import { gatewayWorkersOf } from '../../../test/cluster/processes.ts';
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

/** Descriptors a gateway process needs besides its subscribers' sockets (upstream, listeners, files). */
const DESCRIPTOR_HEADROOM = 1_000;

/**
 * Subscriptions on the scale-out topology: `npm run start:cluster`'s two gateways, each in front of
 * its own replica of every subgraph, all on the bench's PostgreSQL database, with the subscribers
 * split evenly over the two gateways (from several processes per gateway). One HIGH incident
 * reported through gateway A reaches gateway B's subscribers through the database: B's incidents
 * replica hears the outbox's NOTIFY like A's. Reports each gateway's resident set and CPU.
 *
 * A process holds a socket per subscriber, so a gateway whose half does not fit under the
 * open-files limit (`ulimit -n`) runs as GATEWAY_WORKERS processes on its port (gateway/src/workers.ts),
 * as an operator on such a host would run it; its RSS and CPU are then summed over its processes.
 */
export async function clusterFanOut(databaseUrl: string, keyDir: string): Promise<string> {
  const count = config.clusterSubscribers;
  const workers = Math.ceil(Math.ceil(count / 2) / (openFilesLimit() - DESCRIPTOR_HEADROOM));
  log(
    `Cluster fan-out: ${count.toLocaleString('en')} subscribers over two gateways` +
      (workers > 1 ? ` of ${workers} worker processes each (ulimit -n ${openFilesLimit()})…` : '…'),
  );
  const cluster = await startCluster({
    databaseUrl,
    keyDir,
    // One token and a few source addresses for every subscriber: the per-client protections are off.
    env: {
      RATE_LIMIT: 'off',
      WS_MAX_CONNECTIONS_PER_ADDRESS: '1000000',
      WS_MAX_CONNECTIONS_PER_SUBJECT: '1000000',
      ...(workers > 1 ? { GATEWAY_WORKERS: String(workers) } : {}),
    },
  });
  try {
    const [a, b] = cluster.gateways;
    if (!a || !b) throw new Error('The cluster started fewer than two gateways.');
    const token = await cluster.token('my-mycert', [Role.Member], '2h');
    const report = reportMajor(a.url, { authorization: `Bearer ${token}` });
    const gateways = [a, b];
    // Each gateway's processes: the gateway, or its primary and workers.
    const processesOf = gateways.map((g) => [g.pid, ...gatewayWorkersOf(g.pid)]);
    const rssOfGateway = (i: number) => sumOrNull(processesOf[i]!.map(rssOf));
    const idle = gateways.map((_, i) => rssOfGateway(i));
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
      const cpu = await cpuWindow(pool, processesOf.flat());
      const measured = await measureEvents(pool, clock, report, config.fanoutEvents).catch(
        (error: unknown) => {
          // What the gateways said last is what tells a crash from a refused request.
          for (const g of gateways) log(`${g.name} (last output):\n${g.output.slice(-4_000)}`);
          throw error;
        },
      );
      const used = await cpu.end();
      errors = errors.concat(measured.errors);
      const expected = count * config.fanoutEvents;
      const summary = await pool.summary();
      const delivery = deliveryRecord(measured, summary, errors, count, config.fanoutEvents);
      const l = delivery.latencyMs;
      const perGatewayRows = gateways.map((g, i) => {
        const first = processesOf.slice(0, i).reduce((n, pids) => n + pids.length, 0);
        return {
          name: g.name,
          processes: processesOf[i]!.length,
          subscribers: shares[i]!,
          rssBytes: rssOfGateway(i),
          idleRssBytes: idle[i] ?? null,
          cpuSeconds: sumOrNull(used.servers.slice(first, first + processesOf[i]!.length)),
        };
      });
      results.clusterFanout = {
        subscribers: count,
        requested: count,
        gateways: perGatewayRows,
        subscriberProcesses: pool.processes.length,
        ...delivery,
        clientCpuSeconds: used.clients,
        wallSeconds: used.wallSeconds,
      };
      targets.cluster = {
        requested: count,
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
          `from ${pool.processes.length} processes. ` +
          (workers > 1
            ? `Each gateway runs as ${workers} processes on its port (\`GATEWAY_WORKERS=${workers}\`: a primary handing connections to workers), because a process may hold no more sockets than the open-files limit, \`ulimit -n\` ${openFilesLimit()} here; a gateway's RSS and CPU are summed over its primary and workers. `
            : '') +
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
          ['gateway', 'processes', 'subscribers', 'RSS', 'RSS idle', 'CPU over the events'],
          perGatewayRows.map((g) => [
            g.name,
            String(g.processes),
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

const sumOrNull = (values: readonly (number | null | undefined)[]): number | null =>
  values.some((v) => v === null || v === undefined) ? null : values.reduce<number>((a, v) => a + v!, 0);

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
