/** The aipolicy subgraph in process: reading, the standards crosswalk, federation. Writes: aipolicy-writes.test.ts. */
import { count, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { Role } from '@cadg/platform';
import * as t from '@cadg/db/aipolicy';
import { as, errorCodes } from './harness.ts';
import { TWELVE, auditCount, secretariat, subgraph, useAipolicy } from './aipolicy-fixtures.ts';

useAipolicy();

describe('reading topics, positions and alignment', () => {
  it('lists topics with slug and name', async () => {
    const result = await subgraph.exec<{ topics: { slug: string; name: string }[] }>(
      `{ topics { slug name } }`,
    );
    expect(result.errors).toBeUndefined();
    const slugs = result.data!.topics.map((topic) => topic.slug);
    expect(slugs).toEqual(
      expect.arrayContaining(['risk-management', 'capacity-building', 'un-ai-institution']),
    );
  });

  const ALIGNMENT = `query($topic: String!, $forum: String) { positionAlignment(topic: $topic, forum: $forum) {
    entries { stance country { code } position { id statedOn source { title url } history { statedOn source { url } } } }
    statedCount supportingCount supportShare prevailingStance divergentCountries { code }
  } }`;
  type Alignment = {
    positionAlignment: {
      entries: {
        stance: string;
        country: { code: string };
        position: {
          id: string;
          statedOn: string;
          source: { title: string; url: string };
          history: { statedOn: string; source: { url: string } }[];
        } | null;
      }[];
      statedCount: number;
      supportingCount: number;
      supportShare: number;
      prevailingStance: string | null;
      divergentCountries: { code: string }[];
    };
  };

  it('counts every member as supporting A/RES/78/311, adopted without a vote, citing the UN record for those who did not sponsor it', async () => {
    const result = await subgraph.exec<Alignment>(ALIGNMENT, { topic: 'capacity-building', forum: 'unga' });
    expect(result.errors).toBeUndefined();
    const alignment = result.data!.positionAlignment;
    expect(alignment.entries.map((e) => e.country.code)).toEqual(TWELVE);
    expect(alignment.entries.every((e) => e.stance === 'SUPPORTS')).toBe(true);
    expect(alignment).toMatchObject({
      statedCount: 12,
      supportingCount: 12,
      supportShare: 1,
      prevailingStance: 'SUPPORTS',
      divergentCountries: [],
    });
    for (const entry of alignment.entries) {
      expect(entry.position?.statedOn, entry.country.code).toBe('2024-07-01');
      // The four named sponsors keep the report that names them; the rest cite the UN's own record.
      const sponsor = ['CN', 'ID', 'LA', 'SG'].includes(entry.country.code);
      expect(entry.position?.source.url, entry.country.code).toMatch(
        sponsor ? /ecns\.cn/ : /^https:\/\/digitallibrary\.un\.org\/record\//,
      );
    }
  });

  it('records Indonesia, the Philippines, Singapore and China as Bletchley signatories, from GOV.UK, and NO_STATED_POSITION for the rest', async () => {
    const result = await subgraph.exec<Alignment>(ALIGNMENT, {
      topic: 'safety-testing',
      forum: 'ai-summits',
    });
    expect(result.errors).toBeUndefined();
    const alignment = result.data!.positionAlignment;
    expect(alignment.entries.map((e) => e.country.code)).toEqual(TWELVE);
    const supporters = alignment.entries.filter((e) => e.stance === 'SUPPORTS').map((e) => e.country.code);
    expect(supporters).toEqual(['CN', 'ID', 'PH', 'SG']);
    for (const entry of alignment.entries.filter((e) => e.stance === 'NO_STATED_POSITION')) {
      expect(entry.position).toBeNull();
    }
    expect(alignment).toMatchObject({ statedCount: 4, supportingCount: 4, prevailingStance: 'SUPPORTS' });
    expect(alignment.supportShare).toBeCloseTo(4 / 12);
    const bletchley =
      /^https:\/\/www\.gov\.uk\/government\/publications\/ai-safety-summit-2023-the-bletchley-declaration\//;
    for (const code of ['CN', 'ID', 'PH']) {
      const position = alignment.entries.find((e) => e.country.code === code)?.position;
      expect(position, code).toMatchObject({
        statedOn: '2023-11-01',
        source: { url: expect.stringMatching(bletchley) },
      });
    }
    // Singapore's Seoul statement of May 2024 is current; its Bletchley signature is its history.
    const singapore = alignment.entries.find((e) => e.country.code === 'SG')?.position;
    expect(singapore).toMatchObject({ statedOn: '2024-05-21' });
    expect(singapore?.history).toEqual([
      { statedOn: '2023-11-01', source: { url: expect.stringMatching(bletchley) } },
    ]);
  });

  it('builds an alignment matrix with the same country order in every row', async () => {
    const result = await subgraph.exec<{
      alignmentMatrix: { topic: { slug: string }; entries: { country: { code: string } }[] }[];
    }>(
      `{ alignmentMatrix(topics: ["risk-management", "safety-testing"]) { topic { slug } entries { country { code } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.alignmentMatrix.map((row) => row.topic.slug)).toEqual([
      'risk-management',
      'safety-testing',
    ]);
    for (const row of result.data!.alignmentMatrix)
      expect(row.entries.map((e) => e.country.code)).toEqual(TWELVE);
  });

  it('refuses an alignment for an unknown topic or forum with NOT_FOUND', async () => {
    expect(
      errorCodes(await subgraph.exec(`{ positionAlignment(topic: "no-such-topic") { statedCount } }`)),
    ).toEqual(['NOT_FOUND']);
    expect(
      errorCodes(
        await subgraph.exec(
          `{ positionAlignment(topic: "risk-management", forum: "nowhere") { statedCount } }`,
        ),
      ),
    ).toEqual(['NOT_FOUND']);
  });

  it('pages positions by keyset with no overlap and a total that matches the filter', async () => {
    const query = `query($after: String) { positions(first: 5, after: $after) { totalCount edges { node { id statedOn } } pageInfo { hasNextPage endCursor } } }`;
    type Page = {
      positions: {
        totalCount: number;
        edges: { node: { id: string; statedOn: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
    const seen: { id: string; statedOn: string }[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 30; i++) {
      const result: Awaited<ReturnType<typeof subgraph.exec<Page>>> = await subgraph.exec<Page>(query, {
        after,
      });
      expect(result.errors).toBeUndefined();
      total = result.data!.positions.totalCount;
      seen.push(...result.data!.positions.edges.map((e) => e.node));
      if (!result.data!.positions.pageInfo.hasNextPage) break;
      after = result.data!.positions.pageInfo.endCursor;
    }
    const [row] = await subgraph.db
      .select({ n: count() })
      .from(t.policyPositions)
      .where(isNull(t.policyPositions.supersededAt));
    expect(total).toBe(row?.n);
    expect(new Set(seen.map((p) => p.id)).size).toBe(total);
    const days = seen.map((p) => p.statedOn);
    expect(days).toEqual([...days].sort().reverse());
  });

  it('refuses a cursor it did not issue', async () => {
    expect(
      errorCodes(await subgraph.exec(`{ positions(after: "bm90LWEtY3Vyc29y") { totalCount } }`)),
    ).toEqual(['BAD_USER_INPUT']);
  });

  it('filters instruments by country, topic and international scope', async () => {
    const result = await subgraph.exec<{
      cn: { edges: { node: { country: { code: string } | null } }[] };
      international: { edges: { node: { id: string; country: null } }[] };
      labelling: { totalCount: number };
    }>(
      `{ cn: instruments(filter: { countryCodes: ["cn"] }) { edges { node { country { code } } } }
         international: instruments(filter: { international: true }) { edges { node { id country { code } } } }
         labelling: instruments(filter: { topic: "generated-content-labelling" }) { totalCount } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.cn.edges.length).toBeGreaterThanOrEqual(3);
    for (const { node } of result.data!.cn.edges) expect(node.country).toEqual({ code: 'CN' });
    expect(result.data!.international.edges.map((e) => e.node.id)).toEqual(
      expect.arrayContaining(['asean-guide-ai-governance-ethics-2024', 'iso-iec-42001-2023']),
    );
    expect(result.data!.labelling.totalCount).toBeGreaterThanOrEqual(1);
  });

  it('gives every seeded position, instrument and principle a source URL and a title', async () => {
    const result = await subgraph.exec<{
      positions: { edges: { node: { source: { url: string; title: string } } }[] };
      instruments: { edges: { node: { source: { url: string; title: string } } }[] };
      frameworks: { principles: { source: { url: string } }[] }[];
    }>(
      `{ positions(first: 500) { edges { node { source { url title } } } }
         instruments(first: 500) { edges { node { source { url title } } } }
         frameworks { principles { source { url } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const sources = [
      ...result.data!.positions.edges.map((e) => e.node.source),
      ...result.data!.instruments.edges.map((e) => e.node.source),
      ...result.data!.frameworks.flatMap((f) => f.principles.map((p) => p.source)),
    ];
    expect(sources.length).toBeGreaterThan(40);
    for (const source of sources) expect(source.url).toMatch(/^https?:\/\//);
  });
});

describe('the standards crosswalk', () => {
  it('maps the ASEAN Guide to ISO/IEC 42001, oriented from the framework asked for', async () => {
    const query = `query($from: String!, $to: String!) { crosswalk(from: $from, to: $to) { from { name framework { slug } } to { name framework { slug } } relation note } }`;
    type Result = {
      crosswalk: {
        from: { name: string; framework: { slug: string } };
        to: { name: string; framework: { slug: string } };
        relation: string;
      }[];
    };
    const forward = await subgraph.exec<Result>(query, { from: 'ASEAN_GUIDE', to: 'ISO_IEC_42001' });
    expect(forward.errors).toBeUndefined();
    expect(forward.data!.crosswalk.length).toBeGreaterThanOrEqual(5);
    for (const mapping of forward.data!.crosswalk) {
      expect(mapping.from.framework.slug).toBe('ASEAN_GUIDE');
      expect(mapping.to.framework.slug).toBe('ISO_IEC_42001');
    }
    const backward = await subgraph.exec<Result>(query, { from: 'ISO_IEC_42001', to: 'ASEAN_GUIDE' });
    expect(backward.data!.crosswalk).toHaveLength(forward.data!.crosswalk.length);
    for (const mapping of backward.data!.crosswalk) expect(mapping.from.framework.slug).toBe('ISO_IEC_42001');
  });

  it('refuses an unknown framework with NOT_FOUND', async () => {
    expect(
      errorCodes(await subgraph.exec(`{ crosswalk(from: "ASEAN_GUIDE", to: "NIST_RMF") { relation } }`)),
    ).toEqual(['NOT_FOUND']);
  });

  it('lets only the SECRETARIAT add a mapping, refuses duplicates either way round, and audits it', async () => {
    const mutation = `mutation($input: AddPrincipleMappingInput!) { addPrincipleMapping(input: $input) { id relation from { id } to { id } } }`;
    const input = {
      fromPrincipleId: 'gaigi-7',
      toPrincipleId: 'oecd-ai-principles-1',
      relation: 'RELATED',
      note: 'Both look to broad benefit (test mapping).',
    };
    expect(errorCodes(await subgraph.exec(mutation, { input }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await subgraph.exec(mutation, { input }, as('cn-cac', Role.OrgAdmin)))).toEqual([
      'FORBIDDEN',
    ]);
    const before = await auditCount('addPrincipleMapping');
    const added = await subgraph.exec<{ addPrincipleMapping: { relation: string; from: { id: string } } }>(
      mutation,
      { input },
      secretariat(),
    );
    expect(added.errors).toBeUndefined();
    expect(added.data!.addPrincipleMapping).toMatchObject({ relation: 'RELATED', from: { id: 'gaigi-7' } });
    expect(await auditCount('addPrincipleMapping')).toBe(before + 1);
    const reversed = { ...input, fromPrincipleId: input.toPrincipleId, toPrincipleId: input.fromPrincipleId };
    expect(errorCodes(await subgraph.exec(mutation, { input: reversed }, secretariat()))).toEqual([
      'CONFLICT',
    ]);
  });

  it('refuses mappings to an unknown principle or within one framework', async () => {
    const mutation = `mutation($input: AddPrincipleMappingInput!) { addPrincipleMapping(input: $input) { id } }`;
    const base = { relation: 'RELATED', note: 'test' };
    expect(
      errorCodes(
        await subgraph.exec(
          mutation,
          { input: { ...base, fromPrincipleId: 'asean-guide-1', toPrincipleId: 'nope' } },
          secretariat(),
        ),
      ),
    ).toEqual(['NOT_FOUND']);
    const same = await subgraph.exec(
      mutation,
      { input: { ...base, fromPrincipleId: 'asean-guide-1', toPrincipleId: 'asean-guide-2' } },
      secretariat(),
    );
    expect(errorCodes(same)).toEqual(['BAD_USER_INPUT']);
    expect(same.errors?.[0]?.extensions?.['field']).toBe('input.toPrincipleId');
  });
});

describe('federation', () => {
  it('resolves Country entities for the gateway, null for countries that do not take part', async () => {
    const result = await subgraph.exec<{
      _entities: ({ code: string; aiPolicyInstruments: { title: string }[] } | null)[];
    }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Country { code aiPolicyInstruments { title } } } }`,
      {
        r: [
          { __typename: 'Country', code: 'VN' },
          { __typename: 'Country', code: 'ZZ' },
        ],
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities[0]?.code).toBe('VN');
    expect(result.data!._entities[0]?.aiPolicyInstruments.map((i) => i.title).join(' ')).toMatch(
      /127\/QD-TTg/,
    );
    expect(result.data!._entities[1]).toBeNull();
  });
});
