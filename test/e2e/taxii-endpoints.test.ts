import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@cadg/platform';
import { taxiiErrors } from '../stix/validate.ts';
import { startGraph, type Graph } from './harness.ts';

/**
 * The TAXII 2.1 read endpoints beyond discovery and collections (TAXII 2.1 §4.3, §5.3–§5.8):
 * manifests, single objects, versions, status, and the refusal of writes, over real HTTP.
 */

type StixObject = { id: string; type: string } & Record<string, unknown>;
interface Envelope {
  more?: boolean;
  next?: string;
  objects?: StixObject[];
}
interface ManifestRecord {
  id: string;
  date_added: string;
  version: string;
  media_type?: string;
}
interface Manifest {
  more?: boolean;
  next?: string;
  objects?: ManifestRecord[];
}
interface Versions {
  more?: boolean;
  next?: string;
  versions?: string[];
}
interface TaxiiError {
  title: string;
  http_status?: string;
}

const TAXII = 'application/taxii+json;version=2.1';
const INCIDENTS = '/taxii2/cadg/collections/incidents';
const ADVISORIES = '/taxii2/cadg/collections/advisories';
const NEVER = '2000-01-01T00:00:00.000Z';

let graph: Graph;
let reporter: string; // MyCERT
let recipient: string; // Singapore's CSA, named on the RED incident
let outsider: string; // ThaiCERT
let clear: { id: string; incident: StixObject; identity: StixObject };
let red: { id: string; incident: StixObject; indicator: StixObject };

interface TaxiiRequest {
  token?: string | undefined;
  accept?: string;
  method?: string;
  body?: string;
}

function taxii(
  path: string,
  { token, accept = TAXII, method = 'GET', body }: TaxiiRequest = {},
): Promise<Response> {
  return fetch(new URL(path, graph.baseUrl), {
    method,
    headers: {
      accept,
      ...(body === undefined ? {} : { 'content-type': TAXII }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body }),
  });
}

/** A successful TAXII answer's body, after checking its status and media type. */
async function ok<T>(response: Response): Promise<T> {
  expect(response.status, await response.clone().text()).toBe(200);
  expect(response.headers.get('content-type')).toBe(TAXII);
  return (await response.json()) as T;
}

/** A TAXII error answer: the status, and a body that is a §3.6.1 error message naming it. */
async function expectError(response: Response, status: number): Promise<TaxiiError> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe(TAXII);
  const body = (await response.json()) as TaxiiError;
  expect(taxiiErrors('error', body)).toEqual([]);
  expect(body.http_status).toBe(String(status));
  return body;
}

/** Every manifest record of a collection, following `next` until `more` is false. */
async function pollManifest(collection: string, token: string | undefined, query: Record<string, string>) {
  const records: ManifestRecord[] = [];
  let next: string | undefined;
  let pages = 0;
  do {
    const params = new URLSearchParams(query);
    if (next) params.set('next', next);
    const page = await ok<Manifest>(await taxii(`${collection}/manifest/?${params}`, { token }));
    expect(taxiiErrors('manifest', page)).toEqual([]);
    if (query['limit']) expect(page.objects?.length ?? 0).toBeLessThanOrEqual(Number(query['limit']));
    records.push(...(page.objects ?? []));
    next = page.more ? page.next : undefined;
    pages += 1;
  } while (next && pages < 1000);
  return { records, pages };
}

/** Every object of a collection, following `next` until `more` is false. */
async function pollObjects(collection: string, token: string | undefined, query: Record<string, string>) {
  const objects: StixObject[] = [];
  let next: string | undefined;
  do {
    const params = new URLSearchParams(query);
    if (next) params.set('next', next);
    const page = await ok<Envelope>(await taxii(`${collection}/objects/?${params}`, { token }));
    expect(taxiiErrors('envelope', page)).toEqual([]);
    objects.push(...(page.objects ?? []));
    next = page.more ? page.next : undefined;
  } while (next);
  return objects;
}

const versionOf = (object: StixObject): string => String(object['modified'] ?? object['created']);
const keysOfRecords = (records: readonly ManifestRecord[]) => records.map((r) => `${r.id}@${r.version}`);
const keysOfObjects = (objects: readonly StixObject[]) => objects.map((o) => `${o.id}@${versionOf(o)}`);

async function bundleOf(id: string, token: string): Promise<StixObject[]> {
  const response = await graph.query<{ incident: { stix: { objects: StixObject[] } } | null }>(
    `query ($id: ID!) { incident(id: $id) { stix } }`,
    { id },
    token,
  );
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!.incident!.stix.objects;
}

