/**
 * The lists of a schema, found by walking it for fields that take `after`, and the operations that
 * reach each of them through a path the seed fills with data; used by the forged-cursor tests.
 */
import { readFile } from 'node:fs/promises';
import {
  buildASTSchema,
  getNamedType,
  isObjectType,
  isRequiredArgument,
  parse,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { codesOf, type Graph, type GraphQLResponse } from './harness.ts';

export type Field = GraphQLField<unknown, unknown>;

/** A field that takes a keyset cursor as `after`. */
export interface ListField {
  /** `Parent.field`, for messages. */
  name: string;
  operation: 'query' | 'subscription';
  parent: GraphQLObjectType;
  field: Field;
  /** The type of what it lists: lists of the same items may share cursors, lists of others may not. */
  items: string;
  /** Whether it answers `edges { cursor }`, which is where real cursors come from. */
  edges: boolean;
}

/** A list field and the fields that lead from Query down to its parent (none for a root field). */
export interface Reached {
  list: ListField;
  path: readonly Field[];
}

/**
 * Pages of the fields on the way down: one item when forging, so a forged cursor is one query of
 * the list; more when reading real cursors, so some item's list has some.
 */
export const PATH_PAGE = 1;
export const READ_PAGE = 10;
/** How deep, and through how many different paths, a list's parent is looked for. */
export const MAX_PATH_DEPTH = 6;
export const PATHS_PER_TYPE = 4;

export const hasArgument = (field: Field, name: string) =>
  field.args.some((argument) => argument.name === name);

/** The schema a port serves, read from the SDL it is built from. */
export async function schemaOf(file: string): Promise<GraphQLSchema> {
  // A subgraph's SDL uses federation's directives without defining them; the subgraph library does.
  return buildASTSchema(parse(await readFile(file, 'utf8')), { assumeValidSDL: true });
}

/** Every field of the schema that takes `after`. */
export function listFieldsOf(schema: GraphQLSchema): ListField[] {
  const subscription = schema.getSubscriptionType();
  return Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .filter((type) => !type.name.startsWith('__'))
    .flatMap((parent) =>
      Object.values(parent.getFields())
        .filter((field) => hasArgument(field, 'after'))
        .map((field): ListField => {
          const returned = getNamedType(field.type);
          const edge = isObjectType(returned) ? returned.getFields()['edges'] : undefined;
          const edgeType = edge ? getNamedType(edge.type) : undefined;
          const node = isObjectType(edgeType) ? edgeType.getFields()['node'] : undefined;
          return {
            name: `${parent.name}.${field.name}`,
            operation: parent === subscription ? 'subscription' : 'query',
            parent,
            field,
            items: node ? getNamedType(node.type).name : returned.name,
            edges: Boolean(node && isObjectType(edgeType) && edgeType.getFields()['cursor']),
          };
        }),
    );
}

/**
 * Paths from Query to `target` through fields that need no arguments, shortest first, without
 * passing a type twice; each type is gone through on at most PATHS_PER_TYPE paths.
 */
export function pathsTo(schema: GraphQLSchema, target: GraphQLObjectType): Field[][] {
  const query = schema.getQueryType()!;
  if (target === query || target === schema.getSubscriptionType()) return [[]];
  const found: Field[][] = [];
  const expanded = new Map<string, number>();
  let frontier: { type: GraphQLObjectType; path: Field[] }[] = [{ type: query, path: [] }];
  for (let depth = 0; depth < MAX_PATH_DEPTH && frontier.length > 0; depth++) {
    const next: typeof frontier = [];
    for (const { type, path } of frontier) {
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type);
        if (field.name.startsWith('_') || field.args.some(isRequiredArgument) || !isObjectType(named))
          continue;
        if (named === query || path.some((step) => getNamedType(step.type) === named)) continue;
        const extended = [...path, field];
        if (named === target) {
          found.push(extended);
          continue;
        }
        const times = expanded.get(named.name) ?? 0;
        if (times >= PATHS_PER_TYPE) continue;
        expanded.set(named.name, times + 1);
        next.push({ type: named, path: extended });
      }
    }
    frontier = next;
  }
  return found;
}

