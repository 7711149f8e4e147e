import { sql } from 'drizzle-orm';
import type { Identity } from '@cadg/platform';
import type { Tx } from '@cadg/db';
import * as t from '@cadg/db/incidents';
import type { AdvisoryRow, IncidentEventType, IncidentRow, Severity } from '../rows.ts';

/** The channel every incidents process LISTENs on; the payload is only a wake-up call. */
export const EVENTS_CHANNEL = 'incidents_events';

// Any constant; it only has to be the same in every process writing events to this database.
const EVENT_ORDER_LOCK = 4_242_002;

/**
 * Appends an event in the transaction of the change it announces, as its last statement. The
 * transaction-scoped advisory lock makes event ids commit in id order: without it, a transaction
 * that took id 10 could commit after one that took id 11, and a subscriber resuming after 11
 * would never see 10. NOTIFY is delivered only if the transaction commits.
 */
export async function appendEvent(
  tx: Tx,
  incident: IncidentRow,
  type: IncidentEventType,
  actor: Identity,
  previousSeverity: Severity | null,
  details: Record<string, unknown> = {},
): Promise<void> {
  await insertEvent(tx, {
    incidentId: incident.id,
    type,
    severity: incident.severity,
    previousSeverity,
    affectedCountries: incident.affectedCountries,
    actorOrg: actor.org,
    actorSub: actor.sub,
    details,
  });
}

/**
 * Appends an ADVISORY_PUBLISHED event in the advisory's transaction, as its last statement, so
 * the alert dispatcher matches it like any other event. Subscriptions to incident events skip it
 * (their feed joins incidents).
 */
export async function appendAdvisoryEvent(tx: Tx, advisory: AdvisoryRow, actor: Identity): Promise<void> {
  await insertEvent(tx, {
    advisoryId: advisory.id,
    type: 'ADVISORY_PUBLISHED',
    severity: advisory.severity,
    previousSeverity: null,
    affectedCountries: [],
    actorOrg: actor.org,
    actorSub: actor.sub,
  });
}

async function insertEvent(tx: Tx, event: typeof t.incidentEvents.$inferInsert): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${EVENT_ORDER_LOCK})`);
  await tx.insert(t.incidentEvents).values(event);
  await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, '')`);
}
