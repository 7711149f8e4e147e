import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import {
  badUserInput,
  conflict,
  cursorShape,
  CursorParts,
  forbidden,
  hasRight,
  notFound,
  keysetList,
  organizationWith,
  Right,
  Role,
  type Caller,
} from '@cadg/platform';
import { tableKeyset, type Db } from '@cadg/db';
import * as t from '@cadg/db/incidents';
import { audit } from './audit.ts';
import type { Directory } from './directory.ts';
import { appendEvent } from './events/outbox.ts';
import { findVisibleIncident, isUuid } from './incidents.ts';
import { canMoveAssistance } from './lifecycle.ts';
import { mayChangeIncident, type OrgIdentity } from './permissions.ts';
import type { AssistanceKind, AssistanceRequestRow, AssistanceStatus, IncidentRow } from './rows.ts';
import { markingOf } from './sharing-links.ts';
import * as valid from './validation.ts';
import { canRead, canShare, INCIDENT_MARKING, readableBy, requestVisibleSql } from './visibility.ts';

/**
 * Who asks whom for help is itself sensitive: besides incident readers' own requests, only the
 * reporting organization and the SECRETARIAT see all requests of an incident. (audit.ts says
 * the same in SQL.)
 */
export function canSeeRequest(caller: Caller, incident: IncidentRow, request: AssistanceRequestRow): boolean {
  if (hasRight(caller, Right.CoordinateIncidents)) return true;
  const org = organizationWith(caller, Right.ReadForOrganization);
  if (org === null) return false;
  return org === incident.reportedByOrg || org === request.requestedByOrg || org === request.requestedOfOrg;
}

export interface AssistanceRequestFilter {
  status?: readonly AssistanceStatus[] | null;
  direction?: 'TO_MY_ORGANIZATION' | 'FROM_MY_ORGANIZATION' | null;
}

/** Whose list of assistance requests (the caller's visibility always applies) and what narrows it. */
export interface AssistanceRequestQuery {
  caller: Caller;
  filter?: AssistanceRequestFilter | null | undefined;
}

const requests = t.assistanceRequests;

function requestConditions({ caller, filter }: AssistanceRequestQuery): SQL[] {
  const where: SQL[] = [
    sql`exists (select 1 from ${t.incidents} where ${t.incidents.id} = ${requests.incidentId}
      and ${readableBy(caller, INCIDENT_MARKING)} and ${requestVisibleSql(caller)})`,
  ];
  if (filter?.status)
    where.push(filter.status.length ? inArray(requests.status, [...filter.status]) : sql`false`);
  if (filter?.direction) {
    const org = organizationWith(caller, Right.ReadForOrganization);
    const column =
      filter.direction === 'TO_MY_ORGANIZATION' ? requests.requestedOfOrg : requests.requestedByOrg;
    where.push(org === null ? sql`false` : eq(column, org));
  }
  return where;
}

const REQUEST_CURSOR = cursorShape('assistanceRequests', CursorParts.timestamp, CursorParts.uuid);

/**
 * The assistance requests the caller may see, across incidents, newest request first: requests
 * about incidents it may read (TLP in SQL, as every list) that `canSeeRequest` lets it see, so
 * pages and `totalCount` never include another organization's requests.
 */
export const listAssistanceRequests = keysetList({
  cursor: REQUEST_CURSOR,
  where: requestConditions,
  queries: (db: Db) =>
    tableKeyset(db, requests, 'desc', [
      [requests.requestedAt, 'timestamptz'],
      [requests.id, 'uuid'],
    ]),
  keyOf: (r) => [r.requestedAt.toISOString(), r.id],
});

export interface RequestAssistanceInput {
  incidentId: string;
  organizationId: string;
  kinds: readonly AssistanceKind[];
  description: string;
}

