import { asc, inArray } from 'drizzle-orm';
import { pageSize } from '@cadg/platform';
import * as t from '@cadg/db/dataflows';
import { listPilots } from '../pilots.ts';
import { mechanismComparison, transferRequirements } from '../policies.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';

export const Query: QueryResolvers = {
  dataFlowPolicies: (_, __, { db }) => db.select().from(t.policies).orderBy(asc(t.policies.countryCode)),
  transferMechanisms: async (_, args, { db }) => {
    const rows = await (args.kinds
      ? db.select().from(t.mechanisms).where(inArray(t.mechanisms.kind, args.kinds))
      : db.select().from(t.mechanisms));
    const order = t.mechanismKind.enumValues;
    return rows.toSorted((x, y) => order.indexOf(x.kind) - order.indexOf(y.kind));
  },
  mechanismComparison: (_, args, { db }) => mechanismComparison(db, args.a, args.b, args.module ?? null),
  transferRequirements: (_, args, { loaders }) => transferRequirements(loaders, args),
  dataFlowPilots: (_, args, { db }) => listPilots(db, args.filter, pageSize(args.first), args.after),
  dataFlowPilot: (_, args, { loaders }) => loaders.pilotById.load(args.id),
};
