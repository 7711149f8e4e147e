import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role, type Caller } from '@cadg/platform';
import { openTestDatabase, type TestDatabase } from '@cadg/db/testing';
import * as t from '@cadg/db/incidents';
import * as s from '@cadg/db/incidents-sharing';
import { callerOf, errorCodes, inProcessSubgraph } from '@cadg/platform/testing';
import {
  alertSettingsFromEnv,
  createContext,
  EventHub,
  schema,
  type IncidentsServices,
} from '../src/server.ts';
import { contactsDirectory } from '../src/directory.ts';
import { lastEventId, type StreamItem } from '../src/events/feed.ts';
import { majorIncidentStream } from '../src/events/subscription.ts';

/**
 * Sharing groups in process: records shared with a group are read by the group's members as they
 * are at each read (single reads, lists, counts, `_entities`, subscription replay), the groups
 * themselves only by their members, owner and the SECRETARIAT, and changes are refused before
 * anything is asked of contacts. Groups and records are arranged in the database; creating and
 * changing groups through the API (which asks contacts) is tested end to end.
 */

const OWNER = 'my-mycert';
const MEMBER = 'th-thaicert';
const OUTSIDER = 'ph-certph';

let testDb: TestDatabase;
let hub: EventHub;
let subgraph: Awaited<ReturnType<typeof inProcessSubgraph>>;
let groupId: string;
let otherGroupId: string;
let incidentId: string;
let markerId: string;
let eventsBefore: number;

async function incident(title: string, tlp: 'RED' | 'CLEAR') {
  const [row] = await testDb.database.db
    .insert(t.incidents)
    .values({
      title,
      summary: 'Sharing-group test data.',
      category: 'INTRUSION',
      severity: 'HIGH',
      tlp,
      reportedByOrg: OWNER,
      reportedBySub: 'test',
      affectedCountries: ['MY'],
    })
    .returning();
  await testDb.database.db.insert(t.incidentEvents).values({
    incidentId: row!.id,
    type: 'REPORTED',
    severity: 'HIGH',
    affectedCountries: ['MY'],
    actorOrg: OWNER,
    actorSub: 'test',
  });
  return row!.id;
}

beforeAll(async () => {
  testDb = await openTestDatabase();
  const { db } = testDb.database;
  hub = new EventHub(testDb.database);
  await hub.start();
  // Nothing here reaches the directory: refusals come before contacts is asked.
  const services: IncidentsServices = {
    db,
    hub,
    directory: contactsDirectory('http://127.0.0.1:9/graphql'),
    alerts: { settings: alertSettingsFromEnv({}), wake: () => undefined },
  };
  subgraph = await inProcessSubgraph(schema, (caller) => createContext(services, caller));
  const [group, other] = await db
    .insert(s.sharingGroups)
    .values([
      { name: 'CLMV CERTs (test)', ownerOrg: OWNER, createdBySub: 'test' },
      { name: 'Elsewhere', ownerOrg: 'sg-csa', createdBySub: 'test' },
    ])
    .returning();
  groupId = group!.id;
  otherGroupId = other!.id;
  await db.insert(s.sharingGroupMembers).values([
    { groupId, organizationId: MEMBER },
    { groupId: otherGroupId, organizationId: 'id-bssn' },
  ]);
  eventsBefore = await lastEventId(db);
  incidentId = await incident('Sharing group in-process RED incident', 'RED');
  await db.insert(s.incidentSharingGroups).values({ incidentId, groupId });
  markerId = await incident('Sharing group in-process marker', 'CLEAR');
});
afterAll(async () => {
  await subgraph.stop();
  await hub.stop();
  await testDb.dispose();
});

const READS = `query($id: ID!) {
  incident(id: $id) { id sharedWithSharingGroups { id name } }
  incidents(filter: { text: "Sharing group in-process RED" }) { totalCount }
  _entities(representations: [{ __typename: "Incident", id: $id }]) { ... on Incident { id } }
}`;
type Reads = {
  incident: { id: string; sharedWithSharingGroups: { id: string; name: string }[] } | null;
  incidents: { totalCount: number };
  _entities: ({ id: string } | null)[];
};

