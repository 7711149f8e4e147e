import { asc, inArray } from 'drizzle-orm';
import { pageSize } from '@cadg/platform';
import * as t from '@cadg/db/dataflows';
import type { DataflowsContext } from '../context.ts';
import { listPilots, type PilotFilter } from '../pilots.ts';
import { mechanismComparison, transferRequirements, type TransferRequirementsArgs } from '../policies.ts';
import type { ComparisonModule, MechanismKind } from '../rows.ts';

interface Page<F> {
  filter?: F | null;
  first?: number | null;
  after?: string | null;
}

export const Query = {
  dataFlowPolicies: (_: unknown, __: unknown, { db }: DataflowsContext) =>
    db.select().from(t.policies).orderBy(asc(t.policies.countryCode)),
  transferMechanisms: async (
    _: unknown,
    args: { kinds?: MechanismKind[] | null },
    { db }: DataflowsContext,
  ) => {
    const rows = await (args.kinds
      ? db.select().from(t.mechanisms).where(inArray(t.mechanisms.kind, args.kinds))
      : db.select().from(t.mechanisms));
    const order = t.mechanismKind.enumValues;
    return rows.toSorted((x, y) => order.indexOf(x.kind) - order.indexOf(y.kind));
  },
  mechanismComparison: (
    _: unknown,
    args: { a: MechanismKind; b: MechanismKind; module?: ComparisonModule | null },
    { db }: DataflowsContext,
  ) => mechanismComparison(db, args.a, args.b, args.module ?? null),
  transferRequirements: (_: unknown, args: TransferRequirementsArgs, { loaders }: DataflowsContext) =>
    transferRequirements(loaders, args),
  dataFlowPilots: (_: unknown, args: Page<PilotFilter>, { db }: DataflowsContext) =>
    listPilots(db, args.filter, pageSize(args.first), args.after),
  dataFlowPilot: (_: unknown, args: { id: string }, { loaders }: DataflowsContext) =>
    loaders.pilotById.load(args.id),
};
