import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { Role } from '@cadg/platform';
import {
  CREATE,
  createRule,
  incidentOf,
  PRODUCTION_ALERTS,
  report,
  rules,
  useReceiver,
  verified,
} from './alert-receiver.ts';
import { codesOf, startGraph, type Graph } from './harness.ts';
import { MailSink } from './mail.ts';
import { scrape } from './scrape.ts';

describe('alerts by webhook and e-mail', () => {
  let graph: Graph;
  const sink = new MailSink();
  afterAll(async () => {
    await sink.close();
  });
  const { receiver, attempts } = useReceiver(async (attempts) => {
    await sink.start();
    return (graph = await startGraph({
      alerts: {
        retryBaseMs: 10,
        maxAttempts: 3,
        pauseAfterDead: 2,
        smtpUrl: sink.url,
        mailFrom: 'CADG alerts <alerts@cadg.test>',
        publicUrl: 'https://graph.cadg.test',
        onAttempt: attempts.record,
      },
    }));
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
    const payload = verified(last, signingSecret!);
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
    expect(() => verified(last, `whsec_${Buffer.alloc(32, 1).toString('base64')}`)).toThrow();

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
    const incidentId = await report(graph, 'my-mycert', {
      title: 'Mail alert for the duty officer',
      severity: 'HIGH',
      tlp: 'AMBER',
      affectedCountryCodes: ['TH'],
      sharedWithOrganizationIds: ['th-thaicert'],
    });
    const [mail] = await sink.waitFor('duty@thaicert.test');
    const unfolded = mail!.raw.replace(/\r\n[ \t]/g, ' ');
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
  const { receiver, attempts } = useReceiver(
    async (attempts) =>
      (graph = await startGraph({
        alerts: { ...PRODUCTION_ALERTS, smtpUrl: null, onAttempt: attempts.record },
      })),
  );

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
