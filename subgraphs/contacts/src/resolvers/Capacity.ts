import {
  forbidden,
  loadExisting,
  organizationWith,
  requireIdentity,
  requireSecretariat,
  Right,
  type Caller,
  type Identity,
} from '@cadg/platform';
import { findActivity } from '../activities.ts';
import { addMaterial, cancelActivity, updateActivity } from '../capacity/activity-changes.ts';
import { recordAfterAction } from '../capacity/after-action.ts';
import { findAttendee, registerAttendee, unregisterAttendee } from '../capacity/attendees.ts';
import type {
  ActivityAttendeeResolvers,
  ActivityMaterialResolvers,
  ActivityResolvers,
  AfterActionReportResolvers,
  FollowUpActionResolvers,
  MutationResolvers,
} from '../generated/resolvers-types.ts';
import { maySeePersonalDetails, requireAdminOf } from '../permissions.ts';
import type { ActivityRow } from '../rows.ts';
import type { ContactsContext } from '../context.ts';

/** The host's ORG_ADMIN or the SECRETARIAT; an activity without a registered host, the SECRETARIAT only. */
async function requireManagerOf(
  id: string,
  { db, caller }: ContactsContext,
): Promise<[Identity, ActivityRow]> {
  const activity = await findActivity(db, id);
  const actor = activity.hostOrganizationId
    ? requireAdminOf(caller, activity.hostOrganizationId)
    : requireSecretariat(caller);
  return [actor, activity];
}

/** Attendees are registered by their own organization's ORG_ADMIN, nobody else (not the host, not the SECRETARIAT). */
function requireOwnOrgAdmin(caller: Caller, organizationId: string): Identity {
  const identity = requireIdentity(caller);
  if (organizationWith(identity, Right.ManageOrganization) !== organizationId) {
    throw forbidden(
      `Only an ORG_ADMIN of organization "${organizationId}" may register or withdraw its attendees.`,
    );
  }
  return identity;
}

/** Capacity building as it happened (issue #22): updates, cancellation, materials, attendees, after-action records. */
export const CapacityMutation: Pick<
  MutationResolvers,
  | 'updateActivity'
  | 'cancelActivity'
  | 'addActivityMaterial'
  | 'registerAttendee'
  | 'unregisterAttendee'
  | 'recordAfterAction'
> = {
  updateActivity: async (_, { input }, context) => {
    const [actor] = await requireManagerOf(input.id, context);
    return updateActivity(context.db, actor, input);
  },
  cancelActivity: async (_, { id, reason }, context) => {
    const [actor] = await requireManagerOf(id, context);
    return cancelActivity(context.db, actor, id, reason);
  },
  addActivityMaterial: async (_, { input }, context) => {
    const [actor] = await requireManagerOf(input.activityId, context);
    return addMaterial(context.db, actor, input);
  },
  registerAttendee: (_, { input }, { db, caller }) =>
    registerAttendee(db, requireOwnOrgAdmin(caller, input.organizationId), input),
  unregisterAttendee: async (_, { id }, { db, caller }) => {
    requireIdentity(caller);
    const attendee = await findAttendee(db, id);
    await unregisterAttendee(db, requireOwnOrgAdmin(caller, attendee.organizationId), attendee);
    return { id };
  },
  recordAfterAction: async (_, { input }, context) => {
    const [actor] = await requireManagerOf(input.activityId, context);
    return recordAfterAction(context.db, actor, input);
  },
};

export const CapacityActivity: Pick<
  ActivityResolvers,
  'status' | 'cancellation' | 'materials' | 'attendees' | 'afterAction'
> = {
  status: async (activity, _, { capacity }) =>
    (await capacity.cancellationByActivity.load(activity.id)) ? 'CANCELLED' : 'SCHEDULED',
  cancellation: (activity, _, { capacity }) => capacity.cancellationByActivity.load(activity.id),
  materials: (activity, _, { capacity }) => capacity.readableMaterialsByActivity.load(activity.id),
  // Personal data: members only, like contacts' e-mail addresses.
  attendees: async (activity, _, { caller, capacity }) =>
    maySeePersonalDetails(caller) ? capacity.attendeesByActivity.load(activity.id) : [],
  afterAction: (activity, _, { capacity }) => capacity.readableAfterActionByActivity.load(activity.id),
};

export const ActivityMaterial: ActivityMaterialResolvers = {
  addedAt: (material) => material.createdAt,
};

export const ActivityAttendee: ActivityAttendeeResolvers = {
  organization: async (attendee, _, { loaders }) => {
    const [organization] = await loadExisting(loaders.organizationById, [attendee.organizationId]);
    if (!organization) throw new Error(`organization ${attendee.organizationId} vanished`);
    return organization;
  },
};

export const AfterActionReport: AfterActionReportResolvers = {
  participatingTeams: async (report, _, { capacity, loaders }) =>
    loadExisting(loaders.organizationById, await capacity.teamIdsByReport.load(report.activityId)),
  followUps: (report, _, { capacity }) => capacity.followUpsByReport.load(report.activityId),
};

export const FollowUpAction: FollowUpActionResolvers = {
  owner: async (followUp, _, { loaders }) => {
    const [owner] = await loadExisting(loaders.organizationById, [followUp.ownerOrganizationId]);
    if (!owner) throw new Error(`organization ${followUp.ownerOrganizationId} vanished`);
    return owner;
  },
};
