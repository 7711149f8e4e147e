import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the field `info` resolves selects `field` on objects of `type`, directly or through a
 * fragment on that type (or an untyped one), with arguments `accept` takes (any by default). For a
 * batch that can read, in the same statement, what the next level of the operation will ask for:
 * a `_entities` call's references, with the list each entity is asked for. A field under a fragment
 * on another type reads nothing extra.
 */
export function selectsField(
  info: GraphQLResolveInfo,
  type: string,
  field: string,
  accept: (node: FieldNode) => boolean = () => true,
): boolean {
  const visit = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === field && accept(selection);
      const fragment =
        selection.kind === Kind.INLINE_FRAGMENT ? selection : info.fragments[selection.name.value];
      const on = fragment?.typeCondition?.name.value;
      return (on === undefined || on === type) && visit(fragment?.selectionSet);
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}
