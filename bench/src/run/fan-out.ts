import type { BenchProcess } from '../ipc.ts';
import { mib, table } from '../stats.ts';
import { post } from './io.ts';
import { config, log } from './options.ts';
import { results, targets } from './state.ts';
import {
  commitClock,
  cpuSecondsOf,
  deliveryRecord,
  latencies,
  latencyCells,
  measureEvents,
  startSubscribers,
  untilAllLive,
  type SubscriberPool,
} from './subscriber-pool.ts';

// Fan-out: graphql-ws subscribers through our gateway, from a process of their own.

const REPORT = /* GraphQL */ `
  mutation Report($input: ReportIncidentInput!) {
    reportIncident(input: $input) {
      id
    }
  }
`;

export async function fanOut(
  gateway: { process: BenchProcess; url: string },
  subgraphs: BenchProcess,
  databaseUrl: string,
  token: string,
  distinctTokens: readonly string[],
  auth: Record<string, string>,
): Promise<string> {
  const rows: string[][] = [];
  const largest = Math.max(...config.subscribers);
  // Every size with one token (the gateway shares one upstream stream), then the largest again with
  // subscribers dealt over distinct tokens (one stream per token: sharing never crosses credentials).
  const runs: { count: number; tokens: readonly string[] }[] = [
    ...config.subscribers.map((count) => ({ count, tokens: [token] })),
    ...(distinctTokens.length > 1 ? [{ count: largest, tokens: distinctTokens }] : []),
  ];
  const wsUrl = gateway.url.replace(/^http/, 'ws');
  const report = reportMajor(gateway.url, auth);
  const clock = await commitClock(databaseUrl);
  try {
    for (const { count, tokens } of runs) {
      log(`Fan-out: ${count.toLocaleString('en')} subscribers, ${tokens.length} token(s)…`);
      const rssBefore = { gateway: gateway.process.rss(), subgraphs: subgraphs.rss() };
      const connectStarted = performance.now();
      const processes = count >= 2_000 ? config.subscriberProcesses : 1;
      const pool = await startSubscribers([{ wsUrl, count }], tokens, processes);
      const connectSeconds = (performance.now() - connectStarted) / 1000;
      try {
        let errors = await untilAllLive(pool, report);
        // With every subscriber live: how many upstream streams the gateway runs for them.
        const metrics = await gatewayMetrics(gateway.url);
        const cpu = await cpuWindow(pool, [gateway.process.child.pid]);
        await gateway.process.request({ type: 'profile', on: true }, 'profiled');
        const measured = await measureEvents(pool, clock, report, config.fanoutEvents);
        await gateway.process.request(
          { type: 'profile', on: false, name: `fanout-${count}-${tokens.length}` },
          'profiled',
        );
        const used = await cpu.end();
        errors = errors.concat(measured.errors);
        const l = latencies(measured.latencies);
        const expected = count * config.fanoutEvents;
        rows.push([
          count.toLocaleString('en'),
          tokens.length.toLocaleString('en'),
          String(processes),
          `${connectSeconds.toFixed(1)} s`,
          `${measured.delivered}/${expected}`,
          ...latencyCells(l),
          `${mib(gateway.process.rss())} (${mib(rssBefore.gateway)} idle)`,
          `${mib(subgraphs.rss())} (${mib(rssBefore.subgraphs)} idle)`,
          cpuCell(used.servers[0] ?? null, used.wallSeconds),
          cpuCell(used.clients, used.wallSeconds),
        ]);
        targets.fanout.push({
          count,
          tokens: tokens.length,
          ...l,
          rss: gateway.process.rss(),
          complete: measured.delivered === expected,
        });
        const summary = await pool.summary();
        (results.fanout ??= []).push({
          subscribers: count,
          tokens: tokens.length,
          subscriberProcesses: processes,
          ...deliveryRecord(measured, summary, errors, count, config.fanoutEvents),
          streams: metrics?.value('graphql_subscription_streams') ?? null,
          liveSubscriptions: metrics?.value('graphql_live_subscriptions') ?? null,
          cpuSeconds: { gateway: used.servers[0] ?? null, clients: used.clients, wall: used.wallSeconds },
        });
        if (summary.duplicates) log(`  ${summary.duplicates} events received twice by the same subscriber`);
        if (errors.length) log(`  subscriber errors: ${JSON.stringify(errors.slice(0, 3))}`);
      } finally {
        await pool.stop();
      }
    }
  } finally {
    await clock.close();
  }
  return [
    '## Fan-out',
    '',
    `graphql-ws subscribers to \`majorIncidentUpdates(minSeverity: HIGH)\` through our gateway, one websocket each, opened from separate processes ` +
      `(${config.subscriberProcesses} from 2,000 subscribers on, so the clients are not what delays a receipt), ` +
      `all with the same member token, then the largest size again with the subscribers dealt over ${config.fanoutTokens} distinct member tokens of one organization ` +
      `(the gateway shares one upstream subscription among subscribers with the same operation, variables and token, so this is ${config.fanoutTokens} streams instead of one). ` +
      `Per run, one HIGH incident is reported through the gateway ${config.fanoutEvents} times (after probes that make sure every ` +
      `subscription is live). ${LATENCY_NOTE} Memory is the resident set (VmRSS) with the subscribers connected; ` +
      `CPU is the gateway's and the subscriber processes' (together) over the measured events, as a share of one core.`,
    '',
    table(
      [
        'subscribers',
        'tokens',
        'client processes',
        'connect',
        'delivered',
        'p50',
        'p95',
        'p99',
        'max',
        'gateway RSS',
        'subgraphs RSS',
        'gateway CPU',
        'client CPU',
      ],
      rows,
    ),
  ].join('\n');
}

