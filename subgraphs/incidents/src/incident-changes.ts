import { eq } from 'drizzle-orm';
import { badUserInput, conflict, forbidden, organizationWith, Right, type Identity } from '@cadg/platform';
import { changedFields, type Db, type Tx } from '@cadg/db';
import * as t from '@cadg/db/incidents';
import { audit } from './audit.ts';
import type { Directory } from './directory.ts';
import { appendEvent } from './events/outbox.ts';
import { findVisibleIncident } from './incidents.ts';
import { canMoveIncident } from './lifecycle.ts';
import { mayChangeIncident, requireMayChangeIncident, type OrgIdentity } from './permissions.ts';
import type {
  IncidentCategory,
  IncidentRow,
  IncidentStatus,
  IncidentUpdateRow,
  Severity,
  Tlp,
} from './rows.ts';
import * as valid from './validation.ts';
import { groupsNote, linkIncidentGroups, usableGroupIds } from './sharing-links.ts';
import { canShare } from './visibility.ts';

const auditIncident = (tx: Tx, actor: Identity, operation: string, incident: IncidentRow, summary: string) =>
  audit(tx, actor, { operation, targetType: 'Incident', targetId: incident.id, summary });

function requireVersion(incident: IncidentRow, expected: number | null | undefined): void {
  if (expected === null || expected === undefined || expected === incident.version) return;
  throw conflict(
    `Incident ${incident.id} is at version ${incident.version}, not ${expected}; reload it and try again.`,
    {
      currentVersion: incident.version,
    },
  );
}

function requireTransition(incident: IncidentRow, to: IncidentStatus): void {
  if (incident.status === to || canMoveIncident(incident.status, to)) return;
  throw conflict(`An incident cannot go from ${incident.status} to ${to}.`, { from: incident.status, to });
}

/**
 * Runs `change` in one transaction on incident `id` as the actor sees it (NOT_FOUND if it may not),
 * locked until the transaction ends so concurrent changes take turns.
 */
function changeIncident<T>(
  db: Db,
  actor: Identity,
  id: string,
  change: (tx: Tx, current: IncidentRow) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => change(tx, await findVisibleIncident(tx, actor, id, true)));
}

/** Writes `changes` to the incident as its next version, changed now; returns the row written. */
async function writeIncident(
  tx: Tx,
  current: IncidentRow,
  changes: Partial<typeof t.incidents.$inferInsert> = {},
): Promise<IncidentRow> {
  const [incident] = await tx
    .update(t.incidents)
    .set({ ...changes, version: current.version + 1, updatedAt: new Date() })
    .where(eq(t.incidents.id, current.id))
    .returning();
  if (!incident) throw new Error('update returned no row');
  return incident;
}

export interface ReportIncidentInput {
  title: string;
  summary: string;
  category: IncidentCategory;
  severity: Severity;
  tlp: Tlp;
  affectedCountryCodes: readonly string[];
  sharedWithOrganizationIds?: readonly string[] | null;
  sharedWithSharingGroupIds?: readonly string[] | null;
  detectedAt?: Date | null;
  indicators?: readonly valid.IndicatorInput[] | null;
}

export async function reportIncident(
  db: Db,
  directory: Directory,
  actor: OrgIdentity,
  input: ReportIncidentInput,
): Promise<IncidentRow> {
  const values = {
    title: valid.text('input.title', input.title, 300),
    summary: valid.text('input.summary', input.summary, 20_000),
    category: input.category,
    severity: input.severity,
    tlp: input.tlp,
    affectedCountries: valid.countryCodes('input.affectedCountryCodes', input.affectedCountryCodes, {
      required: true,
    }),
    sharedWith: valid
      .organizationIds('input.sharedWithOrganizationIds', input.sharedWithOrganizationIds)
      .filter((id) => id !== actor.org),
    detectedAt: valid.notInFuture('input.detectedAt', input.detectedAt),
    reportedByOrg: actor.org,
    reportedBySub: actor.sub,
  };
  const indicators = valid.indicators('input.indicators', input.indicators);
  await directory.requireCountries(values.affectedCountries);
  await directory.requireOrganizations([actor.org, ...values.sharedWith]);

  return db.transaction(async (tx) => {
    const field = 'input.sharedWithSharingGroupIds';
    const groups = await usableGroupIds(tx, actor.org, field, input.sharedWithSharingGroupIds);
    const [incident] = await tx.insert(t.incidents).values(values).returning();
    if (!incident) throw new Error('insert returned no row');
    await linkIncidentGroups(tx, incident.id, groups);
    if (indicators.length > 0) {
      await tx
        .insert(t.indicators)
        .values(indicators.map((indicator) => ({ ...indicator, incidentId: incident.id })));
    }
    await auditIncident(
      tx,
      actor,
      'reportIncident',
      incident,
      `Reported ${values.severity} ${values.category} incident "${values.title}" (TLP:${values.tlp}${groupsNote(groups)}).`,
    );
    await appendEvent(tx, incident, 'REPORTED', actor, null, { indicators: indicators.length });
    return incident;
  });
}