export async function requestAssistance(
  db: Db,
  directory: Directory,
  actor: OrgIdentity,
  input: RequestAssistanceInput,
): Promise<AssistanceRequestRow> {
  const description = valid.text('input.description', input.description, 20_000);
  const kinds = [...new Set(input.kinds)];
  if (kinds.length === 0) throw badUserInput('input.kinds', 'Say what help is asked for.');
  if (input.organizationId === actor.org)
    throw badUserInput('input.organizationId', 'An organization cannot ask itself.');
  await directory.requireOrganizations([input.organizationId]);
  return db.transaction(async (tx) => {
    let incident = await findVisibleIncident(tx, actor, input.incidentId, true);
    if (!mayChangeIncident(actor, incident)) {
      throw forbidden(
        'Only the reporting organization or the SECRETARIAT may ask for assistance with this incident.',
      );
    }
    const marked = await markingOf(tx, incident);
    // Whether any member of the organization asked could read it.
    const helper = { sub: 'helper', org: input.organizationId, roles: [Role.Member] };
    if (!canRead(helper, marked)) {
      // The organization asked must be able to read what it is asked about.
      if (!canShare(actor, marked)) {
        throw forbidden(
          `${input.organizationId} cannot read this TLP:${incident.tlp} incident and only its originator may share it.`,
        );
      }
      const [shared] = await tx
        .update(t.incidents)
        .set({
          sharedWith: [...incident.sharedWith, input.organizationId],
          version: incident.version + 1,
          updatedAt: new Date(),
        })
        .where(eq(t.incidents.id, incident.id))
        .returning();
      if (!shared) throw new Error('update returned no row');
      incident = shared;
      // A wider circle is a change to the incident's marking: audited on the incident itself.
      await audit(tx, actor, {
        operation: 'requestAssistance',
        targetType: 'Incident',
        targetId: incident.id,
        summary: `Shared with ${input.organizationId} to ask for assistance.`,
      });
      await appendEvent(tx, incident, 'SHARED', actor, null, { organizationIds: [input.organizationId] });
    }
    const [request] = await tx
      .insert(t.assistanceRequests)
      .values({
        incidentId: incident.id,
        requestedByOrg: actor.org,
        requestedOfOrg: input.organizationId,
        kinds,
        description,
      })
      .returning();
    if (!request) throw new Error('insert returned no row');
    await audit(tx, actor, {
      operation: 'requestAssistance',
      targetType: 'AssistanceRequest',
      targetId: request.id,
      summary: `Asked ${input.organizationId} for ${kinds.join(', ')} on incident ${incident.id}.`,
    });
    await appendEvent(tx, incident, 'ASSISTANCE_REQUESTED', actor, null, {
      requestId: request.id,
      organizationId: input.organizationId,
    });
    return request;
  });
}

export interface RespondInput {
  requestId: string;
  status: AssistanceStatus;
  note?: string | null;
}

export async function respondToAssistanceRequest(
  db: Db,
  actor: OrgIdentity,
  input: RespondInput,
): Promise<AssistanceRequestRow> {
  const note = valid.optionalText('input.note', input.note, 20_000);
  if (!isUuid(input.requestId)) throw notFound('AssistanceRequest', input.requestId);
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(t.assistanceRequests)
      .where(eq(t.assistanceRequests.id, input.requestId))
      .for('update');
    if (!current) throw notFound('AssistanceRequest', input.requestId);
    const incident = await findVisibleIncident(tx, actor, current.incidentId).catch(() => {
      throw notFound('AssistanceRequest', input.requestId);
    });
    if (!canSeeRequest(actor, incident, current)) throw notFound('AssistanceRequest', input.requestId);
    if (actor.org !== current.requestedOfOrg)
      throw forbidden('Only the organization asked may answer this request.');
    if (!canMoveAssistance(current.status, input.status)) {
      throw conflict(`An assistance request cannot go from ${current.status} to ${input.status}.`, {
        from: current.status,
        to: input.status,
      });
    }
    const [request] = await tx
      .update(t.assistanceRequests)
      .set({ status: input.status, responseNote: note ?? current.responseNote, respondedAt: new Date() })
      .where(eq(t.assistanceRequests.id, current.id))
      .returning();
    if (!request) throw new Error('update returned no row');
    await audit(tx, actor, {
      operation: 'respondToAssistanceRequest',
      targetType: 'AssistanceRequest',
      targetId: request.id,
      summary: `${current.status} → ${request.status}.`,
    });
    await appendEvent(tx, incident, 'ASSISTANCE_ANSWERED', actor, null, {
      requestId: request.id,
      status: request.status,
    });
    return request;
  });
}
