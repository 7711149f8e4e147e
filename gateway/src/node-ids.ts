import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import {
  isAbstractType,
  isInterfaceType,
  isObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type SelectionNode,
  type GraphQLSchema,
} from 'graphql';

/**
 * For each type that implements `Node`, a non-null field only the subgraph that owns the type
 * resolves (a test checks both against the supergraph).
 *
 * Why: every subgraph answers `node(id:)` (each port must), which the gateway treats as one
 * shareable field; a subgraph that does not own the id's type answers with a reference (type, key
 * and `nodeId`, all read off the id), and the Rust planner may even ask several subgraphs for the
 * same `node` and merge their answers. A query that selects only `nodeId` or `__typename` would
 * then be answered from references alone, so a record that is missing or hidden from the caller
 * would come back non-null. The gateway therefore adds this field of the owner, and the answer's
 * `__typename`, to the selection of every `node` and `nodes` item, under aliases: the owner is
 * always asked and resolves a record it does not show to null, and an item whose owner field did
 * not come back is answered null, exactly as a missing record. The aliases are taken out of the
 * answer. (Declaring `nodeId` `@external` outside the owner instead, so that the planner would
 * have to ask the owner for it, composes, but neither of the runtime's planners can plan `nodeId`
 * on the interface then.)
 */
export const NODE_OWNER_FIELDS: Readonly<Record<string, string>> = {
  Country: 'name',
  Organization: 'name',
  Incident: 'title',
  Advisory: 'title',
  DataFlowPilot: 'name',
  PolicyPosition: 'summary',
  PolicyInstrument: 'title',
};

/** The alias of the `__typename` marker added to each checked selection; never shown to clients. */
const NODE_MARK = '_cadgNode';

const name = (value: string) => ({ kind: Kind.NAME, value }) as const;
const field = (fieldName: string, alias?: string): FieldNode => ({
  kind: Kind.FIELD,
  name: name(fieldName),
  ...(alias ? { alias: name(alias) } : {}),
});

/** Per type: where the owner field comes back in an item, and whether the client asked for it. */
type Check = ReadonlyMap<string, { key: string; added: boolean }>;

/** A rewritten document and, by marker alias, the checks of each `node`/`nodes` selection in it. */
interface CheckedDocument {
  document: DocumentNode;
  checks: ReadonlyMap<string, Check>;
  /** The response keys of the `node` and `nodes` fields. */
  roots: ReadonlySet<string>;
}

/**
 * The response keys a selection set gives an object of `typeName`, and whether any of them is
 * conditional (`@include`/`@skip`), looking into inline fragments and named fragments.
 */
function keysFor(
  selectionSet: SelectionSetNode,
  typeName: string,
  schema: GraphQLSchema,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  keys = new Map<string, { field: string; conditional: boolean }>(),
): Map<string, { field: string; conditional: boolean }> {
  const applies = (condition: string | undefined) => {
    if (!condition || condition === typeName) return true;
    const type = schema.getType(condition);
    const object = schema.getType(typeName);
    return isAbstractType(type) && isObjectType(object) && schema.isSubType(type, object);
  };
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      keys.set(selection.alias?.value ?? selection.name.value, {
        field: selection.name.value,
        conditional: (selection.directives?.length ?? 0) > 0,
      });
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (applies(selection.typeCondition?.name.value)) {
        keysFor(selection.selectionSet, typeName, schema, fragments, keys);
      }
    } else {
      const fragment = fragments.get(selection.name.value);
      if (fragment && applies(fragment.typeCondition.name.value)) {
        keysFor(fragment.selectionSet, typeName, schema, fragments, keys);
      }
    }
  }
  return keys;
}

/**
 * `document` with the owner checks added to the selection of every `node` and `nodes` field of
 * `Query` (null when it has none). The owner field is added under its own name when the client
 * did not use that response key (the JavaScript planner loses aliased fields of another subgraph
 * inside type conditions), or already asks for it; under an alias only if the client used the key
 * for something else.
 */
