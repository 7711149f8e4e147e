import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManifest } from '@cadg/gateway';
import { Role } from '@cadg/platform';
import type { VerificationSettings } from '@cadg/contacts/server';
import { codesOf, productionProtection, startGraph, type Graph } from './harness.ts';
import { runDocument } from './documents.ts';
import { MailSink, readableText, type ReceivedMail } from './mail.ts';

type SweepResult = Parameters<NonNullable<VerificationSettings['onSweep']>>[0];

const REQUEST = /* GraphQL */ `
  mutation ($id: ID!) {
    requestContactVerification(contactId: $id) {
      id
      verificationStatus
      verificationPing {
        requestedAt
        sentAt
        expiresAt
      }
    }
  }
`;
const CONFIRM = /* GraphQL */ `
  mutation ($token: String!) {
    confirmContactVerification(token: $token) {
      id
      verificationStatus
      lastVerifiedAt
    }
  }
`;
const CONTACTS = /* GraphQL */ `
  query ($filter: ContactFilter) {
    contacts(filter: $filter, first: 500) {
      edges {
        node {
          id
          email
          verificationStatus
          lastVerifiedAt
          verificationPing {
            requestedAt
            sentAt
            expiresAt
          }
          verifications {
            method
            outcome
            note
            verifiedAt
          }
        }
      }
    }
  }
`;

interface ContactView {
  id: string;
  email: string | null;
  verificationStatus: string;
  lastVerifiedAt: string | null;
  verificationPing: { requestedAt: string; sentAt: string | null; expiresAt: string } | null;
  verifications: { method: string; outcome: string; note: string | null; verifiedAt: string }[];
}

async function contactsWhere(graph: Graph, filter: Record<string, unknown>, token?: string) {
  const response = await graph.query<{ contacts: { edges: { node: ContactView }[] } }>(
    CONTACTS,
    { filter },
    token,
  );
  expect(response.errors).toBeUndefined();
  return response.data!.contacts.edges.map((edge) => edge.node);
}

async function contactById(graph: Graph, organizationId: string, id: string, token?: string) {
  const found = (await contactsWhere(graph, { organizationId }, token)).find((c) => c.id === id);
  expect(found).toBeDefined();
  return found!;
}

/** The token of the verification link in a ping e-mail. */
function tokenOf(mail: ReceivedMail, publicUrl = 'https://graph.cadg.test'): string {
  const text = readableText(mail.raw);
  const escaped = publicUrl.replace(/[.]/g, '\\.');
  const match = text.match(new RegExp(`${escaped}/verify-contact\\?token=([A-Za-z0-9_-]+)`));
  expect(match, text).not.toBeNull();
  return match![1]!;
}

async function addContact(
  graph: Graph,
  organizationId: string,
  token: string,
): Promise<{ id: string; email: string }> {
  const email = `ping-${randomUUID()}@verify.example`;
  const added = await graph.query<{ addContact: { id: string } }>(
    `mutation ($input: AddContactInput!) { addContact(input: $input) { id } }`,
    {
      input: {
        organizationId,
        name: 'Verification test duty desk',
        email,
        roles: ['INCIDENT_RESPONSE'],
        available24x7: true,
        timezone: 'Asia/Singapore',
      },
    },
    token,
  );
  expect(added.errors).toBeUndefined();
  return { id: added.data!.addContact.id, email };
}

