import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@cadg/platform';
import type { StackOptions } from '@cadg/stack';
import type { ServiceProcess } from '../cluster/processes.ts';
import { codesOf, startGraph, startIncidentsReplica, type Graph } from './harness.ts';
import { scrape } from './scrape.ts';

type AttemptReport = Parameters<NonNullable<NonNullable<StackOptions['alerts']>['onAttempt']>>[0];

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A webhook receiver on a free port: answers each path with the status its script gives for
 * that path's nth request (200 once the script runs out), and tells waiters of every request.
 */
class Receiver {
  readonly requests: Received[] = [];
  readonly scripts = new Map<string, number[]>();
  readonly #events = new EventEmitter();
  #server: Server | null = null;
  port = 0;

  async start(): Promise<void> {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const received = {
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString(),
        };
        this.requests.push(received);
        res.statusCode = this.scripts.get(received.path)?.shift() ?? 200;
        res.end();
        this.#events.emit('request', received);
      });
    });
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
    this.port = (this.#server.address() as AddressInfo).port;
  }

  url(path: string, host = '127.0.0.1'): string {
    return `http://${host}:${this.port}${path}`;
  }

  on(path: string): Received[] {
    return this.requests.filter((r) => r.path === path);
  }

  /** Resolves once `path` has had `count` requests. */
  waitFor(path: string, count: number): Promise<Received[]> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.on(path).length < count) return;
        this.#events.off('request', check);
        resolve(this.on(path));
      };
      this.#events.on('request', check);
      check();
    });
  }

  async close(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()) ?? resolve());
  }
}

/** The dispatcher's own progress, as `onAttempt` reports it. */
class Attempts {
  readonly reports: AttemptReport[] = [];
  readonly #events = new EventEmitter();
  readonly record = (report: AttemptReport) => {
    this.reports.push(report);
    this.#events.emit('attempt');
  };

  /** Resolves with the first report (past or future) that `matches`. */
  waitFor(matches: (report: AttemptReport) => boolean): Promise<AttemptReport> {
    return new Promise((resolve) => {
      const check = () => {
        const found = this.reports.find(matches);
        if (!found) return;
        this.#events.off('attempt', check);
        resolve(found);
      };
      this.#events.on('attempt', check);
      check();
    });
  }
}

const CREATE = /* GraphQL */ `
  mutation ($input: CreateAlertRuleInput!) {
    createAlertRule(input: $input) {
      signingSecret
      rule {
        id
        name
        channel
        target
        minSeverity
        countryCodes
        categories
        kinds
        paused
        organization {
          id
        }
      }
    }
  }
`;
const RULES = /* GraphQL */ `
  {
    alertRules {
      id
      paused
      pausedReason
      deliveries(first: 50) {
        totalCount
        edges {
          node {
            id
            status
            attempts
            kind
            lastError
            deliveredAt
            nextAttemptAt
            incident {
              id
            }
          }
        }
      }
    }
  }
`;

interface RuleView {
  id: string;
  paused: boolean;
  pausedReason: string | null;
  deliveries: {
    totalCount: number;
    edges: {
      node: {
        id: string;
        status: string;
        attempts: number;
        kind: string;
        lastError: string | null;
        deliveredAt: string | null;
        incident: { id: string } | null;
      };
    }[];
  };
}

async function createRule(graph: Graph, token: string, input: Record<string, unknown>) {
  const created = await graph.query<{
    createAlertRule: { signingSecret: string | null; rule: { id: string } };
  }>(CREATE, { input }, token);
  expect(created.errors).toBeUndefined();
  return created.data!.createAlertRule;
}

async function rules(graph: Graph, token: string): Promise<RuleView[]> {
  const response = await graph.query<{ alertRules: RuleView[] }>(RULES, {}, token);
  expect(response.errors).toBeUndefined();
  return response.data!.alertRules;
}

