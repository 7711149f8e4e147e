import { AuditEntryResolvers } from './audit-resolvers.ts';
import { countryNodeId, organizationNodeId } from './node-ids.ts';
import { DateScalar, DateTimeScalar } from './scalars.ts';

/**
 * The entries that stand the same in the resolver map of every subgraph whose SDL has a `Date`
 * scalar (contacts, dataflows, aipolicy): both scalars, the shared `AuditEntry` type, and the Relay
 * node ids of the `Country` and `Organization` entities around each subgraph's own resolvers.
 *
 * @param country - the subgraph's `Country` resolvers
 * @param organization - the subgraph's `Organization` resolvers (`{}` when it only references them)
 * @returns entries to spread into the subgraph's `Resolvers` map
 */
export function sharedResolvers<C extends object, O extends object>(country: C, organization: O) {
  return {
    Date: DateScalar,
    DateTime: DateTimeScalar,
    AuditEntry: AuditEntryResolvers,
    Country: { ...country, nodeId: countryNodeId },
    Organization: { ...organization, nodeId: organizationNodeId },
  };
}