async function reads(caller: Caller) {
  const result = await subgraph.exec<Reads>(READS, { id: incidentId }, caller);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

/** The incidents whose events a replay from before the test's events delivers to `caller`. */
async function replayed(caller: Caller): Promise<string[]> {
  const stream = majorIncidentStream(
    hub,
    testDb.database.db,
    caller,
    { minSeverity: 'HIGH', countries: [] },
    eventsBefore,
  );
  const seen: string[] = [];
  for await (const item of stream as AsyncIterable<StreamItem>) {
    seen.push(item.incident.id);
    if (item.incident.id === markerId) break;
  }
  return seen;
}

const removeMember = () =>
  testDb.database.db
    .delete(s.sharingGroupMembers)
    .where(and(eq(s.sharingGroupMembers.groupId, groupId), eq(s.sharingGroupMembers.organizationId, MEMBER)));

describe('sharing groups in the incidents subgraph', () => {
  it('lets the group see its groups and no others; the SECRETARIAT sees all; anonymous callers none', async () => {
    const LIST = `{ sharingGroups { id name owner { id } members { id } } }`;
    const names = async (caller: Caller) =>
      (
        (await subgraph.exec<{ sharingGroups: { name: string }[] }>(LIST, {}, caller)).data?.sharingGroups ??
        []
      ).map((group) => group.name);
    expect(await names(callerOf(MEMBER, Role.Member))).toEqual(['CLMV CERTs (test)']);
    expect(await names(callerOf(OWNER, Role.Member))).toEqual(['CLMV CERTs (test)']);
    expect(await names(callerOf(OUTSIDER, Role.OrgAdmin))).toEqual([]);
    expect(await names(callerOf(MEMBER, ...([] as Role[])))).toEqual([]);
    expect(await names(null)).toEqual([]);
    const all = await names(callerOf('asean-secretariat', Role.Secretariat));
    expect(all).toEqual(expect.arrayContaining(['CLMV CERTs (test)', 'Elsewhere']));
    const one = await subgraph.exec<{ sharingGroup: { members: { id: string }[] } | null }>(
      `query($id: ID!) { sharingGroup(id: $id) { members { id } } }`,
      { id: otherGroupId },
      callerOf(MEMBER, Role.Member),
    );
    expect(one.data?.sharingGroup).toBeNull();
  });

  it('refuses changes by callers who may not make them, before asking contacts', async () => {
    const CREATE = `mutation($name: String!) { createSharingGroup(input: { name: $name, organizationIds: [] }) { id } }`;
    const SET = `mutation($id: ID!, $ids: [ID!]!) { setSharingGroupMembers(id: $id, organizationIds: $ids) { id } }`;
    expect(errorCodes(await subgraph.exec(CREATE, { name: 'x' }, null))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await subgraph.exec(CREATE, { name: 'x' }, callerOf(OWNER, Role.Member)))).toEqual([
      'FORBIDDEN',
    ]);
    const empty = await subgraph.exec(CREATE, { name: '  ' }, callerOf(OWNER, Role.OrgAdmin));
    expect(errorCodes(empty)).toEqual(['BAD_USER_INPUT']);
    expect(empty.errors?.[0]?.extensions?.['field']).toBe('input.name');
    // A group the caller may not see does not exist for it; one it is only a member of it may not change.
    const hidden = await subgraph.exec(SET, { id: otherGroupId, ids: [] }, callerOf(OUTSIDER, Role.OrgAdmin));
    expect(errorCodes(hidden)).toEqual(['NOT_FOUND']);
    const member = await subgraph.exec(SET, { id: groupId, ids: [] }, callerOf(MEMBER, Role.OrgAdmin));
    expect(errorCodes(member)).toEqual(['FORBIDDEN']);
    const secretariatJoins = await subgraph.exec(
      SET,
      { id: groupId, ids: [MEMBER, 'asean-secretariat'] },
      callerOf('asean-secretariat', Role.Secretariat),
    );
    expect(errorCodes(secretariatJoins)).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(await subgraph.exec(SET, { id: 'not-a-uuid', ids: [] }, callerOf(OWNER, Role.OrgAdmin))),
    ).toEqual(['NOT_FOUND']);
  });

  it('shows a RED incident shared with a group to its members and no one else, until a member is removed', async () => {
    const member = callerOf(MEMBER, Role.Member);
    const outsider = callerOf(OUTSIDER, Role.Member);
    expect(await reads(member)).toEqual({
      incident: { id: incidentId, sharedWithSharingGroups: [{ id: groupId, name: 'CLMV CERTs (test)' }] },
      incidents: { totalCount: 1 },
      _entities: [{ id: incidentId }],
    });
    expect(await reads(outsider)).toEqual({
      incident: null,
      incidents: { totalCount: 0 },
      _entities: [null],
    });
    // The SECRETARIAT sees every group but reads the incident only where it is a recipient.
    expect((await reads(callerOf('asean-secretariat', Role.Secretariat))).incident).toBeNull();
    expect(await replayed(member)).toEqual([incidentId, markerId]);
    expect(await replayed(outsider)).toEqual([markerId]);

    await removeMember();
    expect(await reads(member)).toEqual({ incident: null, incidents: { totalCount: 0 }, _entities: [null] });
    expect(await replayed(member)).toEqual([markerId]);
    // The owner still reads it, and still sees the group it shared it with.
    expect((await reads(callerOf(OWNER, Role.Member))).incident?.sharedWithSharingGroups).toEqual([
      { id: groupId, name: 'CLMV CERTs (test)' },
    ]);
  });
});
