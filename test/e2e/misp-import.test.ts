import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@cadg/platform';
import type { Graph } from './harness.ts';
import { codesOf } from './harness.ts';
import { feedEvent, importEvent, indicatorRows, MISP_MODES, startMispGraph } from './misp-client.ts';
import { expectedIndicators, mispEvent, uuidOf } from './misp-fixtures.ts';

/**
 * `importMispEvent` over real HTTP through the gateway: a MISP event of the shape MISP's API gives
 * becomes an advisory with its indicators, under TLP, idempotently, in both modes.
 */

describe.each(MISP_MODES)('importMispEvent in $name', (mode) => {
  let graph: Graph;
  let mycert: string; // MyCERT imports
  let csa: string; // Singapore's CSA: named as a recipient
  let thaicert: string; // ThaiCERT: a member that is no recipient
  const seed = (n: number) => (mode.production ? 0x5000 : 0x4000) + n;

  beforeAll(async () => {
    graph = await startMispGraph(mode);
    mycert = await graph.token('my-mycert', [Role.Member]);
    csa = await graph.token('sg-csa', [Role.Member]);
    thaicert = await graph.token('th-thaicert', [Role.Member]);
  });
  afterAll(() => graph?.close());

  const imported = async (token: string, event: unknown, shared?: string[]) => {
    const response = await importEvent(graph, mode, token, event, shared);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return response.data!.importMispEvent;
  };

  it('maps the event to an advisory: title, severity, TLP, body, references, CVE, labels and provenance', async () => {
    const result = await imported(mycert, mispEvent({ seed: seed(1) }));
    expect(result.eventUuid).toBe(uuidOf(seed(1), 0));
    expect(result).toMatchObject({ updated: 0, unchanged: 0 });
    expect(result.advisory).toMatchObject({
      title: `Exercise: MISP phishing wave ${seed(1)}`,
      severity: 'HIGH',
      tlp: 'GREEN',
      cveIds: ['CVE-2024-3400'],
      body:
        'Phishing wave against exercise targets (test data).\n\n' +
        'References:\n- https://exercise-advisories.example/misp-wave',
      provenance: {
        format: 'MISP',
        channel: 'GRAPHQL',
        externalId: uuidOf(seed(1), 0),
        createdBy: 'Originating CERT (exercise)',
        labels: ['type:OSINT', 'misp-galaxy:threat-actor="Exercise Actor"'],
      },
    });
  });

  it('turns every supported attribute, in the event and in its objects, into an indicator with to_ids kept', async () => {
    const result = await imported(mycert, mispEvent({ seed: seed(2) }));
    expect(indicatorRows(result.advisory!)).toEqual(expectedIndicators(seed(2)));
    const byValue = new Map(result.advisory!.indicators.map((i) => [i.value, i.description]));
    expect(byValue.get('cf83e135'.repeat(16))).toBe('filename invoice.pdf.exe');
    expect(byValue.get('192.0.2.44')).toBe('domain-ip: ip');
  });

  it('keeps unknown types and invalid values and lists them as not mapped, never failing the import', async () => {
    const result = await imported(mycert, mispEvent({ seed: seed(3) }));
    expect(result.notMapped.map((n) => [n.id, n.type, n.code]).sort()).toEqual(
      [
        [uuidOf(seed(3), 15), 'btc', 'UNSUPPORTED_TYPE'],
        [uuidOf(seed(3), 16), 'ip-dst', 'INVALID_VALUE'],
        [uuidOf(seed(3), 101), 'filename', 'UNSUPPORTED_TYPE'],
      ].sort(),
    );
    const odd = mispEvent({ seed: seed(4), extra: [{ type: 'x-not-a-misp-type', value: '{"a": 1}' }] });
    const kept = await imported(mycert, { ...odd.Event, EventReport: [{ name: 'a report', content: '#' }] });
    expect(kept.notMapped.map((n) => n.type)).toContain('x-not-a-misp-type');
  });

  // Sent without the wrapper, as PyMISP's MISPEvent.to_dict() gives an event.
  it('reads tlp tags (white, clear, amber+strict, strictest wins) and makes an untagged event AMBER', async () => {
    const tlpOf = async (tags: string[], n: number) =>
      (await imported(mycert, mispEvent({ seed: seed(n), tags }).Event)).advisory!.tlp;
    expect(await tlpOf(['tlp:white'], 10)).toBe('CLEAR');
    expect(await tlpOf(['tlp:clear', 'PAP:GREEN'], 11)).toBe('CLEAR');
    expect(await tlpOf(['TLP:AMBER+STRICT'], 12)).toBe('AMBER_STRICT');
    expect(await tlpOf(['tlp:green', 'tlp:red'], 13)).toBe('RED');
    expect(await tlpOf([], 14)).toBe('AMBER');
  });

  it('shows each imported record to whom its TLP allows, in GraphQL and in the MISP feed', async () => {
    const amber = await imported(mycert, mispEvent({ seed: seed(20), tags: [] }).Event, ['sg-csa']);
    const red = await imported(mycert, mispEvent({ seed: seed(21), tags: ['tlp:red'] }));
    const clear = await imported(mycert, mispEvent({ seed: seed(22), tags: ['tlp:clear'] }));
    const seen = async (id: string, token?: string) => (await feedEvent(graph, id, token)) !== null;
    const amberId = amber.advisory!.id;
    expect(await seen(amberId, mycert)).toBe(true);
    expect(await seen(amberId, csa)).toBe(true);
    expect(await seen(amberId, thaicert)).toBe(false);
    expect(await seen(amberId)).toBe(false);
    expect([await seen(red.advisory!.id, mycert), await seen(red.advisory!.id, csa)]).toEqual([true, false]);
    expect([await seen(clear.advisory!.id), await seen(clear.advisory!.id, thaicert)]).toEqual([true, true]);
    // Every attribute of the exported event carries the TLP of the event it is read in.
    const exported = await feedEvent(graph, amberId, csa);
    expect((exported!['Tag'] as { name: string }[]).map((t) => t.name)).toEqual(['tlp:amber']);
    expect((exported!['Attribute'] as { value: string }[]).map((a) => a.value)).toContain('198.51.100.10');
  });

  it('is idempotent by uuid and timestamp: same → unchanged, newer → updated, older → ignored', async () => {
    const first = await imported(mycert, mispEvent({ seed: seed(30) }));
    const again = await imported(mycert, mispEvent({ seed: seed(30) }));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: first.created });
    expect(again.advisory!.id).toBe(first.advisory!.id);
    // A newer version: a new title, and one attribute (the md5) dropped from the event.
    const newer = mispEvent({ seed: seed(30), timestamp: 1_764_400_000, info: 'Exercise: updated' });
    const attributes = newer.Event['Attribute'] as { type: string }[];
    newer.Event['Attribute'] = attributes.filter((a) => a.type !== 'md5');
    const updated = await imported(mycert, newer);
    expect(updated.updated).toBeGreaterThan(0);
    expect(updated.advisory).toMatchObject({ id: first.advisory!.id, title: 'Exercise: updated' });
    expect(indicatorRows(updated.advisory!)).toEqual(
      expectedIndicators(seed(30)).filter(([type]) => type !== 'FILE_MD5'),
    );
    const older = await imported(mycert, mispEvent({ seed: seed(30), info: 'Exercise: stale' }));
    expect(older).toMatchObject({ created: 0, updated: 0 });
    expect(older.advisory!.title).toBe('Exercise: updated');
  });

  it('keeps imports apart per organization: the same event imported by another is its own advisory', async () => {
    const mine = await imported(mycert, mispEvent({ seed: seed(40) }));
    const theirs = await imported(thaicert, mispEvent({ seed: seed(40) }));
    expect(theirs.created).toBe(mine.created);
    expect(theirs.advisory!.id).not.toBe(mine.advisory!.id);
    expect((await feedEvent(graph, theirs.advisory!.id, thaicert))?.['info']).toBe(mine.advisory!.title);
  });

  it('refuses malformed events with BAD_USER_INPUT and writes nothing of them', async () => {
    const good = mispEvent({ seed: seed(50) });
    const broken = structuredClone(good);
    (broken.Event['Attribute'] as unknown[]).push({ uuid: uuidOf(seed(50), 999), value: 'no type' });
    const cases: unknown[] = [
      'not an event',
      [good.Event],
      { Event: 'text' },
      { ...good.Event, uuid: 'not-a-uuid' },
      { ...good.Event, info: '' },
      { ...good.Event, Attribute: { one: 1 } },
      { ...good.Event, timestamp: 'yesterday' },
      broken,
      { ...good.Event, info: 'NUL \u0000 inside' },
    ];
    for (const event of cases) {
      const response = await importEvent(graph, mode, mycert, event);
      expect(codesOf(response), JSON.stringify(event).slice(0, 80)).toEqual(['BAD_USER_INPUT']);
    }
    // Nothing of the broken versions was written: the good one is new.
    const first = await imported(mycert, good);
    expect(first.created).toBeGreaterThan(0);
    expect(first.unchanged).toBe(0);
  });

  it('answers UNAUTHENTICATED without a token, FORBIDDEN without a role and NOT_FOUND for unknown recipients', async () => {
    const event = mispEvent({ seed: seed(60) });
    expect(codesOf(await importEvent(graph, mode, undefined, event))).toEqual(['UNAUTHENTICATED']);
    const noRole = await graph.token('my-mycert', []);
    expect(codesOf(await importEvent(graph, mode, noRole, event))).toEqual(['FORBIDDEN']);
    const secretariat = await graph.token('asean-secretariat', [Role.Secretariat]);
    expect(codesOf(await importEvent(graph, mode, secretariat, event))).toEqual(['FORBIDDEN']);
    expect(codesOf(await importEvent(graph, mode, mycert, event, ['no-such-org']))).toEqual(['NOT_FOUND']);
  });
});
