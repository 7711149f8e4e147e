import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stixBundleErrors, taxiiErrors } from '../stix/validate.ts';
import { startGraph, type Graph } from './harness.ts';
import { memberTokens } from './members.ts';
import { EVERY_INDICATOR_TYPE, EXERCISE_INCIDENT, reportIncident } from './reporting.ts';

type StixObject = { id: string; type: string } & Record<string, unknown>;
interface Bundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

const TAXII = 'application/taxii+json;version=2.1';
const MARKING = {
  CLEAR: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  GREEN: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  RED: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

let graph: Graph;
let reporter: string; // MyCERT
let recipient: string; // Singapore's CSA
let outsider: string; // ThaiCERT
const ids: Record<'clear' | 'green' | 'red' | 'advisory', string> = {
  clear: '',
  green: '',
  red: '',
  advisory: '',
};

const report = (input: Record<string, unknown>): Promise<string> =>
  reportIncident(graph, { ...EXERCISE_INCIDENT, ...input }, reporter);

async function stixOf(id: string, token?: string): Promise<Bundle | null> {
  const response = await graph.query<{ incident: { stix: Bundle } | null }>(
    `query ($id: ID!) { incident(id: $id) { stix } }`,
    { id },
    token,
  );
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!.incident?.stix ?? null;
}

function taxii(path: string, token?: string, accept = TAXII): Promise<Response> {
  return fetch(new URL(path, graph.baseUrl), {
    headers: { accept, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
}

/** Every object of a collection, following `next` until `more` is false. */
async function pollAll(collection: string, token: string | undefined, query = '') {
  const objects: StixObject[] = [];
  let next: string | undefined;
  let pages = 0;
  do {
    const params = new URLSearchParams(query);
    if (next) params.set('next', next);
    const response = await taxii(`/taxii2/cadg/collections/${collection}/objects/?${params}`, token);
    expect(response.status).toBe(200);
    const envelope = (await response.json()) as { more: boolean; next?: string; objects?: StixObject[] };
    expect(taxiiErrors('envelope', envelope)).toEqual([]);
    // §3.7: an envelope with no objects leaves the key out.
    objects.push(...(envelope.objects ?? []));
    next = envelope.more ? envelope.next : undefined;
    pages += 1;
  } while (next && pages < 1000);
  return { objects, pages };
}

beforeAll(async () => {
  graph = await startGraph();
  ({ reporter, recipient, outsider } = await memberTokens(graph));
  ids.clear = await report({
    title: 'Exercise: look-alike bank login pages',
    tlp: 'CLEAR',
    indicators: EVERY_INDICATOR_TYPE,
  });
  ids.green = await report({
    title: 'Exercise: green-marked intrusion',
    tlp: 'GREEN',
    category: 'INTRUSION',
  });
  ids.red = await report({
    title: 'Exercise: red-marked ransomware',
    tlp: 'RED',
    category: 'RANSOMWARE',
    sharedWithOrganizationIds: ['sg-csa'],
    indicators: [{ type: 'DOMAIN', value: 'locker.example' }],
  });
  const advisory = await graph.query<{ publishAdvisory: { id: string } }>(
    /* GraphQL */ `
      mutation ($input: PublishAdvisoryInput!) {
        publishAdvisory(input: $input) {
          id
        }
      }
    `,
    {
      input: {
        title: 'Exercise: firewall VPN exploitation',
        body: 'Patch now (test data).',
        severity: 'HIGH',
        tlp: 'CLEAR',
        cveIds: ['CVE-2024-3400'],
        indicators: [{ type: 'IPV4', value: '203.0.113.9' }],
      },
    },
    reporter,
  );
  expect(advisory.errors).toBeUndefined();
  ids.advisory = advisory.data!.publishAdvisory.id;
});
afterAll(async () => {
  await graph?.close();
});

describe('STIX 2.1 export through the gateway', () => {
  it('exports an incident as a bundle that validates against the STIX 2.1 schemas', async () => {
    const bundle = (await stixOf(ids.clear))!;
    expect(stixBundleErrors(bundle)).toEqual([]);
    const incident = bundle.objects.find((o) => o.type === 'incident')!;
    expect(incident).toMatchObject({
      name: 'Exercise: look-alike bank login pages',
      x_cadg_id: ids.clear,
      x_cadg_category: 'PHISHING',
      x_cadg_severity: 'HIGH',
      x_cadg_tlp: 'CLEAR',
      x_cadg_affected_countries: ['MY', 'SG'],
      object_marking_refs: [MARKING.CLEAR],
    });
    const patterns = bundle.objects.filter((o) => o.type === 'indicator').map((o) => o['pattern']);
    expect(patterns.sort()).toEqual(
      [
        "[url:value = 'https://secure-login-bank.example/verify?next=a%27b']",
        "[domain-name:value = 'secure-login-bank.example']",
        "[ipv4-addr:value = '198.51.100.23']",
        "[ipv6-addr:value = '2001:db8::23']",
        "[email-addr:value = 'alerts@secure-login-bank.example']",
        `[file:hashes.'SHA-256' = '${'a'.repeat(64)}']`,
        `[file:hashes.MD5 = '${'b'.repeat(32)}']`,
      ].sort(),
    );
    const relationships = bundle.objects.filter((o) => o.type === 'relationship');
    expect(relationships).toHaveLength(7);
    expect(
      relationships.every((r) => r['relationship_type'] === 'indicates' && r['target_ref'] === incident.id),
    ).toBe(true);
    const identity = bundle.objects.find((o) => o.type === 'identity')!;
    expect(identity).toMatchObject({
      name: 'Malaysia Computer Emergency Response Team',
      identity_class: 'organization',
    });
    expect(incident['created_by_ref']).toBe(identity.id);
    expect(bundle.objects.find((o) => o.type === 'marking-definition')!.id).toBe(MARKING.CLEAR);
  });

  it('gives the same bundle for the same version and a new bundle id after a change', async () => {
    const before = await stixOf(ids.green, recipient);
    expect(await stixOf(ids.green, recipient)).toEqual(before);
    const changed = await graph.query(
      `mutation ($id: ID!) { addIncidentIndicators(incidentId: $id, indicators: [{ type: DOMAIN, value: "c2.example" }]) { version } }`,
      { id: ids.green },
      reporter,
    );
    expect(changed.errors).toBeUndefined();
    const after = (await stixOf(ids.green, recipient))!;
    expect(after.id).not.toBe(before!.id);
    expect(after.objects[0]!.id).toBe(before!.objects[0]!.id);
    expect(stixBundleErrors(after)).toEqual([]);
  });

  it('exports an advisory as a STIX report with its vulnerabilities and indicators', async () => {
    const response = await graph.query<{ advisories: { edges: { node: { id: string; stix: Bundle } }[] } }>(
      `{ advisories(first: 50) { edges { node { id stix } } } }`,
    );
    expect(response.errors).toBeUndefined();
    const bundle = response.data!.advisories.edges.find((e) => e.node.id === ids.advisory)!.node.stix;
    expect(stixBundleErrors(bundle)).toEqual([]);
    const report = bundle.objects.find((o) => o.type === 'report')!;
    const vulnerability = bundle.objects.find((o) => o.type === 'vulnerability')!;
    expect(vulnerability['name']).toBe('CVE-2024-3400');
    expect(report['object_refs']).toContain(vulnerability.id);
    expect(report['object_refs']).toContain(bundle.objects.find((o) => o.type === 'indicator')!.id);
  });

  it('exports only what the caller may read under TLP', async () => {
    expect(await stixOf(ids.red, outsider)).toBeNull();
    expect(await stixOf(ids.green)).toBeNull();
    const red = (await stixOf(ids.red, recipient))!;
    expect(stixBundleErrors(red)).toEqual([]);
    expect(red.objects.filter((o) => o.type !== 'identity' && o.type !== 'marking-definition')).toSatisfy(
      (objects: StixObject[]) =>
        objects.every((o) => (o['object_marking_refs'] as string[])[0] === MARKING.RED),
    );
  });
});

describe('TAXII 2.1 on the gateway', () => {
  it('serves discovery, the API root and the collections in the TAXII media type', async () => {
    const discovery = await taxii('/taxii2/');
    expect(discovery.status).toBe(200);
    expect(discovery.headers.get('content-type')).toBe(TAXII);
    const body = (await discovery.json()) as { api_roots: string[] };
    expect(taxiiErrors('discovery', body)).toEqual([]);
    const root = await taxii(new URL(body.api_roots[0]!).pathname);
    expect(taxiiErrors('apiRoot', await root.json())).toEqual([]);
    const collections = (await (await taxii('/taxii2/cadg/collections/')).json()) as {
      collections: { id: string; alias: string }[];
    };
    expect(taxiiErrors('collections', collections)).toEqual([]);
    expect(collections.collections.map((c) => c.alias)).toEqual(['incidents', 'advisories', 'inbox']);
    const byId = await taxii(`/taxii2/cadg/collections/${collections.collections[0]!.id}/`);
    expect(await byId.json()).toMatchObject({ alias: 'incidents', can_read: true, can_write: false });
  });

  it('refuses unknown collections, other media types and bad tokens with TAXII errors', async () => {
    const unknown = await taxii('/taxii2/cadg/collections/nothing-here/objects/');
    expect(unknown.status).toBe(404);
    expect(taxiiErrors('error', await unknown.json())).toEqual([]);
    expect((await taxii('/taxii2/', undefined, 'application/json')).status).toBe(406);
    expect((await taxii('/taxii2/', undefined, 'application/taxii+json;version=2.0')).status).toBe(406);
    const bad = await taxii('/taxii2/cadg/collections/incidents/objects/', 'not-a-token');
    expect(bad.status).toBe(401);
    expect(bad.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('shows anonymous pollers TLP:CLEAR objects only', async () => {
    const { objects } = await pollAll('incidents', undefined);
    const incidents = objects.filter((o) => o.type === 'incident');
    expect(incidents.map((o) => o['x_cadg_id'])).toContain(ids.clear);
    expect(incidents.map((o) => o['x_cadg_id'])).not.toContain(ids.green);
    const marked = objects.filter((o) => Array.isArray(o['object_marking_refs']));
    expect(marked.every((o) => (o['object_marking_refs'] as string[]).includes(MARKING.CLEAR))).toBe(true);
  });

  it('pages by limit with next and more, returning the same objects as one large page', async () => {
    const whole = await pollAll('incidents', recipient, 'limit=500');
    const paged = await pollAll('incidents', recipient, 'limit=2');
    expect(paged.pages).toBeGreaterThan(3);
    const idsOf = (objects: StixObject[]) =>
      [...new Set(objects.map((o) => `${o.id}@${String(o['modified'])}`))].sort();
    expect(idsOf(paged.objects)).toEqual(idsOf(whole.objects));
    const incidents = whole.objects.filter((o) => o.type === 'incident').map((o) => o['x_cadg_id']);
    expect(incidents).toContain(ids.red);
    expect(incidents).not.toContain(undefined);
  });

  it('delivers a changed incident again to pollers that use added_after', async () => {
    const first = await taxii('/taxii2/cadg/collections/incidents/objects/?limit=500', recipient);
    const last = first.headers.get('X-TAXII-Date-Added-Last');
    expect(last).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const none = await pollAll('incidents', recipient, `added_after=${encodeURIComponent(last!)}`);
    expect(none.objects).toEqual([]);

    const changed = await graph.query(
      `mutation ($id: ID!) { addIncidentIndicators(incidentId: $id, indicators: [{ type: IPV4, value: "192.0.2.77" }]) { version } }`,
      { id: ids.red },
      reporter,
    );
    expect(changed.errors).toBeUndefined();
    const since = await pollAll('incidents', recipient, `added_after=${encodeURIComponent(last!)}`);
    const incidents = since.objects.filter((o) => o.type === 'incident');
    expect(incidents.map((o) => o['x_cadg_id'])).toEqual([ids.red]);
    expect(since.objects.map((o) => o['pattern'])).toContain("[ipv4-addr:value = '192.0.2.77']");
  });

  it('lists manifests and filters objects by type', async () => {
    const manifest = await taxii('/taxii2/cadg/collections/advisories/manifest/', recipient);
    const body = (await manifest.json()) as { objects: { id: string; date_added: string }[] };
    expect(taxiiErrors('manifest', body)).toEqual([]);
    expect(body.objects.length).toBeGreaterThan(0);
    const reports = await pollAll('advisories', recipient, 'match[type]=report');
    expect(reports.objects.length).toBeGreaterThan(0);
    expect(reports.objects.every((o) => o.type === 'report')).toBe(true);
    expect(reports.objects.map((o) => o['x_cadg_id'])).toContain(ids.advisory);
  });
});
