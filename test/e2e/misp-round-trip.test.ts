import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Role } from '@cadg/platform';
import type { Graph } from './harness.ts';
import { feedEvent, importEvent, MISP_MODES, run, startMispGraph } from './misp-client.ts';
import { mispEvent } from './misp-fixtures.ts';
import { pullFeed, type MispEvent } from './misp-reader.ts';

/**
 * The round trip: graph A's own MISP feed (`/misp/feed/`), pulled by graph B, a second graph on its
 * own fresh database, through `addMispFeed` over real HTTP, then exported again by B's feed. Every
 * event A's feed gave MyCERT is in B, and B exports it with every attribute value, type, `to_ids`,
 * the TLP tag, the title and the threat level A exported.
 *
 * What the round trip changes, by design: an incident comes back as an advisory (B receives
 * threat intelligence, not incidents it handles), so `analysis` reads Completed and its
 * attackers' addresses (`ip-src`) come back as addresses to block (`ip-dst`); ids are B's own,
 * with A's in `provenance.externalId`; the Orgc is the importing organization, with A's in
 * `provenance.createdBy`.
 */

// Pulls wait on the incidents service's background work; under load it can take longer than 30 s.
vi.setConfig({ testTimeout: 120_000 });

/** An exported attribute as the round trip keeps it. */
const attributeKey = (a: MispEvent['Attribute'][number]) =>
  `${a.type.replace(/^ip-src$/, 'ip-dst')}|${a.to_ids}|${a.value}`;
const attributesOf = (event: MispEvent) => event.Attribute.map(attributeKey).sort();

describe.each(MISP_MODES)('the MISP round trip in $name', (mode) => {
  let a: Graph;
  let b: Graph;
  let exported: Map<string, MispEvent>;

  beforeAll(async () => {
    a = await startMispGraph(mode);
    b = await startMispGraph(mode);
    // A holds the seeded incidents and advisories, and one imported MISP event with attributes
    // that are not for detection (to_ids false).
    const imported = await importEvent(
      a,
      mode,
      await a.token('my-mycert', [Role.Member]),
      mispEvent({ seed: 0x9001 }),
    );
    expect(imported.errors).toBeUndefined();
    const reader = await a.token('my-mycert', [Role.Member], '30m');
    const pulled = await pullFeed(
      new URL('/misp/feed', a.baseUrl).toString(),
      `Authorization: Bearer ${reader}`,
    );
    expect(pulled.problems).toEqual([]);
    exported = pulled.events;
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('pulls every event of A’s feed into B, with the token of a MyCERT member as the feed header', async () => {
    expect(exported.size).toBeGreaterThan(3);
    const allToIds = [...exported.values()].flatMap((e) => e.Attribute.map((x) => x.to_ids));
    expect(allToIds).toContain(false);
    expect(new Set([...exported.values()].map((e) => e.Tag[0]!.name)).size).toBeGreaterThan(1);

    const admin = await b.token('my-mycert', [Role.OrgAdmin]);
    const reader = await a.token('my-mycert', [Role.Member], '30m');
    const since = Date.now();
    const added = await run<{ addMispFeed: { id: string } }>(
      b,
      mode,
      'misp-feeds/MispFeeds.graphql',
      'AddMispFeed',
      {
        input: {
          url: new URL('/misp/feed/', a.baseUrl).toString(),
          headers: [{ name: 'Authorization', value: `Bearer ${reader}` }],
        },
      },
      admin,
    );
    expect(added.errors).toBeUndefined();
    const feed = await vi.waitFor(
      async () => {
        const listed = await run<{
          mispFeeds: { lastPulledAt: string | null; lastError: string | null; eventsImported: number }[];
        }>(b, mode, 'misp-feeds/MispFeeds.graphql', 'MispFeeds', {}, admin);
        const [only] = listed.data!.mispFeeds;
        expect(Date.parse(only?.lastPulledAt ?? '')).toBeGreaterThanOrEqual(since);
        return only!;
      },
      { timeout: 120_000, interval: 200 },
    );
    expect(feed).toMatchObject({ lastError: null, eventsImported: exported.size });
  });

  it('loses nothing: B holds and exports every event with the same attributes, to_ids, TLP, title and threat level', async () => {
    const member = await b.token('my-mycert', [Role.Member]);
    for (const [uuid, event] of exported) {
      // Sending the event again changes nothing in B (it holds this version) and names its advisory.
      const again = await importEvent(b, mode, member, { Event: event });
      expect(again.errors, uuid).toBeUndefined();
      const result = again.data!.importMispEvent;
      expect([result.created, result.updated], uuid).toEqual([0, 0]);
      const advisory = result.advisory!;
      expect(advisory.provenance).toMatchObject({
        format: 'MISP',
        channel: 'MISP_FEED',
        externalId: uuid,
        createdBy: event.Orgc.name,
      });
      const back = await feedEvent<MispEvent>(b, advisory.id, member);
      if (!back) throw new Error(`${uuid}: not in graph B's feed`);
      expect(
        {
          info: back.info,
          threat: back.threat_level_id,
          tags: back.Tag.map((t) => t.name),
          attributes: attributesOf(back),
        },
        uuid,
      ).toEqual({
        info: event.info,
        threat: event.threat_level_id,
        tags: event.Tag.map((t) => t.name),
        attributes: attributesOf(event),
      });
    }
  });

  it('keeps TLP in B: an event A exported as AMBER or RED is not shown to another organization', async () => {
    const thaicert = await b.token('th-thaicert', [Role.Member]);
    const member = await b.token('my-mycert', [Role.Member]);
    const restricted = [...exported.values()].filter((e) =>
      ['tlp:amber', 'tlp:amber+strict', 'tlp:red'].includes(e.Tag[0]!.name),
    );
    expect(restricted.length).toBeGreaterThan(0);
    for (const event of restricted) {
      const advisory = (await importEvent(b, mode, member, { Event: event })).data!.importMispEvent.advisory!;
      expect(await feedEvent(b, advisory.id, thaicert)).toBeNull();
      expect(await feedEvent(b, advisory.id)).toBeNull();
    }
  });
});
