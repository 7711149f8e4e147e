import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import * as m from '@cadg/db/incidents-misp';
import { Role } from '@cadg/platform';
import type { ServiceProcess } from '../cluster/processes.ts';
import { codesOf, startIncidentsReplica, type Graph } from './harness.ts';
import { feedEvent, importEvent, MISP_MODES, run, startMispGraph, type MispMode } from './misp-client.ts';
import { FeedServer, mispEvent, uuidOf } from './misp-fixtures.ts';

/**
 * MISP feeds pulled on a schedule: a feed served by a node:http server in this process, registered
 * with `addMispFeed` and pulled by the incidents service over real HTTP, in both modes.
 */

// Pulls wait on the incidents service's background work; under load it can take longer than 30 s.
vi.setConfig({ testTimeout: 120_000 });

const SECRET = 'misp-api-key-6f1c0e5b7a9d4c3e8b2a1f0e9d8c7b6a';
const FEEDS = 'misp-feeds/MispFeeds.graphql';

interface Feed {
  id: string;
  url: string;
  organization: { id: string };
  headerNames: string[];
  defaultTlp: string;
  enabled: boolean;
  lastPulledAt: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  nextPullAt: string;
  eventsImported: number;
  pulls: {
    startedAt: string;
    finishedAt: string;
    eventsListed: number;
    eventsFetched: number;
    eventsImported: number;
    error: string | null;
  }[];
}

