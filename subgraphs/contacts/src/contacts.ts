import { eq, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import {
  textSearch,
  badUserInput,
  cursorShape,
  CursorParts,
  keysetList,
  notFound,
  type Identity,
} from '@cadg/platform';
import { tableKeyset, type Db } from '@cadg/db';
import * as t from '@cadg/db/contacts';
import { audit, changedFields } from './audit.ts';
import type { ContactRole, ContactRow } from './rows.ts';
import * as valid from './validation.ts';
import { verifiedSince, type VerificationStatus } from './verification.ts';

export interface ContactFilter {
  organizationId?: string | null;
  countryCodes?: readonly string[] | null;
  role?: ContactRole | null;
  available24x7?: boolean | null;
  verificationStatus?: VerificationStatus | null;
  text?: string | null;
}

function conditions(filter: ContactFilter | null | undefined, now: Date): SQL[] {
  const where: SQL[] = [];
  if (!filter) return where;
  if (filter.organizationId) where.push(eq(t.contacts.organizationId, filter.organizationId));
  if (filter.countryCodes) {
    const codes = filter.countryCodes.map((c) => valid.countryCode('filter.countryCodes', c));
    where.push(inArray(t.contacts.organizationId, sqlOrganizationsIn(codes)));
  }
  if (filter.role) where.push(sql`${t.contacts.roles} @> array[${filter.role}]::contacts.contact_role[]`);
  if (filter.available24x7 !== undefined && filter.available24x7 !== null) {
    where.push(eq(t.contacts.available24x7, filter.available24x7));
  }
  if (filter.verificationStatus === 'VERIFIED')
    where.push(gte(t.contacts.lastVerifiedAt, verifiedSince(now)));
  if (filter.verificationStatus === 'STALE') where.push(lt(t.contacts.lastVerifiedAt, verifiedSince(now)));
  if (filter.verificationStatus === 'UNVERIFIED') where.push(isNull(t.contacts.lastVerifiedAt));
  where.push(...textSearch(filter.text, t.contacts.name, t.contacts.title));
  return where;
}

function sqlOrganizationsIn(codes: string[]): SQL {
  return sql`(select ${t.organizations.id} from ${t.organizations} where ${inArray(t.organizations.countryCode, codes)})`;
}

const CONTACT_CURSOR = cursorShape('contacts', CursorParts.text, CursorParts.uuid);

/** Contacts by name, keyset-paginated on (name, id); verification status is judged as of now. */
export const listContacts = keysetList({
  cursor: CONTACT_CURSOR,
  where: (filter: ContactFilter | null | undefined) => conditions(filter, new Date()),
  queries: (db: Db) => tableKeyset(db, t.contacts, 'asc', [t.contacts.name, [t.contacts.id, 'uuid']]),
  keyOf: (r) => [r.name, r.id],
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Loads a contact by id; an id that is not a UUID is simply not found. */
export async function findContact(db: Db, id: string): Promise<ContactRow> {
  if (!UUID.test(id)) throw notFound('Contact', id);
  const [row] = await db.select().from(t.contacts).where(eq(t.contacts.id, id));
  if (!row) throw notFound('Contact', id);
  return row;
}

export interface AddContactInput {
  organizationId: string;
  name: string;
  title?: string | null;
  email: string;
  phone?: string | null;
  roles: readonly ContactRole[];
  available24x7: boolean;
  timezone: string;
  pgpFingerprint?: string | null;
}

export async function addContact(db: Db, actor: Identity, input: AddContactInput): Promise<ContactRow> {
  const values = {
    organizationId: input.organizationId,
    name: valid.requiredText('input.name', input.name, 200),
    title: valid.optionalText('input.title', input.title, 200),
    email: valid.email('input.email', input.email),
    phone: input.phone ? valid.phone('input.phone', input.phone) : null,
    roles: [...new Set(input.roles)],
    available24x7: input.available24x7,
    timezone: valid.timezone('input.timezone', input.timezone),
    pgpFingerprint: input.pgpFingerprint
      ? valid.pgpFingerprint('input.pgpFingerprint', input.pgpFingerprint)
      : null,
  };
  return db.transaction(async (tx) => {
    const [organization] = await tx
      .select({ id: t.organizations.id })
      .from(t.organizations)
      .where(eq(t.organizations.id, input.organizationId));
    if (!organization) throw notFound('Organization', input.organizationId);
    const [row] = await tx.insert(t.contacts).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    await audit(tx, actor, {
      operation: 'addContact',
      targetType: 'Contact',
      targetId: row.id,
      summary: `Added contact "${values.name}" to organization ${values.organizationId}.`,
    });
    return row;
  });
}

export interface UpdateContactInput {
  id: string;
  name?: string | null;
  title?: string | null;
  email?: string | null;
  phone?: string | null;
  roles?: readonly ContactRole[] | null;
  available24x7?: boolean | null;
  timezone?: string | null;
  pgpFingerprint?: string | null;
}

function required<T>(field: string, value: T | null): T {
  if (value === null) throw badUserInput(field, `${field} cannot be cleared.`);
  return value;
}

export async function updateContact(
  db: Db,
  actor: Identity,
  current: ContactRow,
  input: UpdateContactInput,
): Promise<ContactRow> {
  const changes: Partial<typeof t.contacts.$inferInsert> = {};
  if (input.name !== undefined)
    changes.name = valid.requiredText('input.name', required('input.name', input.name), 200);
  if (input.title !== undefined) changes.title = valid.optionalText('input.title', input.title, 200);
  if (input.email !== undefined)
    changes.email = valid.email('input.email', required('input.email', input.email));
  if (input.phone !== undefined) changes.phone = input.phone ? valid.phone('input.phone', input.phone) : null;
  if (input.roles !== undefined) changes.roles = [...new Set(required('input.roles', input.roles))];
  if (input.available24x7 !== undefined)
    changes.available24x7 = required('input.available24x7', input.available24x7);
  if (input.timezone !== undefined)
    changes.timezone = valid.timezone('input.timezone', required('input.timezone', input.timezone));
  if (input.pgpFingerprint !== undefined) {
    changes.pgpFingerprint = input.pgpFingerprint
      ? valid.pgpFingerprint('input.pgpFingerprint', input.pgpFingerprint)
      : null;
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(t.contacts)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(t.contacts.id, current.id))
      .returning();
    if (!row) throw notFound('Contact', current.id);
    await audit(tx, actor, {
      operation: 'updateContact',
      targetType: 'Contact',
      targetId: current.id,
      summary: `Changed ${changedFields(changes)} of contact "${row.name}".`,
    });
    return row;
  });
}

export async function removeContact(db: Db, actor: Identity, current: ContactRow): Promise<void> {
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(t.contacts)
      .where(eq(t.contacts.id, current.id))
      .returning({ id: t.contacts.id });
    if (removed.length === 0) throw notFound('Contact', current.id);
    await audit(tx, actor, {
      operation: 'removeContact',
      targetType: 'Contact',
      targetId: current.id,
      summary: `Removed contact "${current.name}" from organization ${current.organizationId}.`,
    });
  });
}

