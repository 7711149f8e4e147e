import type { TransferMechanismResolvers } from '../generated/resolvers-types.ts';

export const TransferMechanism: TransferMechanismResolvers = {
  source: (mechanism) => ({ url: mechanism.sourceUrl }),
};
