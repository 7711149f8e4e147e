/** The aipolicy subgraph in process: recording positions and adding instruments. Reads: aipolicy.test.ts. */
import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { Role } from '@cadg/platform';
import * as t from '@cadg/db/aipolicy';
import { as, errorCodes } from './harness.ts';
import { RECORD, auditCount, secretariat, statement, subgraph, useAipolicy } from './aipolicy-fixtures.ts';

useAipolicy();

describe('recording positions', () => {
  it('supersedes the current position for the same country, topic and forum and keeps it as history', async () => {
    const admin = as('my-nacsa', Role.OrgAdmin);
    const first = await subgraph.exec<{ recordPolicyPosition: { id: string; current: boolean } }>(
      RECORD,
      { input: statement({ stance: 'NEUTRAL', statedOn: '2025-01-10' }) },
      admin,
    );
    expect(first.errors).toBeUndefined();
    const before = await auditCount('recordPolicyPosition');
    const second = await subgraph.exec<{
      recordPolicyPosition: {
        id: string;
        current: boolean;
        history: { id: string; stance: string; current: boolean; supersededBy: { id: string } }[];
      };
    }>(RECORD, { input: statement({ stance: 'SUPPORTS', statedOn: '2025-06-01' }) }, admin);
    expect(second.errors).toBeUndefined();
    const recorded = second.data!.recordPolicyPosition;
    expect(recorded.current).toBe(true);
    expect(recorded.history).toEqual([
      {
        id: first.data!.recordPolicyPosition.id,
        stance: 'NEUTRAL',
        current: false,
        supersededBy: { id: recorded.id },
      },
    ]);
    expect(await auditCount('recordPolicyPosition')).toBe(before + 1);
    const current = await subgraph.db
      .select({ id: t.policyPositions.id })
      .from(t.policyPositions)
      .where(
        and(
          eq(t.policyPositions.countryCode, 'MY'),
          eq(t.policyPositions.topicSlug, 'security-standards'),
          eq(t.policyPositions.forumSlug, 'g20'),
          isNull(t.policyPositions.supersededAt),
        ),
      );
    expect(current).toEqual([{ id: recorded.id }]);
  });

  it('keeps exactly one current position when statements for the same key arrive at once', async () => {
    const input = (stance: string) =>
      statement({ countryCode: 'PH', topic: 'misuse-prevention', stance, statedOn: '2025-04-01' });
    const results = await Promise.all(
      ['SUPPORTS', 'NEUTRAL', 'SUPPORTS_WITH_RESERVATIONS'].map((stance) =>
        subgraph.exec(RECORD, { input: input(stance) }, secretariat()),
      ),
    );
    for (const result of results) expect(result.errors).toBeUndefined();
    const rows = await subgraph.db
      .select({ supersededAt: t.policyPositions.supersededAt })
      .from(t.policyPositions)
      .where(
        and(eq(t.policyPositions.countryCode, 'PH'), eq(t.policyPositions.topicSlug, 'misuse-prevention')),
      );
    expect(rows).toHaveLength(3);
    expect(rows.filter((r) => r.supersededAt === null)).toHaveLength(1);
  });

  it('keeps positions in different forums apart', async () => {
    const result = await subgraph.exec<{ recordPolicyPosition: { history: unknown[]; forum: null } }>(
      RECORD,
      { input: statement({ forum: null, statedOn: '2025-02-01' }) },
      as('my-nacsa', Role.OrgAdmin),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.recordPolicyPosition).toMatchObject({ forum: null, history: [] });
  });

  it('refuses a statement older than the current one with CONFLICT', async () => {
    const result = await subgraph.exec(
      RECORD,
      { input: statement({ statedOn: '2024-01-01' }) },
      secretariat(),
    );
    expect(errorCodes(result)).toEqual(['CONFLICT']);
  });

  it('shows a country its current positions and, on request, the superseded ones', async () => {
    const query = `query($include: Boolean) { _entities(representations: [{ __typename: "Country", code: "MY" }]) { ... on Country { aiPolicyPositions(topic: "security-standards", includeSuperseded: $include) { stance current } } } }`;
    type Result = { _entities: { aiPolicyPositions: { stance: string; current: boolean }[] }[] };
    const current = await subgraph.exec<Result>(query, { include: false });
    expect(current.errors).toBeUndefined();
    expect(current.data!._entities[0]!.aiPolicyPositions.every((p) => p.current)).toBe(true);
    const all = await subgraph.exec<Result>(query, { include: true });
    expect(all.data!._entities[0]!.aiPolicyPositions.some((p) => !p.current)).toBe(true);
  });

  it('asks anonymous callers for a token and refuses other organizations and plain members', async () => {
    expect(errorCodes(await subgraph.exec(RECORD, { input: statement() }))).toEqual(['UNAUTHENTICATED']);
    expect(
      errorCodes(await subgraph.exec(RECORD, { input: statement() }, as('sg-pdpc', Role.OrgAdmin))),
    ).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(await subgraph.exec(RECORD, { input: statement() }, as('my-nacsa', Role.Member))),
    ).toEqual(['FORBIDDEN']);
  });

  it('refuses invalid input with BAD_USER_INPUT naming the field, and unknown topics with NOT_FOUND', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ stance: 'NO_STATED_POSITION' }, 'input.stance'],
      [{ summary: '   ' }, 'input.summary'],
      [{ statedOn: '2999-01-01' }, 'input.statedOn'],
      [{ sourceUrl: 'javascript:alert(1)' }, 'input.sourceUrl'],
      [{ countryCode: 'MYS' }, 'input.countryCode'],
    ];
    for (const [overrides, field] of cases) {
      const result = await subgraph.exec(RECORD, { input: statement(overrides) }, secretariat());
      expect(errorCodes(result), field).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0]?.extensions?.['field'], field).toBe(field);
    }
    expect(
      errorCodes(
        await subgraph.exec(RECORD, { input: statement({ topic: 'teleportation' }) }, secretariat()),
      ),
    ).toEqual(['NOT_FOUND']);
    expect(
      errorCodes(await subgraph.exec(RECORD, { input: statement({ forum: 'nato' }) }, secretariat())),
    ).toEqual(['NOT_FOUND']);
    expect(
      errorCodes(await subgraph.exec(RECORD, { input: statement({ countryCode: 'US' }) }, secretariat())),
    ).toEqual(['NOT_FOUND']);
  });
});