function feedClient(graph: Graph, mode: MispMode) {
  const call = async <T>(operation: string, variables: Record<string, unknown>, token: string) => {
    const response = await run<T>(graph, mode, FEEDS, operation, variables, token);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return response.data!;
  };
  const list = async (token: string) => (await call<{ mispFeeds: Feed[] }>('MispFeeds', {}, token)).mispFeeds;
  /** The feed once a pull that started at or after `since` has been recorded (polled with a deadline). */
  const waitForPull = (token: string, id: string, since: string) =>
    vi.waitFor(
      async () => {
        const feed = (await list(token)).find((f) => f.id === id)!;
        const [last] = feed.pulls;
        expect(Date.parse(last?.startedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(since));
        // The feed's row and its pulls are read apart: both must show the same pull.
        expect(feed.lastPulledAt).toBe(last!.finishedAt);
        return feed;
      },
      { timeout: 60_000, interval: 100 },
    );
  return {
    call,
    list,
    add: async (token: string, input: Record<string, unknown>) =>
      (await call<{ addMispFeed: Feed }>('AddMispFeed', { input }, token)).addMispFeed,
    waitForPull,
    /** Makes the feed due and waits for the pull that follows. */
    async pull(token: string, id: string): Promise<Feed> {
      const requested = new Date().toISOString();
      await call('PullMispFeed', { id }, token);
      return waitForPull(token, id, requested);
    },
  };
}

describe.each(MISP_MODES)('MISP feeds pulled in $name', (mode) => {
  let graph: Graph;
  let client: ReturnType<typeof feedClient>;
  let admin: string; // ORG_ADMIN of MyCERT, which owns what the feed imports
  let member: string;
  const server = new FeedServer();
  const seed = (n: number) => (mode.production ? 0x7000 : 0x6000) + n;
  const spies: { mock: { calls: unknown[][] } }[] = [];
  const logged = () =>
    spies.flatMap((spy) => spy.mock.calls.map((call) => call.map(String).join(' '))).join('\n');

  beforeAll(async () => {
    await server.start();
    graph = await startMispGraph(mode);
    client = feedClient(graph, mode);
    admin = await graph.token('my-mycert', [Role.OrgAdmin]);
    member = await graph.token('my-mycert', [Role.Member]);
    // What the graph (running in this process) logs is searched for the API key below.
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const)
      spies.push(vi.spyOn(console, method));
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await graph?.close();
    await server.close();
  });

  it('pulls the manifest, then each new event, sending the headers and never returning their values', async () => {
    server.add(mispEvent({ seed: seed(1), tags: [] }));
    server.add(mispEvent({ seed: seed(2), tags: ['tlp:red'] }));
    const since = new Date().toISOString();
    const added = await client.add(admin, {
      url: `${server.url}/manifest.json`,
      headers: [{ name: 'Authorization', value: SECRET }],
      defaultTlp: 'GREEN',
      sharedWithOrganizationIds: ['sg-csa'],
    });
    expect(added).toMatchObject({ url: server.url, headerNames: ['Authorization'], enabled: true });
    // A feed is due when added: the first pull follows at once.
    const feed = await client.waitForPull(admin, added.id, since);
    expect(feed).toMatchObject({ lastError: null, consecutiveFailures: 0, eventsImported: 2 });
    expect(feed.pulls[0]).toMatchObject({
      eventsListed: 2,
      eventsFetched: 2,
      eventsImported: 2,
      error: null,
    });
    expect(server.requests.every((r) => r.headers['authorization'] === SECRET)).toBe(true);
    expect(JSON.stringify(await client.list(admin))).not.toContain(SECRET);
    expect(logged()).not.toContain(SECRET);

    // At rest the value is AES-256-GCM ciphertext (feed-secrets.ts), and the pulls above sent it
    // decrypted. A row stored before encryption (plain value) still authenticates; one sealed under
    // another key fails its pull, saying so.
    const [row] = await graph.database.db.select().from(m.mispFeeds).where(eq(m.mispFeeds.id, added.id));
    expect(JSON.stringify(row)).not.toContain(SECRET);
    expect(JSON.stringify(row)).not.toContain(SECRET.slice(-12));
    expect(row!.headers).toEqual([
      { name: 'Authorization', value: expect.stringMatching(/^v1:[A-Za-z0-9+/=]+$/) },
    ]);
    const store = (value: string) =>
      graph.database.db
        .update(m.mispFeeds)
        .set({ headers: [{ name: 'Authorization', value }] })
        .where(eq(m.mispFeeds.id, added.id));
    const legacy = `${SECRET}-stored-plain`;
    await store(legacy);
    const before = server.requests.length;
    expect((await client.pull(admin, added.id)).lastError).toBeNull();
    expect(server.requests.length).toBeGreaterThan(before);
    expect(server.requests.slice(before).every((r) => r.headers['authorization'] === legacy)).toBe(true);
    await store(`v1:${randomBytes(48).toString('base64')}`);
    const sent = server.requests.length;
    const refused = await client.pull(admin, added.id);
    expect(refused.lastError).toBe('headers: could not be decrypted with this EXCHANGE_SECRETS_KEY.');
    expect(server.requests.length).toBe(sent);
    await store(row!.headers[0]!.value);
    expect((await client.pull(admin, added.id)).lastError).toBeNull();
  });

  it('marks pulled records with the event tag or the feed default, and shows them to whom TLP allows', async () => {
    // Importing an event the feed brought changes nothing and answers with its advisory.
    const advisoryOf = async (n: number) => {
      const response = await importEvent(graph, mode, member, mispEvent({ seed: seed(n) }));
      expect(response.data?.importMispEvent.created).toBe(0);
      return response.data!.importMispEvent.advisory!;
    };
    const green = await advisoryOf(1);
    const red = await advisoryOf(2);
    expect([green.tlp, green.provenance.channel, red.tlp]).toEqual(['GREEN', 'MISP_FEED', 'RED']);
    const thaicert = await graph.token('th-thaicert', [Role.Member]);
    const csa = await graph.token('sg-csa', [Role.Member]);
    expect(await feedEvent(graph, green.id, thaicert)).not.toBeNull();
    expect(await feedEvent(graph, green.id)).toBeNull();
    // The feed names CSA as a recipient: TLP:RED reaches the named recipients, and no one else.
    expect(await feedEvent(graph, red.id, csa)).not.toBeNull();
    expect(await feedEvent(graph, red.id, member)).not.toBeNull();
    expect(await feedEvent(graph, red.id, thaicert)).toBeNull();
  });

  it('fetches only new or changed events on later pulls (manifest timestamps)', async () => {
    const [feed] = await client.list(admin);
    const fetched = (n: number) => server.hits(`${uuidOf(seed(n), 0)}.json`);
    const again = await client.pull(admin, feed!.id);
    expect(again.pulls[0]).toMatchObject({ eventsListed: 2, eventsFetched: 0, eventsImported: 0 });
    expect([fetched(1), fetched(2)]).toEqual([1, 1]);
    server.add(mispEvent({ seed: seed(2), tags: ['tlp:red'], timestamp: 1_764_500_000, info: 'Changed' }));
    server.add(mispEvent({ seed: seed(3) }));
    const later = await client.pull(admin, feed!.id);
    expect(later.pulls[0]).toMatchObject({ eventsListed: 3, eventsFetched: 2, eventsImported: 2 });
    expect([fetched(1), fetched(2), fetched(3)]).toEqual([1, 2, 1]);
    expect(later.eventsImported).toBe(4);
  });

  it('records a failed pull and backs off exponentially, then recovers', async () => {
    const [feed] = await client.list(admin);
    server.failing.set('manifest.json', 500);
    const gap = (f: Feed) => Date.parse(f.nextPullAt) - Date.parse(f.lastPulledAt!);
    const first = await client.pull(admin, feed!.id);
    expect(first).toMatchObject({
      lastError: 'manifest.json: the feed answered HTTP 500.',
      consecutiveFailures: 1,
    });
    expect(gap(first)).toBeGreaterThanOrEqual(30_000);
    expect(gap(first)).toBeLessThanOrEqual(60_000);
    const second = await client.pull(admin, feed!.id);
    expect(second.consecutiveFailures).toBe(2);
    expect(gap(second)).toBeGreaterThanOrEqual(60_000);
    expect(gap(second)).toBeLessThanOrEqual(120_000);
    server.failing.delete('manifest.json');
    server.failing.set(`${uuidOf(seed(3), 0)}.json`, 503);
    server.add(mispEvent({ seed: seed(3), timestamp: 1_764_600_000 }));
    const partial = await client.pull(admin, feed!.id);
    expect(partial).toMatchObject({ consecutiveFailures: 3, lastError: expect.stringMatching(/HTTP 503/) });
    server.failing.clear();
    const recovered = await client.pull(admin, feed!.id);
    expect(recovered).toMatchObject({ lastError: null, consecutiveFailures: 0 });
    expect(gap(recovered)).toBe(3600_000);
    expect(logged()).not.toContain(SECRET);
  });

  it('lets the SECRETARIAT and the owner’s ORG_ADMINs manage feeds, and no one else', async () => {
    const secretariat = await graph.token('asean-secretariat', [Role.Secretariat]);
    const otherAdmin = await graph.token('th-thaicert', [Role.OrgAdmin]);
    const added = await client.add(secretariat, { url: server.url, organizationId: 'th-thaicert' });
    expect(added.organization.id).toBe('th-thaicert');
    expect((await client.list(secretariat)).length).toBeGreaterThanOrEqual(2);
    expect((await client.list(otherAdmin)).map((f) => f.id)).toEqual([added.id]);
    const [mine] = await client.list(admin);
    const refused = async (operation: string, variables: Record<string, unknown>, token?: string) =>
      codesOf(await run(graph, mode, FEEDS, operation, variables, token));
    expect(await refused('PullMispFeed', { id: mine!.id }, otherAdmin)).toEqual(['NOT_FOUND']);
    expect(await refused('MispFeeds', {}, member)).toEqual(['FORBIDDEN']);
    expect(await refused('MispFeeds', {})).toEqual(['UNAUTHENTICATED']);
    const input = (url: string, extra = {}) => ({ input: { url, ...extra } });
    expect(
      await refused('AddMispFeed', input(server.url, { organizationId: 'my-mycert' }), otherAdmin),
    ).toEqual(['FORBIDDEN']);
    expect(await refused('AddMispFeed', input(server.url), secretariat)).toEqual(['BAD_USER_INPUT']);
    for (const url of [
      'ftp://feed.example/',
      'http://user:pw@feed.example/',
      'http://10.0.0.8/',
      'http://169.254.169.254/',
    ]) {
      expect(await refused('AddMispFeed', input(url), admin), url).toEqual(['BAD_USER_INPUT']);
    }
    const badHeader = { headers: [{ name: 'X-Key', value: 'a\r\nHost: evil' }] };
    expect(await refused('AddMispFeed', input(server.url, badHeader), admin)).toEqual(['BAD_USER_INPUT']);
    await client.call('SetMispFeedEnabled', { id: added.id, enabled: false }, otherAdmin);
    expect(await refused('PullMispFeed', { id: added.id }, otherAdmin)).toEqual(['BAD_USER_INPUT']);
    await client.call('RemoveMispFeed', { id: added.id }, secretariat);
    expect(await client.list(otherAdmin)).toEqual([]);
    // Each change is audited, without the URL or headers (checked where raw queries run).
    if (mode.production) return;
    const trail = await graph.query<{
      auditLog: { edges: { node: { operation: string; summary: string } }[] };
    }>(
      'query ($id: ID) { auditLog(filter: { targetId: $id }) { edges { node { operation summary } } } }',
      { id: added.id },
      secretariat,
    );
    const entries = trail.data!.auditLog.edges.map((e) => e.node);
    expect(entries.map((e) => e.operation).sort()).toEqual([
      'addMispFeed',
      'removeMispFeed',
      'setMispFeedEnabled',
    ]);
    expect(JSON.stringify(entries)).not.toContain(server.url);
  });
});

