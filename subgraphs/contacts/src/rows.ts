import type * as t from '@cadg/db/contacts';
import type * as n from '@cadg/db/contacts-names';

export type CountryRow = typeof t.countries.$inferSelect;
export type OrganizationRow = typeof t.organizations.$inferSelect;
export type ContactRow = typeof t.contacts.$inferSelect;
export type VerificationRow = typeof t.contactVerifications.$inferSelect;
export type ActivityRow = typeof t.activities.$inferSelect;
export type OrganizationNameRow = typeof n.organizationNames.$inferSelect;
export type DialoguePartnerRow = typeof n.aseanDialoguePartners.$inferSelect;
export type OrganizationKind = OrganizationRow['kind'];
export type ContactRole = ContactRow['roles'][number];
export type ActivityKind = ActivityRow['kind'];
