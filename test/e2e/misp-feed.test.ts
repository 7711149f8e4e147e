import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeFromSchemaFiles, createGateway, protectionFromEnv, subgraphs } from '@cadg/gateway';
import { createTokenVerifier, DEFAULT_AUDIENCE, DEV_ISSUER, Role } from '@cadg/platform';
import { startGraph, type Graph } from './harness.ts';
import { MISP_NON_CORRELATING, pullFeed, pullHashes, type MispEvent } from './misp-reader.ts';

/**
 * The MISP feed (`/misp/feed/`) over real HTTP, read as MISP's feed fetcher reads it, with the
 * token a MISP administrator puts in the feed's headers: TLP decides what each caller pulls, in the
 * embedded default and in production mode (trusted documents enforced, signed subgraph calls).
 */

const MODES: [string, NodeJS.ProcessEnv][] = [
  ['the embedded default', {}],
  [
    'a production gateway (trusted documents enforced, signed subgraph calls)',
    {
      GATEWAY_MODE: 'production',
      SUBGRAPH_SIGNING_SECRET: 'e2e-misp-feed-signing-secret-0123456789',
      METRICS_PORT: '0',
    },
  ],
];

const md5 = (value: string) => createHash('md5').update(value, 'utf8').digest('hex');

/** UUIDv5 (RFC 9562 §5.5), written here from the RFC to check the feed's derived ids independently. */
function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name)
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
}
// The namespace docs/integrators.md publishes for organizations' MISP uuids.
const MISP_NAMESPACE = 'd561675a-5c5c-4768-9256-94ce565a5abb';

/**
 * A gateway for the test's own writes (reporting, publishing, changing status), which a production
 * gateway refuses as unregistered documents: the same subgraphs, the same signing secret and token
 * issuer, trusted documents allowed. In the embedded default the graph's own gateway takes them.
 */
async function writerFor(
  graph: Graph,
  env: NodeJS.ProcessEnv,
): Promise<{ url: string; close(): Promise<void> }> {
  if (env['GATEWAY_MODE'] !== 'production') return { url: graph.gatewayUrl, close: async () => {} };
  const { subgraphSigningSecret } = await protectionFromEnv(env);
  const gateway = createGateway({
    ...(await protectionFromEnv({})),
    subgraphSigningSecret,
    logging: false,
    verifier: await createTokenVerifier({
      issuer: DEV_ISSUER,
      audience: DEFAULT_AUDIENCE,
      devKeyDir: graph.keyDir,
    }),
    supergraphSdl: await composeFromSchemaFiles(subgraphs, (s) => graph.subgraphUrls[s.name] ?? ''),
  });
  const { url } = await gateway.listen(0, '127.0.0.1');
  return { url, close: () => gateway.close() };
}

