import { forbidden } from '@cadg/platform';
import {
  addParticipants,
  findActivity,
  scheduleActivity,
  type ScheduleActivityInput,
} from '../activities.ts';
import {
  addContact,
  findContact,
  recordVerification,
  removeContact,
  updateContact,
  type AddContactInput,
  type RecordVerificationInput,
  type UpdateContactInput,
} from '../contacts.ts';
import type { ContactsContext } from '../context.ts';
import {
  createOrganization,
  updateOrganization,
  type CreateOrganizationInput,
  type UpdateOrganizationInput,
} from '../organizations.ts';
import { administersMechanism, requireAdminOf, requireSecretariat } from '../permissions.ts';

/**
 * Every mutation checks who may do it before touching data, then hands over to a domain function
 * that validates, changes and audits in one transaction.
 */
export const Mutation = {
  createOrganization: (
    _: unknown,
    { input }: { input: CreateOrganizationInput },
    { db, caller }: ContactsContext,
  ) => createOrganization(db, requireSecretariat(caller), input),

  updateOrganization: (
    _: unknown,
    { input }: { input: UpdateOrganizationInput },
    { db, caller }: ContactsContext,
  ) => {
    const actor = requireAdminOf(caller, input.id);
    if (input.kind !== undefined && input.kind !== null && !administersMechanism(actor)) {
      throw forbidden('Only the SECRETARIAT may change what kind of body an organization is.');
    }
    return updateOrganization(db, actor, input);
  },

  addContact: (_: unknown, { input }: { input: AddContactInput }, { db, caller }: ContactsContext) =>
    addContact(db, requireAdminOf(caller, input.organizationId), input),

  updateContact: async (
    _: unknown,
    { input }: { input: UpdateContactInput },
    { db, caller }: ContactsContext,
  ) => {
    const current = await findContact(db, input.id);
    return updateContact(db, requireAdminOf(caller, current.organizationId), current, input);
  },

  removeContact: async (_: unknown, { id }: { id: string }, { db, caller }: ContactsContext) => {
    const current = await findContact(db, id);
    await removeContact(db, requireAdminOf(caller, current.organizationId), current);
    return { id };
  },

  recordContactVerification: async (
    _: unknown,
    { input }: { input: RecordVerificationInput },
    { db, caller }: ContactsContext,
  ) => {
    const current = await findContact(db, input.contactId);
    return recordVerification(db, requireAdminOf(caller, current.organizationId), current, input);
  },

  scheduleActivity: (
    _: unknown,
    { input }: { input: ScheduleActivityInput },
    { db, caller }: ContactsContext,
  ) => scheduleActivity(db, requireAdminOf(caller, input.hostOrganizationId), input),

  addActivityParticipants: async (
    _: unknown,
    args: { activityId: string; organizationIds: string[] },
    { db, caller }: ContactsContext,
  ) => {
    const activity = await findActivity(db, args.activityId);
    // An activity without a registered host can only be managed by the secretariat.
    const actor = activity.hostOrganizationId
      ? requireAdminOf(caller, activity.hostOrganizationId)
      : requireSecretariat(caller);
    return addParticipants(db, actor, activity, args.organizationIds);
  },
};
