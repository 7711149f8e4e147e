import { badUserInput } from './errors.ts';

/**
 * Relay's global object identification across the subgraphs (`interface Node { nodeId: ID! }`,
 * `node(id:)`, `nodes(ids:)`; docs/integrators.md explains why the field is `nodeId`).
 *
 * A global id is the base64 of `<Type>:<the record's own id>`, the encoding of graphql-relay's
 * `toGlobalId` (and of Hive Gateway's built-in global object identification), so it is opaque,
 * stable and tells the gateway which subgraph owns the record. It is written here rather than
 * taken from graphql-relay: encoding is one line, and graphql-relay's `fromGlobalId` decodes any
 * string into something, where `node(id:)` must refuse an id that is not one of ours.
 */
export const toNodeId = (type: string, localId: string): string =>
  Buffer.from(`${type}:${localId}`, 'utf8').toString('base64');

/** The longest global id accepted: longer ids are refused before they are decoded. */
export const MAX_NODE_ID_LENGTH = 512;
/** The most ids one `nodes(ids:)` call takes. */
export const MAX_NODE_IDS = 100;

const TYPE_NAME = /^[A-Z][A-Za-z0-9]*$/;

/** The type and own id in a global id, or null when it is not one this graph issues. */
export function fromNodeId(nodeId: string): { type: string; localId: string } | null {
  if (nodeId.length === 0 || nodeId.length > MAX_NODE_ID_LENGTH) return null;
  const text = Buffer.from(nodeId, 'base64').toString('utf8');
  // Only the canonical encoding: anything else (other alphabets, missing padding, stray bytes)
  // would give one record several ids.
  const colon = text.indexOf(':');
  if (colon < 1 || toNodeId(text.slice(0, colon), text.slice(colon + 1)) !== nodeId) return null;
  const type = text.slice(0, colon);
  const localId = text.slice(colon + 1);
  if (!TYPE_NAME.test(type) || localId.length === 0 || localId.includes('\u0000')) return null;
  return { type, localId };
}

/**
 * How one subgraph answers `node(id:)` and `nodes(ids:)`, for its resolver type of `Node` values:
 *
 * - `own`: for each type this subgraph owns, how to load a record by its own id **as the caller may
 *   see it** (the same rules as the type's other lookups: null when missing or not visible, so the
 *   answer never tells one from the other). DataLoaders batch the ids of one `nodes` call.
 * - `foreign`: for each Node type another subgraph owns, the reference to return (its key and
 *   `nodeId`); the gateway completes it in the owner, which applies its own rules. The gateway
 *   always asks the owner for a field of the record (gateway/src/node-ids.ts), so a record the
 *   owner does not show is null through the gateway, whichever subgraph answered `node`.
 */
export interface NodeTypes<Context, N extends object, T extends string> {
  own: { readonly [type in T]?: (localId: string, context: Context) => Promise<N | null | undefined> };
  foreign: { readonly [type in T]?: (localId: string, nodeId: string) => N };
}

/** Refuses an id that is not a global id of this graph, naming where it was. */
function parsed(nodeId: string, field: string): { type: string; localId: string } {
  const result = fromNodeId(nodeId);
  if (!result) throw badUserInput(field, `${field} is not a global id of this graph (a \`nodeId\` value).`);
  return result;
}

/** `Query.node`, `Query.nodes` and `Node.__resolveType` from one subgraph's node types. */
export function nodeResolvers<Context, N extends object, T extends string>(types: NodeTypes<Context, N, T>) {
  const names = new Set<string>([...Object.keys(types.own), ...Object.keys(types.foreign)]);
  const isNodeType = (name: unknown): name is T => typeof name === 'string' && names.has(name);
  async function load(
    nodeId: string,
    { type, localId }: { type: string; localId: string },
    context: Context,
  ) {
    if (!isNodeType(type)) return null;
    const own = types.own[type];
    if (own) {
      const record = await own(localId, context);
      // Tagged with its type for `__resolveType`: rows do not carry one.
      return record ? { ...record, __typename: type } : null;
    }
    return types.foreign[type]?.(localId, nodeId) ?? null;
  }
  return {
    node: (_: unknown, args: { id: string }, context: Context): Promise<N | null> =>
      load(args.id, parsed(args.id, 'id'), context),
    nodes: (_: unknown, args: { ids: readonly string[] }, context: Context): Promise<(N | null)[]> => {
      if (args.ids.length > MAX_NODE_IDS) {
        throw badUserInput('ids', `nodes takes at most ${MAX_NODE_IDS} ids per call.`);
      }
      // Every id is checked before any is loaded: one bad id refuses the call, naming its position.
      const all = args.ids.map((id, index) => parsed(id, `ids[${index}]`));
      return Promise.all(args.ids.map((id, index) => load(id, all[index]!, context)));
    },
    __resolveType: (value: object): T | null =>
      '__typename' in value && isNodeType(value.__typename) ? value.__typename : null,
  };
}

/** `nodeId` of a record this subgraph owns. */
export const nodeIdOf =
  (type: string, key: string = 'id') =>
  (record: object): string =>
    toNodeId(type, String((record as Record<string, unknown>)[key]));

/** Countries and organizations are entities in every subgraph; their global ids follow from their keys. */
export const countryNodeId = (country: { code: string }): string => toNodeId('Country', country.code);
export const organizationNodeId = (organization: { id: string }): string =>
  toNodeId('Organization', organization.id);
