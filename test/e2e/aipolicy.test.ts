import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@cadg/platform';
import { codesOf, startGraph, type Graph } from './harness.ts';

let graph: Graph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(() => graph?.close());

const TWELVE = ['BN', 'CN', 'ID', 'KH', 'LA', 'MM', 'MY', 'PH', 'SG', 'TH', 'TL', 'VN'];

const ALIGNMENT = /* GraphQL */ `
  query Alignment($topic: String!, $forum: String) {
    positionAlignment(topic: $topic, forum: $forum) {
      topic {
        slug
        name
      }
      supportShare
      entries {
        stance
        country {
          code
          name
          aseanMember
        }
      }
    }
  }
`;
type Alignment = {
  positionAlignment: {
    topic: { slug: string; name: string };
    supportShare: number;
    entries: { stance: string; country: { code: string; name: string; aseanMember: boolean } }[];
  };
};

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordPolicyPositionInput!) {
    recordPolicyPosition(input: $input) {
      id
      current
      stance
      country {
        name
      }
      history {
        id
        stance
        current
      }
    }
  }
`;
const statement = (stance: string, statedOn: string) => ({
  countryCode: 'TH',
  topic: 'military-uses',
  forum: 'unga',
  stance,
  summary: `End-to-end test statement (fictional), ${stance}.`,
  statedOn,
  sourceTitle: 'Test source',
  sourceUrl: 'https://example.org/e2e',
});

describe('AI-policy positions, alignment and crosswalk through the gateway', () => {
  it('lists topics with slug and name', async () => {
    const response = await graph.query<{ topics: { slug: string; name: string }[] }>(
      `{ topics { slug name } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.topics.length).toBeGreaterThanOrEqual(9);
    expect(response.data!.topics).toContainEqual({
      slug: 'risk-management',
      name: 'AI risk management and governance frameworks',
    });
  });

  it('lists all twelve countries in the alignment of a seeded topic, with name and membership resolved from contacts', async () => {
    const response = await graph.query<Alignment>(ALIGNMENT, { topic: 'risk-management' });
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    const entries = response.data!.positionAlignment.entries;
    expect(entries.map((e) => e.country.code)).toEqual(TWELVE);
    expect(entries.find((e) => e.country.code === 'CN')?.country).toEqual({
      code: 'CN',
      name: 'China',
      aseanMember: false,
    });
    expect(entries.find((e) => e.country.code === 'TL')?.country.aseanMember).toBe(true);
    for (const entry of entries) expect(entry.country.name).toEqual(expect.any(String));
    expect(entries.every((e) => e.stance === 'SUPPORTS')).toBe(true);
    expect(response.data!.positionAlignment.supportShare).toBe(1);
  });

  it('shows NO_STATED_POSITION for countries with no recorded position on the topic', async () => {
    // Bletchley Declaration signatories among the twelve: China, Indonesia, the Philippines, Singapore.
    const response = await graph.query<Alignment>(ALIGNMENT, {
      topic: 'safety-testing',
      forum: 'ai-summits',
    });
    expect(response.errors).toBeUndefined();
    const entries = response.data!.positionAlignment.entries;
    const silent = entries.filter((e) => e.stance === 'NO_STATED_POSITION');
    expect(silent.map((e) => e.country.code)).toEqual(['BN', 'KH', 'LA', 'MM', 'MY', 'TH', 'TL', 'VN']);
    expect(silent.every((e) => e.country.aseanMember)).toBe(true);
    expect(entries.filter((e) => e.stance === 'SUPPORTS').map((e) => e.country.code)).toEqual([
      'CN',
      'ID',
      'PH',
      'SG',
    ]);
    expect(response.data!.positionAlignment.supportShare).toBeCloseTo(4 / 12);
  });

  it('counts all twelve as supporting the AI capacity-building resolution the General Assembly adopted without a vote', async () => {
    const response = await graph.query<Alignment>(ALIGNMENT, { topic: 'capacity-building', forum: 'unga' });
    expect(response.errors).toBeUndefined();
    const entries = response.data!.positionAlignment.entries;
    expect(entries.map((e) => e.country.code)).toEqual(TWELVE);
    expect(entries.every((e) => e.stance === 'SUPPORTS')).toBe(true);
    expect(response.data!.positionAlignment.supportShare).toBe(1);
  });

  it('moves the old position into history when a delegate records a new one', async () => {
    const delegate = await graph.token('th-ncsa', [Role.OrgAdmin, Role.Member]);
    const first = await graph.query<{ recordPolicyPosition: { id: string } }>(
      RECORD,
      { input: statement('NEUTRAL', '2025-03-01') },
      delegate,
    );
    expect(first.errors).toBeUndefined();
    const second = await graph.query<{
      recordPolicyPosition: {
        current: boolean;
        country: { name: string };
        history: { id: string; stance: string; current: boolean }[];
      };
    }>(RECORD, { input: statement('SUPPORTS_WITH_RESERVATIONS', '2025-09-01') }, delegate);
    expect(second.errors).toBeUndefined();
    expect(second.data!.recordPolicyPosition).toMatchObject({ current: true, country: { name: 'Thailand' } });
    expect(second.data!.recordPolicyPosition.history).toEqual([
      { id: first.data!.recordPolicyPosition.id, stance: 'NEUTRAL', current: false },
    ]);

    const alignment = await graph.query<Alignment>(ALIGNMENT, { topic: 'military-uses', forum: 'unga' });
    expect(alignment.data!.positionAlignment.entries.find((e) => e.country.code === 'TH')?.stance).toBe(
      'SUPPORTS_WITH_RESERVATIONS',
    );
  });

  it('returns crosswalk mappings from the ASEAN Guide to ISO/IEC 42001', async () => {
    const response = await graph.query<{
      crosswalk: { from: { name: string }; to: { name: string }; relation: string }[];
    }>(`{ crosswalk(from: "ASEAN_GUIDE", to: "ISO_IEC_42001") { from { name } to { name } relation } }`);
    expect(response.errors).toBeUndefined();
    const mappings = response.data!.crosswalk;
    expect(mappings.length).toBeGreaterThanOrEqual(5);
    expect(mappings).toContainEqual({
      from: { name: 'Accountability and integrity' },
      to: { name: 'Internal organization' },
      relation: 'OVERLAPS',
    });
    for (const mapping of mappings) expect(['EQUIVALENT', 'OVERLAPS', 'RELATED']).toContain(mapping.relation);
  });

  it('joins a country from contacts with its AI-policy positions and instruments', async () => {
    const response = await graph.query<{
      country: {
        name: string;
        aiPolicyPositions: { topic: { slug: string } }[];
        aiPolicyInstruments: { title: string }[];
      };
    }>(`{ country(code: "VN") { name aiPolicyPositions { topic { slug } } aiPolicyInstruments { title } } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data!.country.name).toBe('Viet Nam');
    expect(response.data!.country.aiPolicyPositions.map((p) => p.topic.slug)).toContain('risk-management');
    expect(response.data!.country.aiPolicyInstruments.length).toBeGreaterThanOrEqual(1);
  });

  it('answers with coded errors: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT with its field, NOT_FOUND', async () => {
    const input = statement('SUPPORTS', '2025-10-01');
    expect(codesOf(await graph.query(RECORD, { input }))).toEqual(['UNAUTHENTICATED']);
    const otherCountry = await graph.token('sg-pdpc', [Role.OrgAdmin]);
    expect(codesOf(await graph.query(RECORD, { input }, otherCountry))).toEqual(['FORBIDDEN']);
    const secretariat = await graph.token(null, [Role.Secretariat]);
    const invalid = await graph.query(RECORD, { input: { ...input, summary: ' ' } }, secretariat);
    expect(codesOf(invalid)).toEqual(['BAD_USER_INPUT']);
    expect(invalid.errors?.[0]?.extensions?.['field']).toBe('input.summary');
    expect(codesOf(await graph.query(ALIGNMENT, { topic: 'no-such-topic' }))).toEqual(['NOT_FOUND']);
    expect(codesOf(await graph.query(`{ crosswalk(from: "ASEAN_GUIDE", to: "NOPE") { relation } }`))).toEqual(
      ['NOT_FOUND'],
    );
    const mapping = await graph.query(
      `mutation { addPrincipleMapping(input: { fromPrincipleId: "asean-guide-2", toPrincipleId: "gaigi-7", relation: RELATED, note: "test" }) { id } }`,
      {},
      await graph.token('cn-cac', [Role.OrgAdmin]),
    );
    expect(codesOf(mapping)).toEqual(['FORBIDDEN']);
  });
});