async function report(input: Record<string, unknown>): Promise<string> {
  const response = await graph.query<{ reportIncident: { id: string } }>(
    `mutation ($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }`,
    {
      input: {
        summary: 'Exercise scenario (test data).',
        category: 'PHISHING',
        severity: 'HIGH',
        affectedCountryCodes: ['MY', 'SG'],
        ...input,
      },
    },
    reporter,
  );
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!.reportIncident.id;
}

beforeAll(async () => {
  graph = await startGraph();
  reporter = await graph.token('my-mycert', [Role.Member]);
  recipient = await graph.token('sg-csa', [Role.Member]);
  outsider = await graph.token('th-thaicert', [Role.Member]);

  const clearId = await report({
    title: 'Exercise: TAXII endpoints, clear',
    tlp: 'CLEAR',
    indicators: [
      { type: 'DOMAIN', value: 'taxii-endpoints-clear.example' },
      { type: 'IPV4', value: '198.51.100.61' },
    ],
  });
  const redId = await report({
    title: 'Exercise: TAXII endpoints, red',
    tlp: 'RED',
    category: 'RANSOMWARE',
    sharedWithOrganizationIds: ['sg-csa'],
    indicators: [{ type: 'DOMAIN', value: 'taxii-endpoints-red.example' }],
  });
  const clearBundle = await bundleOf(clearId, reporter);
  const redBundle = await bundleOf(redId, recipient);
  clear = {
    id: clearId,
    incident: clearBundle.find((o) => o.type === 'incident')!,
    identity: clearBundle.find((o) => o.type === 'identity')!,
  };
  red = {
    id: redId,
    incident: redBundle.find((o) => o.type === 'incident')!,
    indicator: redBundle.find((o) => o.type === 'indicator')!,
  };
  const advisory = await graph.query(
    `mutation ($input: PublishAdvisoryInput!) { publishAdvisory(input: $input) { id } }`,
    {
      input: {
        title: 'Exercise: TAXII endpoints advisory',
        body: 'Patch now (test data).',
        severity: 'HIGH',
        tlp: 'CLEAR',
        cveIds: ['CVE-2024-3400'],
      },
    },
    reporter,
  );
  expect(advisory.errors).toBeUndefined();
});
afterAll(async () => {
  await graph?.close();
});

