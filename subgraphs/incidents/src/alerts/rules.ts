import { randomBytes } from 'node:crypto';
import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import {
  badUserInput,
  conflict,
  CursorParts,
  cursorShape,
  ErrorCode,
  forbidden,
  hasRight,
  keysetList,
  notFound,
  organizationWith,
  requiredText,
  Right,
  Role,
  unauthenticated,
  type Caller,
  type Identity,
} from '@cadg/platform';
import { tableKeyset, type Db } from '@cadg/db';
import * as t from '@cadg/db/incidents';
import { advisoryReadableBy } from '../advisories.ts';
import { audit } from '../audit.ts';
import type { Directory } from '../directory.ts';
import { lastEventId } from '../events/feed.ts';
import type { IncidentCategory, Severity } from '../rows.ts';
import { countryCodes } from '../validation.ts';
import { INCIDENT_MARKING, readableBy } from '../visibility.ts';
import type { AlertSettings } from './config.ts';
import { refusedWebhookUrl } from './policy.ts';

export type AlertRuleRow = typeof t.alertRules.$inferSelect;
export type AlertDeliveryRow = typeof t.alertDeliveries.$inferSelect;
export type AlertKind = AlertRuleRow['kinds'][number];
export type AlertChannel = AlertRuleRow['channel'];

export const ALERT_KINDS: readonly AlertKind[] = t.alertKind.enumValues;

export interface CreateAlertRuleInput {
  name: string;
  channel: AlertChannel;
  target: string;
  minSeverity?: Severity | null;
  countryCodes?: string[] | null;
  categories?: IncidentCategory[] | null;
  kinds?: AlertKind[] | null;
}

/** What the alert mutations need besides the database: the settings and a way to wake the dispatcher. */
export interface AlertService {
  readonly settings: AlertSettings;
  /** Asks the dispatcher to look for due deliveries now (after a redelivery or an unpause). */
  wake(): void;
}

/** The identity an organization's rules are judged as: what a MEMBER of it may read. */
export function organizationReader(org: string): Identity {
  return { sub: 'alert-dispatcher', org, roles: [Role.Member] };
}

/** Managing alert rules is managing the organization's records: its ORG_ADMIN. */
function requireRuleManager(caller: Caller): Identity & { org: string } {
  if (!caller) throw unauthenticated('Alert rules need a bearer token.');
  const org = organizationWith(caller, Right.ManageOrganization);
  if (org === null) throw forbidden("Only an ORG_ADMIN manages its organization's alert rules.");
  return { ...caller, org };
}

/**
 * Whose rules the caller may read: its organization's (ORG_ADMIN), or every organization's
 * delivery health (the SECRETARIAT, which administers the mechanism); null means all.
 */
function readableRules(caller: Caller): { org: string } | null {
  if (!caller) throw unauthenticated('Alert rules need a bearer token.');
  if (hasRight(caller, Right.AdministerMechanism)) return null;
  const org = organizationWith(caller, Right.ManageOrganization);
  if (org === null) throw forbidden("Only an ORG_ADMIN reads its organization's alert rules.");
  return { org };
}