describe('contact verification by e-mail ping', () => {
  let graph: Graph;
  const sink = new MailSink();

  beforeAll(async () => {
    await sink.start();
    graph = await startGraph({
      verification: {
        smtpUrl: sink.url,
        mailFrom: 'CADG directory <directory@cadg.test>',
        publicUrl: 'https://graph.cadg.test',
        sweepMs: 0,
      },
    });
  });
  afterAll(async () => {
    await graph?.close();
    await sink.close();
  });

  it('e-mails a one-time link that confirms the contact over GraphQL, records who answered and when, and refuses the link a second time', async () => {
    const admin = await graph.token('sg-csa', [Role.OrgAdmin]);
    const contact = await addContact(graph, 'sg-csa', admin);
    const requested = await graph.query<{
      requestContactVerification: {
        verificationStatus: string;
        verificationPing: { requestedAt: string; sentAt: string | null; expiresAt: string };
      };
    }>(REQUEST, { id: contact.id }, admin);
    expect(requested.errors).toBeUndefined();
    const ping = requested.data!.requestContactVerification;
    expect(ping.verificationStatus).toBe('UNVERIFIED');
    expect(ping.verificationPing.sentAt).not.toBeNull();
    expect(Date.parse(ping.verificationPing.expiresAt) - Date.parse(ping.verificationPing.requestedAt)).toBe(
      7 * 86_400_000,
    );

    const [mail] = await sink.waitFor(contact.email);
    const text = readableText(mail!.raw);
    expect(text).toMatch(/^From: CADG directory <directory@cadg\.test>/m);
    expect(text).toMatch(/^Subject: Please confirm you are still a point of contact for /m);
    const token = tokenOf(mail!);

    const before = Date.now();
    const confirmed = await graph.query<{
      confirmContactVerification: { id: string; verificationStatus: string; lastVerifiedAt: string };
    }>(CONFIRM, { token });
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data!.confirmContactVerification).toMatchObject({
      id: contact.id,
      verificationStatus: 'VERIFIED',
    });
    const at = Date.parse(confirmed.data!.confirmContactVerification.lastVerifiedAt);
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(Date.now());

    const member = await graph.token('sg-csa', [Role.Member]);
    const view = await contactById(graph, 'sg-csa', contact.id, member);
    expect(view.verificationPing).toBeNull();
    expect(view.verifications[0]).toMatchObject({ method: 'EMAIL_PING', outcome: 'CONFIRMED' });
    expect(view.verifications[0]!.note).toContain(`Answered by ${contact.email}`);
    expect(Date.parse(view.verifications[0]!.verifiedAt)).toBe(at);

    const again = await graph.query(CONFIRM, { token });
    expect(again.errors?.map((e) => [e.extensions?.['code'], e.extensions?.['field']])).toEqual([
      ['BAD_USER_INPUT', 'token'],
    ]);

    const secretariat = await graph.token('asean-secretariat', [Role.Secretariat]);
    const audit = await graph.query<{
      contactsAuditLog: { edges: { node: { operation: string; actor: { sub: string }; summary: string } }[] };
    }>(
      `query ($id: ID) { contactsAuditLog(filter: { targetId: $id }) { edges { node { operation summary actor { sub } } } } }`,
      { id: contact.id },
      secretariat,
    );
    expect(audit.errors).toBeUndefined();
    const entries = audit.data!.contactsAuditLog.edges.map((e) => e.node);
    expect(entries.map((e) => [e.operation, e.actor.sub])).toEqual([
      ['confirmContactVerification', 'contact-verification-link'],
      ['requestContactVerification', 'e2e-sg-csa-ORG_ADMIN'],
      ['addContact', 'e2e-sg-csa-ORG_ADMIN'],
    ]);
    expect(JSON.stringify(entries)).not.toContain(token);
  });

  it("lets only the SECRETARIAT or an ORG_ADMIN of the contact's organization ask, shows the open ping to members only, and retires an earlier link on a new request", async () => {
    const admin = await graph.token('sg-csa', [Role.OrgAdmin]);
    const contact = await addContact(graph, 'sg-csa', admin);
    const codes = async (token: string | undefined, id = contact.id) =>
      codesOf(await graph.query(REQUEST, { id }, token));
    expect(await codes(await graph.token('sg-csa', [Role.Member]))).toEqual(['FORBIDDEN']);
    expect(await codes(await graph.token('my-mycert', [Role.OrgAdmin]))).toEqual(['FORBIDDEN']);
    expect(await codes(undefined)).toEqual(['UNAUTHENTICATED']);
    expect(await codes(admin, randomUUID())).toEqual(['NOT_FOUND']);
    expect(await codes(admin, 'not-a-contact')).toEqual(['NOT_FOUND']);
    expect(sink.to(contact.email)).toHaveLength(0);

    const secretariat = await graph.token('asean-secretariat', [Role.Secretariat]);
    expect(await codes(secretariat)).toEqual([]);
    const first = tokenOf((await sink.waitFor(contact.email, 1))[0]!);
    expect(await codes(admin)).toEqual([]);
    const second = tokenOf((await sink.waitFor(contact.email, 2))[1]!);
    expect(second).not.toBe(first);

    const member = await graph.token('my-mycert', [Role.Member]);
    const open = await contactById(graph, 'sg-csa', contact.id, member);
    expect(open.verificationPing?.sentAt).not.toBeNull();
    expect((await contactById(graph, 'sg-csa', contact.id)).verificationPing).toBeNull();

    expect(codesOf(await graph.query(CONFIRM, { token: first }))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await graph.query(CONFIRM, { token: 'x'.repeat(43) }))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await graph.query(CONFIRM, { token: second }))).toEqual([]);
  });
});