describe('Get Object Manifests (§5.3)', () => {
  it('gives a manifest record for each object version the objects endpoint returns', async () => {
    const objects = await pollObjects(INCIDENTS, recipient, { limit: '500' });
    const { records } = await pollManifest(INCIDENTS, recipient, { limit: '500' });
    expect(keysOfRecords(records)).toEqual(keysOfObjects(objects));
    expect(records.every((r) => r.media_type === 'application/stix+json;version=2.1')).toBe(true);
    expect(keysOfRecords(records)).toContain(`${red.incident.id}@${versionOf(red.incident)}`);
  });

  it('sets X-TAXII-Date-Added-First and -Last to the first and last date_added of the page', async () => {
    const response = await taxii(`${INCIDENTS}/manifest/?limit=5`, { token: recipient });
    const page = await ok<Manifest>(response);
    expect(taxiiErrors('manifest', page)).toEqual([]);
    const dates = page.objects!.map((r) => r.date_added);
    expect([...dates].sort()).toEqual(dates);
    expect(response.headers.get('X-TAXII-Date-Added-First')).toBe(dates[0]);
    expect(response.headers.get('X-TAXII-Date-Added-Last')).toBe(dates.at(-1));
  });

  it('pages by limit with more and next, giving the same records as one large page', async () => {
    const whole = await pollManifest(INCIDENTS, recipient, { limit: '500' });
    const paged = await pollManifest(INCIDENTS, recipient, { limit: '2' });
    expect(paged.pages).toBeGreaterThan(3);
    expect([...new Set(keysOfRecords(paged.records))].sort()).toEqual(
      [...new Set(keysOfRecords(whole.records))].sort(),
    );
  });

  it('continues from X-TAXII-Date-Added-Last with added_after and leaves objects out when none follow', async () => {
    const first = await taxii(`${INCIDENTS}/manifest/?limit=500`, { token: recipient });
    await ok<Manifest>(first);
    const last = first.headers.get('X-TAXII-Date-Added-Last')!;
    const after = await taxii(`${INCIDENTS}/manifest/?added_after=${encodeURIComponent(last)}`, {
      token: recipient,
    });
    const body = await ok<Manifest>(after);
    expect(taxiiErrors('manifest', body)).toEqual([]);
    expect(body).toEqual({ more: false });
    expect(after.headers.get('X-TAXII-Date-Added-First')).toBeNull();
  });

  it('filters on the objects, not the records: match[type], match[id] and match[spec_version]', async () => {
    const whole = await pollObjects(INCIDENTS, recipient, { limit: '500' });
    const typed = await pollManifest(INCIDENTS, recipient, { 'match[type]': 'indicator,relationship' });
    expect(keysOfRecords(typed.records)).toEqual(
      keysOfObjects(whole.filter((o) => o.type === 'indicator' || o.type === 'relationship')),
    );
    expect(typed.records.map((r) => r.id)).toContain(red.indicator.id);

    const byId = await pollManifest(INCIDENTS, recipient, {
      'match[id]': `${red.incident.id},${clear.incident.id}`,
    });
    expect(byId.records.map((r) => r.id).sort()).toEqual([red.incident.id, clear.incident.id].sort());

    const stix20 = await pollManifest(INCIDENTS, recipient, { 'match[spec_version]': '2.0' });
    expect(stix20.records).toEqual([]);
    const stix21 = await pollManifest(INCIDENTS, recipient, {
      'match[spec_version]': '2.0,2.1',
      limit: '500',
    });
    expect(keysOfRecords(stix21.records)).toEqual(keysOfObjects(whole));
  });

  it('filters by match[version]: first, last, all and exact timestamps', async () => {
    const only = { 'match[id]': red.incident.id };
    const expected = [`${red.incident.id}@${versionOf(red.incident)}`];
    for (const version of ['first', 'last', 'all', 'first,last', versionOf(red.incident)]) {
      const { records } = await pollManifest(INCIDENTS, recipient, { ...only, 'match[version]': version });
      expect(keysOfRecords(records), version).toEqual(expected);
    }
    const other = await pollManifest(INCIDENTS, recipient, { ...only, 'match[version]': NEVER });
    expect(other.records).toEqual([]);

    // An exact version selects every object whose version it is, and only those.
    const exact = await pollObjects(INCIDENTS, recipient, { 'match[version]': versionOf(red.incident) });
    expect(exact.map((o) => o.id)).toContain(red.incident.id);
    expect(exact.every((o) => versionOf(o) === versionOf(red.incident))).toBe(true);
  });

  it('filters the objects endpoint exactly as the manifest', async () => {
    const queries: Record<string, string>[] = [
      { 'match[type]': 'incident' },
      { 'match[id]': `${red.indicator.id},${clear.identity.id}` },
      { 'match[version]': versionOf(red.incident), 'match[type]': 'incident,indicator' },
      { 'match[spec_version]': '2.1', limit: '7' },
    ];
    for (const query of queries) {
      const objects = await pollObjects(INCIDENTS, recipient, query);
      const { records } = await pollManifest(INCIDENTS, recipient, query);
      expect(keysOfObjects(objects), JSON.stringify(query)).toEqual(keysOfRecords(records));
      expect(objects.length, JSON.stringify(query)).toBeGreaterThan(0);
    }
  });

  it('hides from a member what TLP hides, as the objects endpoint does', async () => {
    const { records } = await pollManifest(INCIDENTS, outsider, { 'match[type]': 'incident,indicator' });
    const ids = records.map((r) => r.id);
    expect(ids).not.toContain(red.incident.id);
    expect(ids).not.toContain(red.indicator.id);
    expect(ids).toContain(clear.incident.id);
    const anonymous = await pollManifest(INCIDENTS, undefined, { 'match[id]': red.incident.id });
    expect(anonymous.records).toEqual([]);
  });

  it('refuses malformed filters with 400 and a TAXII error', async () => {
    const bad = [
      'match[version]=all,last',
      'match[version]=yesterday',
      'match[version]=last,last',
      'match[type]=indicator&match[type]=incident',
      'match[type]=',
      'limit=0',
      'limit=two',
      'added_after=soon',
      'next=not-a-token',
    ];
    for (const query of bad) {
      for (const endpoint of ['manifest', 'objects']) {
        await expectError(await taxii(`${INCIDENTS}/${endpoint}/?${query}`, { token: recipient }), 400);
      }
    }
  });
});