export interface RecordVerificationInput {
  contactId: string;
  method: (typeof t.contactVerifications.$inferInsert)['method'];
  outcome: (typeof t.contactVerifications.$inferInsert)['outcome'];
  verifiedAt?: Date | null;
  note?: string | null;
}

/** Appends to the history and, on success, moves `lastVerifiedAt` forward (never backward). */
export async function recordVerification(
  db: Db,
  actor: Identity,
  current: ContactRow,
  input: RecordVerificationInput,
  now = new Date(),
): Promise<ContactRow> {
  const verifiedAt = input.verifiedAt ?? now;
  // A minute of slack for clocks that run a little ahead of ours.
  if (verifiedAt.getTime() > now.getTime() + 60_000) {
    throw badUserInput('input.verifiedAt', 'A verification cannot be recorded in the future.');
  }
  const note = valid.optionalText('input.note', input.note);
  return db.transaction(async (tx) => {
    await tx.insert(t.contactVerifications).values({
      contactId: current.id,
      verifiedAt,
      method: input.method,
      outcome: input.outcome,
      note,
      recordedBy: actor.sub,
    });
    const confirmed = input.outcome === 'CONFIRMED';
    const [row] = await tx
      .update(t.contacts)
      .set({
        updatedAt: now,
        ...(confirmed
          ? {
              lastVerifiedAt: sql`greatest(${t.contacts.lastVerifiedAt}, ${verifiedAt.toISOString()}::timestamptz)`,
            }
          : {}),
      })
      .where(eq(t.contacts.id, current.id))
      .returning();
    if (!row) throw notFound('Contact', current.id);
    await audit(tx, actor, {
      operation: 'recordContactVerification',
      targetType: 'Contact',
      targetId: current.id,
      summary: `${input.method} check of "${current.name}": ${input.outcome}.`,
    });
    return row;
  });
}
