import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@cadg/platform';
import type { Graph } from './harness.ts';
import { feedEvent, importEvent, MISP_MODES, startMispGraph } from './misp-client.ts';
import { mispEvent, uuidOf, type MispDocument } from './misp-fixtures.ts';

/**
 * Attribute-level `tlp:` tags and MISP `distribution` (docs/exchange.md, "What maps to what"):
 * nothing is ever read under a wider marking than MISP gave it. An attribute marked stricter than
 * its event becomes an indicator in an advisory of its own marking, or, for text read into the
 * advisory, is kept out with a reason; distribution 0 is AMBER+STRICT, 4 at least AMBER. Over
 * real HTTP through the gateway, and read back through our MISP feed, in both modes.
 */

/** The event's attribute `n` (of `mispEvent`) changed by `change`. */
function withAttribute(event: MispDocument, n: number, change: Record<string, unknown>): MispDocument {
  const uuid = uuidOf(Number.parseInt(String(event.Event['uuid']).slice(0, 8), 16), n);
  const attributes = event.Event['Attribute'] as Record<string, unknown>[];
  const found = attributes.find((a) => a['uuid'] === uuid);
  if (!found) throw new Error(`the fixture has no attribute ${n}`);
  Object.assign(found, change);
  return event;
}

describe.each(MISP_MODES)('MISP attribute markings and distribution in $name', (mode) => {
  let graph: Graph;
  let mycert: string;
  let thaicert: string; // a member: reads GREEN, not AMBER+STRICT or RED of others
  const seed = (n: number) => (mode.production ? 0x9500 : 0x9400) + n;

  beforeAll(async () => {
    graph = await startMispGraph(mode);
    mycert = await graph.token('my-mycert', [Role.Member]);
    thaicert = await graph.token('th-thaicert', [Role.Member]);
  });
  afterAll(() => graph?.close());

  const imported = async (event: unknown) => {
    const response = await importEvent(graph, mode, mycert, event);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return response.data!.importMispEvent;
  };
  /** Our MISP feed's manifest as `token` reads it: info and tlp tag of each event it may see. */
  const manifest = async (token: string) => {
    const response = await fetch(new URL('/misp/feed/manifest.json', graph.baseUrl), {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const entries = (await response.json()) as Record<string, { info: string; Tag: { name: string }[] }>;
    return Object.entries(entries).map(([uuid, e]) => ({
      uuid,
      info: e.info,
      tags: e.Tag.map((t) => t.name),
    }));
  };

  it('puts an attribute tagged or distributed stricter than its event in an advisory of its own marking', async () => {
    const event = mispEvent({ seed: seed(1), tags: ['tlp:green'] });
    withAttribute(event, 1, { Tag: [{ name: 'tlp:red', colour: '#CC0033' }] }); // domain
    withAttribute(event, 3, { distribution: '0' }); // ip-src: your organisation only
    withAttribute(event, 6, { distribution: '3' }); // url: all communities, never wider than the event
    withAttribute(event, 13, { Tag: [{ name: 'tlp:amber' }] }); // comment: read into the body
    const info = String(event.Event['info']);
    const result = await imported(event);
    const values = result.advisory!.indicators.map((i) => i.value);
    expect(result.advisory!.tlp).toBe('GREEN');
    expect(values).not.toContain(`misp-${seed(1)}.example`);
    expect(values).not.toContain('198.51.100.10');
    expect(values).toContain(`https://misp-${seed(1)}.example/login`);
    expect(result.advisory!.body).not.toContain('Phishing wave against exercise targets');
    expect(result.notMapped).toContainEqual(
      expect.objectContaining({ id: uuidOf(seed(1), 13), type: 'comment', code: 'STRICTER_MARKING' }),
    );

    // The stricter attributes are advisories of their own marking, read by their readers only.
    const own = (await manifest(mycert)).filter((e) =>
      e.info.startsWith(`${info}: attributes marked stricter`),
    );
    expect(own.map((e) => e.tags).sort()).toEqual([['tlp:amber+strict'], ['tlp:red']]);
    for (const entry of own) {
      const exported = await feedEvent<{ Attribute: { type: string; value: string }[] }>(
        graph,
        entry.uuid,
        mycert,
      );
      // Our feed gives the advisory's body as a comment attribute; the indicators are the others.
      const attributes = exported!.Attribute.filter((a) => a.type !== 'comment');
      expect(attributes.map((a) => a.value)).toEqual(
        entry.tags[0] === 'tlp:red' ? [`misp-${seed(1)}.example`] : ['198.51.100.10'],
      );
      expect(await feedEvent(graph, entry.uuid, thaicert)).toBeNull();
    }
    expect(await feedEvent(graph, result.advisory!.id, thaicert)).not.toBeNull();

    // Idempotent: the same event again changes nothing, also in the stricter advisories.
    const again = await imported(event);
    expect(again).toMatchObject({ created: 0, updated: 0 });
    expect((await manifest(mycert)).filter((e) => e.info.startsWith(`${info}: attributes`))).toHaveLength(2);
  });

  it('reads the event distribution as a floor: 0 is AMBER+STRICT, 4 at least AMBER, others leave the tags', async () => {
    const tlpOf = async (n: number, distribution: string | number, tags: string[]) => {
      const event = mispEvent({ seed: seed(n), tags });
      event.Event['distribution'] = distribution;
      return (await imported(event)).advisory!.tlp;
    };
    expect(await tlpOf(10, '0', [])).toBe('AMBER_STRICT');
    expect(await tlpOf(11, '0', ['tlp:clear'])).toBe('AMBER_STRICT');
    expect(await tlpOf(12, '0', ['tlp:red'])).toBe('RED');
    expect(await tlpOf(13, '4', ['tlp:green'])).toBe('AMBER');
    expect(await tlpOf(14, '3', ['tlp:green'])).toBe('GREEN');
    expect(await tlpOf(15, '1', [])).toBe('AMBER');
    expect(await tlpOf(16, 2, ['tlp:clear'])).toBe('CLEAR');
  });
});