describe('Get an Object (§5.6)', () => {
  const objectPath = (id: string, collection = INCIDENTS) => `${collection}/objects/${id}/`;

  it('returns the object in an envelope, with its date-added headers', async () => {
    const response = await taxii(objectPath(red.incident.id), { token: recipient });
    const body = await ok<Envelope>(response);
    expect(taxiiErrors('envelope', body)).toEqual([]);
    expect(body).toEqual({ more: false, objects: [red.incident] });
    const { records } = await pollManifest(INCIDENTS, recipient, { 'match[id]': red.incident.id });
    expect(response.headers.get('X-TAXII-Date-Added-First')).toBe(records[0]!.date_added);
    expect(response.headers.get('X-TAXII-Date-Added-Last')).toBe(records[0]!.date_added);
  });

  it('finds objects by collection id as well as alias, and advisories in their collection', async () => {
    const collections = await ok<{ collections: { id: string; alias: string }[] }>(
      await taxii('/taxii2/cadg/collections/'),
    );
    const incidentsId = collections.collections.find((c) => c.alias === 'incidents')!.id;
    const byId = await ok<Envelope>(
      await taxii(`/taxii2/cadg/collections/${incidentsId}/objects/${clear.incident.id}/`),
    );
    expect(byId.objects).toEqual([clear.incident]);

    const [report] = await pollObjects(ADVISORIES, undefined, { 'match[type]': 'report' });
    const single = await ok<Envelope>(await taxii(objectPath(report!.id, ADVISORIES)));
    expect(single.objects).toEqual([report]);
    // An object of one collection is not in another.
    await expectError(await taxii(objectPath(report!.id, INCIDENTS)), 404);
  });

  it('gives an object that several bundles carry once, as first added', async () => {
    const body = await ok<Envelope>(await taxii(objectPath(clear.identity.id), { token: recipient }));
    expect(body.objects).toEqual([clear.identity]);
  });

  it('selects versions with match[version] and filters with added_after and match[spec_version]', async () => {
    for (const version of ['first', 'last', 'all', versionOf(red.incident)]) {
      const body = await ok<Envelope>(
        await taxii(`${objectPath(red.incident.id)}?match[version]=${version}`, { token: recipient }),
      );
      expect(body.objects, version).toEqual([red.incident]);
    }
    // The object exists, so versions the filters exclude give an empty envelope, not 404.
    for (const query of [
      `match[version]=${NEVER}`,
      'match[spec_version]=2.0',
      `added_after=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
    ]) {
      const response = await taxii(`${objectPath(red.incident.id)}?${query}`, { token: recipient });
      expect(await ok<Envelope>(response), query).toEqual({ more: false });
      expect(response.headers.get('X-TAXII-Date-Added-Last')).toBeNull();
    }
    await expectError(
      await taxii(`${objectPath(red.incident.id)}?match[version]=all,first`, { token: recipient }),
      400,
    );
  });

  it('is 404 for an object the caller may not see under TLP, exactly as for one that does not exist', async () => {
    for (const id of [red.incident.id, red.indicator.id]) {
      await ok<Envelope>(await taxii(objectPath(id), { token: recipient }));
      const hidden = await expectError(await taxii(objectPath(id), { token: outsider }), 404);
      const anonymous = await expectError(await taxii(objectPath(id)), 404);
      const missing = await expectError(
        await taxii(objectPath(`incident--${randomUUID()}`), { token: outsider }),
        404,
      );
      expect(hidden).toEqual(missing);
      expect(anonymous).toEqual(missing);
    }
    const visible = await ok<Envelope>(await taxii(objectPath(clear.incident.id)));
    expect(visible.objects).toEqual([clear.incident]);
    await expectError(await taxii(objectPath('not-a-stix-id'), { token: recipient }), 404);
    await expectError(await taxii(`${INCIDENTS}/objects/%E0%A4%A/`, { token: recipient }), 404);
  });

  it('refuses other media types with 406 and bad tokens with 401', async () => {
    await expectError(await taxii(objectPath(clear.incident.id), { accept: 'application/json' }), 406);
    await expectError(
      await taxii(objectPath(clear.incident.id), { accept: 'application/taxii+json;version=2.0' }),
      406,
    );
    const bad = await taxii(objectPath(clear.incident.id), { token: 'not-a-token' });
    await expectError(bad, 401);
    expect(bad.headers.get('www-authenticate')).toMatch(/^Bearer/);
    await expectError(await taxii(objectPath('not-a-stix-id'), { token: 'not-a-token' }), 401);
  });
});

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