// A second process on one database needs a PostgreSQL server; CI always sets DATABASE_URL.
describe.runIf(process.env['DATABASE_URL'])('MISP feed pulls across two incidents processes', () => {
  const mode = MISP_MODES[0]!;
  let graph: Graph;
  let replica: ServiceProcess;
  const server = new FeedServer();

  beforeAll(async () => {
    await server.start();
    graph = await startMispGraph(mode);
    // The replica looks for due feeds every 50 ms, the graph's own incidents service when woken.
    replica = await startIncidentsReplica(graph, { MISP_FEED_POLL_MS: '50' });
  });
  afterAll(async () => {
    await replica?.kill('SIGKILL');
    await graph?.close();
    await server.close();
  });

  it('pulls each due feed once, whichever process finds it first', async () => {
    const client = feedClient(graph, mode);
    const admin = await graph.token('my-mycert', [Role.OrgAdmin]);
    for (let n = 1; n <= 5; n++) server.add(mispEvent({ seed: 0x8000 + n }));
    const since = new Date().toISOString();
    const feed = await client.add(admin, { url: server.url });
    await client.waitForPull(admin, feed.id, since);
    expect(server.hits('manifest.json')).toBe(1);
    for (let round = 2; round <= 5; round++) {
      await client.pull(admin, feed.id);
      expect(server.hits('manifest.json')).toBe(round);
    }
    const pulled = (await client.list(admin))[0]!;
    expect(pulled.eventsImported).toBe(5);
    for (let n = 1; n <= 5; n++) expect(server.hits(`${uuidOf(0x8000 + n, 0)}.json`)).toBe(1);
  });
});
