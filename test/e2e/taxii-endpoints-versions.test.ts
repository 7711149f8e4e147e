/**
 * The TAXII 2.1 endpoints for object versions, status and writes (TAXII 2.1 §4.3, §5.5, §5.7,
 * §5.8), over real HTTP. Manifests and single objects: taxii-endpoints.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { taxiiErrors } from '../stix/validate.ts';
import {
  INCIDENTS,
  bundleOf,
  clear,
  expectError,
  graph,
  ok,
  outsider,
  pollManifest,
  recipient,
  red,
  reporter,
  taxii,
  useTaxiiFixtures,
  versionOf,
  type Envelope,
  type Manifest,
  type Versions,
} from './taxii-endpoints-fixtures.ts';

useTaxiiFixtures();

describe('Get Object Versions (§5.8)', () => {
  const versionsPath = (id: string) => `${INCIDENTS}/objects/${id}/versions/`;

  it('lists the versions the collection holds, with date-added headers', async () => {
    const response = await taxii(versionsPath(red.incident.id), { token: recipient });
    const body = await ok<Versions>(response);
    expect(taxiiErrors('versions', body)).toEqual([]);
    expect(body).toEqual({ more: false, versions: [versionOf(red.incident)] });
    const { records } = await pollManifest(INCIDENTS, recipient, { 'match[id]': red.incident.id });
    expect(response.headers.get('X-TAXII-Date-Added-First')).toBe(records[0]!.date_added);
  });

  it('follows a change: the collection holds the incident at its new version only', async () => {
    const before = versionOf(red.incident);
    const changed = await graph.query(
      `mutation ($id: ID!) { addIncidentIndicators(incidentId: $id, indicators: [{ type: IPV4, value: "192.0.2.61" }]) { version } }`,
      { id: red.id },
      reporter,
    );
    expect(changed.errors).toBeUndefined();
    const incident = (await bundleOf(red.id, recipient)).find((o) => o.type === 'incident')!;
    expect(Date.parse(versionOf(incident))).toBeGreaterThan(Date.parse(before));

    const versions = await ok<Versions>(await taxii(versionsPath(red.incident.id), { token: recipient }));
    expect(versions.versions).toEqual([versionOf(incident)]);
    const latest = await ok<Envelope>(
      await taxii(`${INCIDENTS}/objects/${red.incident.id}/`, { token: recipient }),
    );
    expect(latest.objects).toEqual([incident]);
    const old = await ok<Envelope>(
      await taxii(`${INCIDENTS}/objects/${red.incident.id}/?match[version]=${before}`, { token: recipient }),
    );
    expect(old).toEqual({ more: false });
    red.incident = incident;
  });

  it('pages with limit, added_after and next, and refuses tokens it did not issue', async () => {
    const one = await ok<Versions>(
      await taxii(`${versionsPath(clear.identity.id)}?limit=1`, { token: recipient }),
    );
    expect(one).toEqual({ more: false, versions: [versionOf(clear.identity)] });
    const later = encodeURIComponent(new Date(Date.now() + 60_000).toISOString());
    const none = await ok<Versions>(
      await taxii(`${versionsPath(clear.incident.id)}?added_after=${later}`, { token: recipient }),
    );
    expect(taxiiErrors('versions', none)).toEqual([]);
    expect(none).toEqual({ more: false });

    const listing = await ok<Manifest>(await taxii(`${INCIDENTS}/manifest/?limit=1`, { token: recipient }));
    expect(listing.next).toBeDefined();
    // A collection's next token is not a position among one object's versions.
    await expectError(
      await taxii(`${versionsPath(clear.incident.id)}?next=${listing.next!}`, { token: recipient }),
      400,
    );
    await expectError(await taxii(`${versionsPath(clear.incident.id)}?limit=-1`, { token: recipient }), 400);
  });

  it('is 404 where TLP hides the object, 406 for other media types and 401 for bad tokens', async () => {
    await ok<Versions>(await taxii(versionsPath(red.indicator.id), { token: recipient }));
    await expectError(await taxii(versionsPath(red.indicator.id), { token: outsider }), 404);
    await expectError(await taxii(versionsPath(red.indicator.id)), 404);
    await expectError(await taxii(versionsPath(clear.incident.id), { accept: 'text/html' }), 406);
    await expectError(await taxii(versionsPath(clear.incident.id), { token: 'not-a-token' }), 401);
  });
});

describe('Get Status (§4.3) and writes (§5.5, §5.7)', () => {
  it('answers 404 for a status no write of the caller made, and 401 without a token', async () => {
    const path = `/taxii2/cadg/status/${randomUUID()}/`;
    await expectError(await taxii(path, { token: recipient }), 404);
    await expectError(await taxii(path), 401);
    await expectError(await taxii(path, { token: 'not-a-token' }), 401);
    await expectError(await taxii(path, { accept: 'application/json' }), 406);
  });

  it('refuses to add objects with 403, as can_write false requires, and adds nothing', async () => {
    const id = `indicator--${randomUUID()}`;
    const body = JSON.stringify({
      objects: [
        {
          type: 'indicator',
          spec_version: '2.1',
          id,
          created: '2026-01-01T00:00:00.000Z',
          modified: '2026-01-01T00:00:00.000Z',
          pattern: "[domain-name:value = 'injected.example']",
          pattern_type: 'stix',
          valid_from: '2026-01-01T00:00:00.000Z',
        },
      ],
    });
    const collection = await ok<{ can_write: boolean }>(await taxii(`${INCIDENTS}/`, { token: reporter }));
    expect(collection.can_write).toBe(false);
    await expectError(await taxii(`${INCIDENTS}/objects/`, { method: 'POST', body, token: reporter }), 403);
    await expectError(await taxii(`${INCIDENTS}/objects/`, { method: 'POST', body }), 403);
    await expectError(
      await taxii(`${INCIDENTS}/objects/`, { method: 'POST', body, token: 'not-a-token' }),
      401,
    );
    await expectError(await taxii(`${INCIDENTS}/objects/${id}/`, { token: reporter }), 404);
  });

  it('refuses to delete objects with 403 and keeps them', async () => {
    const path = `${INCIDENTS}/objects/${clear.incident.id}/`;
    await expectError(await taxii(path, { method: 'DELETE', token: reporter }), 403);
    await expectError(await taxii(path, { method: 'DELETE' }), 403);
    await expectError(await taxii(path, { method: 'DELETE', token: 'not-a-token' }), 401);
    expect((await ok<Envelope>(await taxii(path))).objects).toEqual([clear.incident]);
  });

  it('answers methods an endpoint does not define with 405 and Allow', async () => {
    const cases: [method: string, path: string, allow: string][] = [
      ['PUT', `${INCIDENTS}/objects/`, 'GET, HEAD, POST'],
      ['POST', `${INCIDENTS}/manifest/`, 'GET, HEAD'],
      ['DELETE', `${INCIDENTS}/`, 'GET, HEAD'],
      ['POST', `${INCIDENTS}/objects/${clear.incident.id}/`, 'GET, HEAD, DELETE'],
      ['DELETE', `${INCIDENTS}/objects/${clear.incident.id}/versions/`, 'GET, HEAD'],
      ['POST', `/taxii2/cadg/status/${randomUUID()}/`, 'GET, HEAD'],
    ];
    for (const [method, path, allow] of cases) {
      const response = await taxii(path, { method, token: reporter, body: '{}' });
      await expectError(response, 405);
      expect(response.headers.get('allow'), `${method} ${path}`).toBe(allow);
    }
  });

  it('is 404 for paths that name no resource', async () => {
    for (const path of [
      `${INCIDENTS}/objects/${clear.incident.id}/versions/extra/`,
      `${INCIDENTS}/objects/${clear.incident.id}`,
      `${INCIDENTS}/manifest/${clear.incident.id}/`,
      '/taxii2/cadg/status/',
      '/taxii2/elsewhere/status/x/',
    ]) {
      await expectError(await taxii(path, { token: recipient }), 404);
    }
  });
});
