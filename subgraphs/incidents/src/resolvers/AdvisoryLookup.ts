import type { QueryResolvers } from '../generated/resolvers-types.ts';

// Advisory ids are UUIDs; anything else names no advisory, and PostgreSQL would refuse it as a uuid.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `Query.advisory`: one advisory by id, through the loader that applies the caller's TLP
 * visibility in SQL, so an advisory the caller may not read is null exactly like a missing one.
 */
export const AdvisoryQuery: Pick<QueryResolvers, 'advisory'> = {
  advisory: (_, args, { loaders }) => (UUID.test(args.id) ? loaders.advisoryById.load(args.id) : null),
};
