import { createGraphClient, loadIncident, loadRecentIncidents } from '@cadg/example-urql';
import {
  createEnvironment,
  loadIncidents,
  readIncident,
  refetchIncident,
  watchIncident,
  type IncidentCard,
} from '@cadg/example-relay';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { protectionFromEnv, readManifest } from '@cadg/gateway';
import { Role, toNodeId } from '@cadg/platform';
import { startGraph, type Graph } from './harness.ts';

/**
 * The urql and Relay examples run unchanged against the gateway as `npm start` configures it and
 * as production does (only registered documents run), each with its own persisted-documents
 * mechanism: urql's persisted exchange (hashes of urql's printed queries) and the Relay compiler's
 * persisted ids.
 */
const MODES: [string, NodeJS.ProcessEnv][] = [
  ['the embedded default', {}],
  [
    'a production gateway with trusted documents enforced',
    {
      GATEWAY_MODE: 'production',
      SUBGRAPH_SIGNING_SECRET: 'e2e-urql-relay-signing-secret-0123456789',
      METRICS_PORT: '0',
    },
  ],
];

/** Records what a client sends: method, and whether the query text went along. */
function recordingFetch() {
  const sent: { method: string; text: boolean }[] = [];
  const recording: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    sent.push({ method: init?.method ?? 'GET', text: url.searchParams.has('query') || 'query' in body });
    return fetch(input, init);
  };
  return { sent, fetch: recording };
}

