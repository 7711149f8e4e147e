import { describe, expect, it } from 'vitest';
import { Role } from '@cadg/platform';
import { codesOf } from './harness.ts';
import { currentCursor, graph, outsider, recipient, reporter, subscriber, useMembers } from './members.ts';

useMembers();

const REPORT = /* GraphQL */ `
  mutation Report($input: ReportIncidentInput!) {
    reportIncident(input: $input) {
      id
      version
      severity
      tlp
      status
      crossBorder
      reportedBy {
        id
        name
      }
      affectedCountries {
        code
        name
      }
    }
  }
`;

let counter = 0;
async function report(overrides: Record<string, unknown> = {}, token = reporter) {
  counter += 1;
  const response = await graph.query<{ reportIncident: { id: string; version: number } }>(
    REPORT,
    {
      input: {
        title: `E2E incident ${counter}`,
        summary: 'Phishing wave against banks in two countries (test data).',
        category: 'PHISHING',
        severity: 'HIGH',
        tlp: 'GREEN',
        affectedCountryCodes: ['MY', 'SG'],
        ...overrides,
      },
    },
    token,
  );
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!.reportIncident;
}

describe('reporting and reading incidents through the gateway', () => {
  it('reports a cross-border incident for the caller’s organization with entities resolved from contacts', async () => {
    const response = await graph.query<{ reportIncident: Record<string, unknown> }>(
      REPORT,
      {
        input: {
          title: 'Credential phishing against two central banks',
          summary: 'Test data.',
          category: 'PHISHING',
          severity: 'MEDIUM',
          tlp: 'CLEAR',
          affectedCountryCodes: ['my', 'SG'],
        },
      },
      reporter,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.reportIncident).toMatchObject({
      version: 1,
      status: 'REPORTED',
      crossBorder: true,
      reportedBy: { id: 'my-mycert', name: 'Malaysia Computer Emergency Response Team' },
      affectedCountries: [
        { code: 'MY', name: 'Malaysia' },
        { code: 'SG', name: 'Singapore' },
      ],
    });
  });

  it('enforces TLP in lists, counts, stats and single reads', async () => {
    const red = await report({
      tlp: 'RED',
      severity: 'LOW',
      sharedWithOrganizationIds: ['sg-csa'],
      title: 'Red-marked intrusion',
    });
    const green = await report({ tlp: 'GREEN', severity: 'LOW', title: 'Green-marked intrusion' });
    const ids = async (token?: string) => {
      const response = await graph.query<{
        incidents: { totalCount: number; edges: { node: { id: string; tlp: string } }[] };
      }>(`{ incidents(first: 500) { totalCount edges { node { id tlp } } } }`, {}, token);
      const nodes = response.data!.incidents.edges.map((e) => e.node);
      expect(response.data!.incidents.totalCount).toBe(nodes.length);
      return nodes;
    };
    const anonymous = await ids();
    expect(anonymous.every((n) => n.tlp === 'CLEAR')).toBe(true);
    expect((await ids(outsider)).map((n) => n.id)).toContain(green.id);
    expect((await ids(outsider)).map((n) => n.id)).not.toContain(red.id);
    expect((await ids(recipient)).map((n) => n.id)).toContain(red.id);
    const secretariat = await graph.token('asean-secretariat', [Role.Secretariat]);
    expect((await ids(secretariat)).map((n) => n.id)).not.toContain(red.id);

    const single = await graph.query<{ incident: { id: string } | null }>(
      `query($id: ID!) { incident(id: $id) { id } }`,
      { id: red.id },
      outsider,
    );
    expect(single.data!.incident).toBeNull();

    const stats = async (token?: string) =>
      (
        await graph.query<{ incidentStats: { key: string; count: number }[] }>(
          `{ incidentStats(groupBy: SEVERITY) { key count } }`,
          {},
          token,
        )
      ).data!.incidentStats;
    const total = (buckets: { count: number }[]) => buckets.reduce((sum, b) => sum + b.count, 0);
    expect(total(await stats(recipient))).toBe(total(await stats(outsider)) + 1);
    expect(total(await stats())).toBe(anonymous.length);
  });

  it('answers "has anyone seen this?" for defanged indicators within the caller’s visibility', async () => {
    const incident = await report({
      tlp: 'AMBER',
      sharedWithOrganizationIds: ['sg-csa'],
      indicators: [
        { type: 'URL', value: 'hxxps://Login-Bank.example/verify#x', description: 'landing page' },
        { type: 'IPV4', value: '203.0.113.7' },
      ],
    });
    const search = (value: string, token?: string) =>
      graph.query<{ indicators: { type: string; value: string; incident: { id: string } | null }[] }>(
        `query($v: String!) { indicators(value: $v) { type value incident { id } } }`,
        { v: value },
        token,
      );
    const seen = await search('https://login-bank[.]example/verify', recipient);
    expect(seen.data!.indicators).toContainEqual({
      type: 'URL',
      value: 'https://login-bank.example/verify',
      incident: { id: incident.id },
    });
    expect(
      (await search('203.0.113.7', outsider)).data!.indicators.filter((i) => i.incident?.id === incident.id),
    ).toEqual([]);
    expect(codesOf(await search('not an indicator', recipient))).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses invalid transitions, stale versions, malformed indicators and unknown ids with coded errors and changes nothing', async () => {
    const incident = await report({ severity: 'LOW' });
    const status = (to: string, version: number) =>
      graph.query(
        `mutation($i: ChangeIncidentStatusInput!) { changeIncidentStatus(input: $i) { status version } }`,
        { i: { id: incident.id, expectedVersion: version, status: to } },
        reporter,
      );
    expect(codesOf(await status('RESOLVED', 1))).toEqual(['CONFLICT']);
    const triaged = await status('TRIAGED', 1);
    expect(triaged.data).toEqual({ changeIncidentStatus: { status: 'TRIAGED', version: 2 } });
    expect(codesOf(await status('IN_PROGRESS', 1))).toEqual(['CONFLICT']);

    const badIndicator = await graph.query(
      `mutation($id: ID!) { addIncidentIndicators(incidentId: $id, indicators: [{ type: IPV4, value: "999.1.1.1" }]) { id } }`,
      { id: incident.id },
      reporter,
    );
    expect(codesOf(badIndicator)).toEqual(['BAD_USER_INPUT']);
    const unknown = await graph.query(
      `mutation { changeIncidentStatus(input: { id: "00000000-0000-4000-8000-000000000000", expectedVersion: 1, status: TRIAGED }) { id } }`,
      {},
      reporter,
    );
    expect(codesOf(unknown)).toEqual(['NOT_FOUND']);
    /** Sends a minimal LOW report in MY with `overrides`, as `token`. */
    const minimalReport = (overrides: Record<string, unknown>, token?: string) =>
      graph.query(
        REPORT,
        {
          input: {
            title: 't',
            summary: 's',
            category: 'OTHER',
            severity: 'LOW',
            tlp: 'CLEAR',
            affectedCountryCodes: ['MY'],
            ...overrides,
          },
        },
        token,
      );
    const unknownCountry = await minimalReport({ affectedCountryCodes: ['ZZ'] }, reporter);
    expect(codesOf(unknownCountry)).toEqual(['NOT_FOUND']);
    const unknownOrg = await minimalReport(
      { tlp: 'RED', sharedWithOrganizationIds: ['zz-nobody'] },
      reporter,
    );
    expect(codesOf(unknownOrg)).toEqual(['NOT_FOUND']);
    const anonymous = await minimalReport({});
    expect(codesOf(anonymous)).toEqual(['UNAUTHENTICATED']);
    const foreign = await graph.query(
      `mutation($i: ChangeIncidentStatusInput!) { changeIncidentStatus(input: $i) { id } }`,
      { i: { id: incident.id, expectedVersion: 2, status: 'IN_PROGRESS' } },
      outsider,
    );
    expect(codesOf(foreign)).toEqual(['FORBIDDEN']);

    const after = await graph.query<{ incident: { status: string; version: number; indicators: unknown[] } }>(
      `query($id: ID!) { incident(id: $id) { status version indicators { id } } }`,
      { id: incident.id },
      reporter,
    );
    expect(after.data!.incident).toEqual({ status: 'TRIAGED', version: 2, indicators: [] });
  });
});

