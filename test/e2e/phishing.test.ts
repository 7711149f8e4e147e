import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@cadg/platform';
import { codesOf, startGraph, type Graph } from './harness.ts';
import { subscribe, type Subscriber } from './subscriber.ts';

let graph: Graph;
let mycert: string;
let csa: string;
let secretariat: string;
const open: Subscriber[] = [];

beforeAll(async () => {
  graph = await startGraph();
  mycert = await graph.token('my-mycert', [Role.Member]);
  csa = await graph.token('sg-csa', [Role.Member]);
  secretariat = await graph.token('asean-secretariat', [Role.Secretariat]);
});
afterAll(async () => {
  await Promise.all(open.map((s) => s.close()));
  await graph?.close();
});

const REPORT_PHISHING = /* GraphQL */ `
  mutation ($input: ReportPhishingInput!) {
    reportPhishing(input: $input) {
      id
      url
      host
      highestScore
      targetedCountries {
        code
      }
      verdicts {
        detector
        score
        label
        reportedUrl
        reportedBy {
          id
        }
      }
      incident {
        id
        category
        severity
        tlp
        version
        affectedCountries {
          code
        }
        indicators {
          type
          value
        }
      }
    }
  }
`;

interface Report {
  id: string;
  url: string;
  host: string;
  highestScore: number;
  targetedCountries: { code: string }[];
  verdicts: { detector: string; score: number; reportedBy: { id: string } }[];
  incident: {
    id: string;
    category: string;
    severity: string;
    tlp: string;
    version: number;
    affectedCountries: { code: string }[];
    indicators: { type: string; value: string }[];
  } | null;
}

const observedAt = () => new Date(Date.now() - 60_000).toISOString();

async function reportPhishing(input: Record<string, unknown>, token = mycert): Promise<Report> {
  const response = await graph.query<{ reportPhishing: Report }>(REPORT_PHISHING, { input }, token);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!.reportPhishing;
}