async function report(graph: Graph, org: string, input: Record<string, unknown>): Promise<string> {
  const reported = await graph.query<{ reportIncident: { id: string } }>(
    `mutation ($i: ReportIncidentInput!) { reportIncident(input: $i) { id } }`,
    {
      i: {
        summary: 'Alert test data.',
        category: 'DDOS',
        severity: 'SEVERE',
        tlp: 'GREEN',
        affectedCountryCodes: ['SG'],
        ...input,
      },
    },
    await graph.token(org, [Role.Member]),
  );
  expect(reported.errors).toBeUndefined();
  return reported.data!.reportIncident.id;
}

const incidentOf = (received: Received) =>
  (JSON.parse(received.body) as { incident: { id: string } }).incident.id;

describe('alerts by webhook and e-mail', () => {
  let graph: Graph;
  const receiver = new Receiver();
  const attempts = new Attempts();
  const mails: { to: string[]; raw: string }[] = [];
  const mailArrived = new EventEmitter();
  let smtp: SMTPServer;
  let smtpPort = 0;

  beforeAll(async () => {
    await receiver.start();
    smtp = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          mails.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString(),
          });
          callback();
          mailArrived.emit('mail');
        });
      },
    });
    smtp.listen(0, '127.0.0.1');
    await once(smtp.server, 'listening');
    smtpPort = (smtp.server.address() as AddressInfo).port;
    graph = await startGraph({
      alerts: {
        retryBaseMs: 10,
        maxAttempts: 3,
        pauseAfterDead: 2,
        smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
        mailFrom: 'CADG alerts <alerts@cadg.test>',
        publicUrl: 'https://graph.cadg.test',
        onAttempt: attempts.record,
      },
    });
  });
  afterAll(async () => {
    await graph?.close();
    await receiver.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('signs each webhook per Standard Webhooks, retries a failing receiver under the same webhook-id, and records it DELIVERED', async () => {
    const admin = await graph.token('sg-csa', [Role.OrgAdmin]);
    receiver.scripts.set('/signed', [503, 500]);
    const { signingSecret, rule } = await createRule(graph, admin, {
      name: 'SOC ticketing',
      channel: 'WEBHOOK',
      target: receiver.url('/signed'),
      countryCodes: ['sg'],
    });
    expect(signingSecret).toMatch(/^whsec_/);
    const incidentId = await report(graph, 'my-mycert', { title: 'Signed webhook alert' });

    const requests = await receiver.waitFor('/signed', 3);
    const ids = new Set(requests.map((r) => r.headers['webhook-id']));
    expect(ids.size).toBe(1);
    const last = requests[2]!;
    const payload = new Webhook(signingSecret!).verify(last.body, {
      'webhook-id': String(last.headers['webhook-id']),
      'webhook-timestamp': String(last.headers['webhook-timestamp']),
      'webhook-signature': String(last.headers['webhook-signature']),
    });
    expect(payload).toMatchObject({
      type: 'INCIDENT_REPORTED',
      deliveryId: last.headers['webhook-id'],
      incident: {
        id: incidentId,
        title: 'Signed webhook alert',
        severity: 'SEVERE',
        tlp: 'GREEN',
        status: 'REPORTED',
        affectedCountryCodes: ['SG'],
        url: `https://graph.cadg.test/incidents/${incidentId}`,
      },
    });
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`).verify(last.body, {
        'webhook-id': String(last.headers['webhook-id']),
        'webhook-timestamp': String(last.headers['webhook-timestamp']),
        'webhook-signature': String(last.headers['webhook-signature']),
      }),
    ).toThrow();

    const deliveryId = String(last.headers['webhook-id']);
    await attempts.waitFor((r) => r.deliveryId === deliveryId && r.status === 'DELIVERED');
    const mine = (await rules(graph, admin)).find((r) => r.id === rule.id)!;
    expect(mine.deliveries.totalCount).toBe(1);
    expect(mine.deliveries.edges[0]!.node).toMatchObject({
      id: deliveryId,
      status: 'DELIVERED',
      attempts: 3,
      kind: 'INCIDENT_REPORTED',
      incident: { id: incidentId },
    });
    const metrics = await scrape(graph.subgraphUrls['incidents']!);
    expect(
      metrics.value('alert_delivery_attempts_total', { channel: 'WEBHOOK', status: 'FAILED' }),
    ).toBeGreaterThanOrEqual(2);
    expect(
      metrics.value('alert_delivery_attempts_total', { channel: 'WEBHOOK', status: 'DELIVERED' }),
    ).toBeGreaterThanOrEqual(1);
    expect(metrics.body).toContain('alert_delivery_duration_seconds_bucket');
    expect(metrics.body).toContain('alert_dispatcher_lag_events');
  });

  it('e-mails an alert over SMTP with the marking first in the subject, its sharing rule and a link', async () => {
    const admin = await graph.token('th-thaicert', [Role.OrgAdmin]);
    await createRule(graph, admin, {
      name: 'Duty officer',
      channel: 'EMAIL',
      target: 'duty@thaicert.test',
      countryCodes: ['TH'],
      kinds: ['INCIDENT_REPORTED'],
    });
    const arrived = once(mailArrived, 'mail');
    const incidentId = await report(graph, 'my-mycert', {
      title: 'Mail alert for the duty officer',
      severity: 'HIGH',
      tlp: 'AMBER',
      affectedCountryCodes: ['TH'],
      sharedWithOrganizationIds: ['th-thaicert'],
    });
    await arrived;
    const mail = mails.find((m) => m.to.includes('duty@thaicert.test'))!;
    const unfolded = mail.raw.replace(/\r\n[ \t]/g, ' ');
    expect(unfolded).toMatch(/^From: CADG alerts <alerts@cadg\.test>/m);
    // The subject is RFC 2047 Q-encoded UTF-8 (for the em dash): decoded as a mail client would,
    // adjacent encoded words joined without the space between them.
    const encoded = unfolded.match(/^Subject: (.*)$/m)![1]!.replace(/\?=\s+=\?UTF-8\?Q\?/gi, '');
    const subject = encoded.replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_, q: string) =>
      Buffer.from(
        q
          .replace(/_/g, ' ')
          .replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))),
        'latin1',
      ).toString('utf8'),
    );
    expect(subject.replace(/\s+/g, ' ')).toBe('[TLP:AMBER] HIGH — Mail alert for the duty officer');
    const body = unfolded.replace(/=\r\n/g, '');
    expect(body).toContain('An incident was reported: "Mail alert for the duty officer".');
    expect(body).toContain('TLP:AMBER: recipients may share this only within their organization');
    expect(body).toContain(`https://graph.cadg.test/incidents/${incidentId}`);
  });

  it('sends nothing about a RED incident the organization may not read, and sends it once the incident is shared with it', async () => {
    const admin = await graph.token('ph-certph', [Role.OrgAdmin]);
    await createRule(graph, admin, {
      name: 'TLP watch',
      channel: 'WEBHOOK',
      target: receiver.url('/tlp'),
      countryCodes: ['VN'],
    });
    const red = await report(graph, 'my-mycert', {
      title: 'Red, not for CERT-PH',
      tlp: 'RED',
      affectedCountryCodes: ['VN'],
    });
    // Reported after the RED one: once its alert arrives, the dispatcher has matched the RED event.
    const marker = await report(graph, 'my-mycert', { title: 'Green marker', affectedCountryCodes: ['VN'] });
    const [first] = await receiver.waitFor('/tlp', 1);
    expect(incidentOf(first!)).toBe(marker);

    const shared = await graph.query(
      `mutation ($id: ID!) { shareIncident(id: $id, organizationIds: ["ph-certph"]) { id } }`,
      { id: red },
      await graph.token('my-mycert', [Role.Member]),
    );
    expect(shared.errors).toBeUndefined();
    const requests = await receiver.waitFor('/tlp', 2);
    expect(incidentOf(requests[1]!)).toBe(red);
    expect(JSON.parse(requests[1]!.body)).toMatchObject({
      type: 'INCIDENT_UPDATED',
      incident: { tlp: 'RED' },
    });
    expect(requests.map(incidentOf)).toEqual([marker, red]);
  });

  it('marks a delivery DEAD after ALERT_MAX_ATTEMPTS, pauses the rule after a run of DEAD ones saying why, and sends one again on redeliverAlert', async () => {
    const admin = await graph.token('sg-csa', [Role.OrgAdmin]);
    receiver.scripts.set('/dead', [500, 500, 500, 500, 500, 500]);
    const { rule } = await createRule(graph, admin, {
      name: 'Broken receiver',
      channel: 'WEBHOOK',
      target: receiver.url('/dead'),
      countryCodes: ['BN'],
    });
    await report(graph, 'my-mycert', { title: 'Dead one', affectedCountryCodes: ['BN'] });
    await report(graph, 'my-mycert', { title: 'Dead two', affectedCountryCodes: ['BN'] });
    await attempts.waitFor((r) => r.ruleId === rule.id && r.status === 'DEAD');
    await attempts.waitFor(
      (r) =>
        r.ruleId === rule.id &&
        r.status === 'DEAD' &&
        attempts.reports.filter((x) => x.ruleId === rule.id && x.status === 'DEAD').length === 2,
    );
    expect(receiver.on('/dead')).toHaveLength(6);
    const paused = (await rules(graph, admin)).find((r) => r.id === rule.id)!;
    expect(paused.paused).toBe(true);
    expect(paused.pausedReason).toMatch(/2 deliveries in a row.*HTTP 500/);
    const dead = paused.deliveries.edges.map((e) => e.node);
    expect(dead.map((d) => [d.status, d.attempts])).toEqual([
      ['DEAD', 3],
      ['DEAD', 3],
    ]);

    const secretariat = await graph.token('sg-asean-regional-cert', [Role.Secretariat]);
    const refused = await graph.query(
      `mutation ($id: ID!) { redeliverAlert(deliveryId: $id) { id } }`,
      { id: dead[0]!.id },
      secretariat,
    );
    expect(codesOf(refused)).toEqual(['FORBIDDEN']);

    const resumed = await graph.query<{ pauseAlertRule: { paused: boolean } }>(
      `mutation ($id: ID!) { pauseAlertRule(id: $id, paused: false) { paused } }`,
      { id: rule.id },
      admin,
    );
    expect(resumed.data?.pauseAlertRule.paused).toBe(false);
    const again = await graph.query<{ redeliverAlert: { id: string; status: string; attempts: number } }>(
      `mutation ($id: ID!) { redeliverAlert(deliveryId: $id) { id status attempts } }`,
      { id: dead[0]!.id },
      admin,
    );
    expect(again.data?.redeliverAlert).toEqual({ id: dead[0]!.id, status: 'PENDING', attempts: 0 });
    await attempts.waitFor((r) => r.deliveryId === dead[0]!.id && r.status === 'DELIVERED');
    const redelivered = receiver.on('/dead').at(-1)!;
    expect(redelivered.headers['webhook-id']).toBe(dead[0]!.id);
    const twice = await graph.query(
      `mutation ($id: ID!) { redeliverAlert(deliveryId: $id) { id } }`,
      { id: dead[0]!.id },
      admin,
    );
    expect(codesOf(twice)).toEqual(['CONFLICT']);
  });

  it('refuses bad input naming the field, and rules for callers that are not ORG_ADMIN of the organization', async () => {
    const admin = await graph.token('sg-csa', [Role.OrgAdmin]);
    const attempt = async (input: Record<string, unknown>, token = admin) => {
      const response = await graph.query(
        CREATE,
        { input: { name: 'x', channel: 'WEBHOOK', target: receiver.url('/x'), ...input } },
        token,
      );
      return response.errors?.map((e) => [e.extensions?.['code'], e.extensions?.['field']]);
    };
    expect(await attempt({ countryCodes: ['ZZ'] })).toEqual([['BAD_USER_INPUT', 'input.countryCodes']]);
    expect(await attempt({ target: 'not a url' })).toEqual([['BAD_USER_INPUT', 'input.target']]);
    expect(await attempt({ target: 'ftp://example.org/x' })).toEqual([['BAD_USER_INPUT', 'input.target']]);
    expect(await attempt({ target: 'http://169.254.169.254/latest/meta-data' })).toEqual([
      ['BAD_USER_INPUT', 'input.target'],
    ]);
    expect(await attempt({ target: 'http://10.0.0.7/hook' })).toEqual([['BAD_USER_INPUT', 'input.target']]);
    expect(await attempt({ channel: 'EMAIL', target: 'duty@example.org, boss@example.org' })).toEqual([
      ['BAD_USER_INPUT', 'input.target'],
    ]);
    expect(await attempt({ name: '  ' })).toEqual([['BAD_USER_INPUT', 'input.name']]);
    const forbidden = async (token: string) => (await attempt({}, token))?.map(([code]) => code);
    expect(await forbidden(await graph.token('sg-csa', [Role.Member]))).toEqual(['FORBIDDEN']);
    expect(await forbidden(await graph.token('sg-asean-regional-cert', [Role.Secretariat]))).toEqual([
      'FORBIDDEN',
    ]);
    const anonymous = await graph.query(CREATE, {
      input: { name: 'x', channel: 'WEBHOOK', target: receiver.url('/x') },
    });
    expect(codesOf(anonymous)).toEqual(['UNAUTHENTICATED']);

    // Another organization's ORG_ADMIN neither sees nor changes sg-csa's rules; the SECRETARIAT sees them.
    const sgRules = await rules(graph, admin);
    expect(sgRules.length).toBeGreaterThan(0);
    const other = await graph.token('my-mycert', [Role.OrgAdmin]);
    expect((await rules(graph, other)).map((r) => r.id)).not.toContain(sgRules[0]!.id);
    const deleted = await graph.query(
      `mutation ($id: ID!) { deleteAlertRule(id: $id) }`,
      { id: sgRules[0]!.id },
      other,
    );
    expect(codesOf(deleted)).toEqual(['NOT_FOUND']);
    const secretariatView = await rules(
      graph,
      await graph.token('sg-asean-regional-cert', [Role.Secretariat]),
    );
    expect(secretariatView.map((r) => r.id)).toEqual(expect.arrayContaining(sgRules.map((r) => r.id)));
  });
});

