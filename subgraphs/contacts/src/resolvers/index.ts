import { auditLogSource } from '@cadg/db';
import { auditLog } from '@cadg/db/contacts';
import { auditLogResolver, sharedResolvers } from '@cadg/platform';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { Activity } from './Activity.ts';
import {
  ActivityAttendee,
  ActivityMaterial,
  AfterActionReport,
  CapacityActivity,
  CapacityMutation,
  FollowUpAction,
} from './Capacity.ts';
import { Contact } from './Contact.ts';
import { Country } from './Country.ts';
import { Mutation } from './Mutation.ts';
import { Node, NodeQuery } from './Node.ts';
import { Organization } from './Organization.ts';
import { Query } from './Query.ts';
import { VerificationContact, VerificationMutation, VerificationPing } from './Verification.ts';

/** Typed from the SDL by `npm run codegen`: a resolver that disagrees with schema.graphql does not compile. */
export const resolvers: Resolvers = {
  ...sharedResolvers(Country, Organization),
  Query: { ...Query, ...NodeQuery, contactsAuditLog: auditLogResolver(auditLogSource(auditLog)) },
  Mutation: { ...Mutation, ...VerificationMutation, ...CapacityMutation },
  Node,
  Contact: { ...Contact, ...VerificationContact },
  VerificationPing,
  Activity: { ...Activity, ...CapacityActivity },
  ActivityMaterial,
  ActivityAttendee,
  AfterActionReport,
  FollowUpAction,
};