describe('adding instruments', () => {
  const ADD = `mutation($input: AddPolicyInstrumentInput!) { addPolicyInstrument(input: $input) { id title country { code } topics { slug } issuingOrganization { id } } }`;
  const instrument = (overrides: Record<string, unknown> = {}) => ({
    countryCode: 'SG',
    title: 'Test guideline (fictional)',
    kind: 'GUIDELINE',
    status: 'PUBLISHED',
    adoptedOn: '2025-05-01',
    issuingOrganizationId: 'sg-pdpc',
    topics: ['risk-management', 'data-governance'],
    summary: 'A fictional instrument for the test suite.',
    sourceTitle: 'Test source',
    sourceUrl: 'https://example.org/guideline',
    ...overrides,
  });

  it('lets the country’s delegate add a national instrument with its topics, and audits it', async () => {
    const before = await auditCount('addPolicyInstrument');
    const result = await subgraph.exec<{
      addPolicyInstrument: {
        country: { code: string };
        topics: { slug: string }[];
        issuingOrganization: { id: string };
      };
    }>(ADD, { input: instrument() }, as('sg-pdpc', Role.OrgAdmin));
    expect(result.errors).toBeUndefined();
    expect(result.data!.addPolicyInstrument).toMatchObject({
      country: { code: 'SG' },
      topics: [{ slug: 'data-governance' }, { slug: 'risk-management' }],
      issuingOrganization: { id: 'sg-pdpc' },
    });
    expect(await auditCount('addPolicyInstrument')).toBe(before + 1);
  });

  it('keeps regional instruments for the SECRETARIAT and refuses unknown topics with NOT_FOUND', async () => {
    expect(
      errorCodes(
        await subgraph.exec(ADD, { input: instrument({ countryCode: null }) }, as('sg-pdpc', Role.OrgAdmin)),
      ),
    ).toEqual(['FORBIDDEN']);
    const regional = await subgraph.exec(ADD, { input: instrument({ countryCode: null }) }, secretariat());
    expect(regional.errors).toBeUndefined();
    expect(
      errorCodes(await subgraph.exec(ADD, { input: instrument({ topics: ['astrology'] }) }, secretariat())),
    ).toEqual(['NOT_FOUND']);
  });
});
