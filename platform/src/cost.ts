import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  valueFromAST,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/** Argument that sizes a list (Relay `first`); its value multiplies the cost of what is under it. */
const SLICING_ARGUMENT = 'first';
/**
 * Federation's `_entities(representations:)` returns one object per representation: on a subgraph
 * port the list's size is the number sent, not an assumption.
 */
const REPRESENTATIONS_ARGUMENT = 'representations';

/**
 * Estimated cost of an operation before anything runs: every object a field returns counts 1,
 * multiplied by the sizes of the lists above it. A list's size is its `first` argument (the value
 * sent, or its default), or `assumedListSize` for plain lists. A connection's `edges` and `nodes`
 * are already sized by the connection's `first` and do not multiply again. `_entities` is sized by its
 * `representations`.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>>,
  operationName: string | null | undefined,
  assumedListSize: number,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation = null;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    else if (
      definition.kind === Kind.OPERATION_DEFINITION &&
      (!operationName || definition.name?.value === operationName)
    ) {
      operation ??= definition;
    }
  }
  if (!operation) return 0;
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;

  // A fragment costs the same, per unit of multiplier, wherever it is spread: pricing each once keeps
  // a document whose fragments each spread the next twice linear to price, not exponential.
  const fragmentCosts = new Map<string, number>();

  function costOf(
    selectionSet: SelectionSetNode,
    parent: GraphQLNamedType,
    multiplier: number,
    seen: ReadonlySet<string>,
  ): number {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        const type = schema.getType(fragment.typeCondition.name.value) ?? parent;
        const key = `${fragment.name.value} ${type.name}`;
        let unitCost = fragmentCosts.get(key);
        if (unitCost === undefined) {
          unitCost = costOf(fragment.selectionSet, type, 1, new Set([...seen, fragment.name.value]));
          fragmentCosts.set(key, unitCost);
        }
        total += multiplier * unitCost;
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? (schema.getType(selection.typeCondition.name.value) ?? parent)
          : parent;
        total += costOf(selection.selectionSet, type, multiplier, seen);
        continue;
      }
      if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
      const field = parent.getFields()[selection.name.value];
      if (!field) continue;
      const returned = getNamedType(field.type);
      let size = 1;
      const slicing = field.args.find((arg) => arg.name === SLICING_ARGUMENT);
      const representations = field.args.find((arg) => arg.name === REPRESENTATIONS_ARGUMENT);
      if (slicing) {
        const node = selection.arguments?.find((arg) => arg.name.value === SLICING_ARGUMENT);
        const value = node
          ? valueFromAST(node.value, slicing.type, variables as Record<string, unknown>)
          : slicing.defaultValue;
        size = typeof value === 'number' && value > 0 ? value : 1;
      } else if (representations) {
        const node = selection.arguments?.find((arg) => arg.name.value === REPRESENTATIONS_ARGUMENT);
        const value =
          node && valueFromAST(node.value, representations.type, variables as Record<string, unknown>);
        size = Array.isArray(value) ? Math.max(value.length, 1) : assumedListSize;
      } else if (isListType(getNullableType(field.type)) && !parent.name.endsWith('Connection')) {
        size = assumedListSize;
      }
      if (isCompositeType(returned)) total += multiplier * size;
      if (selection.selectionSet) total += costOf(selection.selectionSet, returned, multiplier * size, seen);
    }
    return total;
  }

  return costOf(operation.selectionSet, root, 1, new Set());
}
