import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@cadg/platform';
import type { ServiceProcess } from '../cluster/processes.ts';
import { createRule, incidentOf, report, rules, type RuleView, useReceiver } from './alert-receiver.ts';
import { startGraph, startIncidentsReplica, type Graph } from './harness.ts';
import { scrape } from './scrape.ts';

// Second processes on one database need a PostgreSQL server; CI always sets DATABASE_URL.
describe.runIf(process.env['DATABASE_URL'])('alerts across a kill -9 of the dispatching process', () => {
  let graph: Graph;
  let dispatcher: ServiceProcess;
  // The graph's own incidents subgraph only writes events; the replica alone matches and sends.
  const { receiver } = useReceiver(async () => (graph = await startGraph({ alerts: { dispatch: false } })));
  beforeAll(async () => {
    // A 1 s attempt timeout makes the lease of a claimed delivery 3 s instead of 30 s.
    dispatcher = await startIncidentsReplica(graph, {
      ALERT_TIMEOUT_MS: '1000',
      ALERT_RETRY_BASE_MS: '10',
      ALERT_POLL_MS: '200',
    });
  });
  afterAll(async () => {
    await dispatcher?.kill('SIGKILL');
  });

  it('sends a delivery again under the same webhook-id after the sender was killed mid-send, never as a second delivery row', async () => {
    const admin = await graph.token('sg-csa', [Role.OrgAdmin]);
    const { rule } = await createRule(graph, admin, {
      name: 'Crash-safe receiver',
      channel: 'WEBHOOK',
      target: receiver.url('/held'),
      countryCodes: ['MM'],
    });
    // The first request is held open: the process is killed while it waits for the answer.
    receiver.holds.add('/held');
    const incident = await report(graph, 'my-mycert', {
      title: 'Killed mid-send',
      affectedCountryCodes: ['MM'],
    });
    const [held] = await receiver.waitFor('/held', 1);
    expect(incidentOf(held!)).toBe(incident);
    const exit = await dispatcher.kill('SIGKILL');
    expect(exit?.signal).toBe('SIGKILL');

    await dispatcher.start();
    const requests = await receiver.waitFor('/held', 2);
    expect(incidentOf(requests[1]!)).toBe(incident);
    expect(requests[1]!.headers['webhook-id']).toBe(held!.headers['webhook-id']);

    // The receiver answered 200; the row follows that answer, so wait for it to say so.
    const deadline = Date.now() + 10_000;
    let mine: RuleView | undefined;
    do {
      mine = (await rules(graph, admin)).find((r) => r.id === rule.id);
    } while (mine?.deliveries.edges[0]?.node.status !== 'DELIVERED' && Date.now() < deadline);
    expect(mine!.deliveries.totalCount).toBe(1);
    expect(mine!.deliveries.edges[0]!.node).toMatchObject({
      id: held!.headers['webhook-id'],
      status: 'DELIVERED',
      attempts: 2,
      incident: { id: incident },
    });
    expect(receiver.on('/held')).toHaveLength(2);
  });
});

describe.runIf(process.env['DATABASE_URL'])('alerts from two incidents processes on one PostgreSQL', () => {
  let graph: Graph;
  let second: ServiceProcess;
  const { receiver } = useReceiver(
    async () => (graph = await startGraph({ alerts: { retryBaseMs: 10, pollMs: 200 } })),
  );
  beforeAll(async () => {
    second = await startIncidentsReplica(graph, { ALERT_RETRY_BASE_MS: '10', ALERT_POLL_MS: '200' });
  });
  afterAll(async () => {
    await second?.kill('SIGKILL');
  });

  it('delivers each alert once, as one delivery row, while both dispatchers run', async () => {
    const admin = await graph.token('sg-csa', [Role.OrgAdmin]);
    const { rule } = await createRule(graph, admin, {
      name: 'Shared work',
      channel: 'WEBHOOK',
      target: receiver.url('/shared'),
      countryCodes: ['MM'],
    });
    const count = 12;
    const ids = await Promise.all(
      Array.from({ length: count }, (_, n) =>
        report(graph, 'my-mycert', { title: `Shared ${n}`, affectedCountryCodes: ['MM'] }),
      ),
    );
    const requests = await receiver.waitFor('/shared', count);
    expect(new Set(requests.map(incidentOf))).toEqual(new Set(ids));
    expect(new Set(requests.map((r) => r.headers['webhook-id'])).size).toBe(count);
    // The receiver has every alert; recording DELIVERED follows each answer, so wait for the rows.
    const deadline = Date.now() + 10_000;
    let mine: RuleView | undefined;
    do {
      mine = (await rules(graph, admin)).find((r) => r.id === rule.id);
    } while (mine?.deliveries.edges.some((e) => e.node.status !== 'DELIVERED') && Date.now() < deadline);
    expect(mine!.deliveries.totalCount).toBe(count);
    expect(mine!.deliveries.edges.map((e) => [e.node.status, e.node.attempts])).toEqual(
      Array.from({ length: count }, () => ['DELIVERED', 1]),
    );
    expect(receiver.on('/shared')).toHaveLength(count);
    // Each process counts its own sends: together exactly one per alert.
    const sent = async (url: string) =>
      (await scrape(url)).value('alert_delivery_attempts_total', { channel: 'WEBHOOK', status: 'DELIVERED' });
    expect((await sent(graph.subgraphUrls['incidents']!)) + (await sent(second.url))).toBe(count);
  });
});
