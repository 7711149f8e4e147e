import { findContact } from '../contacts.ts';
import type { ContactsContext } from '../context.ts';
import { maySeePersonalDetails, requireAdminOf } from '../permissions.ts';
import type { ContactRow } from '../rows.ts';
import type { VerificationPingRow } from '../verification-pings.ts';

/** Verification by e-mail ping (issue #17): the two mutations and the contact's open ping. */
export const VerificationMutation = {
  /** SECRETARIAT, or an ORG_ADMIN of the contact's organization. */
  requestContactVerification: async (
    _: unknown,
    { contactId }: { contactId: string },
    { db, caller, pinger }: ContactsContext,
  ) => {
    const contact = await findContact(db, contactId);
    return pinger.request(requireAdminOf(caller, contact.organizationId), contact);
  },

  /** No login: the token from the e-mail is the proof. */
  confirmContactVerification: (_: unknown, { token }: { token: string }, { pinger }: ContactsContext) =>
    pinger.confirm(token),
};

export const VerificationContact = {
  /** Members only, like the verification history. */
  verificationPing: (contact: ContactRow, _: unknown, { caller, openPingByContact }: ContactsContext) =>
    maySeePersonalDetails(caller) ? openPingByContact.load(contact.id) : null,
};

export const VerificationPing = {
  sentAt: (ping: VerificationPingRow) => ping.sentAt,
  requestedAt: (ping: VerificationPingRow) => ping.createdAt,
  expiresAt: (ping: VerificationPingRow) => ping.expiresAt,
};
