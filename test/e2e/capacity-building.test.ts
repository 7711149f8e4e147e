import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@cadg/platform';
import { codesOf, productionProtection, startGraph, type Graph } from './harness.ts';
import { manifest, send, type ActivityNode, type OpName } from './capacity-building-operations.ts';

/**
 * Capacity building records what happened (issue #22): the host updates and cancels, adds
 * materials under TLP; each organization's ORG_ADMIN registers its own attendees, whose names and
 * e-mails only members see; the host records a drill's after-action record, which AMBER keeps to
 * the host and the teams it names. Run in the embedded default and in production
 * mode (trusted documents enforced, signed subgraph calls).
 */

const modes = [
  { name: 'in the embedded default', production: false },
  { name: 'in production mode', production: true },
] as const;

describe.each(modes)('capacity building $name', ({ production }) => {
  let graph: Graph;
  const nonce = randomUUID().slice(0, 8);
  const tokens: Record<string, string> = {};
  let drillId = '';
  let seminarId = '';
  let attendeeId = '';

  const run = <T = Record<string, unknown>>(op: OpName, variables: Record<string, unknown>, token?: string) =>
    send<T>(graph, production, op, variables, token);
  const ok = async <T = Record<string, unknown>>(
    op: OpName,
    variables: Record<string, unknown>,
    token?: string,
  ) => {
    const response = await run<T>(op, variables, token);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return response.data!;
  };
  const read = async (token?: string): Promise<ActivityNode> => {
    const data = await ok<{ activities: { edges: { node: ActivityNode }[] } }>(
      'read',
      { text: `drill ${nonce}` },
      token,
    );
    expect(data.activities.edges).toHaveLength(1);
    return data.activities.edges[0]!.node;
  };

  beforeAll(async () => {
    graph = await startGraph(
      production
        ? {
            protection: productionProtection(manifest),
          }
        : {},
    );
    tokens['hostAdmin'] = await graph.token('sg-csa', [Role.OrgAdmin]);
    tokens['participantAdmin'] = await graph.token('my-mycert', [Role.OrgAdmin]);
    tokens['participantMember'] = await graph.token('my-mycert', [Role.Member]);
    tokens['outsiderAdmin'] = await graph.token('th-thaicert', [Role.OrgAdmin]);
    tokens['outsiderMember'] = await graph.token('th-thaicert', [Role.Member]);
    tokens['secretariat'] = await graph.token('asean-secretariat', [Role.Secretariat]);
    tokens['noRole'] = await graph.token('my-mycert', []);
    // Takes part in the drill, but the after-action record below does not name its team.
    tokens['unnamedParticipant'] = await graph.token('ph-certph', [Role.Member]);
    const drill = await ok<{ scheduleActivity: { id: string; version: number; status: string } }>(
      'schedule',
      {
        input: {
          kind: 'JOINT_DRILL',
          title: `Test drill ${nonce}`,
          startsOn: '2025-03-04',
          hostOrganizationId: 'sg-csa',
          countryCodes: ['SG', 'MY'],
        },
      },
      tokens['hostAdmin'],
    );
    drillId = drill.scheduleActivity.id;
    expect(drill.scheduleActivity).toMatchObject({ version: 1, status: 'SCHEDULED' });
    await ok('addParticipants', { id: drillId, orgs: ['my-mycert', 'ph-certph'] }, tokens['hostAdmin']);
    const seminar = await ok<{ scheduleActivity: { id: string } }>(
      'schedule',
      {
        input: {
          kind: 'SEMINAR',
          title: `Seminar ${nonce}`,
          startsOn: '2025-03-05',
          hostOrganizationId: 'sg-csa',
        },
      },
      tokens['hostAdmin'],
    );
    seminarId = seminar.scheduleActivity.id;
  });
  afterAll(() => graph?.close());

  if (production) {
    it('refuses an operation that is not a trusted document', async () => {
      const response = await graph.query('{ activities { totalCount } }');
      expect(codesOf(response)).toEqual(['TRUSTED_DOCUMENT_REQUIRED']);
    });
  }

  it('lets only the host change an activity, with versions and date checks', async () => {
    const input = { id: drillId, title: `Updated drill ${nonce}`, expectedVersion: 2 };
    expect(codesOf(await run('update', { input }))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await run('update', { input }, tokens['outsiderAdmin']))).toEqual(['FORBIDDEN']);
    expect(codesOf(await run('update', { input }, tokens['participantAdmin']))).toEqual(['FORBIDDEN']);
    // addActivityParticipants made version 2.
    const updated = await ok<{ updateActivity: { title: string; version: number } }>(
      'update',
      { input },
      tokens['hostAdmin'],
    );
    expect(updated.updateActivity).toMatchObject({ title: `Updated drill ${nonce}`, version: 3 });
    expect(codesOf(await run('update', { input }, tokens['hostAdmin']))).toEqual(['CONFLICT']);
    const backwards = await run(
      'update',
      { input: { id: drillId, endsOn: '2025-03-01' } },
      tokens['hostAdmin'],
    );
    expect(codesOf(backwards)).toEqual(['BAD_USER_INPUT']);
    expect(
      codesOf(await run('update', { input: { id: 'no-such-activity', title: 'x' } }, tokens['hostAdmin'])),
    ).toEqual(['NOT_FOUND']);
  });

  it('shows each material only to those its TLP marking admits', async () => {
    for (const tlp of ['CLEAR', 'GREEN', 'AMBER']) {
      const added = await ok<{ addActivityMaterial: { language: string } }>(
        'addMaterial',
        {
          input: {
            activityId: drillId,
            title: `${tlp} slides`,
            url: `https://example.org/${tlp}.pdf`,
            language: 'zh-hans',
            tlp,
          },
        },
        tokens['hostAdmin'],
      );
      expect(added.addActivityMaterial.language).toBe('zh-Hans');
    }
    const material = {
      activityId: drillId,
      title: 'x',
      url: 'https://example.org/x',
      language: 'en',
      tlp: 'CLEAR',
    };
    expect(codesOf(await run('addMaterial', { input: material }, tokens['participantAdmin']))).toEqual([
      'FORBIDDEN',
    ]);
    expect(
      codesOf(
        await run('addMaterial', { input: { ...material, url: 'javascript:alert(1)' } }, tokens['hostAdmin']),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      codesOf(
        await run('addMaterial', { input: { ...material, language: 'not a tag' } }, tokens['hostAdmin']),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    const titles = async (token?: string) => (await read(token)).materials.map((m) => m.title);
    expect(await titles()).toEqual(['CLEAR slides']);
    expect(await titles(tokens['noRole'])).toEqual(['CLEAR slides']);
    expect(await titles(tokens['outsiderMember'])).toEqual(['CLEAR slides', 'GREEN slides']);
    expect(await titles(tokens['secretariat'])).toEqual(['CLEAR slides', 'GREEN slides']);
    expect(await titles(tokens['participantMember'])).toEqual([
      'CLEAR slides',
      'GREEN slides',
      'AMBER slides',
    ]);
    expect(await titles(tokens['hostAdmin'])).toEqual(['CLEAR slides', 'GREEN slides', 'AMBER slides']);
    expect(await titles(tokens['unnamedParticipant'])).toEqual([
      'CLEAR slides',
      'GREEN slides',
      'AMBER slides',
    ]);
    // The participants are the AMBER slides' circle: only the host (the originator) widens it now.
    const widen = { id: drillId, orgs: ['th-thaicert'] };
    expect(codesOf(await run('addParticipants', widen, tokens['secretariat']))).toEqual(['FORBIDDEN']);
    expect(await titles(tokens['outsiderMember'])).toEqual(['CLEAR slides', 'GREEN slides']);
  });

  it("lets only an organization's own ORG_ADMIN register its attendees, and shows them to members only", async () => {
    const person = {
      activityId: drillId,
      organizationId: 'my-mycert',
      name: 'Test Attendee',
      email: `a.${nonce}@mycert.example`,
    };
    expect(codesOf(await run('register', { input: person }))).toEqual(['UNAUTHENTICATED']);
    for (const token of ['hostAdmin', 'secretariat', 'participantMember', 'outsiderAdmin']) {
      expect(codesOf(await run('register', { input: person }, tokens[token])), token).toEqual(['FORBIDDEN']);
    }
    const notTakingPart = { ...person, organizationId: 'th-thaicert', email: `b.${nonce}@thaicert.example` };
    expect(codesOf(await run('register', { input: notTakingPart }, tokens['outsiderAdmin']))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const registered = await ok<{ registerAttendee: { id: string; email: string } }>(
      'register',
      { input: person },
      tokens['participantAdmin'],
    );
    attendeeId = registered.registerAttendee.id;
    const again = await run(
      'register',
      { input: { ...person, email: person.email.toUpperCase().replace('MYCERT.EXAMPLE', 'mycert.example') } },
      tokens['participantAdmin'],
    );
    expect(codesOf(again)).toEqual(['CONFLICT']);
    expect((await read()).attendees).toEqual([]);
    expect((await read(tokens['noRole'])).attendees).toEqual([]);
    expect((await read(tokens['outsiderMember'])).attendees).toEqual([
      { name: 'Test Attendee', email: person.email, organization: { id: 'my-mycert' } },
    ]);
    const audit = await ok<{
      contactsAuditLog: { edges: { node: { operation: string; summary: string } }[] };
    }>('audit', { id: drillId }, tokens['secretariat']);
    const summaries = audit.contactsAuditLog.edges.map((e) => e.node.summary).join('\n');
    expect(summaries).toContain('Registered an attendee for my-mycert.');
    expect(summaries).not.toContain(person.email);
    expect(summaries).not.toContain('AMBER slides');
  });

  it('records a drill’s after-action record that only the activity’s circle reads under AMBER', async () => {
    const input = {
      activityId: drillId,
      scenarioSummary: `Scenario ${nonce}`,
      participatingTeamIds: ['sg-singcert', 'my-mycert'],
      findings: ['Finding one', 'Finding two'],
      followUps: [{ action: 'Update the runbook', ownerOrganizationId: 'my-mycert', dueOn: '2025-06-30' }],
      tlp: 'AMBER',
    };
    expect(codesOf(await run('recordAfterAction', { input }, tokens['participantAdmin']))).toEqual([
      'FORBIDDEN',
    ]);
    expect(
      codesOf(
        await run('recordAfterAction', { input: { ...input, activityId: seminarId } }, tokens['hostAdmin']),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    const unknownOwner = {
      ...input,
      followUps: [{ ...input.followUps[0], ownerOrganizationId: 'xx-nobody' }],
    };
    expect(codesOf(await run('recordAfterAction', { input: unknownOwner }, tokens['hostAdmin']))).toEqual([
      'NOT_FOUND',
    ]);
    const recorded = await ok<{ recordAfterAction: { version: number } }>(
      'recordAfterAction',
      { input },
      tokens['hostAdmin'],
    );
    expect(recorded.recordAfterAction.version).toBe(1);

    for (const reader of [undefined, 'noRole', 'outsiderMember', 'secretariat', 'unnamedParticipant']) {
      expect((await read(reader ? tokens[reader] : undefined)).afterAction, reader).toBeNull();
    }
    expect((await read(tokens['participantMember'])).afterAction).toEqual({
      scenarioSummary: `Scenario ${nonce}`,
      findings: ['Finding one', 'Finding two'],
      tlp: 'AMBER',
      version: 1,
      participatingTeams: [{ id: 'my-mycert' }, { id: 'sg-singcert' }],
      followUps: [{ action: 'Update the runbook', owner: { id: 'my-mycert' }, dueOn: '2025-06-30' }],
    });
    const audit = await ok<{
      contactsAuditLog: { edges: { node: { operation: string; summary: string } }[] };
    }>('audit', { id: drillId }, tokens['secretariat']);
    const entry = audit.contactsAuditLog.edges.find((e) => e.node.operation === 'recordAfterAction');
    expect(entry?.node.summary).toBe('Recorded the TLP:AMBER after-action record (version 1).');

    const widened = await ok<{ recordAfterAction: { version: number } }>(
      'recordAfterAction',
      { input: { ...input, tlp: 'GREEN', findings: ['Finding one'] } },
      tokens['hostAdmin'],
    );
    expect(widened.recordAfterAction.version).toBe(2);
    expect((await read(tokens['outsiderMember'])).afterAction).toMatchObject({
      tlp: 'GREEN',
      version: 2,
      findings: ['Finding one'],
    });
    expect((await read()).afterAction).toBeNull();
  });

  it('refuses an after-action record before the drill starts', async () => {
    const future = await ok<{ scheduleActivity: { id: string } }>(
      'schedule',
      {
        input: {
          kind: 'JOINT_DRILL',
          title: `Future ${nonce}`,
          startsOn: '2099-01-01',
          hostOrganizationId: 'sg-csa',
        },
      },
      tokens['hostAdmin'],
    );
    const input = {
      activityId: future.scheduleActivity.id,
      scenarioSummary: 'Not yet',
      participatingTeamIds: ['sg-singcert'],
      findings: [],
      followUps: [],
      tlp: 'GREEN',
    };
    expect(codesOf(await run('recordAfterAction', { input }, tokens['hostAdmin']))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it("lets only the attendee's own ORG_ADMIN withdraw a registration", async () => {
    expect(codesOf(await run('unregister', { id: attendeeId }, tokens['outsiderAdmin']))).toEqual([
      'FORBIDDEN',
    ]);
    expect(codesOf(await run('unregister', { id: attendeeId }, tokens['hostAdmin']))).toEqual(['FORBIDDEN']);
    await ok('unregister', { id: attendeeId }, tokens['participantAdmin']);
    expect((await read(tokens['participantMember'])).attendees).toEqual([]);
    expect(codesOf(await run('unregister', { id: attendeeId }, tokens['participantAdmin']))).toEqual([
      'NOT_FOUND',
    ]);
  });

  it('lets the host cancel once, after which the activity takes no more changes', async () => {
    expect(
      codesOf(await run('cancel', { id: drillId, reason: 'Venue closed' }, tokens['outsiderAdmin'])),
    ).toEqual(['FORBIDDEN']);
    const cancelled = await ok<{ cancelActivity: { status: string; cancellation: { reason: string } } }>(
      'cancel',
      { id: drillId, reason: 'Venue closed' },
      tokens['hostAdmin'],
    );
    expect(cancelled.cancelActivity).toMatchObject({
      status: 'CANCELLED',
      cancellation: { reason: 'Venue closed' },
    });
    expect((await read()).status).toBe('CANCELLED');
    expect(codesOf(await run('cancel', { id: drillId, reason: 'Again' }, tokens['hostAdmin']))).toEqual([
      'CONFLICT',
    ]);
    expect(
      codesOf(await run('update', { input: { id: drillId, title: 'Too late' } }, tokens['hostAdmin'])),
    ).toEqual(['CONFLICT']);
    const person = {
      activityId: drillId,
      organizationId: 'my-mycert',
      name: 'Late',
      email: `late.${nonce}@mycert.example`,
    };
    expect(codesOf(await run('register', { input: person }, tokens['participantAdmin']))).toEqual([
      'CONFLICT',
    ]);
  });

  if (!production) {
    it('holds the same rules on the contacts subgraph port', async () => {
      const url = graph.subgraphUrls['contacts']!;
      const direct = await send<{ activities: { edges: { node: ActivityNode }[] } }>(
        graph,
        false,
        'read',
        { text: `drill ${nonce}` },
        undefined,
        url,
      );
      expect(direct.errors).toBeUndefined();
      const node = direct.data!.activities.edges[0]!.node;
      expect(node.attendees).toEqual([]);
      expect(node.afterAction).toBeNull();
      expect(node.materials.map((m) => m.tlp)).toEqual(['CLEAR']);
      const forbidden = await send(
        graph,
        false,
        'cancel',
        { id: seminarId, reason: 'x' },
        tokens['outsiderAdmin'],
        url,
      );
      expect(codesOf(forbidden)).toEqual(['FORBIDDEN']);
    });
  }
});
