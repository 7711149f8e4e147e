import type {
  MutationResolvers,
  QueryResolvers,
  SharingGroupResolvers,
} from '../generated/resolvers-types.ts';
import {
  createSharingGroup,
  findSharingGroup,
  listSharingGroups,
  setSharingGroupMembers,
} from '../sharing-groups.ts';
import { organization } from './references.ts';

export const SharingGroup: SharingGroupResolvers = {
  owner: (group) => organization(group.ownerOrg),
  members: (group) => group.memberIds.map(organization),
};

export const SharingGroupQuery: Pick<QueryResolvers, 'sharingGroups' | 'sharingGroup'> = {
  sharingGroups: (_, _args, { db, caller }) => listSharingGroups(db, caller),
  sharingGroup: (_, args, { db, caller }) => findSharingGroup(db, caller, args.id),
};

/** Who may call is decided by the domain functions (owner's ORG_ADMINs, the SECRETARIAT). */
export const SharingGroupMutation: Pick<MutationResolvers, 'createSharingGroup' | 'setSharingGroupMembers'> =
  {
    createSharingGroup: (_, { input }, ctx) => createSharingGroup(ctx.db, ctx.directory, ctx.caller, input),
    setSharingGroupMembers: (_, args, ctx) =>
      setSharingGroupMembers(ctx.db, ctx.directory, ctx.caller, args.id, args.organizationIds),
  };
