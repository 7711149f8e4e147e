import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import DataLoader from 'dataloader';
import type { Transporter } from 'nodemailer';
import { badUserInput, byKey, serviceUnavailable, type Identity } from '@cadg/platform';
import type { AuditActor, Db, Tx } from '@cadg/db';
import * as t from '@cadg/db/contacts';
import { audit } from './audit.ts';
import type { ContactRow } from './rows.ts';
import { sendPingMail, verificationMailer } from './verification-mail.ts';
import type { SweepResult, VerificationSettings } from './verification-settings.ts';

export type VerificationPingRow = typeof t.verificationPings.$inferSelect;

/** Contacts pinged per transaction of the scheduled job. */
const SWEEP_BATCH = 100;

/** Who the audit log names for the changes the link and the job make: nobody logs in for them. */
const LINK_ACTOR = (contact: ContactRow): AuditActor => ({
  sub: 'contact-verification-link',
  org: contact.organizationId,
});
const JOB_ACTOR: AuditActor = { sub: 'contact-verification-job', org: null };

/** Only the SHA-256 of a token is stored: a copy of the table confirms nothing. */
export const tokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

interface NewPing {
  ping: VerificationPingRow;
  token: string;
  contact: ContactRow;
}

/**
 * E-mail pings of points of contact (issue #17, item 6). Every change is one transaction with its
 * audit entry; e-mails are sent after the ping row commits, and the row then records whether the
 * mail went out. A process that dies between the two leaves a ping nobody can answer, which runs
 * out after `linkValidMs` and is then recorded as unanswered like any other.
 */
export class VerificationPinger {
  readonly #transport: Transporter | null;

  constructor(
    private readonly db: Db,
    readonly settings: VerificationSettings,
  ) {
    this.#transport = verificationMailer(settings);
  }

  /** Whether pings can be sent at all (an SMTP server is configured). */
  get enabled(): boolean {
    return this.#transport !== null;
  }

  /**
   * E-mails the contact a fresh one-time link; an earlier open ping of the contact is closed, its
   * link no longer works. The caller's right to ask is checked by the resolver.
   */
  async request(actor: Identity, contact: ContactRow, now = new Date()): Promise<ContactRow> {
    if (!this.#transport)
      throw serviceUnavailable(
        'Contact verification e-mails are not available: this service has no SMTP server configured (SMTP_URL).',
      );
    const created = await this.db.transaction(async (tx) => {
      await tx
        .update(t.verificationPings)
        .set({ closedAt: now })
        .where(and(eq(t.verificationPings.contactId, contact.id), isNull(t.verificationPings.closedAt)));
      const [ping] = await this.#insertPings(tx, [contact], actor.sub, now);
      if (!ping) throw new Error('insert returned no ping');
      await audit(tx, actor, {
        operation: 'requestContactVerification',
        targetType: 'Contact',
        targetId: contact.id,
        summary: `Sent an e-mail verification link to contact "${contact.name}".`,
      });
      return ping;
    });
    const error = await this.#send(created);
    if (error)
      throw serviceUnavailable(`The verification e-mail could not be sent; try again later. ${error}`);
    return contact;
  }

  /**
   * Answers a ping: records an EMAIL_PING verification, CONFIRMED, by the mailbox the link was sent
   * to, at this moment, and moves `lastVerifiedAt` forward. A token that is unknown, used, replaced
   * or run out is BAD_USER_INPUT, all with the same message, so a guess learns nothing.
   */
  async confirm(token: string, now = new Date()): Promise<ContactRow> {
    const refused = () =>
      badUserInput('token', 'This verification link is unknown, already used, replaced or expired.');
    if (typeof token !== 'string' || token.length === 0 || token.length > 200) throw refused();
    return this.db.transaction(async (tx) => {
      const [ping] = await tx
        .select()
        .from(t.verificationPings)
        .where(eq(t.verificationPings.tokenHash, tokenHash(token)))
        .for('update');
      if (!ping || ping.closedAt || ping.expiresAt <= now) throw refused();
      const [contact] = await tx.select().from(t.contacts).where(eq(t.contacts.id, ping.contactId));
      if (!contact) throw refused();
      const [verification] = await tx
        .insert(t.contactVerifications)
        .values({
          contactId: contact.id,
          verifiedAt: now,
          method: 'EMAIL_PING',
          outcome: 'CONFIRMED',
          note: `Answered by ${ping.sentTo}, to the link sent ${ping.createdAt.toISOString()}.`,
          recordedBy: LINK_ACTOR(contact).sub,
        })
        .returning({ id: t.contactVerifications.id });
      await tx
        .update(t.verificationPings)
        .set({ answeredAt: now, closedAt: now, verificationId: verification!.id })
        .where(eq(t.verificationPings.id, ping.id));
      const [row] = await tx
        .update(t.contacts)
        .set({
          updatedAt: now,
          lastVerifiedAt: sql`greatest(${t.contacts.lastVerifiedAt}, ${now.toISOString()}::timestamptz)`,
        })
        .where(eq(t.contacts.id, contact.id))
        .returning();
      await audit(tx, LINK_ACTOR(contact), {
        operation: 'confirmContactVerification',
        targetType: 'Contact',
        targetId: contact.id,
        summary: `Contact "${contact.name}" answered the e-mail verification link: CONFIRMED.`,
      });
      return row!;
    });
  }

  /**
   * One run of the scheduled job: records every open ping that ran out as an unanswered
   * (EMAIL_PING, NO_RESPONSE) verification, then pings each contact whose last success is older
   * than `maxAgeMs` and that has not been pinged within that time. Safe on any number of replicas:
   * rows are claimed with `FOR UPDATE SKIP LOCKED`, and one open ping per contact is a unique index.
   */
  async sweep(now = new Date()): Promise<SweepResult> {
    const expired = await this.#expire(now);
    if (!this.#transport) return { expired, pinged: 0 };
    let pinged = 0;
    for (;;) {
      const created = await this.#pingDue(now);
      for (const ping of created) if ((await this.#send(ping)) === null) pinged += 1;
      if (created.length < SWEEP_BATCH) return { expired, pinged };
    }
  }

  close(): void {
    this.#transport?.close();
  }

  async #expire(now: Date): Promise<number> {
    return this.db.transaction(async (tx) => {
      const p = t.verificationPings;
      // Only the ping rows are locked (drizzle's `FOR UPDATE OF` names the table schema-qualified,
      // which PostgreSQL refuses), and each contact is read apart.
      const due = await tx
        .select()
        .from(p)
        .where(and(isNull(p.closedAt), lt(p.expiresAt, now)))
        .orderBy(asc(p.expiresAt))
        .limit(SWEEP_BATCH)
        .for('update', { skipLocked: true });
      for (const ping of due) {
        const [contact] = await tx.select().from(t.contacts).where(eq(t.contacts.id, ping.contactId));
        if (!contact) continue;
        const [verification] = await tx
          .insert(t.contactVerifications)
          .values({
            contactId: contact.id,
            verifiedAt: ping.expiresAt,
            method: 'EMAIL_PING',
            outcome: 'NO_RESPONSE',
            note: `No answer to the link sent ${ping.createdAt.toISOString()} before it ran out.`,
            recordedBy: JOB_ACTOR.sub,
          })
          .returning({ id: t.contactVerifications.id });
        await tx.update(p).set({ closedAt: now, verificationId: verification!.id }).where(eq(p.id, ping.id));
        await audit(tx, JOB_ACTOR, {
          operation: 'contactVerificationUnanswered',
          targetType: 'Contact',
          targetId: contact.id,
          summary: `Contact "${contact.name}" did not answer the e-mail verification link: NO_RESPONSE.`,
        });
      }
      return due.length;
    });
  }

  async #pingDue(now: Date): Promise<NewPing[]> {
    const since = new Date(now.getTime() - this.settings.maxAgeMs);
    const c = t.contacts;
    const p = t.verificationPings;
    return this.db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(c)
        .where(
          and(
            sql`(${c.lastVerifiedAt} is null or ${c.lastVerifiedAt} < ${since.toISOString()}::timestamptz)`,
            // A ping that could not be sent does not count: the next run tries again.
            sql`not exists (select 1 from ${p} where ${p.contactId} = ${c.id} and ${p.sendError} is null and (${p.closedAt} is null or ${p.createdAt} > ${since.toISOString()}::timestamptz))`,
          ),
        )
        .orderBy(sql`${c.lastVerifiedAt} asc nulls first`, asc(c.id))
        .limit(SWEEP_BATCH)
        .for('update', { skipLocked: true });
      if (due.length === 0) return [];
      const created = await this.#insertPings(tx, due, null, now);
      for (const { contact } of created) {
        await audit(tx, JOB_ACTOR, {
          operation: 'scheduledContactVerification',
          targetType: 'Contact',
          targetId: contact.id,
          summary: `Sent contact "${contact.name}" an e-mail verification link: its last verification is older than the configured age.`,
        });
      }
      return created;
    });
  }

