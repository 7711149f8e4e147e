import type { TransferRequirementsResolvers } from '../generated/resolvers-types.ts';

export const TransferRequirements: TransferRequirementsResolvers = {
  from: (answer) => ({ code: answer.from }),
  to: (answer) => ({ code: answer.to }),
};
