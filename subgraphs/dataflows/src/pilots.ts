import { randomUUID } from 'node:crypto';
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import {
  textSearch,
  badUserInput,
  conflict,
  cursorShape,
  CursorParts,
  keysetList,
  linked,
  notFound,
  type Identity,
} from '@cadg/platform';
import { tableKeyset, type Db, type Tx } from '@cadg/db';
import * as t from '@cadg/db/dataflows';
import { audit } from './audit.ts';
import { acceptsMilestones, assertTransition } from './pilot-status.ts';
import type { DataCategory, MechanismKind, MilestoneRow, PilotRow, PilotStatus } from './rows.ts';
import * as valid from './validation.ts';

export interface PilotFilter {
  statuses?: readonly PilotStatus[] | null;
  countryCode?: string | null;
  organizationId?: string | null;
  mechanism?: MechanismKind | null;
  text?: string | null;
}

function conditions(filter: PilotFilter | null | undefined): SQL[] {
  const where: SQL[] = [];
  if (!filter) return where;
  if (filter.statuses) where.push(inArray(t.pilots.status, [...filter.statuses]));
  if (filter.countryCode) {
    const code = valid.countryCode('filter.countryCode', filter.countryCode);
    where.push(linked(t.pilotCountries.pilotId, t.pilots.id, t.pilotCountries.countryCode, code));
  }
  if (filter.organizationId) {
    where.push(
      linked(
        t.pilotOrganizations.pilotId,
        t.pilots.id,
        t.pilotOrganizations.organizationId,
        filter.organizationId,
      ),
    );
  }
  if (filter.mechanism) {
    where.push(
      linked(t.pilotMechanisms.pilotId, t.pilots.id, t.pilotMechanisms.mechanismKind, filter.mechanism),
    );
  }
  where.push(...textSearch(filter.text, t.pilots.name, t.pilots.description));
  return where;
}

const PILOT_CURSOR = cursorShape('pilots', CursorParts.text, CursorParts.text);

/** Pilots by name, keyset-paginated on (name, id). */
export const listPilots = keysetList({
  cursor: PILOT_CURSOR,
  where: conditions,
  queries: (db: Db) => tableKeyset(db, t.pilots, 'asc', [t.pilots.name, t.pilots.id]),
  keyOf: (r) => [r.name, r.id],
});

export interface PilotWithParticipants {
  pilot: PilotRow;
  organizationIds: string[];
}

/** Loads a pilot and its participating organizations, the basis of who may change it. */
export async function findPilot(db: Db | Tx, id: string): Promise<PilotWithParticipants> {
  const [pilot] = await db.select().from(t.pilots).where(eq(t.pilots.id, id));
  if (!pilot) throw notFound('DataFlowPilot', id);
  const participants = await db
    .select({ id: t.pilotOrganizations.organizationId })
    .from(t.pilotOrganizations)
    .where(eq(t.pilotOrganizations.pilotId, id));
  return { pilot, organizationIds: participants.map((p) => p.id) };
}

export interface ProposePilotInput {
  name: string;
  description: string;
  countryCodes: readonly string[];
  organizationIds: readonly string[];
  sectors?: readonly string[] | null;
  dataCategories?: readonly DataCategory[] | null;
  mechanisms?: readonly MechanismKind[] | null;
  startsOn?: string | null;
  endsOn?: string | null;
  milestones?: readonly { title: string; dueOn: string }[] | null;
}