function postWebhook(body: unknown, token?: string): Promise<Response> {
  return fetch(new URL('/webhooks/phishing', graph.baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

describe('phishing intake through the gateway', () => {
  it('merges reports of the same normalised URL and keeps every verdict', async () => {
    const first = await reportPhishing({
      url: 'https://Pay-Toll.example/my?utm_source=sms',
      observedAt: observedAt(),
      targetedCountries: ['MY'],
      verdict: { detector: 'mycert-phishnet', score: 0.42, label: 'suspicious' },
    });
    const second = await reportPhishing(
      {
        url: 'hxxps://pay-toll[.]example/my#login',
        observedAt: observedAt(),
        targetedCountries: ['SG'],
        verdict: { detector: 'csa-scanner', score: 0.5, label: 'suspicious' },
      },
      csa,
    );
    expect(second.id).toBe(first.id);
    expect(second).toMatchObject({
      url: 'https://pay-toll.example/my',
      host: 'pay-toll.example',
      highestScore: 0.5,
      targetedCountries: [{ code: 'MY' }, { code: 'SG' }],
      incident: null,
    });
    expect(second.verdicts.map((v) => [v.detector, v.reportedBy.id])).toEqual([
      ['mycert-phishnet', 'my-mycert'],
      ['csa-scanner', 'sg-csa'],
    ]);
  });

  it('raises a PHISHING incident with URL and domain indicators once a verdict reaches the threshold', async () => {
    const report = await reportPhishing({
      url: 'https://login-bank-verify.example/session',
      observedAt: observedAt(),
      targetedCountries: ['MY'],
      verdict: { detector: 'mycert-phishnet', score: 0.85, label: 'credential-harvesting' },
    });
    expect(report.incident).toMatchObject({
      category: 'PHISHING',
      severity: 'MEDIUM',
      tlp: 'GREEN',
      affectedCountries: [{ code: 'MY' }],
    });
    expect(report.incident!.indicators).toHaveLength(2);
    expect(report.incident!.indicators).toEqual(
      expect.arrayContaining([
        { type: 'URL', value: 'https://login-bank-verify.example/session' },
        { type: 'DOMAIN', value: 'login-bank-verify.example' },
      ]),
    );
    const audit = await graph.query<{ auditLog: { edges: { node: { operation: string } }[] } }>(
      `query ($id: ID!) { auditLog(filter: { targetId: $id }) { edges { node { operation } } } }`,
      { id: report.incident!.id },
      secretariat,
    );
    expect(audit.data!.auditLog.edges.map((e) => e.node.operation)).toEqual(['reportIncident']);
  });

  it('updates the incident raised for a URL instead of raising another, and alerts subscribers', async () => {
    const url = 'https://courier-fee.example/pay';
    const raised = await reportPhishing({
      url,
      observedAt: observedAt(),
      targetedCountries: ['MY'],
      verdict: { detector: 'mycert-phishnet', score: 0.81, label: 'phishing' },
    });
    const cursor = await graph.query<{ incidentEventCursor: string }>(`{ incidentEventCursor }`, {}, csa);
    const subscriber = subscribe(graph.wsUrl, {
      token: csa,
      minSeverity: 'HIGH',
      after: cursor.data!.incidentEventCursor,
    });
    open.push(subscriber);
    await subscriber.ready;
    const updated = await reportPhishing(
      {
        url: 'HTTPS://courier-fee.example:443/pay',
        observedAt: observedAt(),
        targetedCountries: ['SG', 'TH'],
        verdict: { detector: 'csa-scanner', score: 0.97, label: 'phishing' },
      },
      csa,
    );
    expect(updated.incident!.id).toBe(raised.incident!.id);
    expect(updated.incident).toMatchObject({
      severity: 'HIGH',
      affectedCountries: [{ code: 'MY' }, { code: 'SG' }, { code: 'TH' }],
    });
    expect(updated.incident!.version).toBeGreaterThan(raised.incident!.version);
    const [event] = await subscriber.waitFor(1);
    expect(event).toMatchObject({ type: 'SEVERITY_CHANGED', severity: 'HIGH', previousSeverity: 'MEDIUM' });
    expect(event!.incident.id).toBe(raised.incident!.id);
  });

  it('takes verdicts from detectors on the webhook with the organization’s bearer token', async () => {
    const verdict = {
      url: 'http://198.51.100.44/wallet/login',
      observedAt: observedAt(),
      targetedCountries: ['SG'],
      verdict: { detector: 'csa-scanner', score: 0.99, label: 'wallet-drainer' },
    };
    const accepted = await postWebhook(verdict, csa);
    expect(accepted.status).toBe(200);
    const body = (await accepted.json()) as {
      report: { url: string; incident: { id: string; severity: string } | null };
    };
    expect(body.report).toMatchObject({
      url: 'http://198.51.100.44/wallet/login',
      incident: { severity: 'HIGH' },
    });
    const incident = await graph.query<{
      incident: { reportedBy: { id: string }; indicators: { type: string }[] };
    }>(
      `query ($id: ID!) { incident(id: $id) { reportedBy { id } indicators { type } } }`,
      { id: body.report.incident!.id },
      csa,
    );
    expect(incident.data!.incident.reportedBy).toEqual({ id: 'sg-csa' });
    expect(incident.data!.incident.indicators.map((i) => i.type).sort()).toEqual(['IPV4', 'URL']);
  });

  it('refuses webhook calls without a valid token or with a bad verdict', async () => {
    const verdict = {
      url: 'https://x.example/',
      observedAt: observedAt(),
      targetedCountries: ['SG'],
      verdict: { detector: 'd', score: 0.1, label: 'l' },
    };
    expect((await postWebhook(verdict)).status).toBe(401);
    expect((await postWebhook(verdict, 'not-a-token')).status).toBe(401);
    const badScore = await postWebhook({ ...verdict, verdict: { ...verdict.verdict, score: 3 } }, csa);
    expect(badScore.status).toBe(400);
    expect(((await badScore.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe(
      'BAD_USER_INPUT',
    );
    const unknownCountry = await postWebhook({ ...verdict, targetedCountries: ['ZZ'] }, csa);
    expect(unknownCountry.status).toBe(422);
  });

  it('keeps phishing reports from anonymous callers and refuses anonymous reports', async () => {
    const anonymous = await graph.query(`{ phishingReport(url: "https://pay-toll.example/my") { id } }`);
    expect(codesOf(anonymous)).toEqual(['UNAUTHENTICATED']);
    const member = await graph.query<{ phishingReport: { verdicts: unknown[] } }>(
      `{ phishingReport(url: "hxxps://pay-toll[.]example/my") { verdicts { score } } }`,
      {},
      csa,
    );
    expect(member.data!.phishingReport.verdicts).toHaveLength(2);
    const refused = await graph.query(REPORT_PHISHING, {
      input: {
        url: 'https://x.example/',
        observedAt: observedAt(),
        targetedCountries: ['SG'],
        verdict: { detector: 'd', score: 0.1, label: 'l' },
      },
    });
    expect(codesOf(refused)).toEqual(['UNAUTHENTICATED']);
  });
});
