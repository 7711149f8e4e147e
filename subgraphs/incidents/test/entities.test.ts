import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as t from '@cadg/db/incidents';
import { as as callerOf, errorCodes, startIncidents } from './harness.ts';

let subgraph: Awaited<ReturnType<typeof startIncidents>>;
beforeAll(async () => {
  subgraph = await startIncidents();
});
afterAll(() => subgraph?.close());

describe('the incidents subgraph in process', () => {
  it('resolves Incident entities only for callers who may see them', async () => {
    const [red] = await subgraph.db.select().from(t.incidents).where(eq(t.incidents.tlp, 'RED'));
    expect(red).toBeDefined();
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Incident { id title } } }`;
    const representations = { r: [{ __typename: 'Incident', id: red!.id }] };
    const outsider = await subgraph.exec<{ _entities: unknown[] }>(
      query,
      representations,
      callerOf('th-thaicert', 'MEMBER'),
    );
    expect(outsider.data?._entities).toEqual([null]);
    const owner = await subgraph.exec<{ _entities: { id: string }[] }>(
      query,
      representations,
      callerOf(red!.reportedByOrg, 'MEMBER'),
    );
    expect(owner.data?._entities[0]?.id).toBe(red!.id);
  });

  it('adds incidents to Country and Organization entities, filtered by visibility', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Country { incidents { totalCount edges { node { tlp } } } }
      ... on Organization { reportedIncidents { totalCount } } } }`;
    const result = await subgraph.exec<{
      _entities: { incidents?: { totalCount: number; edges: { node: { tlp: string } }[] } }[];
    }>(query, {
      r: [
        { __typename: 'Country', code: 'MY' },
        { __typename: 'Organization', id: 'my-mycert' },
      ],
    });
    expect(result.errors).toBeUndefined();
    const country = result.data!._entities[0]!;
    expect(country.incidents!.edges.every((e) => e.node.tlp === 'CLEAR')).toBe(true);
  });

  it('answers the seeded statistics by month and refuses an unknown page cursor', async () => {
    const stats = await subgraph.exec<{ incidentStats: { key: string; count: number }[] }>(
      `{ incidentStats(groupBy: MONTH) { key count } }`,
      {},
      callerOf('my-mycert', 'MEMBER'),
    );
    expect(stats.data!.incidentStats.every((b) => /^\d{4}-\d{2}$/.test(b.key) && b.count > 0)).toBe(true);
    expect(errorCodes(await subgraph.exec(`{ incidents(after: "bogus") { totalCount } }`))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('answers advisory(id) only to callers who may read it, and null for an id that is no UUID', async () => {
    const [amber] = await subgraph.db.select().from(t.advisories).where(eq(t.advisories.tlp, 'AMBER'));
    expect(amber).toBeDefined();
    const query = `query($id: ID!) { advisory(id: $id) { id tlp } }`;
    const owner = await subgraph.exec<{ advisory: { id: string } | null }>(
      query,
      { id: amber!.id },
      callerOf(amber!.publishedByOrg, 'MEMBER'),
    );
    expect(owner.data?.advisory?.id).toBe(amber!.id);
    for (const caller of [callerOf('vn-vncert', 'MEMBER'), undefined]) {
      const hidden = await subgraph.exec<{ advisory: unknown }>(query, { id: amber!.id }, caller);
      expect([hidden.data?.advisory, hidden.errors]).toEqual([null, undefined]);
    }
    const bogus = await subgraph.exec<{ advisory: unknown }>(query, { id: 'not-a-uuid' });
    expect([bogus.data?.advisory, bogus.errors]).toEqual([null, undefined]);
  });
});