// A deliberately narrow address check rather than RFC 5322: one mailbox, no display name, no
// comments, commas or line breaks that could add recipients or headers.
const MAILBOX =
  /^[^\s@<>()[\],;:"\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

function target(settings: AlertSettings, channel: AlertChannel, value: string): string {
  const trimmed = value.trim();
  if (trimmed.length > 2000)
    throw badUserInput('input.target', 'The target must be at most 2000 characters.');
  if (channel === 'EMAIL') {
    if (settings.smtpUrl === null)
      throw badUserInput(
        'input.channel',
        'E-mail alerts are not available: this service has no SMTP server configured (SMTP_URL).',
      );
    if (trimmed.length > 254 || !MAILBOX.test(trimmed))
      throw badUserInput(
        'input.target',
        `"${trimmed}" is not an e-mail address such as soc@cert.example.org.`,
      );
    return trimmed;
  }
  const refusal = refusedWebhookUrl(trimmed, settings.policy);
  if (refusal) throw badUserInput('input.target', refusal);
  return trimmed;
}

async function knownCountries(directory: Directory, codes: string[]): Promise<string[]> {
  try {
    await directory.requireCountries(codes);
  } catch (error) {
    const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
    if (code !== ErrorCode.NotFound) throw error;
    throw badUserInput('input.countryCodes', (error as Error).message);
  }
  return codes;
}

/**
 * Creates a rule for the caller's organization. A webhook rule gets a fresh Standard Webhooks
 * secret (`whsec_` and 32 random bytes, base64), returned only here. The rule starts after the
 * newest event: it is sent what happens from now on.
 */
export async function createAlertRule(
  db: Db,
  directory: Directory,
  settings: AlertSettings,
  caller: Caller,
  input: CreateAlertRuleInput,
): Promise<{ rule: AlertRuleRow; signingSecret: string | null }> {
  const actor = requireRuleManager(caller);
  const name = requiredText('input.name', input.name, 200);
  const checkedTarget = target(settings, input.channel, input.target);
  const countries = await knownCountries(
    directory,
    countryCodes('input.countryCodes', input.countryCodes ?? [], { required: false }),
  );
  const signingSecret = input.channel === 'WEBHOOK' ? `whsec_${randomBytes(32).toString('base64')}` : null;
  const afterEventId = await lastEventId(db);
  return db.transaction(async (tx) => {
    const [rule] = await tx
      .insert(t.alertRules)
      .values({
        organization: actor.org,
        name,
        channel: input.channel,
        target: checkedTarget,
        signingSecret,
        minSeverity: input.minSeverity ?? 'HIGH',
        countryCodes: countries,
        categories: [...new Set(input.categories ?? [])],
        kinds: input.kinds ? [...new Set(input.kinds)] : [...ALERT_KINDS],
        createdBySub: actor.sub,
        afterEventId,
      })
      .returning();
    if (!rule) throw new Error('insert returned no rule');
    // The target is left out of the summary: webhook URLs often carry a secret of the receiver's.
    await audit(tx, actor, {
      operation: 'createAlertRule',
      targetType: 'AlertRule',
      targetId: rule.id,
      summary: `Created ${rule.channel} alert rule "${rule.name}" for ${rule.minSeverity} and above.`,
    });
    return { rule, signingSecret };
  });
}

export async function listAlertRules(db: Db, caller: Caller): Promise<AlertRuleRow[]> {
  const scope = readableRules(caller);
  return db
    .select()
    .from(t.alertRules)
    .where(scope ? eq(t.alertRules.organization, scope.org) : undefined)
    .orderBy(t.alertRules.createdAt, t.alertRules.id);
}

/** A rule the caller may change: NOT_FOUND when it may not even read it, FORBIDDEN when it only reads it. */
async function ruleToChange(
  db: Db,
  caller: Caller,
  id: string,
): Promise<{ rule: AlertRuleRow; actor: Identity & { org: string } }> {
  const scope = readableRules(caller);
  const rule = UUID.test(id)
    ? (await db.select().from(t.alertRules).where(eq(t.alertRules.id, id)))[0]
    : undefined;
  if (!rule || (scope && rule.organization !== scope.org)) throw notFound('AlertRule', id);
  const actor = requireRuleManager(caller);
  if (actor.org !== rule.organization)
    throw forbidden("Only an ORG_ADMIN of the rule's organization may change it.");
  return { rule, actor };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Pauses or resumes a rule; resuming clears an automatic pause and its run of DEAD deliveries. */
export async function pauseAlertRule(
  db: Db,
  alerts: AlertService,
  caller: Caller,
  id: string,
  paused: boolean,
): Promise<AlertRuleRow> {
  const { actor } = await ruleToChange(db, caller, id);
  const rule = await db.transaction(async (tx) => {
    const [changed] = await tx
      .update(t.alertRules)
      .set(paused ? { paused } : { paused, pausedReason: null, deadInARow: 0 })
      .where(eq(t.alertRules.id, id))
      .returning();
    if (!changed) throw notFound('AlertRule', id);
    await audit(tx, actor, {
      operation: 'pauseAlertRule',
      targetType: 'AlertRule',
      targetId: id,
      summary: `${paused ? 'Paused' : 'Resumed'} alert rule "${changed.name}".`,
    });
    return changed;
  });
  if (!paused) alerts.wake();
  return rule;
}

/** Deletes a rule and its deliveries; nothing more is sent for it. */
export async function deleteAlertRule(db: Db, caller: Caller, id: string): Promise<string> {
  const { rule, actor } = await ruleToChange(db, caller, id);
  await db.transaction(async (tx) => {
    await tx.delete(t.alertRules).where(eq(t.alertRules.id, id));
    await audit(tx, actor, {
      operation: 'deleteAlertRule',
      targetType: 'AlertRule',
      targetId: id,
      summary: `Deleted ${rule.channel} alert rule "${rule.name}" and its deliveries.`,
    });
  });
  return id;
}

/** Sends a DEAD or FAILED delivery again, with a fresh run of attempts and the same `webhook-id`. */
export async function redeliverAlert(
  db: Db,
  alerts: AlertService,
  caller: Caller,
  deliveryId: string,
): Promise<AlertDeliveryRow> {
  const [found] = UUID.test(deliveryId)
    ? await db.select().from(t.alertDeliveries).where(eq(t.alertDeliveries.id, deliveryId))
    : [];
  if (!found) throw notFound('AlertDelivery', deliveryId);
  let changer: Awaited<ReturnType<typeof ruleToChange>>;
  try {
    changer = await ruleToChange(db, caller, found.ruleId);
  } catch (error) {
    // The delivery is named, not its rule: a caller who may not read the rule learns nothing of it.
    if ((error as { extensions?: { code?: unknown } }).extensions?.code === ErrorCode.NotFound)
      throw notFound('AlertDelivery', deliveryId);
    throw error;
  }
  const delivery = await db.transaction(async (tx) => {
    const [revived] = await tx
      .update(t.alertDeliveries)
      .set({ status: 'PENDING', attempts: 0, nextAttemptAt: new Date() })
      .where(
        and(
          eq(t.alertDeliveries.id, deliveryId),
          or(eq(t.alertDeliveries.status, 'DEAD'), eq(t.alertDeliveries.status, 'FAILED')),
        ),
      )
      .returning();
    if (!revived) return null;
    await audit(tx, changer.actor, {
      operation: 'redeliverAlert',
      targetType: 'AlertRule',
      targetId: changer.rule.id,
      summary: `Sent delivery ${deliveryId} of alert rule "${changer.rule.name}" again (it was ${found.status}).`,
    });
    return revived;
  });
  if (!delivery)
    throw conflict(`Only a DEAD or FAILED delivery can be sent again; this one is ${found.status}.`, {
      status: found.status,
    });
  alerts.wake();
  return delivery;
}

export const DELIVERY_CURSOR = cursorShape('alertDeliveries', CursorParts.timestamp, CursorParts.uuid);

/** Whose deliveries: one rule's, as one viewer may see them. */
export interface DeliveryQuery {
  viewer: Caller;
  ruleId: string;
}

/** Deliveries of the rule about records the viewer may read now (the same SQL as every read). */
function deliveryConditions({ viewer, ruleId }: DeliveryQuery): SQL[] {
  const d = t.alertDeliveries;
  const visible: SQL = sql`(${d.incidentId} is null or exists (select 1 from ${t.incidents} where ${t.incidents.id} = ${d.incidentId} and ${readableBy(
    viewer,
    INCIDENT_MARKING,
  )})) and (${d.advisoryId} is null or exists (select 1 from ${t.advisories} where ${t.advisories.id} = ${d.advisoryId} and ${advisoryReadableBy(viewer)}))`;
  return [eq(d.ruleId, ruleId), visible];
}

/**
 * A rule's deliveries, newest first, limited to those about records the viewer may read now, so
 * delivery health never tells of a record the viewer may not see.
 */
export const ruleDeliveries = keysetList({
  cursor: DELIVERY_CURSOR,
  where: deliveryConditions,
  queries: (db: Db) =>
    tableKeyset(db, t.alertDeliveries, 'desc', [
      [t.alertDeliveries.createdAt, 'timestamptz'],
      [t.alertDeliveries.id, 'uuid'],
    ]),
  keyOf: (row) => [row.createdAt.toISOString(), row.id],
});