describe.each(MODES)('the urql and Relay examples against %s', (_mode, env) => {
  let graph: Graph;
  let admin: string; // an ORG_ADMIN of MyCERT
  let outsider: string; // a member of Singapore's CSA
  let manifest: Record<string, string>;
  let hiddenId: string; // the nodeId of a TLP:RED incident MyCERT reported

  /** Runs a registered operation by its id (the test's own requests, not the examples'). */
  async function runRegistered<T>(operation: string, variables: Record<string, unknown>, token: string) {
    const named = new RegExp(`^(query|mutation) ${operation}[ (]`);
    const id = Object.entries(manifest).find(([, text]) => named.test(text))?.[0];
    if (!id) throw new Error(`no registered ${operation}`);
    const response = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ documentId: id, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data!;
  }

  beforeAll(async () => {
    manifest = await readManifest();
    graph = await startGraph({ protection: await protectionFromEnv(env) });
    admin = await graph.token('my-mycert', [Role.OrgAdmin, Role.Member]);
    outsider = await graph.token('sg-csa', [Role.Member]);
    const reported = await runRegistered<{ reportIncident: { id: string } }>(
      'ReportIncident',
      {
        input: {
          title: 'Exercise: RED, for the urql and Relay examples',
          summary: 'Test data: only MyCERT may read it.',
          category: 'MALWARE',
          severity: 'HIGH',
          tlp: 'RED',
          affectedCountryCodes: ['MY'],
        },
      },
      admin,
    );
    hiddenId = toNodeId('Incident', reported.reportIncident.id);
  });
  afterAll(() => graph?.close());

  describe('urql, as the example integrator uses it', () => {
    it('loads the incidents the caller may see with one hash-only GET each, and one again by its nodeId', async () => {
      const { sent, fetch } = recordingFetch();
      const client = createGraphClient({ url: graph.gatewayUrl, token: outsider, fetch });
      const incidents = await loadRecentIncidents(client);
      expect(incidents.totalCount).toBeGreaterThan(0);
      for (const { node } of incidents.edges) {
        expect(node.tlp).not.toBe('RED');
        expect(node.nodeId).toBe(toNodeId('Incident', node.id));
      }
      const first = incidents.edges[0]!.node;
      const again = await loadIncident(client, first.nodeId);
      expect(again).toMatchObject({ id: first.id, nodeId: first.nodeId, title: first.title });
      // Registered operations run on the first request, by hash alone, in both modes.
      expect(sent).toEqual([
        { method: 'GET', text: false },
        { method: 'GET', text: false },
      ]);
    });

    it('gets null through node(id:) for an incident the caller may not see, and the incident for its reporter', async () => {
      expect(
        await loadIncident(createGraphClient({ url: graph.gatewayUrl, token: outsider }), hiddenId),
      ).toBeNull();
      expect(await loadIncident(createGraphClient({ url: graph.gatewayUrl }), hiddenId)).toBeNull();
      const own = await loadIncident(createGraphClient({ url: graph.gatewayUrl, token: admin }), hiddenId);
      expect(own).toMatchObject({ nodeId: hiddenId, tlp: 'RED', reportedBy: { id: 'my-mycert' } });
    });
  });

  describe('Relay, as the example integrator uses it', () => {
    it('loads incidents by persisted id alone and reads each card from the normalised store', async () => {
      const { sent, fetch } = recordingFetch();
      const environment = createEnvironment({ url: graph.gatewayUrl, token: outsider, fetch });
      const incidents = await loadIncidents(environment, 5);
      expect(incidents.edges.length).toBeGreaterThan(0);
      for (const { node } of incidents.edges) {
        const card = readIncident(environment, node);
        expect(card.tlp).not.toBe('RED');
        expect(card.title.length).toBeGreaterThan(0);
        expect(environment.getStore().getSource().get(node.nodeId)?.['__typename']).toBe('Incident');
      }
      expect(sent).toEqual([{ method: 'POST', text: false }]);
    });

    it("refetches a card through node(id:) into the store, where the card's watcher sees a change made elsewhere", async () => {
      const environment = createEnvironment({ url: graph.gatewayUrl, token: admin });
      const incidents = await loadIncidents(environment, 20);
      const mine = incidents.edges.find(({ node }) => node.nodeId === hiddenId)?.node;
      if (!mine) throw new Error('the RED incident is not among the reporter’s newest 20');
      const before = readIncident(environment, mine);
      expect(before.reportedBy.acronym).toBe('MyCERT');

      const seen: IncidentCard[] = [];
      const stop = watchIncident(environment, mine, (card) => seen.push(card));
      try {
        // Someone changes MyCERT's acronym (the Apollo example's registered mutation)...
        const version = await currentVersion(admin);
        await runRegistered(
          'SetAcronym',
          { id: 'my-mycert', acronym: 'MyCERT-R', expectedVersion: version },
          admin,
        );
        // ...and refetching the incident through node(id:) brings it into the one store record.
        const refetched = await refetchIncident(environment, hiddenId);
        expect(refetched).not.toBeNull();
        expect(seen.map((card) => card.reportedBy.acronym)).toEqual(['MyCERT-R']);
        expect(readIncident(environment, mine).reportedBy.acronym).toBe('MyCERT-R');
      } finally {
        stop();
      }
    });

    it('gets null through node(id:) for an incident the caller may not see', async () => {
      expect(
        await refetchIncident(createEnvironment({ url: graph.gatewayUrl, token: outsider }), hiddenId),
      ).toBeNull();
      expect(await refetchIncident(createEnvironment({ url: graph.gatewayUrl }), hiddenId)).toBeNull();
    });
  });

  /** MyCERT's version, through the Apollo example's registered directory query. */
  async function currentVersion(token: string): Promise<number> {
    const data = await runRegistered<{
      organizations: { edges: { node: { id: string; version: number } }[] };
    }>('CertDirectory', { first: 50 }, token);
    return data.organizations.edges.find(({ node }) => node.id === 'my-mycert')!.node.version;
  }
});

describe("the Relay example's compiled artifacts", () => {
  it('are what the Relay compiler writes from the published schema (`npm run relay -w @cadg/example-relay`)', async () => {
    const example = fileURLToPath(new URL('../../examples/relay/', import.meta.url));
    const compiler = fileURLToPath(new URL('../../node_modules/relay-compiler/cli.js', import.meta.url));
    // --validate writes nothing and fails when an artifact or persisted-queries.json is stale.
    const { stderr, stdout } = await promisify(execFile)(process.execPath, [compiler, '--validate'], {
      cwd: example,
    });
    expect(`${stdout}${stderr}`).toMatch(/Done/);
  });
});