  /** Inserts one ping per contact (skipping contacts that already have an open one) with fresh tokens. */
  async #insertPings(
    tx: Tx,
    contacts: readonly ContactRow[],
    requestedBy: string | null,
    now: Date,
  ): Promise<NewPing[]> {
    const tokens = new Map(contacts.map((contact) => [contact.id, randomBytes(32).toString('base64url')]));
    const rows = await tx
      .insert(t.verificationPings)
      .values(
        contacts.map((contact) => ({
          contactId: contact.id,
          tokenHash: tokenHash(tokens.get(contact.id)!),
          sentTo: contact.email,
          requestedBy,
          createdAt: now,
          expiresAt: new Date(now.getTime() + this.settings.linkValidMs),
        })),
      )
      .onConflictDoNothing()
      .returning();
    const byId = new Map(contacts.map((contact) => [contact.id, contact]));
    return rows.map((ping) => ({
      ping,
      token: tokens.get(ping.contactId)!,
      contact: byId.get(ping.contactId)!,
    }));
  }

  /** Sends one ping's e-mail and records the outcome; returns the error message, or null once sent. */
  async #send({ ping, token, contact }: NewPing): Promise<string | null> {
    const p = t.verificationPings;
    try {
      const [organization] = await this.db
        .select({ name: t.organizations.name })
        .from(t.organizations)
        .where(eq(t.organizations.id, contact.organizationId));
      await sendPingMail(this.#transport!, this.settings, {
        to: ping.sentTo,
        contactName: contact.name,
        organizationName: organization?.name ?? contact.organizationId,
        token,
        expiresAt: ping.expiresAt,
      });
      await this.db.update(p).set({ sentAt: new Date() }).where(eq(p.id, ping.id));
      return null;
    } catch (failure) {
      const message = (failure instanceof Error ? failure.message : String(failure)).slice(0, 500);
      await this.db
        .update(p)
        .set({ sendError: message, closedAt: sql`coalesce(${p.closedAt}, now())` })
        .where(eq(p.id, ping.id));
      return message;
    }
  }
}

/** The open ping of each contact (sent or not yet), one statement per request tick. */
export function openPingLoader(db: Db) {
  const p = t.verificationPings;
  return new DataLoader<string, VerificationPingRow | null>(async (contactIds) =>
    byKey(
      contactIds,
      await db
        .select()
        .from(p)
        .where(and(isNull(p.closedAt), inArray(p.contactId, [...contactIds]))),
      (row) => row.contactId,
    ),
  );
}
