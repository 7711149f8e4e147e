import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentId, readManifest, trustedDocumentsDir } from '@cadg/gateway';
import { Role, signedExtensions } from '@cadg/platform';
import { startGraph, type Graph, type GraphQLResponse } from './harness.ts';
import { mustDocument } from './documents.ts';
import {
  ENTITIES,
  RECIPIENT_ORG,
  REPORTING_ORG,
  SEARCH,
  STATS,
  TLPS,
  caller,
  tokensFor,
  type EntitiesData,
  type RoleSpec,
  type SearchData,
  type StatsData,
  type Tlp,
} from './authorization-matrix-helpers.ts';

/**
 * The authorization matrix's sharing-group dimension: one incident per TLP level, reported by
 * REPORTING_ORG and shared with RECIPIENT_ORG and with a sharing group owned by another
 * organization (which is not in it). After one member is removed, each role's view is gathered on
 * every path (gateway reads, counts, statistics, indicator search, `_entities` on the incidents
 * subgraph's own port, subscription replay, the TAXII collection, the MISP feed) and compared
 * with the table below, written out by hand.
 */

const GROUP_OWNER = 'bn-brucert';
const GROUP_MEMBER = 'vn-vncert';
const REMOVED_MEMBER = 'la-laocert';

type Key =
  | 'anonymous'
  | 'outsider'
  | 'recipient'
  | 'secretariat'
  | 'groupMember'
  | 'removedMember'
  | 'groupOwner'
  | 'rolelessGroupMember';

const ROLES: readonly (Omit<RoleSpec, 'key'> & { key: Key })[] = [
  { key: 'anonymous', label: 'anonymous caller', token: null },
  caller('outsider', 'member of an uninvolved organization', 'th-thaicert', [Role.Member]),
  caller('recipient', 'member of a named recipient', RECIPIENT_ORG, [Role.Member]),
  caller('secretariat', 'SECRETARIAT', 'asean-secretariat', [Role.Secretariat]),
  caller('groupMember', 'member of a group member', GROUP_MEMBER, [Role.Member]),
  caller('removedMember', 'member of a removed group member', REMOVED_MEMBER, [Role.Member]),
  caller('groupOwner', 'member of the group owner (not in it)', GROUP_OWNER, [Role.Member]),
  caller('rolelessGroupMember', 'token of a group member with no known role', GROUP_MEMBER, []),
];

/** What each role reads after the removal, on every path: written out, not derived. */
const READS: Readonly<Record<Key, readonly Tlp[]>> = {
  anonymous: ['CLEAR'],
  outsider: ['CLEAR', 'GREEN'],
  recipient: ['CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED'],
  secretariat: ['CLEAR', 'GREEN'],
  groupMember: ['CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED'],
  removedMember: ['CLEAR', 'GREEN'],
  groupOwner: ['CLEAR', 'GREEN'],
  rolelessGroupMember: ['CLEAR'],
};

interface View {
  readOne: Tlp[];
  listed: number;
  counted: number;
  searched: Tlp[];
  entities: Tlp[];
  replayed: Tlp[];
  taxii: Tlp[];
  misp: Tlp[];
}

