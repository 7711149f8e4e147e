import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Role } from '@cadg/platform';
import { startGraph, type Graph } from './harness.ts';
import { subscribe } from './subscriber.ts';

const captured: string[] = [];
let graph: Graph;

beforeAll(async () => {
  // Everything the gateway logs at its most verbose, and everything the subgraphs print.
  const logging = {
    level: 'trace' as const,
    writers: [
      {
        write: (_level: string, attrs: unknown, msg: string | null | undefined) =>
          void captured.push(`${msg ?? ''} ${JSON.stringify(attrs ?? {})}`),
      },
    ] as [{ write: (level: string, attrs: unknown, msg: string | null | undefined) => void }],
  };
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      captured.push(
        args
          .map((a) =>
            a instanceof Error ? `${a.message} ${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a),
          )
          .join(' '),
      );
    });
  }
  graph = await startGraph({ logging });
});
afterAll(async () => {
  await graph?.close();
  vi.restoreAllMocks();
});

describe('logs', () => {
  it('never contain a bearer token, valid or forged, over HTTP or graphql-ws, even when errors are logged', async () => {
    const token = await graph.token('my-mycert', [Role.Member]);
    const forged = `${await graph.token('sg-csa', [Role.Secretariat])}forged`;
    await graph.query(`{ incidents(first: 5) { edges { node { id reportedBy { name } } } } }`, {}, token);
    await graph.query(`{ countries { code } }`, {}, forged);
    await graph.query(`{ incident(id: "not-a-uuid") { id } }`, {}, token);
    await graph.query(`{ organizations(after: "garbage") { totalCount } }`, {}, token);
    await graph.query(
      `mutation { reportIncident(input: { title: "", summary: "", category: OTHER, severity: LOW, tlp: CLEAR, affectedCountryCodes: ["ZZ"] }) { id } }`,
      {},
      token,
    );
    await graph.query(`{ countries { code } }`, {}, forged, graph.subgraphUrls['contacts']);
    const cursor = (await graph.query<{ incidentEventCursor: string }>(`{ incidentEventCursor }`, {}, token))
      .data!.incidentEventCursor;
    const subscriber = subscribe(graph.wsUrl, { token, after: cursor });
    await graph.query(
      `mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { id } }`,
      {
        i: {
          title: 'Logged?',
          summary: 'Test data.',
          category: 'OTHER',
          severity: 'HIGH',
          tlp: 'GREEN',
          affectedCountryCodes: ['MY'],
        },
      },
      token,
    );
    await subscriber.waitFor(1);
    await subscriber.close();

    expect(captured.length).toBeGreaterThan(0);
    // The runtime does log upstream request headers at this level; they arrive censored.
    expect(captured.some((line) => line.includes('[redacted]'))).toBe(true);
    const signatures = [token, forged].map((t) => t.split('.')[2]!.slice(0, 20));
    for (const line of captured) {
      for (const secret of [token, forged, ...signatures])
        expect(line.includes(secret), line.slice(0, 300)).toBe(false);
    }
  });
});
