import type { TransportEntryAdditions } from '@graphql-hive/gateway-runtime';
import { Kind, parse, type ConstDirectiveNode } from 'graphql';

/**
 * The Authorization header of the client's request, as the Hive transports interpolate it for each
 * subgraph call. The gateway has verified it by then (see authentication.ts); subgraphs verify it
 * again, so a subgraph reached directly is no back door. Over graphql-ws the runtime merges the
 * connection params into `context.headers`, so the same expression reads `connectionParams.authorization`.
 */
const CLIENT_AUTHORIZATION = '{context.headers.authorization}';

/**
 * The subgraphs a supergraph routes to, by name, with the URL baked into it
 * (`enum join__Graph { CONTACTS @join__graph(name: "contacts", url: "...") }`).
 */
export function subgraphUrlsInSupergraph(supergraphSdl: string): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const definition of parse(supergraphSdl, { noLocation: true }).definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      const directive = value.directives?.find((d) => d.name.value === 'join__graph');
      const name = directive && stringArgument(directive, 'name');
      const url = directive && stringArgument(directive, 'url');
      if (name && url) urls[name] = url;
    }
  }
  return urls;
}

function stringArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  const argument = directive.arguments?.find((a) => a.name.value === name);
  return argument?.value.kind === Kind.STRING ? argument.value.value : undefined;
}

/**
 * How the runtime reaches each subgraph.
 *
 * - `location` per subgraph overrides the URL baked into the supergraph, so ports are configurable.
 * - For every subgraph: queries and mutations go over HTTP; subscriptions go over graphql-ws to the
 *   same URL (without `subscriptions.kind: 'ws'` the runtime would send them over HTTP, which
 *   Apollo Server's CSRF prevention refuses). The subscription `location` is left out on purpose:
 *   the transport then uses the subgraph's own URL, whatever its path.
 * - The client's Authorization goes with every call: as a header over HTTP, and over graphql-ws as
 *   `connectionParams.authorization` (what Apollo/graphql-ws servers read) plus the upgrade request's
 *   header. The ws transport keeps one upstream connection per distinct set, so callers never share one.
 */
export function transportEntriesFor(subgraphUrls: Readonly<Record<string, string>>): TransportEntryAdditions {
  const entries: TransportEntryAdditions = {
    '*': {
      headers: [['authorization', CLIENT_AUTHORIZATION]],
      options: {
        subscriptions: {
          kind: 'ws',
          headers: [['authorization', CLIENT_AUTHORIZATION]],
          options: { connectionParams: { authorization: CLIENT_AUTHORIZATION } },
        },
      },
    },
  };
  for (const [name, url] of Object.entries(subgraphUrls)) entries[name] = { location: url };
  return entries;
}
