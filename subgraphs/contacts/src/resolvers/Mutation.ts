import { forbidden } from '@cadg/platform';
import { addParticipants, findActivity, scheduleActivity } from '../activities.ts';
import { addContact, findContact, recordVerification, removeContact, updateContact } from '../contacts.ts';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { createOrganization, updateOrganization } from '../organizations.ts';
import { requireSecretariat } from '@cadg/platform';
import { administersMechanism, requireAdminOf } from '../permissions.ts';

/**
 * Every mutation checks who may do it before touching data, then hands over to a domain function
 * that validates, changes and audits in one transaction.
 */
export const Mutation: MutationResolvers = {
  createOrganization: (_, { input }, { db, caller }) =>
    createOrganization(db, requireSecretariat(caller), input),

  updateOrganization: (_, { input }, { db, caller }) => {
    const actor = requireAdminOf(caller, input.id);
    if (input.kind !== undefined && input.kind !== null && !administersMechanism(actor)) {
      throw forbidden('Only the SECRETARIAT may change what kind of body an organization is.');
    }
    return updateOrganization(db, actor, input);
  },

  addContact: (_, { input }, { db, caller }) =>
    addContact(db, requireAdminOf(caller, input.organizationId), input),

  updateContact: async (_, { input }, { db, caller }) => {
    const current = await findContact(db, input.id);
    return updateContact(db, requireAdminOf(caller, current.organizationId), current, input);
  },

  removeContact: async (_, { id }, { db, caller }) => {
    const current = await findContact(db, id);
    await removeContact(db, requireAdminOf(caller, current.organizationId), current);
    return { id };
  },

  recordContactVerification: async (_, { input }, { db, caller }) => {
    const current = await findContact(db, input.contactId);
    return recordVerification(db, requireAdminOf(caller, current.organizationId), current, input);
  },

  scheduleActivity: (_, { input }, { db, caller }) =>
    scheduleActivity(db, requireAdminOf(caller, input.hostOrganizationId), input),

  addActivityParticipants: async (_, args, { db, caller }) => {
    const activity = await findActivity(db, args.activityId);
    // An activity without a registered host can only be managed by the secretariat.
    const actor = activity.hostOrganizationId
      ? requireAdminOf(caller, activity.hostOrganizationId)
      : requireSecretariat(caller);
    return addParticipants(db, actor, activity, args.organizationIds);
  },
};
