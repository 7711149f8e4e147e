import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isObjectType,
  isRequiredArgument,
  isRequiredInputField,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { DeepPath, StringSlot } from './vocabulary.ts';

// How the vocabulary reads a schema: literals that validate, field text with arguments, the string
// and enum arguments cases can fill, and the deepest path through the schema.

/** True when the field needs no arguments: it answers with real objects, not null for a made-up id. */
export const callable = (field: GraphQLField<unknown, unknown>) => !field.args.some(isRequiredArgument);

/** Literals for required arguments: plausible enough to pass validation, never meaningful data. */
const SCALAR_DEFAULTS: Readonly<Record<string, string>> = {
  ID: '"1"',
  String: '"x"',
  Int: '1',
  Float: '1.5',
  Boolean: 'true',
  Date: '"2026-01-01"',
  DateTime: '"2026-01-01T00:00:00.000Z"',
  JSON: '{}',
};

/** A literal of `type` that passes validation: required input fields filled, nothing optional. */
export function defaultLiteral(type: GraphQLInputType, depth = 0): string {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return `[${defaultLiteral(nullable.ofType as GraphQLInputType, depth)}]`;
  if (isEnumType(nullable)) return nullable.getValues()[0]?.name ?? 'null';
  if (isInputObjectType(nullable)) {
    if (depth > 4) return '{}';
    const fields = Object.values(nullable.getFields()).filter(isRequiredInputField);
    return `{ ${fields.map((field) => `${field.name}: ${defaultLiteral(field.type, depth + 1)}`).join(', ')} }`;
  }
  return SCALAR_DEFAULTS[(nullable as GraphQLNamedType).name] ?? '"x"';
}

/** `(a: …, b: …)` with every required argument filled, `overrides` replacing or adding arguments. */
export function argumentsText(
  field: GraphQLField<unknown, unknown>,
  overrides: Readonly<Record<string, string | null>> = {},
): string {
  const given = new Map<string, string>();
  for (const argument of field.args)
    if (isRequiredArgument(argument)) given.set(argument.name, defaultLiteral(argument.type));
  for (const [name, value] of Object.entries(overrides)) {
    if (value === null) given.delete(name);
    else given.set(name, value);
  }
  return given.size === 0 ? '' : `(${[...given].map(([name, value]) => `${name}: ${value}`).join(', ')})`;
}

/** The field with its arguments, and `{ __typename }` under it when it returns objects. */
export function fieldText(
  field: GraphQLField<unknown, unknown>,
  overrides: Readonly<Record<string, string | null>> = {},
): string {
  const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `${field.name}${argumentsText(field, overrides)}${selection}`;
}

const STRING_TYPES = new Set(['String', 'ID']);

export function stringSlotsOf(field: GraphQLField<unknown, unknown>): StringSlot[] {
  return field.args.flatMap((argument) => {
    const named = getNamedType(argument.type);
    const list = isListType(getNullableType(argument.type));
    if (STRING_TYPES.has(named.name)) {
      const element = list
        ? String((getNullableType(argument.type) as { ofType: GraphQLInputType }).ofType)
        : String(argument.type);
      return [
        {
          cursor: argument.name === 'after',
          query: (value: string) =>
            `${value === '$v' ? `query ($v: ${element}) ` : ''}{ ${fieldText(field, { [argument.name]: list ? `[${value}]` : value })} }`,
        },
      ];
    }
    if (!isInputObjectType(named) || list) return [];
    return Object.values(named.getFields())
      .filter((inputField) => STRING_TYPES.has(getNamedType(inputField.type).name))
      .filter((inputField) => !isListType(getNullableType(inputField.type)))
      .map((inputField) => ({
        cursor: false,
        query: (value: string) => {
          const others = Object.values(named.getFields())
            .filter((other) => other !== inputField && isRequiredInputField(other))
            .map((other) => `, ${other.name}: ${defaultLiteral(other.type)}`)
            .join('');
          const object = `{ ${inputField.name}: ${value}${others} }`;
          return `${value === '$v' ? `query ($v: ${String(inputField.type)}) ` : ''}{ ${fieldText(field, { [argument.name]: object })} }`;
        },
      }));
  });
}

export function enumSlotsOf(field: GraphQLField<unknown, unknown>): ((value: string) => string)[] {
  return field.args.flatMap((argument) => {
    const named = getNamedType(argument.type);
    const list = isListType(getNullableType(argument.type));
    if (isEnumType(named))
      return [(value: string) => `{ ${fieldText(field, { [argument.name]: list ? `[${value}]` : value })} }`];
    if (!isInputObjectType(named) || list) return [];
    return Object.values(named.getFields())
      .filter((inputField) => isEnumType(getNamedType(inputField.type)))
      .map((inputField) => (value: string) => {
        const inner = isListType(getNullableType(inputField.type)) ? `[${value}]` : value;
        return `{ ${fieldText(field, { [argument.name]: `{ ${inputField.name}: ${inner} }` })} }`;
      });
  });
}

/**
 * The shortest cycle of object-returning fields reachable from Query, with the shortest way there
 * (breadth first, so the result is the same on every run). Null for a schema without cycles.
 */
export function deepPath(schema: GraphQLSchema, queryType: GraphQLObjectType): DeepPath | null {
  type Field = GraphQLField<unknown, unknown>;
  const edges = (type: GraphQLObjectType): Field[] =>
    Object.values(type.getFields()).filter(
      (field) => !field.name.startsWith('_') && isObjectType(getNamedType(field.type)) && callable(field),
    );
  const shortestPaths = (from: GraphQLObjectType): Map<GraphQLObjectType, Field[]> => {
    const paths = new Map<GraphQLObjectType, Field[]>([[from, []]]);
    const queue = [from];
    for (let type = queue.shift(); type; type = queue.shift()) {
      for (const field of edges(type)) {
        const next = getNamedType(field.type) as GraphQLObjectType;
        if (paths.has(next)) continue;
        paths.set(next, [...paths.get(type)!, field]);
        queue.push(next);
      }
    }
    return paths;
  };
  // Lists multiply what a deep query asks for, and a list paged by `first` lets a client ask for more.
  const score = ({ prefix, cycle }: DeepPath) => [
    cycle.filter((field) => isListType(getNullableType(field.type))).length / cycle.length,
    cycle.some((field) => field.args.some((argument) => argument.name === 'first')) ? 1 : 0,
    -cycle.length,
    -prefix.length,
  ];
  const better = (a: DeepPath, b: DeepPath) => {
    const [scoreA, scoreB] = [score(a), score(b)];
    const differs = scoreA.findIndex((value, i) => value !== scoreB[i]);
    return differs >= 0 && scoreA[differs]! > scoreB[differs]!;
  };
  let best: DeepPath | null = null;
  for (const [type, prefix] of shortestPaths(queryType)) {
    if (type === queryType || type === schema.getMutationType()) continue;
    // The shortest way back to `type` through each of its fields: one step out, then home.
    for (const first of edges(type)) {
      const back = shortestPaths(getNamedType(first.type) as GraphQLObjectType).get(type);
      if (!back) continue;
      const candidate = { prefix, cycle: [first, ...back] };
      if (!best || better(candidate, best)) best = candidate;
    }
  }
  return best;
}