describe.each(MODES)('the MISP feed on %s', (_mode, env) => {
  let graph: Graph;
  let writer: { url: string; close(): Promise<void> };
  let feed: string;
  let mycert: string; // MyCERT, which reports everything below
  let csa: string; // Singapore's CSA: a recipient of the AMBER incident
  let thaicert: string; // ThaiCERT: a member that is no recipient
  const ids = { clear: '', amber: '', red: '', advisory: '' };

  async function run<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
    const response = await graph.query<T>(query, variables, token, writer.url);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return response.data!;
  }

  const report = async (input: Record<string, unknown>) =>
    (
      await run<{ reportIncident: { id: string } }>(
        `mutation ($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }`,
        { input: { summary: 'Exercise scenario (test data).', affectedCountryCodes: ['MY'], ...input } },
        mycert,
      )
    ).reportIncident.id;

  const get = (file: string, token?: string, headers: Record<string, string> = {}) =>
    fetch(`${feed}/${file}`, {
      headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
  const setting = (token: string) => `Authorization: Bearer ${token}`;

  beforeAll(async () => {
    graph = await startGraph({ protection: await protectionFromEnv(env) });
    writer = await writerFor(graph, env);
    feed = new URL('/misp/feed', graph.baseUrl).toString();
    mycert = await graph.token('my-mycert', [Role.Member]);
    csa = await graph.token('sg-csa', [Role.Member]);
    thaicert = await graph.token('th-thaicert', [Role.Member]);
    ids.clear = await report({
      title: 'Exercise: MISP feed, clear phishing',
      category: 'PHISHING',
      severity: 'HIGH',
      tlp: 'CLEAR',
      detectedAt: '2026-11-30T23:30:00.000Z',
      indicators: [
        { type: 'DOMAIN', value: 'misp-feed-clear.example', description: 'landing page host' },
        { type: 'IPV4', value: '198.51.100.71', firstSeen: '2026-11-30T22:00:00.000Z' },
        { type: 'URL', value: 'https://misp-feed-clear.example/login' },
        { type: 'EMAIL', value: 'billing@misp-feed-clear.example' },
        { type: 'FILE_MD5', value: 'd41d8cd98f00b204e9800998ecf8427e' },
        {
          type: 'FILE_SHA256',
          value: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        },
      ],
    });
    ids.amber = await report({
      title: 'Exercise: MISP feed, amber intrusion',
      category: 'INTRUSION',
      severity: 'MEDIUM',
      tlp: 'AMBER',
      sharedWithOrganizationIds: ['sg-csa'],
      indicators: [
        { type: 'IPV4', value: '203.0.113.72' },
        { type: 'DOMAIN', value: 'misp-feed-amber.example' },
      ],
    });
    ids.red = await report({
      title: 'Exercise: MISP feed, red ransomware',
      category: 'RANSOMWARE',
      severity: 'EMERGENCY',
      tlp: 'RED',
      indicators: [{ type: 'DOMAIN', value: 'misp-feed-red.example' }],
    });
    ids.advisory = (
      await run<{ publishAdvisory: { id: string } }>(
        `mutation ($input: PublishAdvisoryInput!) { publishAdvisory(input: $input) { id } }`,
        {
          input: {
            title: 'Exercise: MISP feed advisory',
            body: 'Patch the VPN portal (test data).',
            severity: 'MEDIUM',
            tlp: 'GREEN',
            cveIds: ['CVE-2024-3400'],
            indicators: [{ type: 'IPV4', value: '192.0.2.73' }],
          },
        },
        mycert,
      )
    ).publishAdvisory.id;
  });
  afterAll(async () => {
    await writer?.close();
    await graph?.close();
  });

  it('is pulled whole by a MISP reader with the token in the feed headers, every field as MISP reads it', async () => {
    const pulled = await pullFeed(feed, setting(mycert));
    expect(pulled.problems).toEqual([]);
    for (const id of Object.values(ids)) expect(pulled.events.has(id)).toBe(true);
    expect(pulled.events.size).toBe(Object.keys(pulled.manifest).length);
  });

  it('maps an incident: title, dates, severity, status, TLP, reporter and indicators', async () => {
    const pulled = await pullFeed(feed, setting(mycert));
    const event = pulled.events.get(ids.clear)!;
    const incident = (
      await run<{
        incident: {
          updatedAt: string;
          indicators: { id: string; value: string }[];
          reportedBy: { name: string };
        };
      }>(
        `query ($id: ID!) { incident(id: $id) { updatedAt indicators { id value } reportedBy { name } } }`,
        { id: ids.clear },
        mycert,
      )
    ).incident;
    expect(event).toMatchObject({
      info: 'Exercise: MISP feed, clear phishing',
      date: '2026-11-30',
      threat_level_id: '1',
      analysis: '0',
      timestamp: String(Math.floor(Date.parse(incident.updatedAt) / 1000)),
      published: true,
      Orgc: { name: incident.reportedBy.name, uuid: uuidV5('organization:my-mycert', MISP_NAMESPACE) },
      Tag: [{ name: 'tlp:clear' }],
    });
    const byValue = new Map(event.Attribute.map((a) => [a.value, a]));
    const expected: [string, string, string][] = [
      ['misp-feed-clear.example', 'domain', 'Network activity'],
      ['198.51.100.71', 'ip-dst', 'Network activity'],
      ['https://misp-feed-clear.example/login', 'url', 'Network activity'],
      ['billing@misp-feed-clear.example', 'email-src', 'Payload delivery'],
      ['d41d8cd98f00b204e9800998ecf8427e', 'md5', 'Payload delivery'],
      ['e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'sha256', 'Payload delivery'],
    ];
    for (const [value, type, category] of expected) {
      const indicator = incident.indicators.find((i) => i.value === value)!;
      expect(byValue.get(value), value).toMatchObject({ type, category, to_ids: true, uuid: indicator.id });
    }
    expect(byValue.get('misp-feed-clear.example')!.comment).toBe('landing page host');
    expect(Date.parse(byValue.get('198.51.100.71')!.first_seen!)).toBe(
      Date.parse('2026-11-30T22:00:00.000Z'),
    );
    expect(byValue.get('Exercise scenario (test data).')).toMatchObject({ type: 'comment', to_ids: false });
  });

  it('gives attackers’ addresses of an intrusion as ip-src and follows the status into analysis', async () => {
    const before = (await pullFeed(feed, setting(mycert))).events.get(ids.amber)!;
    expect(before).toMatchObject({ threat_level_id: '2', analysis: '0', Tag: [{ name: 'tlp:amber' }] });
    expect(before.Attribute.find((a) => a.value === '203.0.113.72')?.type).toBe('ip-src');
    await run(
      `mutation ($input: ChangeIncidentStatusInput!) { changeIncidentStatus(input: $input) { id } }`,
      { input: { id: ids.amber, expectedVersion: 1, status: 'TRIAGED' } },
      mycert,
    );
    await run(
      `mutation ($input: ChangeIncidentStatusInput!) { changeIncidentStatus(input: $input) { id } }`,
      { input: { id: ids.amber, expectedVersion: 2, status: 'IN_PROGRESS' } },
      mycert,
    );
    const after = (await (await get(`${ids.amber}.json`, mycert)).json()) as { Event: MispEvent };
    expect(after.Event.analysis).toBe('1');
    expect(Number(after.Event.timestamp)).toBeGreaterThanOrEqual(Number(before.timestamp));
  });

  it('maps an advisory: CVEs as vulnerability attributes, analysis completed, the publisher as Orgc', async () => {
    const event = (await pullFeed(feed, setting(thaicert))).events.get(ids.advisory)!;
    expect(event).toMatchObject({ threat_level_id: '2', analysis: '2', Tag: [{ name: 'tlp:green' }] });
    expect(event.Orgc.uuid).toBe(uuidV5('organization:my-mycert', MISP_NAMESPACE));
    expect(event.Attribute.map((a) => [a.type, a.value, a.to_ids])).toEqual([
      ['ip-dst', '192.0.2.73', true],
      ['vulnerability', 'CVE-2024-3400', false],
      ['comment', 'Patch the VPN portal (test data).', false],
    ]);
  });

  it('lists in hashes.csv the md5 of every correlating attribute of the events pulled, and nothing else', async () => {
    const pulled = await pullFeed(feed, setting(mycert));
    const expected = [...pulled.events.values()].flatMap((event) =>
      event.Attribute.filter((a) => !MISP_NON_CORRELATING.has(a.type)).map(
        (a) => `${md5(a.value)},${event.uuid}`,
      ),
    );
    const lines = (await pullHashes(feed, setting(mycert))).map(([hash, uuid]) => `${hash},${uuid}`);
    expect(lines.sort()).toEqual(expected.sort());
    expect(lines).toContain(`${md5('misp-feed-red.example')},${ids.red}`);
    expect((await get('hashes.csv', mycert)).headers.get('content-type')).toBe('text/csv; charset=utf-8');
  });

  describe('TLP', () => {
    const visible = async (token?: string) => {
      const pulled = await pullFeed(feed, token ? setting(token) : '');
      expect(pulled.problems).toEqual([]);
      const hashes = new Set((await pullHashes(feed, token ? setting(token) : '')).map(([, uuid]) => uuid));
      expect([...hashes].every((uuid) => pulled.events.has(uuid))).toBe(true);
      return { pulled, seen: (id: string) => pulled.events.has(id) || hashes.has(id) };
    };

    it('gives anonymous MISP instances TLP:CLEAR events only', async () => {
      const { pulled, seen } = await visible();
      expect(pulled.events.size).toBeGreaterThan(0);
      for (const event of pulled.events.values()) expect(event.Tag.map((t) => t.name)).toEqual(['tlp:clear']);
      expect(seen(ids.clear)).toBe(true);
      for (const id of [ids.amber, ids.red, ids.advisory]) expect(seen(id)).toBe(false);
    });

    it('gives each organization what it may read: AMBER to its recipients, RED to its originator', async () => {
      const csaView = await visible(csa);
      expect([ids.clear, ids.amber, ids.advisory].map(csaView.seen)).toEqual([true, true, true]);
      expect(csaView.seen(ids.red)).toBe(false);
      const thaiView = await visible(thaicert);
      expect([ids.clear, ids.advisory].map(thaiView.seen)).toEqual([true, true]);
      expect([ids.amber, ids.red].map(thaiView.seen)).toEqual([false, false]);
    });

    it('answers an event the caller may not read with the same 404 as one that does not exist', async () => {
      const hidden = await get(`${ids.red}.json`, thaicert);
      const missing = await get(`${randomUUID()}.json`, thaicert);
      const anonymous = await get(`${ids.amber}.json`);
      const anonymousAdvisory = await get(`${ids.advisory}.json`);
      for (const response of [hidden, missing, anonymous, anonymousAdvisory]) {
        expect(response.status).toBe(404);
        expect(await response.json()).toEqual({
          errors: [{ message: 'No such file in this feed for this caller.', code: 'NOT_FOUND' }],
        });
      }
      expect((await get('nothing-here.txt', thaicert)).status).toBe(404);
    });
  });

  it('refuses a bad token with 401 and the code UNAUTHENTICATED on every file, never falling back to anonymous', async () => {
    for (const file of ['manifest.json', 'hashes.csv', `${ids.clear}.json`, 'nothing-here.txt']) {
      const response = await get(file, 'not-a-token');
      expect(response.status, file).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const body = (await response.json()) as { errors: { code: string }[] };
      expect(body.errors[0]!.code).toBe('UNAUTHENTICATED');
    }
  });

  it('sends validators: 304 for a matching ETag or a Last-Modified not newer, a new ETag after a change', async () => {
    const first = await get('manifest.json', mycert);
    const etag = first.headers.get('etag')!;
    expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    expect(etag).toMatch(/^"[\w-]+"$/);
    const manifest = (await first.json()) as Record<string, { timestamp: number }>;
    const newest = Math.max(...Object.values(manifest).map((entry) => entry.timestamp));
    expect(Date.parse(first.headers.get('last-modified')!)).toBe(newest * 1000);

    const again = await get('manifest.json', mycert, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // Another caller sees other events: its ETag is its own.
    expect((await get('manifest.json', undefined, { 'if-none-match': etag })).status).toBe(200);

    const eventFile = `${ids.clear}.json`;
    const event = await get(eventFile, mycert);
    const { Event } = (await event.json()) as { Event: MispEvent };
    expect(Date.parse(event.headers.get('last-modified')!)).toBe(Number(Event.timestamp) * 1000);
    const since = { 'if-modified-since': event.headers.get('last-modified')! };
    expect((await get(eventFile, mycert, since)).status).toBe(304);
    const head = await fetch(`${feed}/${eventFile}`, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${mycert}` },
    });
    expect([head.status, head.headers.get('etag'), await head.text()]).toEqual([
      200,
      event.headers.get('etag'),
      '',
    ]);

    await run(
      `mutation ($id: ID!, $indicators: [IndicatorInput!]!) { addIncidentIndicators(incidentId: $id, indicators: $indicators) { id } }`,
      { id: ids.clear, indicators: [{ type: 'DOMAIN', value: 'misp-feed-later.example' }] },
      mycert,
    );
    const changed = await get(eventFile, mycert, { 'if-none-match': event.headers.get('etag')! });
    expect(changed.status).toBe(200);
    const { Event: updated } = (await changed.json()) as { Event: MispEvent };
    expect(updated.Attribute.map((a) => a.value)).toContain('misp-feed-later.example');
  });

  it('takes a feed URL saved with a trailing slash, and answers GET and HEAD only', async () => {
    const pulled = await pullFeed(`${feed}/`, setting(mycert));
    expect(pulled.problems).toEqual([]);
    expect(pulled.events.has(ids.red)).toBe(true);
    const post = await fetch(`${feed}/manifest.json`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect(((await post.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe(
      'METHOD_NOT_ALLOWED',
    );
  });
});