export function withNodeOwnerChecks(schema: GraphQLSchema, document: DocumentNode): CheckedDocument | null {
  const node = schema.getType('Node');
  const queryFields = schema.getQueryType()?.getFields();
  if (!isInterfaceType(node) || !queryFields?.['node'] || !queryFields['nodes']) return null;
  const nodeFields = new Set([queryFields['node'], queryFields['nodes']]);
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const checks = new Map<string, Check>();
  const roots = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  const rewritten = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(fieldNode) {
        const definition = typeInfo.getFieldDef();
        if (definition && nodeFields.has(definition))
          roots.add(fieldNode.alias?.value ?? fieldNode.name.value);
      },
      SelectionSet(selectionSet) {
        const parentField = typeInfo.getFieldDef();
        if (typeInfo.getParentType() !== node || !parentField || !nodeFields.has(parentField))
          return undefined;
        const marker = `${NODE_MARK}${checks.size}`;
        const check = new Map<string, { key: string; added: boolean }>();
        const additions: SelectionNode[] = [field('__typename', marker)];
        for (const type of schema.getPossibleTypes(node)) {
          const owned = NODE_OWNER_FIELDS[type.name];
          if (!owned)
            throw new Error(`${type.name} implements Node but NODE_OWNER_FIELDS names no field of it.`);
          const existing = keysFor(selectionSet, type.name, schema, fragments).get(owned);
          const asked = existing?.field === owned && !existing.conditional;
          const key = existing && !asked ? `${marker}_${owned}` : owned;
          check.set(type.name, { key, added: !asked });
          if (asked) continue;
          additions.push({
            kind: Kind.INLINE_FRAGMENT,
            typeCondition: { kind: Kind.NAMED_TYPE, name: name(type.name) },
            selectionSet: {
              kind: Kind.SELECTION_SET,
              selections: [field(owned, key === owned ? undefined : key)],
            },
          });
        }
        checks.set(marker, check);
        return { ...selectionSet, selections: [...selectionSet.selections, ...additions] };
      },
    }),
  );
  return rewritten === document ? null : { document: rewritten, checks, roots };
}

/**
 * Answers null for every `node` or `nodes` item whose owner field did not come back, takes the
 * added fields out, drops the non-null errors a planner raised inside such an item (a null owner
 * field or `nodeId`: what "not there" looks like to it) and repeats of one error (the Rust planner may
 * ask several subgraphs for the same `node`).
 */
export function applyNodeOwnerChecks(
  result: { data?: unknown; errors?: readonly unknown[] },
  { checks, roots }: Pick<CheckedDocument, 'checks' | 'roots'>,
): void {
  const nulled: (string | number)[][] = [];
  visitValue(result.data, [], checks, nulled);
  if (!result.errors?.length) return;
  // The JavaScript planner nulls an item itself, raising a non-null error inside it.
  const data = (result.data ?? {}) as Record<string, unknown>;
  for (const root of roots) {
    const value = data[root];
    if (value === null) nulled.push([root]);
    if (Array.isArray(value)) value.forEach((item, index) => item === null && nulled.push([root, index]));
  }
  const seen = new Set<string>();
  const errors = result.errors.filter((error) => {
    const { path = [], message = '' } = error as { path?: readonly (string | number)[]; message?: string };
    const inside = (prefix: (string | number)[]) =>
      path.length > prefix.length && prefix.every((part, i) => path[i] === part);
    if (message.startsWith('Cannot return null for non-nullable field') && nulled.some(inside)) return false;
    const key = JSON.stringify(error);
    return seen.has(key) ? false : (seen.add(key), true);
  });
  if (errors.length > 0) (result as { errors?: unknown[] }).errors = errors;
  else delete (result as { errors?: unknown[] }).errors;
}

function visitValue(
  value: unknown,
  path: (string | number)[],
  checks: ReadonlyMap<string, Check>,
  nulled: (string | number)[][],
): void {
  if (typeof value !== 'object' || value === null) return;
  const container = value as Record<string, unknown>;
  for (const key of Object.keys(container)) {
    const at = [...path, Array.isArray(value) ? Number(key) : key];
    const child = container[key];
    if (typeof child !== 'object' || child === null || Array.isArray(child)) {
      visitValue(child, at, checks, nulled);
      continue;
    }
    const record = child as Record<string, unknown>;
    const marker = Object.keys(record).find((k) => checks.has(k));
    if (marker) {
      const typename = record[marker];
      const check = typeof typename === 'string' ? checks.get(marker)!.get(typename) : undefined;
      const owner = check ? record[check.key] : undefined;
      delete record[marker];
      if (check?.added) delete record[check.key];
      if (owner === undefined || owner === null) {
        container[key] = null;
        nulled.push(at);
        continue;
      }
    }
    visitValue(record, at, checks, nulled);
  }
}

/**
 * The gateway's half of `node(id:)` and `nodes(ids:)`: adds the owner checks to operations that
 * select them (documents are cached, so each is rewritten once) and applies them to the answer,
 * incremental (`@defer`) parts included.
 */
export function useNodeOwnerChecks(): GatewayPlugin {
  const rewritten = new WeakMap<DocumentNode, CheckedDocument | null>();
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      let checked = rewritten.get(args.document);
      if (checked === undefined) {
        checked = withNodeOwnerChecks(args.schema, args.document);
        rewritten.set(args.document, checked);
      }
      if (checked === null) return undefined;
      const { document } = checked;
      const plan = checked;
      setExecuteFn((execution) => executeFn({ ...execution, document }));
      return {
        onExecuteDone({ result }) {
          if (!(Symbol.asyncIterator in result)) return applyNodeOwnerChecks(result, plan);
          return { onNext: ({ result: part }) => applyNodeOwnerChecks(part, plan) };
        },
      };
    },
  };
}
