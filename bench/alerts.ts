/**
 * `npm run bench:alerts [-- --incidents 100 --rules 10 --concurrency 10]` (DATABASE_URL for
 * PostgreSQL; PGlite in memory otherwise)
 *
 * Commit-to-webhook latency and dispatcher throughput: the whole graph in this process, `rules`
 * webhook rules (all kinds, any country) pointing at a local receiver, then `incidents` GREEN
 * incidents reported through the gateway, `concurrency` at a time, so that incidents × rules
 * alerts are sent (1,000 by default). Latency is the receiver's arrival time minus the event's
 * `occurredAt` in the payload (the database's clock, this machine's: the reporting transaction's
 * start, a little before its commit). Throughput is alerts per second from the first event to the
 * last arrival.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { Role, signDevToken } from '@cadg/platform';
import { startStandaloneGraph } from '@cadg/stack';
import { percentile } from './src/stats.ts';

const { values } = parseArgs({
  options: {
    incidents: { type: 'string', default: '100' },
    rules: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '10' },
  },
});
const incidents = Number(values.incidents);
const ruleCount = Number(values.rules);
const concurrency = Number(values.concurrency);
const expected = incidents * ruleCount;

const latencies: number[] = [];
const firstEvent = { at: Infinity };
let lastArrival = 0;
let allArrived: () => void = () => {};
const done = new Promise<void>((resolve) => {
  allArrived = resolve;
});
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const arrived = Date.now();
    res.end();
    const { occurredAt } = JSON.parse(Buffer.concat(chunks).toString()) as { occurredAt: string };
    const occurred = Date.parse(occurredAt);
    firstEvent.at = Math.min(firstEvent.at, occurred);
    lastArrival = Math.max(lastArrival, arrived);
    latencies.push(arrived - occurred);
    if (latencies.length === expected) allArrived();
  });
});
receiver.listen(0, '127.0.0.1');
await once(receiver, 'listening');
const receiverPort = (receiver.address() as AddressInfo).port;

const graph = await startStandaloneGraph({ databaseUrl: process.env['DATABASE_URL'] });
try {
  const query = async (text: string, variables: Record<string, unknown>, token: string) => {
    const response = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: text, variables }),
    });
    const body = (await response.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  };
  const admin = await signDevToken(graph.keyDir, {
    sub: 'bench-alerts-admin',
    org: 'sg-csa',
    roles: [Role.OrgAdmin],
    expiresIn: '30m',
  });
  const reporter = await signDevToken(graph.keyDir, {
    sub: 'bench-alerts-reporter',
    org: 'my-mycert',
    roles: [Role.Member],
    expiresIn: '30m',
  });
  for (let n = 0; n < ruleCount; n += 1) {
    await query(
      `mutation ($input: CreateAlertRuleInput!) { createAlertRule(input: $input) { rule { id } } }`,
      {
        input: {
          name: `Bench rule ${n}`,
          channel: 'WEBHOOK',
          target: `http://127.0.0.1:${receiverPort}/rule-${n}`,
          minSeverity: 'LOW',
        },
      },
      admin,
    );
  }
  console.log(
    `${incidents} incidents × ${ruleCount} rules = ${expected} alerts, ${concurrency} reports at a time, database ${graph.database}`,
  );

  let next = 0;
  const reportAll = async () => {
    while (next < incidents) {
      const n = next++;
      await query(
        `mutation ($i: ReportIncidentInput!) { reportIncident(input: $i) { id } }`,
        {
          i: {
            title: `Bench alert ${n}`,
            summary: 'Benchmark data.',
            category: 'DDOS',
            severity: 'HIGH',
            tlp: 'GREEN',
            affectedCountryCodes: ['SG'],
          },
        },
        reporter,
      );
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: concurrency }, reportAll));
  const reportedMs = Date.now() - started;
  await done;

  const seconds = (lastArrival - firstEvent.at) / 1000;
  console.log(
    `reported in ${(reportedMs / 1000).toFixed(1)} s (${Math.round(incidents / (reportedMs / 1000))} incidents/s)`,
  );
  console.log(
    `commit-to-webhook: p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms, max ${percentile(latencies, 100)} ms`,
  );
  console.log(
    `dispatcher throughput: ${Math.round(expected / seconds)} alerts/s (${expected} in ${seconds.toFixed(1)} s)`,
  );
} finally {
  await graph.close();
  receiver.closeAllConnections();
  receiver.close();
}