function describeMatrix(mode: string, production: boolean) {
  describe(`authorization matrix: sharing groups (${mode})`, () => {
    const secret = randomUUID();
    let graph: Graph;
    let manifest: Record<string, string>;
    let tokens: Map<Key, string | undefined>;
    const nonce = randomUUID();
    const ids = {} as Record<Tlp, string>;
    const titleOf = (tlp: Tlp) => `Exercise scenario: sharing matrix TLP-${tlp} ${nonce}`;
    const indicatorOf = (tlp: Tlp) => `sharing-${tlp.toLowerCase().replace('_', '-')}-${nonce}.example`;
    const before = {} as Record<Key, { readOne: Tlp[]; misp: Tlp[] }>;
    const after = {} as Record<Key, View>;
    let cursor: string;
    let marker: string;

    const op = <T>(file: string, variables: Record<string, unknown>, token: string | undefined) =>
      mustDocument<T>(graph, { byId: production, manifest }, file, variables, token);

    /** The incidents subgraph's own port, as the gateway calls it (signed where that is required). */
    function direct<T>(query: string, variables: Record<string, unknown>, token: string | undefined) {
      const extensions = production ? signedExtensions(secret, { query, variables }) : undefined;
      return fetch(graph.subgraphUrls['incidents']!, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables, ...(extensions ? { extensions } : {}) }),
      }).then(async (response) => (await response.json()) as GraphQLResponse<T>);
    }

    const tlpsIn = (text: string) => TLPS.filter((tlp) => text.includes(titleOf(tlp)));
    const readOne = async (token: string | undefined) => {
      const found: Tlp[] = [];
      for (const tlp of TLPS) {
        const data = await op<{ incident: { id: string } | null }>(
          'sharing-groups/SharedRecords.graphql',
          { incidentId: ids[tlp], advisoryId: randomUUID(), text: nonce },
          token,
        );
        if (data.incident?.id === ids[tlp]) found.push(tlp);
      }
      return found;
    };
    const mispFeed = async (token: string | undefined) => {
      const response = await fetch(new URL('/misp/feed/manifest.json', graph.baseUrl), {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      expect(response.status).toBe(200);
      return tlpsIn(await response.text());
    };
    const taxii = async (token: string | undefined) => {
      let text = '';
      let next: string | undefined;
      do {
        const url = new URL('/taxii2/cadg/collections/incidents/objects/', graph.baseUrl);
        url.searchParams.set('limit', '500');
        if (next) url.searchParams.set('next', next);
        const response = await fetch(url, {
          headers: {
            accept: 'application/taxii+json;version=2.1',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        });
        expect(response.status).toBe(200);
        const page = (await response.json()) as { objects?: unknown[]; next?: string; more?: boolean };
        text += JSON.stringify(page.objects ?? []);
        next = page.more ? page.next : undefined;
      } while (next);
      return tlpsIn(text);
    };
    /** Replays the event stream from `cursor` up to the marker, by the registered subscription. */
    const replay = async (token: string | undefined) => {
      const text = (
        await readFile(
          join(trustedDocumentsDir, 'graphql-ws-subscriber/MajorIncidentUpdates.graphql'),
          'utf8',
        )
      ).trim();
      const client = createClient({
        url: graph.wsUrl,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      });
      const seen: string[] = [];
      try {
        const events = client.iterate<{ majorIncidentUpdates: { incident: { id: string; title: string } } }>({
          query: production ? '' : text,
          variables: { after: cursor },
          ...(production ? { extensions: { documentId: documentId(text) } } : {}),
        });
        for await (const result of events) {
          expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
          const incident = result.data!.majorIncidentUpdates.incident;
          seen.push(incident.title);
          if (incident.id === marker) break;
        }
      } finally {
        await client.dispose();
      }
      return tlpsIn(seen.join('\n'));
    };

    async function view(key: Key): Promise<View> {
      const token = tokens.get(key);
      const shared = await op<{ incidents: { totalCount: number } }>(
        'sharing-groups/SharedRecords.graphql',
        { incidentId: randomUUID(), advisoryId: randomUUID(), text: nonce },
        token,
      );
      const stats = await direct<StatsData>(STATS, { filter: { text: nonce } }, token);
      const searched: Tlp[] = [];
      for (const tlp of TLPS) {
        const found = await direct<SearchData>(SEARCH, { value: indicatorOf(tlp) }, token);
        if (found.data?.indicators.some((i) => i.incident?.id === ids[tlp])) searched.push(tlp);
      }
      const entities = await direct<EntitiesData>(
        ENTITIES,
        { r: TLPS.map((tlp) => ({ __typename: 'Incident', id: ids[tlp] })) },
        token,
      );
      expect(entities.errors, JSON.stringify(entities.errors)).toBeUndefined();
      return {
        readOne: await readOne(token),
        listed: shared.incidents.totalCount,
        counted: (stats.data?.incidentStats ?? []).reduce((sum, bucket) => sum + bucket.count, 0),
        searched,
        entities: TLPS.filter((tlp, n) => entities.data?._entities[n]?.id === ids[tlp]),
        replayed: await replay(token),
        taxii: await taxii(token),
        misp: await mispFeed(token),
      };
    }

    beforeAll(async () => {
      manifest = await readManifest();
      graph = await startGraph(
        production
          ? {
              protection: {
                production: true,
                rateLimit: null,
                subgraphSigningSecret: secret,
                trustedDocuments: { mode: 'enforce', manifest },
              },
            }
          : {},
      );
      tokens = await tokensFor(graph, ROLES);
      const reporter = await graph.token(REPORTING_ORG, [Role.Member]);
      const ownerAdmin = await graph.token(GROUP_OWNER, [Role.OrgAdmin]);
      const group = (
        await op<{ createSharingGroup: { id: string } }>(
          'sharing-groups/CreateSharingGroup.graphql',
          {
            input: {
              name: `Matrix group ${nonce}`,
              organizationIds: [REPORTING_ORG, GROUP_MEMBER, REMOVED_MEMBER],
            },
          },
          ownerAdmin,
        )
      ).createSharingGroup;
      const report = async (tlp: Tlp, title: string, indicator: string, groups: string[]) =>
        (
          await op<{ reportIncident: { id: string } }>(
            'dashboard/ReportIncident.graphql',
            {
              input: {
                title,
                summary: 'Exercise scenario for the sharing-group matrix (test data).',
                category: 'INTRUSION',
                severity: 'HIGH',
                tlp,
                affectedCountryCodes: ['MY', 'VN'],
                sharedWithOrganizationIds: [RECIPIENT_ORG],
                sharedWithSharingGroupIds: groups,
                indicators: [{ type: 'DOMAIN', value: indicator }],
              },
            },
            reporter,
          )
        ).reportIncident.id;
      cursor = (await direct<{ incidentEventCursor: string }>('{ incidentEventCursor }', {}, reporter)).data!
        .incidentEventCursor;
      for (const tlp of TLPS) ids[tlp] = await report(tlp, titleOf(tlp), indicatorOf(tlp), [group.id]);
      for (const role of ROLES) {
        const token = tokens.get(role.key);
        before[role.key] = { readOne: await readOne(token), misp: await mispFeed(token) };
      }
      await op(
        'sharing-groups/SetSharingGroupMembers.graphql',
        { id: group.id, organizationIds: [REPORTING_ORG, GROUP_MEMBER] },
        ownerAdmin,
      );
      marker = await report(
        'CLEAR',
        `Exercise scenario: sharing matrix marker ${nonce}`,
        `marker-${nonce}.example`,
        [],
      );
      for (const role of ROLES) after[role.key] = await view(role.key);
    });
    afterAll(() => graph?.close());

    it('lets every group member read, including the one removed later, before the removal', () => {
      expect(before.removedMember).toEqual({ readOne: [...TLPS], misp: [...TLPS] });
      expect(before.groupMember.readOne).toEqual([...TLPS]);
      expect(before.groupOwner.readOne).toEqual(['CLEAR', 'GREEN']);
    });

    for (const role of ROLES) {
      it(`after the removal, the ${role.label} reads exactly ${READS[role.key].join(', ')} on every path`, () => {
        const expected = [...READS[role.key]];
        expect(after[role.key]).toEqual({
          readOne: expected,
          listed: expected.length + 1,
          // The statistics also count the CLEAR marker for everyone: its title carries the nonce too.
          counted: expected.length + 1,
          searched: expected,
          entities: expected,
          replayed: expected,
          taxii: expected,
          misp: expected,
        });
      });
    }
  });
}

describeMatrix('embedded default', false);
describeMatrix('production mode', true);