describe('contact verification in production mode', () => {
  let graph: Graph;
  const sink = new MailSink();
  let manifest: Record<string, string>;

  beforeAll(async () => {
    await sink.start();
    manifest = await readManifest();
    graph = await startGraph({
      protection: productionProtection(manifest),
      verification: { smtpUrl: sink.url, publicUrl: 'https://graph.cadg.test', sweepMs: 0 },
    });
  });
  afterAll(async () => {
    await graph?.close();
    await sink.close();
  });

  /** Runs a registered operation by its id, as a client of the trusted-documents manifest does. */
  async function run<T>(file: string, variables: Record<string, unknown>, token?: string) {
    return runDocument<T>(graph, { byId: true, manifest }, file, variables, token);
  }

  it('pings a contact and confirms it with the registered operations, signed subgraph calls and no token for the answer', async () => {
    const member = await graph.token('my-mycert', [Role.Member]);
    const directory = await run<{
      contacts: { edges: { node: { id: string; email: string; organization: { id: string } } }[] };
    }>('dashboard/ContactDirectory.graphql', { filter: { verificationStatus: 'STALE' }, first: 1 }, member);
    expect(directory.errors).toBeUndefined();
    const contact = directory.data!.contacts.edges[0]!.node;

    const refused = await graph.query(REQUEST, { id: contact.id }, member);
    expect(codesOf(refused)).toEqual(['TRUSTED_DOCUMENT_REQUIRED']);

    const admin = await graph.token(contact.organization.id, [Role.OrgAdmin]);
    const requested = await run<{ requestContactVerification: { verificationStatus: string } }>(
      'verify-contact/RequestContactVerification.graphql',
      { contactId: contact.id },
      admin,
    );
    expect(requested.errors).toBeUndefined();
    expect(requested.data!.requestContactVerification.verificationStatus).toBe('STALE');
    const [mail] = await sink.waitFor(contact.email);

    const confirmed = await run<{ confirmContactVerification: { id: string; verificationStatus: string } }>(
      'verify-contact/ConfirmContactVerification.graphql',
      { token: tokenOf(mail!) },
    );
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data!.confirmContactVerification).toEqual(
      expect.objectContaining({ id: contact.id, verificationStatus: 'VERIFIED' }),
    );
    const again = await run('verify-contact/ConfirmContactVerification.graphql', { token: tokenOf(mail!) });
    expect(again.errors?.map((e) => e.extensions?.['code'])).toEqual(['BAD_USER_INPUT']);
  });
});

describe('the scheduled contact verification job', () => {
  let graph: Graph;
  const sink = new MailSink();
  const sweeps: SweepResult[] = [];
  const swept = new EventEmitter();
  /** Resolves with the index of the first sweep (past or future) from `from` on that `matches`. */
  const sweepWhere = (from: number, matches: (r: SweepResult) => boolean) =>
    new Promise<number>((resolve) => {
      const check = () => {
        const index = sweeps.findIndex((r, i) => i >= from && matches(r));
        if (index < 0) return;
        swept.off('sweep', check);
        resolve(index);
      };
      swept.on('sweep', check);
      check();
    });

  beforeAll(async () => {
    await sink.start();
    graph = await startGraph({
      verification: {
        smtpUrl: sink.url,
        publicUrl: 'https://graph.cadg.test',
        sweepMs: 150,
        linkValidMs: 6000,
        onSweep(result) {
          sweeps.push(result);
          swept.emit('sweep');
        },
      },
    });
  });
  afterAll(async () => {
    await graph?.close();
    await sink.close();
  });

  it('pings once each contact whose last verification is too old, records an answer, and records the unanswered ones as NO_RESPONSE', async () => {
    const member = await graph.token('my-mycert', [Role.Member]);
    const stale = await contactsWhere(graph, { verificationStatus: 'STALE' }, member);
    const fresh = await contactsWhere(graph, { verificationStatus: 'VERIFIED' }, member);
    expect(stale.length).toBeGreaterThanOrEqual(1);
    expect(fresh.length).toBeGreaterThanOrEqual(1);
    const silent = stale[0]!;
    // A contact added now has never been verified: the next run pings it, and it answers in time.
    const admin = await graph.token('sg-csa', [Role.OrgAdmin]);
    const answering = await addContact(graph, 'sg-csa', admin);
    const [mail] = await sink.waitFor(answering.email);
    const confirmed = await graph.query(CONFIRM, { token: tokenOf(mail!) });
    expect(confirmed.errors).toBeUndefined();
    await sink.waitFor(silent.email!);

    // The run that records the ran-out pings, then one more whole run after it: nobody is pinged twice.
    const expiredAt = await sweepWhere(0, (r) => r.expired > 0);
    await sweepWhere(expiredAt + 1, () => true);
    const all = await contactsWhere(graph, {}, member);
    const now = (id: string) => all.find((c) => c.id === id)!;
    expect(now(silent.id).verificationPing).toBeNull();
    expect(now(silent.id).verifications[0]).toMatchObject({ method: 'EMAIL_PING', outcome: 'NO_RESPONSE' });
    expect(now(silent.id).verificationStatus).toBe('STALE');
    expect(now(answering.id).verificationStatus).toBe('VERIFIED');
    expect(now(answering.id).verifications[0]).toMatchObject({ method: 'EMAIL_PING', outcome: 'CONFIRMED' });
    expect(sink.to(answering.email)).toHaveLength(1);
    for (const contact of stale) expect(sink.to(contact.email!), contact.email!).toHaveLength(1);
    for (const contact of fresh) expect(sink.to(contact.email!), contact.email!).toHaveLength(0);

    const secretariat = await graph.token('asean-secretariat', [Role.Secretariat]);
    const audit = await graph.query<{
      contactsAuditLog: { edges: { node: { operation: string; actor: { sub: string } } }[] };
    }>(
      `query ($id: ID) { contactsAuditLog(filter: { targetId: $id }) { edges { node { operation actor { sub } } } } }`,
      { id: silent.id },
      secretariat,
    );
    expect(audit.data!.contactsAuditLog.edges.map((e) => [e.node.operation, e.node.actor.sub])).toEqual([
      ['contactVerificationUnanswered', 'contact-verification-job'],
      ['scheduledContactVerification', 'contact-verification-job'],
    ]);
  });
});
