import {
  cachedOrganizationKeys,
  createGraphClient,
  loadCertDirectory,
  loadRecentIncidents,
  setAcronym,
  watchOrganization,
  type OrganizationSummary,
  type View,
} from '@cadg/example-apollo-client';
import {
  followMajorIncidents,
  type Follower,
  type MajorIncidentUpdate,
} from '@cadg/example-graphql-ws-subscriber';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@cadg/platform';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { documentId, protectionFromEnv, trustedDocumentsDir, type ProtectionOptions } from '@cadg/gateway';
import { startGraph, type Graph } from './harness.ts';

/**
 * Each example runs unchanged against the gateway as `npm start` configures it (trusted documents
 * allowed, Apollo's automatic persisted queries on) and as production does (only registered
 * documents run), from the same environment variables.
 */
const MODES: [string, NodeJS.ProcessEnv][] = [
  ['the embedded default', {}],
  [
    'a production gateway with trusted documents enforced',
    {
      GATEWAY_MODE: 'production',
      SUBGRAPH_SIGNING_SECRET: 'e2e-clients-signing-secret-0123456789',
      METRICS_PORT: '0',
    },
  ],
];

describe.each(MODES)('the examples against %s', (_mode, env) => {
  let graph: Graph;
  let admin: string; // an ORG_ADMIN of MyCERT
  let member: string; // a member of Singapore's CSA
  const followers: Follower[] = [];

  beforeAll(async () => {
    const protection: ProtectionOptions = await protectionFromEnv(env);
    graph = await startGraph({ protection });
    admin = await graph.token('my-mycert', [Role.OrgAdmin, Role.Member]);
    member = await graph.token('sg-csa', [Role.Member]);
  });
  afterAll(async () => {
    await Promise.all(followers.map((follower) => follower.close()));
    await graph?.close();
  });

  describe('Apollo Client, as the example integrator uses it', () => {
    it('loads the CERT directory and the incidents the caller may see', async () => {
      const client = createGraphClient({ url: graph.gatewayUrl, token: member });
      try {
        const directory = await loadCertDirectory(client);
        expect(directory.organizations.totalCount).toBeGreaterThanOrEqual(10);
        const mycert = directory.organizations.edges.find(({ node }) => node.id === 'my-mycert')?.node;
        expect(mycert).toMatchObject({ acronym: 'MyCERT', country: { code: 'MY', name: 'Malaysia' } });

        const incidents = await loadRecentIncidents(client);
        expect(incidents.incidents.edges.length).toBeGreaterThan(0);
        for (const { node } of incidents.incidents.edges) expect(node.tlp).not.toBe('RED');
      } finally {
        client.stop();
      }
    });

    it('keeps an organization fetched through organizations and through incident.reportedBy as one cache entry, updated once by a change', async () => {
      let requests = 0;
      const countingFetch: typeof fetch = (input, init) => {
        requests += 1;
        return fetch(input, init);
      };
      const client = createGraphClient({ url: graph.gatewayUrl, token: admin, fetch: countingFetch });
      try {
        const directory = await loadCertDirectory(client);
        const incidents = await loadRecentIncidents(client);
        const fromDirectory = directory.organizations.edges.find(({ node }) => node.id === 'my-mycert')!.node;
        const fromIncident = incidents.incidents.edges.find(({ node }) => node.reportedBy.id === 'my-mycert')!
          .node.reportedBy;
        expect(client.cache.identify(fromDirectory)).toBe('Organization:my-mycert');
        expect(client.cache.identify(fromIncident)).toBe('Organization:my-mycert');
        const keys = cachedOrganizationKeys(client);
        expect(keys.filter((key) => key === 'Organization:my-mycert')).toHaveLength(1);
        expect(new Set(keys).size).toBe(keys.length);

        const seen: Record<View, (string | null)[]> = { directory: [], incidents: [] };
        let bothUpdated!: () => void;
        const updated = new Promise<void>((resolve) => (bothUpdated = resolve));
        const stop = watchOrganization(client, 'my-mycert', (view, organization: OrganizationSummary) => {
          seen[view].push(organization.acronym);
          if (seen.directory.includes('MyCERT-X') && seen.incidents.includes('MyCERT-X')) bothUpdated();
        });
        try {
          const before = requests;
          const changed = await setAcronym(client, fromDirectory, 'MyCERT-X');
          await updated;
          expect(changed.version).toBe(fromDirectory.version + 1);
          // One request (the mutation); both views were answered from the one updated cache entry.
          expect(requests - before).toBe(1);
          expect(seen).toEqual({ directory: ['MyCERT', 'MyCERT-X'], incidents: ['MyCERT', 'MyCERT-X'] });
        } finally {
          stop();
        }
      } finally {
        client.stop();
      }
    });
  });

  /**
   * Runs a registered dashboard operation by its id, which both modes accept (the test's own
   * requests, not the examples').
   */
  async function runRegistered<T>(name: string, variables: Record<string, unknown>, token: string) {
    const text = await readFile(join(trustedDocumentsDir, 'dashboard', `${name}.graphql`), 'utf8');
    const response = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ documentId: documentId(text.trim()), variables }),
    });
    return (await response.json()) as { data?: T; errors?: unknown[] };
  }

  async function report(title: string): Promise<void> {
    const response = await runRegistered(
      'ReportIncident',
      {
        input: {
          title,
          summary: 'Exercise scenario for the subscriber example (test data).',
          category: 'MALWARE',
          severity: 'SEVERE',
          tlp: 'GREEN',
          affectedCountryCodes: ['MY', 'SG'],
        },
      },
      admin,
    );
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  }

  /** Follows major incidents and lets the test wait, on promises, for the next updates. */
  function follow(after: string | null) {
    const received: MajorIncidentUpdate[] = [];
    let wake: (() => void) | undefined;
    const follower = followMajorIncidents({
      url: graph.wsUrl,
      token: member,
      after,
      onUpdate(update) {
        received.push(update);
        wake?.();
      },
    });
    followers.push(follower);
    return {
      follower,
      received,
      /** Resolves with the first `count` updates once they have arrived; rejects if the subscription ends first. */
      async waitFor(count: number): Promise<MajorIncidentUpdate[]> {
        while (received.length < count) {
          const arrived = new Promise<void>((resolve) => (wake = resolve));
          const ended = follower.closed.then((reason) => {
            throw new Error(`subscription ended after ${received.length} of ${count} updates: ${reason}`);
          });
          await Promise.race([arrived, ended]);
        }
        return received.slice(0, count);
      },
    };
  }

  describe('the graphql-ws subscriber, as the example integrator uses it', () => {
    it('resumes after a disconnect with exactly the updates it missed, then live ones', async () => {
      const start = await runRegistered<{ incidentEventCursor: string }>('DashboardOverview', {}, member);
      const first = follow(start.data!.incidentEventCursor);
      await first.follower.connected;
      await report('Exercise: resume A');
      const [a] = await first.waitFor(1);
      expect(a!.incident.title).toBe('Exercise: resume A');
      await first.follower.close();
      expect(await first.follower.closed).toBe('closed by the subscriber');

      // Missed while disconnected.
      await report('Exercise: resume B');
      await report('Exercise: resume C');

      const second = follow(first.follower.cursor);
      await second.follower.connected;
      const missed = await second.waitFor(2);
      expect(missed.map((update) => update.incident.title)).toEqual([
        'Exercise: resume B',
        'Exercise: resume C',
      ]);

      await report('Exercise: resume D');
      const all = await second.waitFor(3);
      expect(all.map((update) => update.incident.title)).toEqual([
        'Exercise: resume B',
        'Exercise: resume C',
        'Exercise: resume D',
      ]);
      expect(new Set(all.map((update) => update.cursor)).size).toBe(3);
      expect(first.received).toHaveLength(1);
      expect(second.follower.cursor).toBe(all[2]!.cursor);
    });
  });
});
