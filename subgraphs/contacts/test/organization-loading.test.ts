import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as t from '@cadg/db/contacts';
import { startContacts } from './harness.ts';

// Every statement the subgraph sends, in order, since the last `splice(0)`.
const statements: string[] = [];
let subgraph: Awaited<ReturnType<typeof startContacts>>;
beforeAll(async () => {
  subgraph = await startContacts({ logger: { logQuery: (text) => void statements.push(text) } });
});
afterAll(() => subgraph.close());

const IDS = ['sg-singcert', 'my-mycert', 'th-thaicert', 'sg-csa'];
const UNKNOWN = 'zz-no-such-organization';

type Entity = { id: string; name: string; acronym: string | null; country: { code: string; name: string } };

/** Sends the gateway's `_entities` call for these organization ids; returns the entities and the statements it ran. */
async function entitiesFor(ids: readonly string[], selection: string) {
  statements.splice(0);
  const result = await subgraph.exec<{ _entities: (Entity | null)[] }>(
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { ${selection} } } }`,
    { r: ids.map((id) => ({ __typename: 'Organization', id })) },
  );
  expect(result.errors).toBeUndefined();
  return { entities: result.data?._entities ?? [], statements: [...statements] };
}

/** The same organizations read straight from the tables, one query per table, keyed by id. */
async function expectedEntities(ids: readonly string[]): Promise<Map<string, Entity>> {
  const organizations = await subgraph.db
    .select()
    .from(t.organizations)
    .where(inArray(t.organizations.id, ids));
  const countries = await subgraph.db.select().from(t.countries);
  const countryOf = new Map(countries.map((country) => [country.code, country]));
  return new Map(
    organizations.map((org) => {
      const country = countryOf.get(org.countryCode);
      return [
        org.id,
        {
          id: org.id,
          name: org.name,
          acronym: org.acronym,
          country: { code: org.countryCode, name: country?.name ?? '' },
        },
      ];
    }),
  );
}

describe('loading organizations for the gateway', () => {
  it('reads a batch of organizations and their countries in one statement, in key order, null for an unknown id', async () => {
    const ids = [IDS[0]!, UNKNOWN, ...IDS.slice(1)];
    const { entities, statements: sent } = await entitiesFor(ids, 'id name acronym country { code name }');

    const expected = await expectedEntities(ids);
    expect(expected.size).toBe(IDS.length);
    expect(entities).toEqual(ids.map((id) => expected.get(id) ?? null));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/from "contacts"\."organizations" inner join "contacts"\."countries"/);
  });

  it("runs two statements for the partner dashboard's reporters: organizations with countries, then contacts", async () => {
    const { entities, statements: sent } = await entitiesFor(
      IDS,
      'name acronym contacts(role: INCIDENT_RESPONSE) { name } country { code name }',
    );

    expect(entities.map((entity) => entity?.country.code)).toEqual(['SG', 'MY', 'TH', 'SG']);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatch(/from "contacts"\."contacts" where/);
  });
});
