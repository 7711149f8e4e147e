import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '@cadg/platform';
import { openTestDatabase, type TestDatabase } from '@cadg/db/testing';
import * as t from '@cadg/db/incidents';
import * as s from '@cadg/db/incidents-sharing';
import { canRead, groupReadersOf, INCIDENT_MARKING, readableBy } from '../src/visibility.ts';

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
  ['a group member', { sub: 'g', org: 'group-org', roles: ['MEMBER'] }],
  ['a member removed from the group', { sub: 'g', org: 'removed-org', roles: ['ORG_ADMIN'] }],
  ['the owner of the group', { sub: 'go', org: 'group-owner-org', roles: ['ORG_ADMIN'] }],
  ['another member', { sub: 'm', org: 'other-org', roles: ['ORG_ADMIN'] }],
  ['the secretariat', { sub: 's', org: 'secretariat-org', roles: ['SECRETARIAT'] }],
  ['the secretariat as a recipient', { sub: 's', org: 'recipient-org', roles: ['SECRETARIAT'] }],
  ['the secretariat as a group member', { sub: 's', org: 'group-org', roles: ['SECRETARIAT'] }],
  ['a token of the owner with no known role', { sub: 'n', org: 'owner-org', roles: [] }],
  ['a token of a recipient with no known role', { sub: 'n', org: 'recipient-org', roles: [] }],
  ['a token of a group member with no known role', { sub: 'n', org: 'group-org', roles: [] }],
];

describe('TLP visibility in SQL', () => {
  it('selects exactly the incidents canRead allows, for every marking, kind of caller and sharing group', async () => {
    const { db } = testDb.database;
    const [group] = await db
      .insert(s.sharingGroups)
      .values({ name: 'visibility test group', ownerOrg: 'group-owner-org', createdBySub: 'go' })
      .returning();
    await db.insert(s.sharingGroupMembers).values([
      { groupId: group!.id, organizationId: 'group-org' },
      { groupId: group!.id, organizationId: 'removed-org' },
    ]);
    // Each marking twice: shared with the recipient only, and with the recipient and the group.
    const rows = await db
      .insert(t.incidents)
      .values(
        [false, true].flatMap((withGroup) =>
          tlps.map((tlp) => ({
            title: `visibility ${tlp}${withGroup ? ' with group' : ''}`,
            summary: 'test',
            category: 'OTHER' as const,
            severity: 'LOW' as const,
            tlp,
            reportedByOrg: 'owner-org',
            reportedBySub: 'o',
            affectedCountries: ['MY'],
            sharedWith: ['recipient-org'],
          })),
        ),
      )
      .returning();
    await db
      .insert(s.incidentSharingGroups)
      .values(
        rows
          .filter((row) => row.title.endsWith('with group'))
          .map((row) => ({ incidentId: row.id, groupId: group!.id })),
      );
    // Membership is read at access time: the removed organization is out before anything is read.
    await db
      .delete(s.sharingGroupMembers)
      .where(
        and(
          eq(s.sharingGroupMembers.groupId, group!.id),
          eq(s.sharingGroupMembers.organizationId, 'removed-org'),
        ),
      );

    const ids = rows.map((row) => row.id);
    const marked = await db
      .select({ incident: t.incidents, groupReaders: groupReadersOf(INCIDENT_MARKING) })
      .from(t.incidents)
      .where(inArray(t.incidents.id, ids));
    expect(marked.filter((m) => m.groupReaders.length > 0).map((m) => m.groupReaders)).toEqual(
      tlps.map(() => ['group-org']),
    );
    for (const [label, caller] of callers) {
      const visible = await db
        .select({ id: t.incidents.id })
        .from(t.incidents)
        .where(and(inArray(t.incidents.id, ids), readableBy(caller, INCIDENT_MARKING)));
      const expected = marked.filter(({ incident, groupReaders }) =>
        canRead(caller, {
          tlp: incident.tlp,
          ownerOrg: incident.reportedByOrg,
          sharedWith: incident.sharedWith,
          groupReaders,
        }),
      );
      expect(new Set(visible.map((r) => r.id)), label).toEqual(new Set(expected.map((r) => r.incident.id)));
    }
    // The group's member reads the AMBER and RED incidents shared with the group, nothing more.
    const groupMember = callers.find(([label]) => label === 'a group member')![1];
    const memberSees = marked.filter(({ incident, groupReaders }) =>
      canRead(groupMember, {
        tlp: incident.tlp,
        ownerOrg: incident.reportedByOrg,
        sharedWith: incident.sharedWith,
        groupReaders,
      }),
    );
    expect(memberSees.map((m) => m.incident.title).sort()).toEqual(
      [
        'visibility CLEAR',
        'visibility CLEAR with group',
        'visibility GREEN',
        'visibility GREEN with group',
        'visibility AMBER with group',
        'visibility AMBER_STRICT with group',
        'visibility RED with group',
      ].sort(),
    );
  });
});
