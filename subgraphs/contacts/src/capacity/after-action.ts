import { eq } from 'drizzle-orm';
import { badUserInput, type Identity } from '@cadg/platform';
import type { Db } from '@cadg/db';
import * as c from '@cadg/db/contacts-capacity';
import { audit } from '../audit.ts';
import * as valid from '../validation.ts';
import { requireOrganizations } from '../activities.ts';
import { lockOpenActivity } from './activity-changes.ts';
import type { AfterActionRow, Tlp } from './rows.ts';

const MAX_ENTRIES = 100;

export interface RecordAfterActionInput {
  activityId: string;
  scenarioSummary: string;
  participatingTeamIds: readonly string[];
  findings: readonly string[];
  followUps: readonly { action: string; ownerOrganizationId: string; dueOn: string }[];
  tlp: Tlp;
}

function validated(input: RecordAfterActionInput) {
  const teams = [...new Set(input.participatingTeamIds)];
  if (teams.length === 0)
    throw badUserInput('input.participatingTeamIds', 'Name at least one participating team.');
  if (input.findings.length > MAX_ENTRIES)
    throw badUserInput('input.findings', `At most ${MAX_ENTRIES} findings.`);
  if (input.followUps.length > MAX_ENTRIES)
    throw badUserInput('input.followUps', `At most ${MAX_ENTRIES} follow-up actions.`);
  return {
    scenarioSummary: valid.requiredText('input.scenarioSummary', input.scenarioSummary, 5000),
    teams,
    findings: input.findings.map((f, i) => valid.requiredText(`input.findings.${i}`, f, 2000)),
    followUps: input.followUps.map((f, i) => ({
      action: valid.requiredText(`input.followUps.${i}.action`, f.action, 2000),
      ownerOrganizationId: f.ownerOrganizationId,
      dueOn: f.dueOn,
    })),
  };
}

/**
 * Records what a drill found, replacing any earlier record as a whole (one version up). Only for a
 * JOINT_DRILL that has started: an after-action record describes what happened. The audit entry
 * gives the marking and version, never the contents, which only the activity's circle may read
 * under AMBER or RED.
 */
export async function recordAfterAction(
  db: Db,
  actor: Identity,
  input: RecordAfterActionInput,
  today = new Date().toISOString().slice(0, 10),
): Promise<AfterActionRow> {
  const report = validated(input);
  return db.transaction(async (tx) => {
    const activity = await lockOpenActivity(tx, input.activityId);
    if (activity.kind !== 'JOINT_DRILL') {
      throw badUserInput(
        'input.activityId',
        `Activity "${activity.id}" is a ${activity.kind}, not a JOINT_DRILL.`,
      );
    }
    if (activity.startsOn > today) {
      throw badUserInput(
        'input.activityId',
        `Activity "${activity.id}" starts on ${activity.startsOn}; record it afterwards.`,
      );
    }
    await requireOrganizations(tx, [...report.teams, ...report.followUps.map((f) => f.ownerOrganizationId)]);
    const [previous] = await tx
      .select({ version: c.afterActionReports.version })
      .from(c.afterActionReports)
      .where(eq(c.afterActionReports.activityId, activity.id));
    const values = {
      activityId: activity.id,
      scenarioSummary: report.scenarioSummary,
      findings: report.findings,
      tlp: input.tlp,
      version: (previous?.version ?? 0) + 1,
      recordedBy: actor.sub,
      recordedAt: new Date(),
    };
    // Replacing deletes the old teams and follow-ups with it (ON DELETE CASCADE).
    if (previous)
      await tx.delete(c.afterActionReports).where(eq(c.afterActionReports.activityId, activity.id));
    const [row] = await tx.insert(c.afterActionReports).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    await tx
      .insert(c.afterActionTeams)
      .values(report.teams.map((organizationId) => ({ activityId: activity.id, organizationId })));
    if (report.followUps.length > 0) {
      await tx
        .insert(c.afterActionFollowUps)
        .values(report.followUps.map((f, position) => ({ activityId: activity.id, position, ...f })));
    }
    await audit(tx, actor, {
      operation: 'recordAfterAction',
      targetType: 'Activity',
      targetId: activity.id,
      summary: `${previous ? 'Replaced' : 'Recorded'} the TLP:${input.tlp} after-action record (version ${values.version}).`,
    });
    return row;
  });
}
