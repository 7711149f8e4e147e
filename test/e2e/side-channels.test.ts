/**
 * Side channels: what a caller could learn about records it may not read from things that are
 * not the records themselves (the event cursor, phishing reports), through the gateway and on the
 * incidents subgraph port, in the embedded default and in production mode (where the subgraph
 * port answers only the gateway's signed requests, so only the gateway is asked).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@cadg/platform';
import type { ProtectionOptions } from '@cadg/gateway';
import { productionProtection, startGraph, type Graph } from './harness.ts';
import { testIncident } from './reporting.ts';
import { subscribe, type Subscriber } from './subscriber.ts';

let graph: Graph;
/** Where reads are made: the gateway, and the incidents subgraph when it answers direct callers. */
let endpoints: string[];
let mycert: string;
let csa: string;
let thaicert: string;
let secretariat: string;
let roleless: string;
const open: Subscriber[] = [];

const MODES: [string, ProtectionOptions | undefined][] = [
  ['in the embedded default', undefined],
  ['in production mode', productionProtection()],
];

async function must<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await graph.query<T>(query, variables, token);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

async function report(tlp: string, sharedWith: string[] = []) {
  const data = await must<{ reportIncident: { id: string; version: number } }>(
    `mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { id version } }`,
    {
      i: testIncident(`Side-channel exercise ${tlp} ${randomUUID()}`, {
        category: 'INTRUSION',
        severity: 'HIGH',
        tlp,
        sharedWithOrganizationIds: sharedWith,
      }),
    },
    mycert,
  );
  return data.reportIncident;
}

/** The caller's event cursor through the gateway and straight from the incidents subgraph. */
async function cursorOf(token?: string): Promise<{ gateway: string; subgraph: string }> {
  const [gateway, subgraph = gateway] = await Promise.all(
    endpoints.map(async (url) => {
      const response = await graph.query<{ incidentEventCursor: string }>(
        `{ incidentEventCursor }`,
        {},
        token,
        url,
      );
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      return response.data!.incidentEventCursor;
    }),
  );
  return { gateway: gateway!, subgraph: subgraph! };
}

function subscriber(token: string, after: string): Subscriber {
  const s = subscribe(graph.wsUrl, { token, after, minSeverity: 'HIGH' });
  open.push(s);
  return s;
}