export interface UpdateIncidentInput {
  id: string;
  expectedVersion: number;
  title?: string | null;
  summary?: string | null;
  category?: IncidentCategory | null;
  severity?: Severity | null;
  tlp?: Tlp | null;
  affectedCountryCodes?: readonly string[] | null;
  detectedAt?: Date | null;
}

function required<T>(field: string, value: T | null): T {
  if (value === null) throw badUserInput(field, `${field} cannot be cleared.`);
  return value;
}

/**
 * Who besides the reporting organization and the SECRETARIAT may change an incident. Only the
 * phishing intake widens it: it may update the incident it raised for a URL, whoever reports
 * the next verdict.
 */
export interface ChangeAccess {
  mayChange: (actor: Identity, incident: IncidentRow) => boolean;
}
const ownerOrSecretariat: ChangeAccess = { mayChange: mayChangeIncident };

function requireAccess(access: ChangeAccess, actor: Identity, incident: IncidentRow): void {
  if (access.mayChange(actor, incident)) return;
  requireMayChangeIncident(actor, incident);
}

export async function updateIncident(
  db: Db,
  directory: Directory,
  actor: Identity,
  input: UpdateIncidentInput,
  access: ChangeAccess = ownerOrSecretariat,
): Promise<IncidentRow> {
  const changes: Partial<typeof t.incidents.$inferInsert> = {};
  if (input.title !== undefined)
    changes.title = valid.text('input.title', required('input.title', input.title), 300);
  if (input.summary !== undefined)
    changes.summary = valid.text('input.summary', required('input.summary', input.summary), 20_000);
  if (input.category !== undefined) changes.category = required('input.category', input.category);
  if (input.severity !== undefined) changes.severity = required('input.severity', input.severity);
  if (input.tlp !== undefined) changes.tlp = required('input.tlp', input.tlp);
  if (input.affectedCountryCodes !== undefined) {
    const codes = required('input.affectedCountryCodes', input.affectedCountryCodes);
    changes.affectedCountries = valid.countryCodes('input.affectedCountryCodes', codes, { required: true });
    await directory.requireCountries(changes.affectedCountries);
  }
  if (input.detectedAt !== undefined)
    changes.detectedAt = valid.notInFuture('input.detectedAt', input.detectedAt);

  return changeIncident(db, actor, input.id, async (tx, current) => {
    requireAccess(access, actor, current);
    if (
      changes.tlp !== undefined &&
      changes.tlp !== current.tlp &&
      organizationWith(actor, Right.ActForOrganization) !== current.reportedByOrg
    ) {
      throw forbidden('Only the reporting organization may change the TLP marking of its incident.');
    }
    requireVersion(current, input.expectedVersion);
    const incident = await writeIncident(tx, current, changes);
    const severityChanged = incident.severity !== current.severity;
    const fields = changedFields(changes);
    const tlpNote = incident.tlp !== current.tlp ? ` TLP:${current.tlp} → TLP:${incident.tlp}.` : '';
    await auditIncident(tx, actor, 'updateIncident', incident, `Changed ${fields}.${tlpNote}`);
    await appendEvent(
      tx,
      incident,
      severityChanged ? 'SEVERITY_CHANGED' : 'UPDATED',
      actor,
      severityChanged ? current.severity : null,
      {
        fields: Object.keys(changes),
        ...(incident.tlp !== current.tlp ? { tlp: { from: current.tlp, to: incident.tlp } } : {}),
      },
    );
    return incident;
  });
}

export interface ChangeStatusInput {
  id: string;
  expectedVersion: number;
  status: IncidentStatus;
  note?: string | null;
}

export async function changeIncidentStatus(
  db: Db,
  actor: OrgIdentity,
  input: ChangeStatusInput,
): Promise<IncidentRow> {
  const note = valid.optionalText('input.note', input.note, 20_000);
  return changeIncident(db, actor, input.id, async (tx, current) => {
    requireMayChangeIncident(actor, current);
    requireVersion(current, input.expectedVersion);
    if (current.status === input.status) return current;
    requireTransition(current, input.status);
    const incident = await writeIncident(tx, current, { status: input.status });
    await tx.insert(t.incidentUpdates).values({
      incidentId: incident.id,
      authorOrg: actor.org,
      authorSub: actor.sub,
      body: note ?? `Status changed from ${current.status} to ${incident.status}.`,
      previousStatus: current.status,
      status: incident.status,
    });
    await auditIncident(
      tx,
      actor,
      'changeIncidentStatus',
      incident,
      `Status ${current.status} → ${incident.status}.`,
    );
    await appendEvent(tx, incident, 'STATUS_CHANGED', actor, null, {
      from: current.status,
      to: incident.status,
    });
    return incident;
  });
}