describe('major-incident updates over graphql-ws through the gateway', () => {
  it('delivers the REPORTED event of a HIGH incident within a second, skips MEDIUM ones, and resolves fields from contacts', async () => {
    const s = subscriber({ token: recipient, after: await currentCursor(recipient) });
    await s.ready;
    await report({ severity: 'MEDIUM', title: 'Medium one' });
    const sent = performance.now();
    const high = await report({ severity: 'HIGH', title: 'High one' });
    const returned = performance.now();
    const [event] = await s.waitFor(1);
    expect(event).toMatchObject({
      type: 'REPORTED',
      severity: 'HIGH',
      incident: {
        id: high.id,
        title: 'High one',
        reportedBy: { name: 'Malaysia Computer Emergency Response Team', country: { name: 'Malaysia' } },
      },
    });
    const latency = event!.receivedAt - returned;
    console.log(
      `major-incident delivery: ${Math.round(event!.receivedAt - sent)} ms after the mutation was sent, ${Math.round(latency)} ms after it returned`,
    );
    expect(latency).toBeLessThan(1_000);
  });

  it('delivers a RED incident only to the reporting organization and named recipients', async () => {
    const named = subscriber({ token: recipient, after: await currentCursor(recipient) });
    const other = subscriber({ token: outsider, after: await currentCursor(outsider) });
    const own = subscriber({ token: reporter, after: await currentCursor(reporter) });
    const red = await report({ tlp: 'RED', sharedWithOrganizationIds: ['sg-csa'], title: 'Red one' });
    const marker = await report({ tlp: 'GREEN', title: 'Green marker' });
    expect((await named.waitFor(2)).map((e) => e.incident.id)).toEqual([red.id, marker.id]);
    expect((await own.waitFor(2)).map((e) => e.incident.id)).toEqual([red.id, marker.id]);
    // The outsider's first event is the marker: the RED one was never sent to it.
    expect((await other.waitFor(1)).map((e) => e.incident.id)).toEqual([marker.id]);
  });

  it('delivers once more when an incident drops below the threshold, then stops', async () => {
    const s = subscriber({ token: reporter, after: await currentCursor(reporter) });
    const incident = await report({ severity: 'SEVERE', title: 'Dropping one' });
    const update = (severity: string) =>
      graph.query(
        `mutation($i: PostIncidentUpdateInput!) { postIncidentUpdate(input: $i) { id severity previousSeverity } }`,
        { i: { incidentId: incident.id, body: `Re-assessed as ${severity}.`, severity } },
        reporter,
      );
    expect((await update('MEDIUM')).errors).toBeUndefined();
    expect((await update('LOW')).errors).toBeUndefined();
    const marker = await report({ severity: 'HIGH', title: 'After the drop' });
    const events = await s.waitFor(3);
    expect(events.map((e) => [e.type, e.severity, e.previousSeverity, e.incident.id])).toEqual([
      ['REPORTED', 'SEVERE', null, incident.id],
      ['UPDATE_POSTED', 'MEDIUM', 'SEVERE', incident.id],
      ['REPORTED', 'HIGH', null, marker.id],
    ]);
  });

  it('replays exactly the 20 events a subscriber missed, in order, then live ones, none twice, including events committed during the replay', async () => {
    const first = subscriber({ token: recipient, after: await currentCursor(recipient) });
    await report({ title: 'Before the disconnect' });
    const [seen] = await first.waitFor(1);
    await first.close();

    const missed: string[] = [];
    for (let i = 0; i < 20; i++) missed.push((await report({ title: `Missed ${i}` })).id);

    const resumed = subscriber({ token: recipient, after: seen!.cursor });
    // Commit more while the replay may still be running, and afterwards.
    const during = Promise.all([0, 1, 2, 3, 4].map((i) => report({ title: `During replay ${i}` })));
    const duringIds = (await during).map((incident) => incident.id);
    const later = await report({ title: 'Live after replay' });

    const events = await resumed.waitFor(26, 10_000);
    const ids = events.map((e) => e.incident.id);
    expect(ids.slice(0, 20)).toEqual(missed);
    expect(new Set(ids.slice(20, 25))).toEqual(new Set(duringIds));
    expect(ids[25]).toBe(later.id);
    expect(new Set(events.map((e) => e.cursor)).size).toBe(26);
    const cursors = events.map((e) => e.cursor);
    expect([...cursors].sort((a, b) => decode(a) - decode(b))).toEqual(cursors);
  });
});

const decode = (cursor: string): number =>
  (JSON.parse(Buffer.from(cursor, 'base64url').toString()) as number[])[0]!;