/** How the latency columns are measured (shared with the cluster section). */
export const LATENCY_NOTE =
  "Latency is from the commit of the event's transaction (when PostgreSQL delivered the outbox's NOTIFY, which it sends at commit, " +
  "to a LISTEN of the bench's own) to each subscriber's receipt of the event, over every (subscriber, event) pair; max is the slowest of them.";

/** The mutation that commits one HIGH event, then the cursor of that event (seen by the same caller). */
export function reportMajor(gatewayUrl: string, auth: Record<string, string>): () => Promise<string> {
  let serial = 0;
  return async () => {
    serial += 1;
    const result = await post<{ reportIncident: { id: string } }>(
      gatewayUrl,
      JSON.stringify({
        query: REPORT,
        variables: {
          input: {
            title: `Bench major incident ${serial}`,
            summary: 'Generated by npm run bench to measure live delivery.',
            category: 'RANSOMWARE',
            severity: 'HIGH',
            tlp: 'GREEN',
            affectedCountryCodes: ['MY', 'SG'],
          },
        },
      }),
      auth,
    );
    if (result.errors) throw new Error(`reportIncident: ${JSON.stringify(result.errors)}`);
    const cursor = await post<{ incidentEventCursor: string }>(
      gatewayUrl,
      JSON.stringify({ query: '{ incidentEventCursor }' }),
      auth,
    );
    return cursor.data!.incidentEventCursor;
  };
}

/** Starts counting CPU of the server processes (by pid) and of the subscriber pool. */
export async function cpuWindow(pool: SubscriberPool, pids: readonly (number | undefined)[]) {
  const started = performance.now();
  const servers = pids.map(cpuSecondsOf);
  const clients = await pool.cpuSeconds();
  return {
    async end() {
      const clientsNow = await pool.cpuSeconds();
      return {
        wallSeconds: (performance.now() - started) / 1000,
        servers: pids.map((pid, i) => {
          const [before, after] = [servers[i], cpuSecondsOf(pid)];
          return before == null || after === null ? null : after - before;
        }),
        clients: clientsNow - clients,
      };
    },
  };
}

/** CPU seconds over a wall time, as a share of one core. */
export const cpuCell = (seconds: number | null, wallSeconds: number): string =>
  seconds === null ? '–' : `${seconds.toFixed(2)} s (${Math.round((100 * seconds) / wallSeconds)} %)`;

/** Our gateway's Prometheus samples (a metric's samples summed over labels), or null without /metrics. */
export async function gatewayMetrics(
  gatewayUrl: string,
): Promise<{ value(name: string): number | null } | null> {
  const response = await fetch(new URL('/metrics', gatewayUrl));
  if (!response.ok) return null;
  const lines = (await response.text()).split('\n');
  return {
    value(name) {
      const samples = lines.filter((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
      return samples.length ? samples.reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0) : null;
    },
  };
}
