/**
 * A country's positions as the gateway asks for them (`_entities` on Country): what they are, and
 * how many statements they cost, counted by a drizzle logger on the test database's own client.
 */
import { eq } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@cadg/db';
import * as t from '@cadg/db/aipolicy';
import { openTestDatabase } from '@cadg/db/testing';
import { inProcessOn } from '@cadg/platform/testing';
import { createContext, schema } from '../src/server.ts';
import { RECORD, TWELVE, secretariat, statement } from './aipolicy-fixtures.ts';

/** The aipolicy subgraph in process on a database whose every statement is kept in `sent`. */
async function startCounted() {
  const testDb = await openTestDatabase();
  const sent: string[] = [];
  const logger = { logQuery: (text: string) => void sent.push(text) };
  const { database } = testDb;
  const db: Db =
    database.kind === 'pglite'
      ? drizzlePglite(database.client, { logger })
      : drizzlePostgres(database.client, { logger });
  const server = await inProcessOn(testDb, schema, (caller) => createContext(db, caller));
  return { db, sent, ...server };
}

let subgraph: Awaited<ReturnType<typeof startCounted>>;
beforeAll(async () => {
  subgraph = await startCounted();
  // A superseded position, so current and full histories differ for Malaysia whatever the seed holds.
  for (const statedOn of ['2025-01-10', '2025-06-01']) {
    const result = await subgraph.exec(RECORD, { input: statement({ statedOn }) }, secretariat());
    expect(result.errors).toBeUndefined();
  }
});
afterAll(() => subgraph?.close());

type Position = { stance: string; current: boolean; topic: { name: string }; forum: { slug: string } | null };
type Entities = { _entities: ({ code: string; aiPolicyPositions: Position[] } | null)[] };

const ENTITIES = /* GraphQL */ `
  query ($r: [_Any!]!, $topic: String, $forum: String, $include: Boolean) {
    _entities(representations: $r) {
      ... on Country {
        code
        aiPolicyPositions(topic: $topic, forum: $forum, includeSuperseded: $include) {
          stance
          current
          topic {
            name
          }
          forum {
            slug
          }
        }
      }
    }
  }
`;
const DASHBOARD = /* GraphQL */ `
  query ($r: [_Any!]!) {
    _entities(representations: $r) {
      ... on Country {
        aiPolicyPositions {
          stance
          topic {
            name
          }
        }
      }
    }
  }
`;
const countries = (codes: readonly string[]) => codes.map((code) => ({ __typename: 'Country', code }));

/** Runs an operation and returns its data with the statements it sent. */
async function counted<T>(query: string, variables: Record<string, unknown>) {
  subgraph.sent.splice(0);
  const result = await subgraph.exec<T>(query, variables);
  expect(result.errors).toBeUndefined();
  return { data: result.data!, statements: [...subgraph.sent] };
}

/**
 * What a country's positions should be, read without the subgraph's loaders: every row, sorted
 * here newest first (stated, then recorded, then id), then filtered as the arguments say.
 */
async function expected(
  code: string,
  { topic, forum, include = false }: { topic?: string; forum?: string; include?: boolean } = {},
): Promise<Position[]> {
  const rows = await subgraph.db
    .select({ position: t.policyPositions, topicName: t.topics.name })
    .from(t.policyPositions)
    .innerJoin(t.topics, eq(t.topics.slug, t.policyPositions.topicSlug))
    .where(eq(t.policyPositions.countryCode, code));
  return rows
    .map(({ position, topicName }) => ({ ...position, topicName }))
    .filter((p) => (include || p.supersededAt === null) && (!topic || p.topicSlug === topic))
    .filter((p) => !forum || p.forumSlug === forum)
    .sort(
      (a, b) =>
        b.statedOn.localeCompare(a.statedOn) ||
        b.recordedAt.getTime() - a.recordedAt.getTime() ||
        b.id.localeCompare(a.id),
    )
    .map((p) => ({
      stance: p.stance,
      current: p.supersededAt === null,
      topic: { name: p.topicName },
      forum: p.forumSlug ? { slug: p.forumSlug } : null,
    }));
}

describe("a country's AI-policy positions through _entities", () => {
  it('answers the dashboard call with each country’s current positions and topic names in one statement', async () => {
    const { data, statements } = await counted<Entities>(DASHBOARD, { r: countries([...TWELVE, 'FR']) });
    for (const [i, code] of TWELVE.entries()) {
      const want = (await expected(code)).map(({ stance, topic }) => ({ stance, topic }));
      expect(want.length, code).toBeGreaterThan(0);
      expect(data._entities[i], code).toEqual({ aiPolicyPositions: want });
    }
    // A country that takes no part in the mechanism has no AI-policy record.
    expect(data._entities[TWELVE.length]).toBeNull();
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(
      /from "aipolicy"\."countries".*join "aipolicy"\."policy_positions".*join "aipolicy"\."topics"/s,
    );
  });

  it('returns current positions by default and superseded ones too on request, each with its topic', async () => {
    const current = await counted<Entities>(ENTITIES, { r: countries(['MY', 'SG']) });
    const all = await counted<Entities>(ENTITIES, { r: countries(['MY', 'SG']), include: true });
    for (const [i, code] of ['MY', 'SG'].entries()) {
      expect(current.data._entities[i]?.aiPolicyPositions, code).toEqual(await expected(code));
      expect(all.data._entities[i]?.aiPolicyPositions, code).toEqual(await expected(code, { include: true }));
    }
    expect(all.data._entities[0]?.aiPolicyPositions.some((p) => !p.current)).toBe(true);
    // Countries, positions and topics in one statement, then the forums; with superseded positions
    // asked for, the reference check stays apart, but the topics still come with the positions.
    expect(current.statements).toHaveLength(2);
    expect(all.statements).toHaveLength(3);
    for (const sent of [...current.statements, ...all.statements])
      expect(sent).not.toMatch(/from "aipolicy"\."topics"/);
  });

  it('keeps only the positions on the topic and in the forum asked for', async () => {
    const cases = [
      { topic: 'security-standards' },
      { forum: 'g20' },
      { topic: 'security-standards', forum: 'g20', include: true },
      { topic: 'capacity-building', forum: 'unga' },
    ];
    for (const args of cases) {
      const { data } = await counted<Entities>(ENTITIES, { r: countries(['MY', 'ID']), ...args });
      expect(data._entities[0]?.aiPolicyPositions, JSON.stringify(args)).toEqual(await expected('MY', args));
      expect(data._entities[1]?.aiPolicyPositions, JSON.stringify(args)).toEqual(await expected('ID', args));
    }
  });

  it('reads no positions for a call that does not ask for them', async () => {
    const { data, statements } = await counted<Entities>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Country { code } } }`,
      { r: countries(['MY', 'FR']) },
    );
    expect(data._entities).toEqual([{ code: 'MY' }, null]);
    expect(statements).toHaveLength(1);
    expect(statements[0]).not.toMatch(/policy_positions/);
  });
});