describe.each(MODES)('%s', (_mode, protection) => {
  beforeAll(async () => {
    graph = await startGraph({ ...(protection ? { protection } : {}) });
    endpoints = protection?.production
      ? [graph.gatewayUrl]
      : [graph.gatewayUrl, graph.subgraphUrls['incidents']!];
    mycert = await graph.token('my-mycert', [Role.Member]);
    csa = await graph.token('sg-csa', [Role.Member]);
    thaicert = await graph.token('th-thaicert', [Role.Member]);
    secretariat = await graph.token('asean-secretariat', [Role.Secretariat]);
    roleless = await graph.token('my-mycert', []);
  });
  afterAll(async () => {
    await Promise.all(open.splice(0).map((subscriber) => subscriber.close()));
    await graph?.close();
  });

  describe('the event cursor', () => {
    it('stays where it was for every caller who may not read the incidents that changed, at the gateway and on the incidents port where it answers direct callers', async () => {
      await report('CLEAR');
      const callers = { anonymous: undefined, thaicert, secretariat, roleless, csa };
      const before = Object.fromEntries(
        await Promise.all(
          Object.entries(callers).map(async ([name, token]) => [name, await cursorOf(token)]),
        ),
      ) as Record<keyof typeof callers, { gateway: string; subgraph: string }>;

      // A RED incident shared only with sg-csa is reported, changed and shared further.
      const red = await report('RED', ['sg-csa']);
      await must(
        `mutation($i: UpdateIncidentInput!) { updateIncident(input: $i) { id } }`,
        { i: { id: red.id, expectedVersion: red.version, severity: 'SEVERE' } },
        mycert,
      );
      await must(
        `mutation($id: ID!) { shareIncident(id: $id, organizationIds: ["ph-certph"]) { id } }`,
        { id: red.id },
        mycert,
      );

      for (const name of ['anonymous', 'thaicert', 'secretariat', 'roleless'] as const) {
        const after = await cursorOf(callers[name]);
        expect(after, name).toEqual(before[name]);
        expect(after.subgraph, name).toBe(after.gateway);
      }
      // The recipient's moves: it may read those changes.
      const recipient = await cursorOf(csa);
      expect(recipient.gateway).not.toBe(before.csa.gateway);
      expect(recipient.subgraph).toBe(recipient.gateway);
    });

    it('resumes exactly from a caller’s own cursor: every later event it may see, once, and nothing it may not', async () => {
      const outsiderStart = (await cursorOf(thaicert)).gateway;
      const recipientStart = (await cursorOf(csa)).gateway;
      const red = await report('RED', ['sg-csa']);
      const outsider = subscriber(thaicert, outsiderStart);
      const recipient = subscriber(csa, recipientStart);
      await Promise.all([outsider.ready, recipient.ready]);

      const green = await report('GREEN');
      await outsider.waitFor(1);
      await recipient.waitFor(2);
      // Each caller's cursor is now the cursor of the last event it was sent.
      expect((await cursorOf(thaicert)).gateway).toBe(outsider.events.at(-1)!.cursor);
      expect((await cursorOf(csa)).gateway).toBe(recipient.events.at(-1)!.cursor);

      // A last GREEN incident both may read: once it has arrived, everything before it has too.
      const marker = await report('GREEN');
      await outsider.waitFor(2);
      await recipient.waitFor(3);
      expect(outsider.events.map((event) => [event.type, event.incident.id])).toEqual([
        ['REPORTED', green.id],
        ['REPORTED', marker.id],
      ]);
      expect(recipient.events.map((event) => [event.type, event.incident.id])).toEqual([
        ['REPORTED', red.id],
        ['REPORTED', green.id],
        ['REPORTED', marker.id],
      ]);
      expect(outsider.errors).toEqual([]);
      expect(recipient.errors).toEqual([]);
    });
  });

  describe('phishing reports', () => {
    const REPORT_PHISHING = `mutation($i: ReportPhishingInput!) {
    reportPhishing(input: $i) { highestScore verdicts { score reportedBy { id } } incident { id version } }
  }`;
    const READ = `query($url: String!) {
    phishingReport(url: $url) {
      url
      highestScore
      targetedCountries { code }
      verdicts { detector score reportedBy { id } }
      incident { id }
    }
  }`;
    type Shown = {
      url: string;
      highestScore: number;
      targetedCountries: { code: string }[];
      verdicts: { detector: string; score: number; reportedBy: { id: string } }[];
      incident: { id: string } | null;
    } | null;

    const verdict = (url: string, country: string, detector: string, score: number) => ({
      i: {
        url,
        observedAt: new Date(Date.now() - 60_000).toISOString(),
        targetedCountries: [country],
        verdict: { detector, score, label: 'phishing' },
      },
    });

    /** The report as the caller is shown it, through the gateway and on the incidents port (which must agree). */
    async function shown(url: string, token: string): Promise<Shown> {
      const [viaGateway, viaSubgraph = viaGateway] = await Promise.all(
        endpoints.map((endpoint) => graph.query<{ phishingReport: Shown }>(READ, { url }, token, endpoint)),
      );
      expect(viaGateway!.errors, JSON.stringify(viaGateway!.errors)).toBeUndefined();
      expect(viaSubgraph!.data).toEqual(viaGateway!.data);
      return viaGateway!.data!.phishingReport;
    }

    it('shows no score, verdict or incident of a report whose incident the caller may not read, beyond its own verdicts', async () => {
      const url = `https://parcel-${randomUUID()}.example/pay`;
      await must(REPORT_PHISHING, verdict(url, 'SG', 'csa-scanner', 0.5), csa);
      const raised = await must<{ reportPhishing: { incident: { id: string; version: number } } }>(
        REPORT_PHISHING,
        verdict(url, 'MY', 'mycert-phishnet', 0.9),
        mycert,
      );
      const incident = raised.reportPhishing.incident;
      // Everyone may read the GREEN incident the intake raised...
      expect((await shown(url, thaicert))?.highestScore).toBe(0.9);
      // ...until its reporter marks it RED.
      await must(
        `mutation($i: UpdateIncidentInput!) { updateIncident(input: $i) { id } }`,
        { i: { id: incident.id, expectedVersion: incident.version, tlp: 'RED' } },
        mycert,
      );

      // A member that reported nothing about the URL is told what it is told of an unreported URL.
      expect(await shown(url, thaicert)).toBeNull();
      expect(await shown(`https://never-${randomUUID()}.example/`, thaicert)).toBeNull();
      // A member that reported it sees its own verdict and what that verdict says, nothing more.
      expect(await shown(url, csa)).toEqual({
        url,
        highestScore: 0.5,
        targetedCountries: [{ code: 'SG' }],
        verdicts: [{ detector: 'csa-scanner', score: 0.5, reportedBy: { id: 'sg-csa' } }],
        incident: null,
      });
      // The incident's reporter sees everything.
      expect(await shown(url, mycert)).toEqual({
        url,
        highestScore: 0.9,
        targetedCountries: [{ code: 'MY' }, { code: 'SG' }],
        verdicts: [
          { detector: 'csa-scanner', score: 0.5, reportedBy: { id: 'sg-csa' } },
          { detector: 'mycert-phishnet', score: 0.9, reportedBy: { id: 'my-mycert' } },
        ],
        incident: { id: incident.id },
      });

      // Reporting again returns the report as the reporter may see it: its own verdicts only.
      const again = await must<{ reportPhishing: unknown }>(
        REPORT_PHISHING,
        verdict(url, 'SG', 'csa-scanner', 0.6),
        csa,
      );
      expect(again.reportPhishing).toEqual({
        highestScore: 0.6,
        verdicts: [
          { score: 0.5, reportedBy: { id: 'sg-csa' } },
          { score: 0.6, reportedBy: { id: 'sg-csa' } },
        ],
        incident: null,
      });
    });
  });
});
