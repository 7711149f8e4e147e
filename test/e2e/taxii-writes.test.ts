import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Role } from '@cadg/platform';
import { protectionFromEnv } from '@cadg/gateway';
import { taxiiErrors } from '../stix/validate.ts';
import { exportedBundle, indicatorBundle, roles, type StixObject } from './exchange-fixtures.ts';
import { startGraph, type Graph } from './harness.ts';

/** TAXII 2.1 Add Objects (§5.5) to the inbox and the status resource (§4.3), over real HTTP. */

const TAXII = 'application/taxii+json;version=2.1';
const INBOX = '/taxii2/cadg/collections/inbox/objects/';
// The API root's max_content_length.
const MAX_CONTENT_LENGTH = 16 * 1024 * 1024;

interface Status {
  id: string;
  status: 'pending' | 'complete';
  total_count: number;
  success_count: number;
  failure_count: number;
  pending_count: number;
  successes?: { id: string; version: string; message?: string }[];
  failures?: { id: string; version: string; message?: string }[];
}

function request(
  graph: Graph,
  path: string,
  init: { token?: string | undefined; body?: string; contentType?: string } = {},
) {
  return fetch(new URL(path, graph.baseUrl), {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: {
      accept: TAXII,
      ...(init.body === undefined ? {} : { 'content-type': init.contentType ?? TAXII }),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    ...(init.body === undefined ? {} : { body: init.body }),
  });
}

/**
 * The status of a POST announcing a body one byte over max_content_length, read as soon as the
 * server answers: it must refuse on the announced length without waiting for 16 MiB to arrive.
 */
function declaredTooLarge(graph: Graph, token: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(INBOX, graph.baseUrl), {
      method: 'POST',
      headers: {
        accept: TAXII,
        'content-type': TAXII,
        'content-length': String(MAX_CONTENT_LENGTH + 1),
        authorization: `Bearer ${token}`,
      },
    });
    req.on('response', (response) => {
      resolve(response.statusCode);
      req.destroy();
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

const envelope = (objects: readonly StixObject[]) => JSON.stringify({ objects });

/** Adds objects, checks the 202 and its status resource, and returns the status. */
async function add(graph: Graph, token: string, objects: readonly StixObject[]): Promise<Status> {
  const response = await request(graph, INBOX, { token, body: envelope(objects) });
  const status = (await response.json()) as Status;
  expect(response.status, JSON.stringify(status)).toBe(202);
  expect(response.headers.get('content-type')).toBe(TAXII);
  expect(taxiiErrors('status', status)).toEqual([]);
  expect(status.total_count).toBe(objects.length);
  expect(status.success_count + status.failure_count + status.pending_count).toBe(objects.length);
  return status;
}

/** The status once the import is complete: the condition is polled through the status endpoint. */
async function completed(graph: Graph, token: string, id: string): Promise<Status> {
  return vi.waitFor(
    async () => {
      const response = await request(graph, `/taxii2/cadg/status/${id}/`, { token });
      expect(response.status).toBe(200);
      const status = (await response.json()) as Status;
      expect(status.status).toBe('complete');
      return status;
    },
    { timeout: 60_000, interval: 50 },
  );
}

function describeWrites(
  mode: string,
  options: () => Promise<Parameters<typeof startGraph>[0]>,
  { rawQueries }: { rawQueries: boolean },
) {
  const slug = mode.replace(/\W+/g, '-');
  describe(`TAXII writes to the inbox (${mode})`, () => {
    let graph: Graph;
    let member: string;
    let outsider: string;
    beforeAll(async () => {
      graph = await startGraph(await options());
      member = await graph.token('my-mycert', [Role.Member]);
      outsider = await graph.token('th-thaicert', [Role.Member]);
    });
    afterAll(() => graph?.close());

    it('advertises max_content_length and a writable inbox to members only', async () => {
      const root = (await (await request(graph, '/taxii2/cadg/')).json()) as Record<string, unknown>;
      expect(taxiiErrors('apiRoot', root)).toEqual([]);
      expect(root['max_content_length']).toBe(MAX_CONTENT_LENGTH);
      const inboxFor = async (token?: string) => {
        const body = (await (await request(graph, '/taxii2/cadg/collections/', { token })).json()) as {
          collections: { alias: string; can_read: boolean; can_write: boolean }[];
        };
        expect(taxiiErrors('collections', body)).toEqual([]);
        return body.collections.find((c) => c.alias === 'inbox');
      };
      expect(await inboxFor(member)).toMatchObject({ can_read: false, can_write: true });
      expect(await inboxFor()).toMatchObject({ can_read: false, can_write: false });
      expect((await request(graph, INBOX, { token: member })).status).toBe(403);
    });

    it('refuses anonymous writers with 401, wrong media types with 415 and bad envelopes with 400', async () => {
      const objects = exportedBundle().objects;
      const anonymous = await request(graph, INBOX, { body: envelope(objects) });
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(taxiiErrors('error', await anonymous.json())).toEqual([]);
      const json = await request(graph, INBOX, {
        token: member,
        body: envelope(objects),
        contentType: 'application/json',
      });
      expect(json.status).toBe(415);
      expect((await request(graph, INBOX, { token: member, body: '{"objects": []}' })).status).toBe(400);
      expect((await request(graph, INBOX, { token: member, body: 'not json' })).status).toBe(400);
      const badObject = await request(graph, INBOX, {
        token: member,
        body: '{"objects": [{"type": "indicator"}]}',
      });
      expect(badObject.status).toBe(400);
      const noRole = await graph.token('my-mycert', []);
      expect((await request(graph, INBOX, { token: noRole, body: envelope(objects) })).status).toBe(403);
    });

    it('answers 202 with a status, then reports each success and failure with its reason', async () => {
      const bundle = exportedBundle();
      const fixture = roles(bundle);
      const accepted = await add(graph, member, bundle.objects);
      const status = await completed(graph, member, accepted.id);
      expect(taxiiErrors('status', status)).toEqual([]);
      expect(status).toMatchObject({
        id: accepted.id,
        total_count: bundle.objects.length,
        success_count: bundle.objects.length - 1,
        failure_count: 1,
        pending_count: 0,
      });
      expect(status.failures).toEqual([
        {
          id: fixture.invalid.id,
          version: fixture.invalid['modified'],
          message: expect.stringMatching(/not a valid IPV4/),
        },
      ]);
      expect(status.successes?.map((s) => s.id).sort()).toEqual(
        bundle.objects
          .map((o) => o.id)
          .filter((id) => id !== fixture.invalid.id)
          .sort(),
      );
      expect(status.successes?.find((s) => s.id === fixture.report.id)?.version).toBe(
        fixture.report['modified'],
      );
      // What the inbox imported is read as advisories, under their TLP (checked where the
      // gateway runs any query; production runs registered documents only).
      if (!rawQueries) return;
      const search = `query ($value: String!) { indicators(value: $value) { advisory { tlp provenance { channel } } } }`;
      const relay = { value: 'relay@mail.internal.example' };
      expect((await graph.query(search, relay, member)).data).toEqual({
        indicators: [{ advisory: { tlp: 'RED', provenance: { channel: 'TAXII' } } }],
      });
      expect((await graph.query(search, relay, outsider)).data).toEqual({ indicators: [] });
    });

    it('shows a status only to the organization that wrote, and 401 without a token', async () => {
      const accepted = await add(graph, member, indicatorBundle(3, `status-${slug}`).objects);
      expect(await completed(graph, member, accepted.id)).toMatchObject({
        success_count: 3,
        failure_count: 0,
      });
      expect((await request(graph, `/taxii2/cadg/status/${accepted.id}/`, { token: outsider })).status).toBe(
        404,
      );
      expect((await request(graph, `/taxii2/cadg/status/${accepted.id}/`)).status).toBe(401);
      expect((await request(graph, '/taxii2/cadg/status/not-a-status/', { token: member })).status).toBe(404);
    });

    it('takes an envelope larger than a GraphQL request in parts, and refuses one over max_content_length', async () => {
      const large = indicatorBundle(4000, `large-${slug}`).objects;
      expect(Buffer.byteLength(envelope(large))).toBeGreaterThan(1_048_576);
      const accepted = await add(graph, member, large);
      const status = await completed(graph, member, accepted.id);
      expect(status).toMatchObject({ success_count: 4000, failure_count: 0, pending_count: 0 });
      const again = await completed(graph, member, (await add(graph, member, large)).id);
      expect(again.success_count).toBe(4000);
      expect(await declaredTooLarge(graph, member)).toBe(413);
    });
  });
}

describeWrites('embedded default', async () => ({}), { rawQueries: true });
describeWrites(
  'production mode',
  async () => ({
    protection: await protectionFromEnv({
      GATEWAY_MODE: 'production',
      SUBGRAPH_SIGNING_SECRET: 'e2e-taxii-writes-signing-secret-of-32-chars-or-more',
      METRICS_PORT: '0',
    }),
  }),
  { rawQueries: false },
);