/** The operation reaching the list as `target`, with `selection` under it and `$after` if asked. */
export function operationText(
  { list, path }: Reached,
  selection: string,
  options: { after: boolean; first: number; pathPage?: number },
): string {
  const args = [
    hasArgument(list.field, 'first') ? `first: ${options.first}` : '',
    options.after ? 'after: $after' : '',
  ].filter(Boolean);
  const target = `target: ${list.field.name}${args.length > 0 ? `(${args.join(', ')})` : ''} ${selection}`;
  const body = path.reduceRight(
    (inner, field) =>
      `${field.name}${hasArgument(field, 'first') ? `(first: ${options.pathPage ?? PATH_PAGE})` : ''} { ${inner} }`,
    target,
  );
  return `${list.operation}${options.after ? ' ($after: String)' : ''} { ${body} }`;
}

/** Every value under a `target` key anywhere in `data`. */
export function targetsIn(data: unknown): unknown[] {
  if (Array.isArray(data)) return data.flatMap(targetsIn);
  if (typeof data !== 'object' || data === null) return [];
  return Object.entries(data).flatMap(([key, value]) => (key === 'target' ? [value] : targetsIn(value)));
}

/**
 * Why an answer to a forged cursor is wrong, or null when it is a BAD_USER_INPUT refusal naming
 * `after` (or the refusal of a request holding a NUL character, which names nothing) and
 * `listed` finds no data for the list in it.
 */
export function fault(
  answer: GraphQLResponse<unknown>,
  cursor: string,
  listed: (data: unknown) => unknown[] = targetsIn,
): string | null {
  const codes = codesOf(answer);
  if (codes.length === 0) return 'answered without an error';
  if (codes.some((code) => code !== 'BAD_USER_INPUT')) return `answered ${JSON.stringify(codes)}`;
  const fields = (answer.errors ?? []).map((error) => error.extensions?.['field']);
  if (!cursor.includes('\u0000') && fields.some((field) => field !== 'after'))
    return `refused ${JSON.stringify(fields)}, not after`;
  if (listed(answer.data).some((value) => value !== null)) return 'answered data for the list';
  return null;
}

/** The values of an operation's root fields: what a trusted document lists. */
export const rootValues = (data: unknown): unknown[] =>
  typeof data === 'object' && data !== null ? Object.values(data) : [];

/** The real cursors of every list, by the type of what it lists, gathered while walking. */
export type CursorsByItems = Map<string, string[]>;

/**
 * Finds every list of `schema` on the port at `url`: each reached through the first path that
 * answers it without errors, with its real cursors added to `cursors`.
 */
export async function walk(
  graph: Graph,
  schema: GraphQLSchema,
  url: string,
  token: string,
  cursors: CursorsByItems,
): Promise<{ reached: Reached[]; unreached: string[]; own: Map<string, string[]> }> {
  const reached: Reached[] = [];
  const unreached: string[] = [];
  const own = new Map<string, string[]>();
  for (const list of listFieldsOf(schema)) {
    const path =
      list.operation === 'subscription'
        ? []
        : await firstAnswering(
            graph,
            url,
            token,
            pathsTo(schema, list.parent).map((path) => ({ list, path })),
          );
    if (!path) {
      unreached.push(list.name);
      continue;
    }
    const found = { list, path };
    reached.push(found);
    if (!list.edges) continue;
    const page = await graph.query(
      operationText(found, '{ edges { cursor } }', { after: false, first: READ_PAGE, pathPage: READ_PAGE }),
      {},
      token,
      url,
    );
    const real = targetsIn(page.data).flatMap((value) =>
      ((value as { edges?: { cursor: string }[] } | null)?.edges ?? []).map((edge) => edge.cursor),
    );
    own.set(list.name, real);
    cursors.set(list.items, [...new Set([...(cursors.get(list.items) ?? []), ...real])]);
  }
  return { reached, unreached, own };
}

/** The path of the first candidate whose list answers without errors, or null. */
export async function firstAnswering(
  graph: Graph,
  url: string,
  token: string,
  candidates: readonly Reached[],
): Promise<readonly Field[] | null> {
  for (const candidate of candidates) {
    const answer = await graph.query(
      operationText(candidate, '{ __typename }', { after: false, first: 1 }),
      {},
      token,
      url,
    );
    if (!answer.errors && targetsIn(answer.data).some((value) => value !== null)) return candidate.path;
  }
  return null;
}