/** Checks the input and normalises it; throws BAD_USER_INPUT naming the field. */
export function normaliseProposal(input: ProposePilotInput) {
  const countryCodes = [
    ...new Set(input.countryCodes.map((c) => valid.countryCode('input.countryCodes', c))),
  ];
  if (countryCodes.length < 2) {
    throw badUserInput('input.countryCodes', 'A cross-border pilot needs at least two countries.');
  }
  const organizationIds = [
    ...new Set(input.organizationIds.map((id) => valid.organizationId('input.organizationIds', id))),
  ];
  if (organizationIds.length === 0) {
    throw badUserInput('input.organizationIds', 'Name at least one participating organization.');
  }
  if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) {
    throw badUserInput('input.endsOn', 'A pilot cannot end before it starts.');
  }
  return {
    name: valid.requiredText('input.name', input.name, 200),
    description: valid.requiredText('input.description', input.description, 5000),
    countryCodes,
    organizationIds,
    sectors: [
      ...new Set((input.sectors ?? []).map((s) => valid.requiredText('input.sectors', s, 100).toLowerCase())),
    ],
    dataCategories: [...new Set(input.dataCategories ?? [])],
    mechanisms: [...new Set(input.mechanisms ?? [])],
    startsOn: input.startsOn ?? null,
    endsOn: input.endsOn ?? null,
    milestones: (input.milestones ?? []).map((m, i) => ({
      title: valid.requiredText(`input.milestones.${i}.title`, m.title, 300),
      dueOn: m.dueOn,
    })),
  };
}

