import type { AipolicyContext } from '../context.ts';
import { addMapping, type AddMappingInput } from '../crosswalk.ts';
import { addInstrument, type AddInstrumentInput } from '../instruments.ts';
import { requireCountryDelegate, requireIdentity, requireSecretariat } from '../permissions.ts';
import { recordPosition, type RecordPositionInput } from '../positions.ts';
import * as valid from '../validation.ts';

/**
 * Every mutation checks who may do it before touching data, then hands over to a domain function
 * that validates, changes and audits in one transaction.
 */
export const Mutation = {
  recordPolicyPosition: async (
    _: unknown,
    { input }: { input: RecordPositionInput },
    { db, caller }: AipolicyContext,
  ) => {
    requireIdentity(caller);
    const actor = await requireCountryDelegate(
      db,
      caller,
      valid.countryCode('input.countryCode', input.countryCode),
    );
    return recordPosition(db, actor, input);
  },

  addPolicyInstrument: async (
    _: unknown,
    { input }: { input: AddInstrumentInput },
    { db, caller }: AipolicyContext,
  ) => {
    requireIdentity(caller);
    // Regional and international instruments belong to no one country's delegate.
    const actor = input.countryCode
      ? await requireCountryDelegate(db, caller, valid.countryCode('input.countryCode', input.countryCode))
      : requireSecretariat(caller);
    return addInstrument(db, actor, input);
  },

  addPrincipleMapping: (_: unknown, { input }: { input: AddMappingInput }, { db, caller }: AipolicyContext) =>
    addMapping(db, requireSecretariat(caller), input),
};
