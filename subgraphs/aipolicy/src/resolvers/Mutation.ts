import { addMapping } from '../crosswalk.ts';
import { addInstrument } from '../instruments.ts';
import { requireIdentity, requireSecretariat } from '@cadg/platform';
import { requireCountryDelegate } from '../permissions.ts';
import { recordPosition } from '../positions.ts';
import * as valid from '../validation.ts';
import type { MutationResolvers } from '../generated/resolvers-types.ts';

/**
 * Every mutation checks who may do it before touching data, then hands over to a domain function
 * that validates, changes and audits in one transaction.
 */
export const Mutation: MutationResolvers = {
  recordPolicyPosition: async (_, { input }, { db, caller }) => {
    requireIdentity(caller);
    const actor = await requireCountryDelegate(
      db,
      caller,
      valid.countryCode('input.countryCode', input.countryCode),
    );
    return recordPosition(db, actor, input);
  },

  addPolicyInstrument: async (_, { input }, { db, caller }) => {
    requireIdentity(caller);
    // Regional and international instruments belong to no one country's delegate.
    const actor = input.countryCode
      ? await requireCountryDelegate(db, caller, valid.countryCode('input.countryCode', input.countryCode))
      : requireSecretariat(caller);
    return addInstrument(db, actor, input);
  },

  addPrincipleMapping: (_, { input }, { db, caller }) => addMapping(db, requireSecretariat(caller), input),
};