describe('alerts with EMAIL and production webhook policy', () => {
  let graph: Graph;
  const receiver = new Receiver();
  const attempts = new Attempts();

  beforeAll(async () => {
    await receiver.start();
    // The policy GATEWAY_MODE=production gives the incidents service (alertSettingsFromEnv), with
    // the receiver's address listed as ALERT_WEBHOOK_ALLOWED_HOSTS would list it.
    graph = await startGraph({
      alerts: {
        policy: { allowLoopback: false, allowedHosts: new Set(['127.0.0.1']) },
        smtpUrl: null,
        retryBaseMs: 10,
        maxAttempts: 1,
        onAttempt: attempts.record,
      },
    });
  });
  afterAll(async () => {
    await graph?.close();
    await receiver.close();
  });

  it('refuses loopback, private and metadata targets at creation unless allowed by name, and EMAIL rules without SMTP', async () => {
    const admin = await graph.token('sg-csa', [Role.OrgAdmin]);
    for (const target of [
      `http://localhost:${receiver.port}/`,
      `http://[::1]:${receiver.port}/`,
      'http://127.0.0.2/',
      'http://192.168.1.10/',
      'http://[fd00:ec2::254]/',
      'http://[::ffff:169.254.169.254]/',
      'http://100.100.100.200/',
    ]) {
      const response = await graph.query(CREATE, { input: { name: 'x', channel: 'WEBHOOK', target } }, admin);
      expect(
        response.errors?.map((e) => [e.extensions?.['code'], e.extensions?.['field']]),
        target,
      ).toEqual([['BAD_USER_INPUT', 'input.target']]);
    }
    const email = await graph.query(
      CREATE,
      { input: { name: 'x', channel: 'EMAIL', target: 'soc@example.org' } },
      admin,
    );
    expect(email.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.channel' });
    expect(email.errors?.[0]?.message).toMatch(/SMTP_URL/);

    await createRule(graph, admin, {
      name: 'Allowed by name',
      channel: 'WEBHOOK',
      target: receiver.url('/allowed'),
      countryCodes: ['LA'],
    });
    const id = await report(graph, 'my-mycert', {
      title: 'To an allowed host',
      affectedCountryCodes: ['LA'],
    });
    const [received] = await receiver.waitFor('/allowed', 1);
    expect(incidentOf(received!)).toBe(id);
  });

  it('refuses at send time a host name that resolves to a loopback or private address', async () => {
    const name = hostname().toLowerCase();
    const { address } = await lookup(name);
    // Where this machine's name resolves to a public address the case does not apply; CI runners
    // and containers resolve it to a loopback or private one.
    expect(address).toMatch(/^(127\.|10\.|172\.(1[6-9]|2\d|3[01])\.|192\.168\.|::1$|fe80:|fd)/);
    const admin = await graph.token('sg-csa', [Role.OrgAdmin]);
    const { rule } = await createRule(graph, admin, {
      name: 'Rebound name',
      channel: 'WEBHOOK',
      target: receiver.url('/rebound', name),
      countryCodes: ['KH'],
    });
    await report(graph, 'my-mycert', { title: 'To a name inside', affectedCountryCodes: ['KH'] });
    const dead = await attempts.waitFor((r) => r.ruleId === rule.id);
    expect(dead.status).toBe('DEAD');
    expect(dead.error).toMatch(/(loopback|private) address, where webhooks may not point/);
    expect(receiver.on('/rebound')).toHaveLength(0);
  });
});

// Two dispatchers on one database need a PostgreSQL server; CI always sets DATABASE_URL.
describe.runIf(process.env['DATABASE_URL'])('alerts from two incidents processes on one PostgreSQL', () => {
  let graph: Graph;
  let second: ServiceProcess;
  const receiver = new Receiver();

  beforeAll(async () => {
    await receiver.start();
    graph = await startGraph({ alerts: { retryBaseMs: 10, pollMs: 200 } });
    second = await startIncidentsReplica(graph, { ALERT_RETRY_BASE_MS: '10', ALERT_POLL_MS: '200' });
  });
  afterAll(async () => {
    await second?.kill('SIGKILL');
    await graph?.close();
    await receiver.close();
  });

  it('delivers each alert once, as one delivery row, while both dispatchers run', async () => {
    const admin = await graph.token('sg-csa', [Role.OrgAdmin]);
    const { rule } = await createRule(graph, admin, {
      name: 'Shared work',
      channel: 'WEBHOOK',
      target: receiver.url('/shared'),
      countryCodes: ['MM'],
    });
    const count = 12;
    const ids = await Promise.all(
      Array.from({ length: count }, (_, n) =>
        report(graph, 'my-mycert', { title: `Shared ${n}`, affectedCountryCodes: ['MM'] }),
      ),
    );
    const requests = await receiver.waitFor('/shared', count);
    expect(new Set(requests.map(incidentOf))).toEqual(new Set(ids));
    expect(new Set(requests.map((r) => r.headers['webhook-id'])).size).toBe(count);
    // The receiver has every alert; recording DELIVERED follows each answer, so wait for the rows.
    const deadline = Date.now() + 10_000;
    let mine: RuleView | undefined;
    do {
      mine = (await rules(graph, admin)).find((r) => r.id === rule.id);
    } while (mine?.deliveries.edges.some((e) => e.node.status !== 'DELIVERED') && Date.now() < deadline);
    expect(mine!.deliveries.totalCount).toBe(count);
    expect(mine!.deliveries.edges.map((e) => [e.node.status, e.node.attempts])).toEqual(
      Array.from({ length: count }, () => ['DELIVERED', 1]),
    );
    expect(receiver.on('/shared')).toHaveLength(count);
    // Each process counts its own sends: together exactly one per alert.
    const sent = async (url: string) =>
      (await scrape(url)).value('alert_delivery_attempts_total', { channel: 'WEBHOOK', status: 'DELIVERED' });
    expect((await sent(graph.subgraphUrls['incidents']!)) + (await sent(second.url))).toBe(count);
  });
});
