/**
 * Compiled by `npm run typecheck`, never run. Each `@ts-expect-error` below fails the typecheck if
 * the generated resolver types (`npm run codegen`) ever stop catching the mistake under it.
 */
import type { IncidentResolvers, QueryResolvers } from '../src/generated/resolvers-types.ts';

export const wrongReferenceKey: IncidentResolvers = {
  // @ts-expect-error A reference to an Incident carries its key `id`, not `code`.
  __resolveReference: (ref, { loaders }) => loaders.incidentById.load(ref.code),
};

export const wrongArgumentType: QueryResolvers = {
  // @ts-expect-error `incident(id: ID!)` passes the id as a string, not a number.
  incident: (_, args: { id: number }, { loaders }) => loaders.incidentById.load(String(args.id)),
};

export const wrongEnumValue: IncidentResolvers = {
  // @ts-expect-error `severity` is a `Severity`, and `CATASTROPHIC` is not one of its values.
  severity: () => 'CATASTROPHIC',
};