export async function proposePilot(
  db: Db,
  actor: Identity,
  proposal: ReturnType<typeof normaliseProposal>,
): Promise<PilotRow> {
  return db.transaction(async (tx) => {
    // Countries are checked against this subgraph's own policies, which cover every participating country.
    const known = await tx
      .select({ code: t.policies.countryCode })
      .from(t.policies)
      .where(inArray(t.policies.countryCode, proposal.countryCodes));
    const knownCodes = new Set(known.map((r) => r.code));
    const missing = proposal.countryCodes.find((c) => !knownCodes.has(c));
    if (missing) throw notFound('Country', missing);

    const [row] = await tx
      .insert(t.pilots)
      .values({
        id: randomUUID(),
        name: proposal.name,
        description: proposal.description,
        status: 'PROPOSED',
        sectors: proposal.sectors,
        dataCategories: proposal.dataCategories,
        startsOn: proposal.startsOn,
        endsOn: proposal.endsOn,
        proposedBy: actor.org ?? actor.sub,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await tx
      .insert(t.pilotCountries)
      .values(proposal.countryCodes.map((countryCode) => ({ pilotId: row.id, countryCode })));
    await tx
      .insert(t.pilotOrganizations)
      .values(proposal.organizationIds.map((organizationId) => ({ pilotId: row.id, organizationId })));
    if (proposal.mechanisms.length > 0) {
      await tx
        .insert(t.pilotMechanisms)
        .values(proposal.mechanisms.map((mechanismKind) => ({ pilotId: row.id, mechanismKind })));
    }
    if (proposal.milestones.length > 0) {
      await tx.insert(t.pilotMilestones).values(proposal.milestones.map((m) => ({ ...m, pilotId: row.id })));
    }
    await audit(tx, actor, {
      operation: 'proposeDataFlowPilot',
      targetType: 'DataFlowPilot',
      targetId: row.id,
      summary: `Proposed pilot "${row.name}" with ${proposal.countryCodes.join(', ')}.`,
    });
    return row;
  });
}

function checkVersion(pilot: PilotRow, expected: number | null | undefined): void {
  if (expected === undefined || expected === null || expected === pilot.version) return;
  throw conflict(`Pilot "${pilot.id}" is at version ${pilot.version}, not ${expected}.`, {
    currentVersion: pilot.version,
  });
}

export interface AdvancePilotInput {
  id: string;
  to: PilotStatus;
  expectedVersion?: number | null;
  outcomes?: string | null;
}

export async function advancePilot(db: Db, actor: Identity, input: AdvancePilotInput): Promise<PilotRow> {
  const outcomes = valid.optionalText('input.outcomes', input.outcomes, 5000);
  return db.transaction(async (tx) => {
    // Locked, so two concurrent moves cannot both start from the same status.
    const [current] = await tx.select().from(t.pilots).where(eq(t.pilots.id, input.id)).for('update');
    if (!current) throw notFound('DataFlowPilot', input.id);
    checkVersion(current, input.expectedVersion);
    assertTransition(current.status, input.to);
    const [row] = await tx
      .update(t.pilots)
      .set({
        status: input.to,
        ...(outcomes !== null ? { outcomes } : {}),
        version: current.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(t.pilots.id, input.id))
      .returning();
    if (!row) throw notFound('DataFlowPilot', input.id);
    await audit(tx, actor, {
      operation: 'advanceDataFlowPilot',
      targetType: 'DataFlowPilot',
      targetId: input.id,
      summary: `Moved pilot "${row.name}" from ${current.status} to ${input.to}.`,
    });
    return row;
  });
}

export interface RecordMilestoneInput {
  pilotId: string;
  milestoneId?: string | null;
  title?: string | null;
  dueOn?: string | null;
  doneOn?: string | null;
  note?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function recordMilestone(
  db: Db,
  actor: Identity,
  input: RecordMilestoneInput,
  now = new Date(),
): Promise<PilotRow> {
  if (input.doneOn && input.doneOn > valid.today(now)) {
    throw badUserInput('input.doneOn', 'A milestone cannot be done in the future.');
  }
  const note = valid.optionalText('input.note', input.note);
  return db.transaction(async (tx) => {
    const [pilot] = await tx.select().from(t.pilots).where(eq(t.pilots.id, input.pilotId)).for('update');
    if (!pilot) throw notFound('DataFlowPilot', input.pilotId);
    if (!acceptsMilestones(pilot.status)) {
      throw conflict(`Pilot "${pilot.id}" is ${pilot.status}; its milestones are closed.`, {
        status: pilot.status,
      });
    }
    let summary: string;
    if (input.milestoneId) {
      const existing = await findMilestone(tx, pilot.id, input.milestoneId);
      const changes: Partial<typeof t.pilotMilestones.$inferInsert> = { updatedAt: now };
      if (input.title !== undefined && input.title !== null)
        changes.title = valid.requiredText('input.title', input.title, 300);
      if (input.dueOn) changes.dueOn = input.dueOn;
      if (input.doneOn !== undefined) changes.doneOn = input.doneOn;
      if (input.note !== undefined) changes.note = note;
      await tx.update(t.pilotMilestones).set(changes).where(eq(t.pilotMilestones.id, existing.id));
      summary = input.doneOn
        ? `Marked milestone "${existing.title}" done on ${input.doneOn}.`
        : `Changed milestone "${existing.title}".`;
    } else {
      if (input.title === undefined || input.title === null)
        throw badUserInput('input.title', 'A new milestone needs a title.');
      if (!input.dueOn) throw badUserInput('input.dueOn', 'A new milestone needs a due date.');
      const title = valid.requiredText('input.title', input.title, 300);
      await tx.insert(t.pilotMilestones).values({
        pilotId: pilot.id,
        title,
        dueOn: input.dueOn,
        doneOn: input.doneOn ?? null,
        note,
      });
      summary = `Added milestone "${title}" due ${input.dueOn}.`;
    }
    const [row] = await tx
      .update(t.pilots)
      .set({ version: pilot.version + 1, updatedAt: now })
      .where(eq(t.pilots.id, pilot.id))
      .returning();
    if (!row) throw notFound('DataFlowPilot', pilot.id);
    await audit(tx, actor, {
      operation: 'recordPilotMilestone',
      targetType: 'DataFlowPilot',
      targetId: pilot.id,
      summary,
    });
    return row;
  });
}

async function findMilestone(tx: Tx, pilotId: string, id: string): Promise<MilestoneRow> {
  if (!UUID.test(id)) throw notFound('PilotMilestone', id);
  const [row] = await tx
    .select()
    .from(t.pilotMilestones)
    .where(and(eq(t.pilotMilestones.id, id), eq(t.pilotMilestones.pilotId, pilotId)));
  if (!row) throw notFound('PilotMilestone', id);
  return row;
}
