import { asc, inArray } from 'drizzle-orm';
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
/** An organization the seed gives no contacts. */
const NO_CONTACTS = 'my-csm';

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

  it("reads the partner dashboard's reporters with their contacts in one statement", async () => {
    // An organization with no contacts in the seed, and an unknown one.
    const ids = [...IDS, NO_CONTACTS, UNKNOWN];
    const { entities, statements: sent } = await entitiesFor(
      ids,
      'name acronym contacts(role: INCIDENT_RESPONSE) { id name } all: contacts { id name } country { code name }',
    );

    const contacts = await expectedContacts(ids);
    expect(contacts.get(NO_CONTACTS)).toEqual([]);
    expect([...contacts.values()].flat().length).toBeGreaterThan(IDS.length);
    const withContacts = entities as ({ all: ContactEntry[]; contacts: ContactEntry[] } | null)[];
    expect(withContacts.map((entity) => entity?.all ?? null)).toEqual(
      ids.map((id) => (id === UNKNOWN ? null : contacts.get(id)!.map(({ id, name }) => ({ id, name })))),
    );
    expect(withContacts.map((entity) => entity?.contacts ?? null)).toEqual(
      ids.map((id) =>
        id === UNKNOWN
          ? null
          : contacts
              .get(id)!
              .filter((contact) => contact.roles.includes('INCIDENT_RESPONSE'))
              .map(({ id, name }) => ({ id, name })),
      ),
    );
    expect(entities.map((entity) => entity?.country.code ?? null)).toEqual([
      'SG',
      'MY',
      'TH',
      'SG',
      'MY',
      null,
    ]);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/left join "contacts"\."contacts"/);
  });

  it('reads contacts with the organizations only when the call asks for them', async () => {
    const { statements: sent } = await entitiesFor(IDS, 'name country { code name }');
    expect(sent).toHaveLength(1);
    expect(sent[0]).not.toMatch(/"contacts"\."contacts"/);
  });
});

type ContactEntry = { id: string; name: string };

/** Each organization's contacts read straight from the table, in the API's order (name, then id). */
async function expectedContacts(ids: readonly string[]) {
  const rows = await subgraph.db
    .select()
    .from(t.contacts)
    .where(inArray(t.contacts.organizationId, ids))
    .orderBy(asc(t.contacts.name), asc(t.contacts.id));
  return new Map(ids.map((id) => [id, rows.filter((row) => row.organizationId === id)]));
}
