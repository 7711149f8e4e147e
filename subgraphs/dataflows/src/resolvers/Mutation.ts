import { requireIdentity, requireSecretariat } from '@cadg/platform';
import { requirePilotParticipant } from '../permissions.ts';
import { needsSecretariat } from '../pilot-status.ts';
import { advancePilot, findPilot, normaliseProposal, proposePilot, recordMilestone } from '../pilots.ts';
import type { MutationResolvers } from '../generated/resolvers-types.ts';

/**
 * Every mutation checks who may do it before touching data, then hands over to a domain function
 * that validates, changes and audits in one transaction.
 */
export const Mutation: MutationResolvers = {
  proposeDataFlowPilot: (_, { input }, { db, caller }) => {
    const identity = requireIdentity(caller);
    const proposal = normaliseProposal(input);
    return proposePilot(db, requirePilotParticipant(identity, proposal.organizationIds), proposal);
  },

  advanceDataFlowPilot: async (_, { input }, { db, caller }) => {
    const identity = requireIdentity(caller);
    const { organizationIds } = await findPilot(db, input.id);
    const actor = needsSecretariat(input.to)
      ? requireSecretariat(identity, 'approve a pilot')
      : requirePilotParticipant(identity, organizationIds);
    return advancePilot(db, actor, input);
  },

  recordPilotMilestone: async (_, { input }, { db, caller }) => {
    const identity = requireIdentity(caller);
    const { organizationIds } = await findPilot(db, input.pilotId);
    return recordMilestone(db, requirePilotParticipant(identity, organizationIds), input);
  },
};
