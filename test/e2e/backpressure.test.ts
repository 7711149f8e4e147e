import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Role, SUBSCRIBER_TOO_SLOW_CLOSE_CODE } from '@cadg/platform';
import { startGraph, type Graph } from './harness.ts';
import { subscribe } from './subscriber.ts';

// Small, so a stalled socket trips it soon after the kernel's socket buffers (several MB on loopback) fill up.
const DRAIN_LIMITS = { maxQueued: 5, stallMs: 300 };
let graph: Graph;
beforeAll(async () => {
  graph = await startGraph({ protection: { drainLimits: DRAIN_LIMITS, rateLimit: null } });
});
afterAll(() => graph?.close());

// Each event carries the summary 19 times (aliases), so a stalled socket fills up in a few events.
const BIG_FIELDS = `cursor incident { id ${Array.from({ length: 19 }, (_, i) => `s${i}: summary`).join(' ')} }`;

/** A graphql-ws client written against the raw protocol, so the test controls when it reads. */
async function rawSubscriber(url: string, token: string, after: string) {
  const ws = new WebSocket(url, 'graphql-transport-ws');
  const received: { cursor: string; id: string }[] = [];
  let closeCode: number | null = null;
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve((closeCode = code))));
  const acknowledged = new Promise<void>((resolve) => {
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as {
        type: string;
        payload?: { data?: { majorIncidentUpdates: { cursor: string; incident: { id: string } } } };
      };
      if (message.type === 'connection_ack') resolve();
      const event = message.payload?.data?.majorIncidentUpdates;
      if (message.type === 'next' && event) received.push({ cursor: event.cursor, id: event.incident.id });
    });
  });
  await new Promise<void>((resolve) => ws.on('open', () => resolve()));
  ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  await acknowledged;
  ws.send(
    JSON.stringify({
      id: '1',
      type: 'subscribe',
      payload: {
        query: `subscription($after: String) { majorIncidentUpdates(after: $after) { ${BIG_FIELDS} } }`,
        variables: { after },
      },
    }),
  );
  // ws keeps the TCP socket private (no typed accessor); the test pauses it to stop reading.
  const socket = (ws as unknown as { _socket: Socket })._socket;
  return {
    received,
    closed,
    get closeCode() {
      return closeCode;
    },
    /** Stops reading from the socket, as a stalled agency would. */
    stall: () => socket.pause(),
    resume: () => socket.resume(),
  };
}

describe('a subscriber that stops reading', () => {
  it('is disconnected with close code 4413 once the configured queue is full, does not delay others, and resumes by cursor', async () => {
    const reporter = await graph.token('my-mycert', [Role.Member]);
    const member = await graph.token('sg-csa', [Role.Member]);
    const start = (await graph.query<{ incidentEventCursor: string }>(`{ incidentEventCursor }`, {}, member))
      .data!.incidentEventCursor;

    const slow = await rawSubscriber(graph.wsUrl, member, start);
    const healthy = subscribe(graph.wsUrl, { token: member, after: start, fields: 'cursor incident { id }' });
    slow.stall();

    const summary = 'Large summary for the backpressure test. '.repeat(480);
    const reported: string[] = [];
    for (let batch = 0; batch < 14; batch++) {
      const ids = await Promise.all(
        Array.from({ length: 5 }, async (_, i) => {
          const response = await graph.query<{ reportIncident: { id: string } }>(
            `mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { id } }`,
            {
              i: {
                title: `Backpressure ${batch}-${i}`,
                summary,
                category: 'DDOS',
                severity: 'HIGH',
                tlp: 'GREEN',
                affectedCountryCodes: ['MY'],
              },
            },
            reporter,
          );
          return response.data!.reportIncident.id;
        }),
      );
      reported.push(...ids);
    }

    // The healthy subscriber gets everything while the slow one is still stalled.
    const healthyEvents = await healthy.waitFor(reported.length, 20_000);
    expect(new Set(healthyEvents.map((e) => e.incident.id))).toEqual(new Set(reported));
    expect(slow.closeCode).toBeNull();

    slow.resume();
    expect(await slow.closed).toBe(SUBSCRIBER_TOO_SLOW_CLOSE_CODE);
    expect(slow.received.length).toBeLessThan(reported.length);

    // It resumes from the last event it processed and gets exactly the rest.
    const last = slow.received.at(-1)?.cursor ?? start;
    const resumed = subscribe(graph.wsUrl, { token: member, after: last, fields: 'cursor incident { id }' });
    const rest = await resumed.waitFor(reported.length - slow.received.length, 20_000);
    expect([...slow.received.map((e) => e.id), ...rest.map((e) => e.incident.id)]).toEqual(
      healthyEvents.map((e) => e.incident.id),
    );
    await resumed.close();
    await healthy.close();
  });
});
