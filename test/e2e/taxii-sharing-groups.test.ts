import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { protectionFromEnv, readManifest } from '@cadg/gateway';
import { mustDocument } from './documents.ts';
import { MEMBER, RECIPIENT, STIX_TLP_RED, sharingTokens } from './sharing.ts';
import { startGraph, type Graph } from './harness.ts';

/**
 * Recipients and sharing groups of a TAXII inbox write, named in the POST's `X-CADG-*` headers or
 * query parameters (docs/exchange.md): validated as `importStixBundle` validates them, attached to
 * the advisories the write creates, and read under TLP by the group's current members only,
 * through the TAXII advisories collection, in the embedded default and in production mode.
 */

const TAXII = 'application/taxii+json;version=2.1';
const INBOX = '/taxii2/cadg/collections/inbox/objects/';

/** One indicator on a domain of its own, RED-marked unless `marked` is false. */
function indicator(domain: string, marked = true) {
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${randomUUID()}`,
    created: '2026-11-20T00:00:00.000Z',
    modified: '2026-11-20T00:00:00.000Z',
    name: 'Exercise indicator for TAXII sharing groups (test data)',
    pattern_type: 'stix',
    valid_from: '2026-11-20T00:00:00Z',
    pattern: `[domain-name:value = '${domain}']`,
    ...(marked ? { object_marking_refs: [STIX_TLP_RED] } : {}),
  };
}

function describeInboxSharing(
  mode: string,
  options: () => Promise<Parameters<typeof startGraph>[0]>,
  byId: boolean,
) {
  describe(`TAXII inbox writes shared with organizations and sharing groups (${mode})`, () => {
    let graph: Graph;
    let manifest: Record<string, string>;
    const tokens: Record<string, string> = {};
    const since = new Date(Date.now() - 1000).toISOString();

    beforeAll(async () => {
      manifest = await readManifest();
      graph = await startGraph(await options());
      Object.assign(tokens, await sharingTokens(graph));
    });
    afterAll(() => graph?.close());

    /** A registered operation: by its id where trusted documents are enforced, else as text. */
    const registered = <T>(file: string, variables: Record<string, unknown>, token: string) =>
      mustDocument<T>(graph, { byId, manifest }, file, variables, token);
    const createGroup = async (organizationIds: string[], token: string) =>
      (
        await registered<{ createSharingGroup: { id: string } }>(
          'sharing-groups/CreateSharingGroup.graphql',
          { input: { name: `Inbox group ${randomUUID().slice(0, 8)}`, organizationIds } },
          token,
        )
      ).createSharingGroup.id;

    async function write(objects: unknown[], headers: Record<string, string> = {}, query = '') {
      const response = await fetch(new URL(`${INBOX}${query}`, graph.baseUrl), {
        method: 'POST',
        headers: {
          accept: TAXII,
          'content-type': TAXII,
          authorization: `Bearer ${tokens['owner']}`,
          ...headers,
        },
        body: JSON.stringify({ objects }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    }
    /** Writes, expects 202, and waits on the status resource until the write is complete. */
    async function written(objects: unknown[], headers: Record<string, string> = {}, query = '') {
      const accepted = await write(objects, headers, query);
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
      return vi.waitFor(
        async () => {
          const response = await fetch(
            new URL(`/taxii2/cadg/status/${String(accepted.body['id'])}/`, graph.baseUrl),
            {
              headers: { accept: TAXII, authorization: `Bearer ${tokens['owner']}` },
            },
          );
          const status = (await response.json()) as { status: string; success_count: number };
          expect(status.status).toBe('complete');
          return status;
        },
        { timeout: 60_000, interval: 50 },
      );
    }
    /** The TAXII advisories collection, as `token` reads it: does it hold an indicator on `domain`? */
    async function reads(token: string, domain: string): Promise<boolean> {
      const url = new URL('/taxii2/cadg/collections/advisories/objects/', graph.baseUrl);
      url.searchParams.set('added_after', since);
      url.searchParams.set('match[type]', 'indicator');
      url.searchParams.set('limit', '500');
      const response = await fetch(url, { headers: { accept: TAXII, authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
      const envelope = (await response.json()) as { objects?: { pattern?: string }[] };
      return (envelope.objects ?? []).some((o) => o.pattern?.includes(`'${domain}'`));
    }

    it('shares a write with the organizations and groups named in its headers, members as they are when read', async () => {
      const group = await createGroup([MEMBER], tokens['ownerAdmin']!);
      const domain = `${randomUUID().slice(0, 8)}.inbox-headers.example`;
      const status = await written([indicator(domain)], {
        'X-CADG-Shared-With-Sharing-Groups': group,
        'X-CADG-Shared-With-Organizations': RECIPIENT,
      });
      expect(status.success_count).toBe(1);
      expect(await reads(tokens['owner']!, domain)).toBe(true);
      expect(await reads(tokens['member']!, domain)).toBe(true);
      expect(await reads(tokens['recipient']!, domain)).toBe(true);
      expect(await reads(tokens['outsider']!, domain)).toBe(false);

      // Membership is read at access time: a removed member stops seeing the RED advisory.
      await registered(
        'sharing-groups/SetSharingGroupMembers.graphql',
        { id: group, organizationIds: [] },
        tokens['ownerAdmin']!,
      );
      expect(await reads(tokens['member']!, domain)).toBe(false);
      expect(await reads(tokens['recipient']!, domain)).toBe(true);
    });

    it('takes the same in query parameters, with the marking for unmarked objects', async () => {
      const group = await createGroup([MEMBER], tokens['ownerAdmin']!);
      const domain = `${randomUUID().slice(0, 8)}.inbox-query.example`;
      const query = `?tlp=TLP:RED&shared_with_sharing_groups=${group}`;
      expect((await written([indicator(domain, false)], {}, query)).success_count).toBe(1);
      expect(await reads(tokens['member']!, domain)).toBe(true);
      expect(await reads(tokens['outsider']!, domain)).toBe(false);
      // Without a marking and without X-CADG-TLP, AMBER for the submitter: the outsider never reads it.
      const amber = `${randomUUID().slice(0, 8)}.inbox-default.example`;
      expect((await written([indicator(amber, false)])).success_count).toBe(1);
      expect(await reads(tokens['owner']!, amber)).toBe(true);
      expect(await reads(tokens['outsider']!, amber)).toBe(false);
    });

    it("takes a STIX bundle as OpenCTI's TAXII POST stream connector posts it, one object at a time", async () => {
      // stream/taxii-post in OpenCTI-Platform/connectors: TAXII_URL + TAXII_API_ROOT +
      // /collections/<TAXII_COLLECTION_ID>/objects/, a bundle, and these media types.
      const domain = `${randomUUID().slice(0, 8)}.opencti-post.example`;
      const url = new URL(
        '/taxii2/cadg/collections/3f9c6d0e-8b1a-4c52-9e7d-5a2f1b8c4d03/objects/',
        graph.baseUrl,
      );
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/stix+json; version=2.1',
          Accept: 'application/taxii+json; version=2.1',
          Authorization: `Bearer ${tokens['owner']}`,
        },
        body: JSON.stringify({
          type: 'bundle',
          spec_version: '2.1',
          id: `bundle--${randomUUID()}`,
          objects: [indicator(domain)],
        }),
      });
      const accepted = (await response.json()) as { id: string; status: string };
      expect(response.status, JSON.stringify(accepted)).toBe(202);
      await vi.waitFor(
        async () => {
          const status = await fetch(new URL(`/taxii2/cadg/status/${accepted.id}/`, graph.baseUrl), {
            headers: { accept: TAXII, authorization: `Bearer ${tokens['owner']}` },
          });
          expect(await status.json()).toMatchObject({ status: 'complete', success_count: 1 });
        },
        { timeout: 60_000, interval: 50 },
      );
      expect(await reads(tokens['owner']!, domain)).toBe(true);
      expect(await reads(tokens['outsider']!, domain)).toBe(false);
    });

    it('refuses with 400 a group the writer may not name, an unknown organization or marking, and writes nothing', async () => {
      const foreign = await createGroup([], tokens['outsiderAdmin']!);
      const domain = `${randomUUID().slice(0, 8)}.inbox-refused.example`;
      const refusals = [
        { 'X-CADG-Shared-With-Sharing-Groups': foreign },
        { 'X-CADG-Shared-With-Sharing-Groups': randomUUID() },
        { 'X-CADG-Shared-With-Sharing-Groups': 'not-a-group' },
        { 'X-CADG-Shared-With-Organizations': 'zz-no-such-cert' },
        { 'X-CADG-TLP': 'PURPLE' },
      ];
      for (const headers of refusals) {
        const refused = await write([indicator(domain)], headers);
        expect(refused.status, JSON.stringify(headers)).toBe(400);
        expect(refused.body['http_status']).toBe('400');
      }
      expect(await reads(tokens['owner']!, domain)).toBe(false);
    });
  });
}

describeInboxSharing('embedded default', async () => ({}), false);
describeInboxSharing(
  'production mode',
  async () => ({
    protection: await protectionFromEnv({
      GATEWAY_MODE: 'production',
      SUBGRAPH_SIGNING_SECRET: 'e2e-taxii-sharing-groups-signing-secret-32-chars',
      METRICS_PORT: '0',
    }),
  }),
  true,
);
