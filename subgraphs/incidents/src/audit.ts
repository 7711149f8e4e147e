import { sql, type SQL } from 'drizzle-orm';
import { hasRight, organizationWith, Right, type Caller } from '@cadg/platform';
import { writeAudit, type AuditActor, type AuditEntry, type Tx } from '@cadg/db';
import * as t from '@cadg/db/incidents';
import { mispFeeds } from '@cadg/db/incidents-misp';
import { sharingGroups } from '@cadg/db/incidents-sharing';
import { groupVisibleTo } from './sharing-groups.ts';
import { ADVISORY_MARKING, INCIDENT_MARKING, readableBy, requestVisibleSql } from './visibility.ts';

/** The records this subgraph audits; every one is judged by the TLP marking behind it. */
export type AuditTarget =
  | 'Incident'
  | 'Advisory'
  | 'AssistanceRequest'
  | 'PhishingReport'
  | 'AlertRule'
  | 'SharingGroup'
  | 'MispFeed';

/** Records an incidents mutation in this subgraph's audit table, inside the change's transaction. */
export const audit = (tx: Tx, actor: AuditActor, entry: AuditEntry & { targetType: AuditTarget }) =>
  writeAudit(tx, t.auditLog, actor, entry);

/**
 * The audit entries a reader may see, as SQL over `incidents.audit_log`: those about a record the
 * reader may read now, under the same rules as every other read path (an incident or advisory
 * by its TLP marking; an assistance request by its incident and who may see the request; a
 * phishing report by the incident raised for it, if any; a sharing group to those who may see it).
 *
 * Entries about other records are left out rather than shown without title, summary or marking:
 * an entry that is still listed tells its reader that a record exists, who changed it, when and
 * how often, which is exactly what NOT_FOUND hides everywhere else. Filtering in the SQL that
 * reads the trail keeps `totalCount` and the pages consistent with what is shown.
 *
 * Visibility is judged on the record as it is when the trail is read, like event delivery: an
 * incident later shared with the reader shows its whole history, one later restricted hides it.
 */
export function auditVisibleTo(caller: Caller): SQL {
  const entry = t.auditLog;
  const incidentReadable = readableBy(caller, INCIDENT_MARKING);
  const advisoryReadable = readableBy(caller, ADVISORY_MARKING);
  const requests = t.assistanceRequests;
  const requestVisible = requestVisibleSql(caller);
  // Alert rules are read by their organization's ORG_ADMIN and, for delivery health, by the
  // SECRETARIAT; only such an ORG_ADMIN changes them, so the entry's actor_org is the rule's
  // organization (and stays known after the rule is deleted).
  const managed = organizationWith(caller, Right.ManageOrganization);
  const ruleChangeVisible = hasRight(caller, Right.AdministerMechanism)
    ? sql`true`
    : managed === null
      ? sql`false`
      : sql`${entry.actorOrg} = ${managed}`;
  // CASE evaluates only the branch of the entry's type, so the uuid casts never see another
  // type's id; each branch is one primary-key lookup.
  return sql`(case ${entry.targetType}
    when 'Incident' then exists (
      select 1 from ${t.incidents}
      where ${t.incidents.id} = ${entry.targetId}::uuid and ${incidentReadable})
    when 'Advisory' then exists (
      select 1 from ${t.advisories}
      where ${t.advisories.id} = ${entry.targetId}::uuid and ${advisoryReadable})
    when 'AssistanceRequest' then exists (
      select 1 from ${requests}
      join ${t.incidents} on ${t.incidents.id} = ${requests.incidentId}
      where ${requests.id} = ${entry.targetId}::uuid and ${incidentReadable} and ${requestVisible})
    when 'PhishingReport' then exists (
      select 1 from ${t.phishingReports}
      left join ${t.incidents} on ${t.incidents.id} = ${t.phishingReports.incidentId}
      where ${t.phishingReports.id} = ${entry.targetId}::uuid
        and (${t.phishingReports.incidentId} is null or ${incidentReadable}))
    when 'AlertRule' then ${ruleChangeVisible}
    when 'MispFeed' then ${ruleChangeVisible} or exists (
      select 1 from ${mispFeeds}
      where ${mispFeeds.id} = ${entry.targetId}::uuid and ${mispFeeds.ownerOrg} = ${managed ?? ''})
    when 'SharingGroup' then exists (
      select 1 from ${sharingGroups}
      where ${sharingGroups.id} = ${entry.targetId}::uuid and ${groupVisibleTo(caller)})
    else false
  end)`;
}
