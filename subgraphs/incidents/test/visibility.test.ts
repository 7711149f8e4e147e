import { and, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '@cadg/platform';
import { openTestDatabase, type TestDatabase } from '@cadg/db/testing';
import * as t from '@cadg/db/incidents';
import { canRead, readableBy } from '../src/visibility.ts';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await openTestDatabase();
});
afterAll(() => testDb.dispose());

const tlps = ['CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED'] as const;
const callers: [string, Caller][] = [
  ['anonymous', null],
  ['a member without organization', { sub: 'x', org: null, roles: ['MEMBER'] }],
  ['the owner', { sub: 'o', org: 'owner-org', roles: ['MEMBER'] }],
  ['a recipient', { sub: 'r', org: 'recipient-org', roles: ['MEMBER'] }],
  ['another member', { sub: 'm', org: 'other-org', roles: ['ORG_ADMIN'] }],
  ['the secretariat', { sub: 's', org: 'secretariat-org', roles: ['SECRETARIAT'] }],
  ['the secretariat as a recipient', { sub: 's', org: 'recipient-org', roles: ['SECRETARIAT'] }],
  ['a token of the owner with no known role', { sub: 'n', org: 'owner-org', roles: [] }],
  ['a token of a recipient with no known role', { sub: 'n', org: 'recipient-org', roles: [] }],
];

describe('TLP visibility in SQL', () => {
  it('selects exactly the incidents canRead allows, for every marking and every kind of caller', async () => {
    const rows = await testDb.database.db
      .insert(t.incidents)
      .values(
        tlps.map((tlp) => ({
          title: `visibility ${tlp}`,
          summary: 'test',
          category: 'OTHER' as const,
          severity: 'LOW' as const,
          tlp,
          reportedByOrg: 'owner-org',
          reportedBySub: 'o',
          affectedCountries: ['MY'],
          sharedWith: ['recipient-org'],
        })),
      )
      .returning();
    const ids = rows.map((row) => row.id);
    for (const [label, caller] of callers) {
      const visible = await testDb.database.db
        .select({ id: t.incidents.id })
        .from(t.incidents)
        .where(
          and(
            inArray(t.incidents.id, ids),
            readableBy(caller, {
              tlp: t.incidents.tlp,
              ownerOrg: t.incidents.reportedByOrg,
              sharedWith: t.incidents.sharedWith,
            }),
          ),
        );
      const expected = rows.filter((row) =>
        canRead(caller, { tlp: row.tlp, ownerOrg: row.reportedByOrg, sharedWith: row.sharedWith }),
      );
      expect(new Set(visible.map((r) => r.id)), label).toEqual(new Set(expected.map((r) => r.id)));
    }
  });
});
