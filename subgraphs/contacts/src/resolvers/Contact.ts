import { loadRequired } from '@cadg/platform';
import type { ContactsContext } from '../context.ts';
import type { ContactResolvers } from '../generated/resolvers-types.ts';
import { maySeePersonalDetails } from '../permissions.ts';
import type { ContactRow } from '../rows.ts';
import { verificationStatus } from '../verification.ts';

/** Personal details resolve to null for non-members (anonymous, or no known role) rather than failing the whole list. */
const personal =
  <K extends 'email' | 'phone' | 'pgpFingerprint'>(field: K) =>
  (contact: ContactRow, _: unknown, { caller }: ContactsContext): ContactRow[K] | null =>
    maySeePersonalDetails(caller) ? contact[field] : null;

export const Contact: ContactResolvers = {
  organization: (contact, _, { loaders }) => loadRequired(loaders.organizationById, contact.organizationId),
  email: personal('email'),
  phone: personal('phone'),
  pgpFingerprint: personal('pgpFingerprint'),
  verificationStatus: (contact) => verificationStatus(contact.lastVerifiedAt),
  verifications: async (contact, _, { caller, loaders }) =>
    maySeePersonalDetails(caller) ? loaders.verificationsByContact.load(contact.id) : [],
};
