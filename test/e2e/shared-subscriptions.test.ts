import { describe, expect, it } from 'vitest';
import { scrape, scrapeUntil } from './scrape.ts';
import { reportIncident } from './reporting.ts';
import { type Subscriber } from './subscriber.ts';
import { currentCursor, graph, outsider, recipient, reporter, subscriber, useMembers } from './members.ts';

useMembers();

let counter = 0;
async function report(overrides: Record<string, unknown> = {}) {
  counter += 1;
  const input = {
    title: `Shared-stream incident ${counter}`,
    summary: 'Ransomware on port operators in two countries (test data).',
    category: 'RANSOMWARE',
    severity: 'HIGH',
    tlp: 'GREEN',
    affectedCountryCodes: ['MY', 'SG'],
    ...overrides,
  };
  return { id: await reportIncident(graph, input, reporter) };
}

async function closeAll(subscribers: Subscriber[]) {
  await Promise.all(subscribers.map((s) => s.close()));
}

const gatewayMetrics = () => graph.gatewayUrl;
const incidentsMetrics = () => graph.subgraphUrls['incidents']!;

/** Waits until the gateway holds `subscriptions` client subscriptions over `streams` upstream ones. */
async function sharing(subscriptions: number, streams: number) {
  await scrapeUntil(
    gatewayMetrics(),
    (s) =>
      s.value('graphql_live_subscriptions') === subscriptions &&
      s.value('graphql_subscription_streams') === streams,
  );
  await scrapeUntil(incidentsMetrics(), (s) => s.value('graphql_live_subscriptions') === streams);
}

describe('subscribers with the same operation and credentials share one upstream subscription', () => {
  it('fans one upstream subscription out to every subscriber of a key, never across credentials', async () => {
    const cursor = await currentCursor(recipient);
    // Five dashboards of one agency (one token), one of another agency, one anonymous.
    const same = Array.from({ length: 5 }, () => subscriber({ token: recipient, after: cursor }));
    const other = subscriber({ token: outsider, after: await currentCursor(outsider) });
    const anonymous = subscriber({ after: await currentCursor() });
    await Promise.all([...same, other, anonymous].map((s) => s.ready));
    await sharing(7, 3);

    // GREEN reaches members (the recipient and the outsider), never the anonymous subscriber;
    // RED reaches only the named recipient: the shared stream of the outsider's key must not carry it.
    const green = await report({ tlp: 'GREEN', title: 'Green for members' });
    const red = await report({ tlp: 'RED', sharedWithOrganizationIds: ['sg-csa'], title: 'Red for CSA' });
    const clear = await report({ tlp: 'CLEAR', title: 'Clear for all' });

    for (const s of same) {
      expect((await s.waitFor(3)).map((e) => e.incident.id)).toEqual([green.id, red.id, clear.id]);
    }
    expect((await other.waitFor(2)).map((e) => e.incident.id)).toEqual([green.id, clear.id]);
    expect((await anonymous.waitFor(1)).map((e) => e.incident.id)).toEqual([clear.id]);
    // Each subscriber got each event once, as its own message.
    for (const s of same) expect(s.events.map((e) => e.incident.id)).toEqual([green.id, red.id, clear.id]);
    await closeAll([...same, other, anonymous]);
    await sharing(0, 0);
  });

  it('keeps the stream for the subscribers that stay, and releases it upstream when the last one leaves', async () => {
    const cursor = await currentCursor(recipient);
    const [leaving, staying1, staying2] = Array.from({ length: 3 }, () =>
      subscriber({ token: recipient, after: cursor }),
    );
    await Promise.all([leaving!, staying1!, staying2!].map((s) => s.ready));
    await sharing(3, 1);
    const first = await report({ title: 'Before one leaves' });
    await leaving!.waitFor(1);
    await leaving!.close();
    await sharing(2, 1);
    const second = await report({ title: 'After one left' });
    for (const s of [staying1!, staying2!]) {
      expect((await s.waitFor(2)).map((e) => e.incident.id)).toEqual([first.id, second.id]);
    }
    await closeAll([staying1!, staying2!]);
    await sharing(0, 0);
  });

  it('gives a late subscriber a stream of its own, so a resumed subscription still replays from its cursor', async () => {
    const cursor = await currentCursor(recipient);
    const early = subscriber({ token: recipient, after: cursor });
    await early.ready;
    const missed = await report({ title: 'Before the late one' });
    await early.waitFor(1);
    // Same operation, same variables, same token: but the early stream has delivered an event
    // the late subscriber must still receive from its cursor.
    const late = subscriber({ token: recipient, after: cursor });
    expect((await late.waitFor(1)).map((e) => e.incident.id)).toEqual([missed.id]);
    await sharing(2, 2);
    const live = await report({ title: 'After the late one' });
    expect((await early.waitFor(2)).map((e) => e.incident.id)).toEqual([missed.id, live.id]);
    expect((await late.waitFor(2)).map((e) => e.incident.id)).toEqual([missed.id, live.id]);
    await closeAll([early, late]);
    await sharing(0, 0);
  });

  it('shares subscriptions over HTTP (server-sent events) the same way, per token', async () => {
    const cursor = await currentCursor(recipient);
    const query = `subscription { majorIncidentUpdates(after: "${cursor}") { incident { id } } }`;
    const open = (token: string) => eventStream(token, query);
    const streams = [await open(recipient), await open(recipient), await open(outsider)];
    try {
      await sharing(3, 2);
      const green = await report({ title: 'Over server-sent events' });
      for (const stream of streams) {
        expect(await stream.next()).toEqual({
          data: { majorIncidentUpdates: { incident: { id: green.id } } },
        });
      }
    } finally {
      await Promise.all(streams.map((stream) => stream.close()));
    }
    await sharing(0, 0);
  });

  it('counts graphql-ws connections, results sent and closes by code', async () => {
    const before = await scrape(gatewayMetrics());
    const s = subscriber({ token: recipient, after: await currentCursor(recipient) });
    await s.ready;
    await scrapeUntil(gatewayMetrics(), (m) => m.value('graphql_ws_connections') >= 1);
    await report({ title: 'Counted' });
    await s.waitFor(1);
    await s.close();
    const after = await scrapeUntil(
      gatewayMetrics(),
      (m) => m.value('graphql_ws_closes_total') > before.value('graphql_ws_closes_total'),
    );
    expect(after.value('graphql_ws_results_total')).toBeGreaterThan(before.value('graphql_ws_results_total'));
    expect(after.value('graphql_ws_closes_total', { code: '1000' })).toBeGreaterThan(
      before.value('graphql_ws_closes_total', { code: '1000' }),
    );
    expect(after.value('graphql_ws_connections')).toBe(0);
  });
});

/** A subscription over HTTP with `Accept: text/event-stream`, read one `next` event at a time. */
async function eventStream(token: string, query: string) {
  const response = await fetch(graph.gatewayUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({ query }),
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  return {
    async next(): Promise<unknown> {
      for (;;) {
        const end = buffered.indexOf('\n\n');
        if (end >= 0) {
          const message = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const data = message.split('\n').find((line) => line.startsWith('data:'));
          if (data && /^event: next$/m.test(message)) return JSON.parse(data.slice('data:'.length));
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('the event stream ended');
        buffered += value;
      }
    },
    close: () => reader.cancel(),
  };
}
