import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@cadg/platform';
import * as t from '@cadg/db/contacts';
import { tokenHash, VerificationPinger } from '../src/verification-pings.ts';
import { verificationSettingsFromEnv } from '../src/verification-settings.ts';
import { as, errorCodes, startContacts } from './harness.ts';

let subgraph: Awaited<ReturnType<typeof startContacts>>;
beforeAll(async () => {
  subgraph = await startContacts();
});
afterAll(() => subgraph.close());

const CONFIRM = /* GraphQL */ `
  mutation ($token: String!) {
    confirmContactVerification(token: $token) {
      id
      verificationStatus
    }
  }
`;

/** A ping row as `requestContactVerification` writes it, for a contact of the seed. */
async function openPing(expiresAt: Date): Promise<{ token: string; contactId: string; pingId: string }> {
  const [contact] = await subgraph.db.select().from(t.contacts).limit(1);
  await subgraph.db
    .update(t.verificationPings)
    .set({ closedAt: new Date() })
    .where(eq(t.verificationPings.contactId, contact!.id));
  const token = randomBytes(32).toString('base64url');
  const [ping] = await subgraph.db
    .insert(t.verificationPings)
    .values({ contactId: contact!.id, tokenHash: tokenHash(token), sentTo: contact!.email, expiresAt })
    .returning();
  return { token, contactId: contact!.id, pingId: ping!.id };
}

describe('contact verification pings', () => {
  it('refuses a request without a mail server as SERVICE_UNAVAILABLE and writes nothing', async () => {
    const [contact] = await subgraph.db.select().from(t.contacts).limit(1);
    const before = await subgraph.db.select().from(t.verificationPings);
    const response = await subgraph.exec(
      `mutation ($id: ID!) { requestContactVerification(contactId: $id) { id } }`,
      { id: contact!.id },
      as(contact!.organizationId, Role.OrgAdmin),
    );
    expect(errorCodes(response)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(await subgraph.db.select().from(t.verificationPings)).toHaveLength(before.length);
  });

  it('keeps only the SHA-256 of a token, confirms with the token itself, and refuses an expired one', async () => {
    const live = await openPing(new Date(Date.now() + 60_000));
    const [stored] = await subgraph.db
      .select()
      .from(t.verificationPings)
      .where(eq(t.verificationPings.id, live.pingId));
    expect(stored!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(live.token);
    expect(errorCodes(await subgraph.exec(CONFIRM, { token: stored!.tokenHash }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const confirmed = await subgraph.exec(CONFIRM, { token: live.token });
    expect(errorCodes(confirmed)).toEqual([]);
    expect(confirmed.data).toEqual({
      confirmContactVerification: { id: live.contactId, verificationStatus: 'VERIFIED' },
    });

    const expired = await openPing(new Date(Date.now() - 1000));
    expect(errorCodes(await subgraph.exec(CONFIRM, { token: expired.token }))).toEqual(['BAD_USER_INPUT']);
  });

  it('records a ping that ran out as an EMAIL_PING verification with outcome NO_RESPONSE, once', async () => {
    const expired = await openPing(new Date(Date.now() - 1000));
    const pinger = new VerificationPinger(subgraph.db, { ...verificationSettingsFromEnv({}), smtpUrl: null });
    expect(await pinger.sweep()).toEqual({ expired: 1, pinged: 0 });
    expect(await pinger.sweep()).toEqual({ expired: 0, pinged: 0 });
    const history = await subgraph.db
      .select()
      .from(t.contactVerifications)
      .where(eq(t.contactVerifications.contactId, expired.contactId));
    expect(history.filter((v) => v.outcome === 'NO_RESPONSE' && v.method === 'EMAIL_PING')).toHaveLength(1);
  });
});