export interface PostUpdateInput {
  incidentId: string;
  body: string;
  severity?: Severity | null;
  status?: IncidentStatus | null;
  expectedVersion?: number | null;
}

export async function postIncidentUpdate(
  db: Db,
  actor: OrgIdentity,
  input: PostUpdateInput,
): Promise<IncidentUpdateRow> {
  const body = valid.text('input.body', input.body, 20_000);
  return changeIncident(db, actor, input.incidentId, async (tx, current) => {
    const severity = input.severity && input.severity !== current.severity ? input.severity : null;
    const status = input.status && input.status !== current.status ? input.status : null;
    if (severity || status) requireMayChangeIncident(actor, current);
    requireVersion(current, input.expectedVersion);
    if (status) requireTransition(current, status);
    const incident =
      severity || status
        ? await writeIncident(tx, current, {
            ...(severity ? { severity } : {}),
            ...(status ? { status } : {}),
          })
        : current;
    const [update] = await tx
      .insert(t.incidentUpdates)
      .values({
        incidentId: incident.id,
        authorOrg: actor.org,
        authorSub: actor.sub,
        body,
        previousSeverity: severity ? current.severity : null,
        severity,
        previousStatus: status ? current.status : null,
        status,
      })
      .returning();
    if (!update) throw new Error('insert returned no row');
    const changes = [
      severity && `severity ${current.severity} → ${severity}`,
      status && `status ${current.status} → ${status}`,
    ]
      .filter(Boolean)
      .join(', ');
    await auditIncident(
      tx,
      actor,
      'postIncidentUpdate',
      incident,
      `Posted a timeline entry${changes ? ` (${changes})` : ''}.`,
    );
    await appendEvent(tx, incident, 'UPDATE_POSTED', actor, severity ? current.severity : null, {
      updateId: update.id,
      ...(status ? { status: { from: current.status, to: status } } : {}),
    });
    return update;
  });
}

export async function shareIncident(
  db: Db,
  directory: Directory,
  actor: OrgIdentity,
  id: string,
  organizationIds: readonly string[],
  sharingGroupIds?: readonly string[] | null,
): Promise<IncidentRow> {
  const ids = valid.organizationIds('organizationIds', organizationIds);
  if (ids.length === 0 && !sharingGroupIds?.length)
    throw badUserInput('organizationIds', 'Name at least one organization or sharing group.');
  await directory.requireOrganizations(ids);
  return changeIncident(db, actor, id, async (tx, current) => {
    if (!canShare(actor, { tlp: current.tlp, ownerOrg: current.reportedByOrg })) {
      throw forbidden(`Only the reporting organization may share a TLP:${current.tlp} incident.`);
    }
    // A group's owner decides who is in it: only the originator may hand it the circle.
    if (sharingGroupIds?.length && current.reportedByOrg !== actor.org)
      throw forbidden('Only the reporting organization may share its incident with sharing groups.');
    const groups = await usableGroupIds(tx, actor.org, 'sharedWithSharingGroupIds', sharingGroupIds);
    const addedGroups = await linkIncidentGroups(tx, current.id, groups);
    const added = ids.filter((org) => org !== current.reportedByOrg && !current.sharedWith.includes(org));
    if (added.length === 0 && addedGroups.length === 0) return current;
    const incident = await writeIncident(tx, current, { sharedWith: [...current.sharedWith, ...added] });
    const recipients = [...added, ...addedGroups.map((group) => `sharing group ${group}`)];
    await auditIncident(tx, actor, 'shareIncident', incident, `Shared with ${recipients.join(', ')}.`);
    await appendEvent(tx, incident, 'SHARED', actor, null, {
      organizationIds: added,
      ...(addedGroups.length > 0 ? { sharingGroupIds: addedGroups } : {}),
    });
    return incident;
  });
}

export async function addIncidentIndicators(
  db: Db,
  actor: OrgIdentity,
  id: string,
  inputs: readonly valid.IndicatorInput[],
  access: ChangeAccess = ownerOrSecretariat,
): Promise<IncidentRow> {
  const indicators = valid.indicators('indicators', inputs);
  if (indicators.length === 0) throw badUserInput('indicators', 'Give at least one indicator.');
  return changeIncident(db, actor, id, async (tx, current) => {
    requireAccess(access, actor, current);
    await tx
      .insert(t.indicators)
      .values(indicators.map((indicator) => ({ ...indicator, incidentId: current.id })));
    const incident = await writeIncident(tx, current);
    await auditIncident(
      tx,
      actor,
      'addIncidentIndicators',
      incident,
      `Added ${indicators.length} indicator(s).`,
    );
    await appendEvent(tx, incident, 'UPDATED', actor, null, { indicators: indicators.length });
    return incident;
  });
}
