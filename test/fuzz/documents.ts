import {
  getNamedType,
  getNullableType,
  getVariableValues,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isRequiredArgument,
  isRequiredInputField,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { nastyString } from './hostile-text.ts';
import type { Random } from './random.ts';
import { defaultLiteral, fieldText } from './schema-text.ts';
import type { Operation, Vocabulary } from './vocabulary.ts';

/**
 * GraphQL text the fuzzer builds on: generators of hostile documents over a target's vocabulary
 * (its real fields, arguments and types; see vocabulary.ts) and of hostile values. Nothing here
 * contains the words the leak check looks for, so an echo of the request can never pass for a leak.
 */

/**
 * True when graphql-js, against the target's own schema, refuses the operation before any
 * resolver could run: it does not parse, does not validate, or its variables do not coerce.
 * Generated mutations go out with a valid token only when this holds.
 */
export function refusedBeforeExecution(schema: GraphQLSchema, operation: Operation): boolean {
  let document: DocumentNode;
  try {
    document = parse(operation.query);
  } catch {
    return true;
  }
  if (validate(schema, document).length > 0) return true;
  const definitions = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const [definition] = definitions;
  if (definitions.length !== 1 || !definition || !schema.getRootType(definition.operation)) return true;
  const coerced = getVariableValues(schema, definition.variableDefinitions ?? [], operation.variables ?? {});
  return (coerced.errors?.length ?? 0) > 0;
}

/** A JSON value of `type` that coerces: required input fields filled, nothing optional. */
function defaultValue(type: GraphQLInputType, depth = 0): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [defaultValue(nullable.ofType as GraphQLInputType, depth)];
  if (isEnumType(nullable)) return nullable.getValues()[0]?.name ?? null;
  if (isInputObjectType(nullable)) {
    if (depth > 4) return {};
    return Object.fromEntries(
      Object.values(nullable.getFields())
        .filter(isRequiredInputField)
        .map((field) => [field.name, defaultValue(field.type, depth + 1)]),
    );
  }
  return JSON.parse(defaultLiteral(nullable)) as unknown;
}

/** A GraphQL literal that is not a value of `type` (validation must refuse it). */
function wrongLiteral(rng: Random, type: GraphQLInputType): string {
  const nullable = getNullableType(type);
  const orNull = isNonNullType(type) ? ['null'] : [];
  if (isListType(nullable)) {
    const element = nullable.ofType as GraphQLInputType;
    return rng.pick([
      `[${wrongLiteral(rng, element)}]`,
      ...(isNonNullType(element) ? ['[null]'] : []),
      ...orNull,
    ]);
  }
  if (isEnumType(nullable))
    return rng.pick(['NOT_A_VALUE', '7', 'true', `"${nullable.getValues()[0]?.name ?? 'X'}"`, ...orNull]);
  if (isInputObjectType(nullable))
    return rng.pick(['"everything"', '42', '{ zzUnknown: 1 }', `[${defaultLiteral(nullable)}]`, ...orNull]);
  const byScalar: Readonly<Record<string, readonly string[]>> = {
    String: ['{ nested: 1 }', '42', 'true', '3.5', '[{ nested: true }]'],
    ID: ['{ nested: 1 }', 'true', '3.5'],
    Int: ['"1"', '3.5', '2147483648', '{ n: 1 }'],
    Float: ['"1.5"', 'true', '{ n: 1 }'],
    Boolean: ['"true"', '1'],
  };
  return rng.pick([
    ...(byScalar[nullable.name] ?? ['{ nested: { deeper: [1] } }', '[[["x"]]]', 'true']),
    ...orNull,
  ]);
}

/** A JSON value that is not a value of `type` (variable coercion must refuse it). */
function wrongValue(rng: Random, type: GraphQLInputType): unknown {
  const nullable = getNullableType(type);
  const orNull = isNonNullType(type) ? [null] : [];
  if (isListType(nullable)) {
    const element = nullable.ofType as GraphQLInputType;
    return rng.pick<unknown>([
      [wrongValue(rng, element)],
      ...(isNonNullType(element) ? [[null]] : []),
      ...orNull,
    ]);
  }
  if (isEnumType(nullable)) return rng.pick<unknown>(['NOT_A_VALUE', 7, true, { value: 1 }, ...orNull]);
  if (isInputObjectType(nullable)) {
    const fields = Object.values(nullable.getFields());
    const field = rng.pick(fields);
    const base = defaultValue(nullable) as Record<string, unknown>;
    return rng.weighted<() => unknown>([
      [3, () => ({ ...base, [field.name]: wrongValue(rng, field.type) })],
      [1, () => rng.pick<unknown>(['everything', 42, [base], JSON.stringify(base), ...orNull])],
      [1, () => ({ ...base, zzUnknown: 1 })],
    ])();
  }
  const byScalar: Readonly<Record<string, readonly unknown[]>> = {
    String: [{ nested: 1 }, 42, true, ['a', 'b']],
    ID: [{ nested: 1 }, true, 3.5, ['1']],
    Int: ['1', 3.5, 2 ** 31, Number.MAX_SAFE_INTEGER, { n: 1 }],
    Float: ['1.5', true, { n: 1 }],
    Boolean: ['true', 1],
  };
  return rng.pick<unknown>([
    ...(byScalar[nullable.name] ?? [{ nested: { deeper: [1] } }, [[['x']]]]),
    ...orNull,
  ]);
}

/**
 * A mutation of the target whose input is wrong in one way: an argument or input field of the
 * wrong kind, a required one missing, an unknown one, a variable that does not coerce, or a bad
 * selection. `refused` says whether graphql-js refuses it before execution (then it is safe to
 * send with a privileged token).
 */
export function wrongTypeMutation(
  rng: Random,
  vocabulary: Vocabulary,
): { operation: Operation; refused: boolean } {
  const field = rng.pick(vocabulary.mutationFields);
  const operation = wrongMutationOf(rng, field);
  return { operation, refused: refusedBeforeExecution(vocabulary.schema, operation) };
}

function wrongMutationOf(rng: Random, field: GraphQLField<unknown, unknown>): Operation {
  const argument = field.args.length > 0 ? rng.pick(field.args) : null;
  const inputObject = argument && getNamedType(argument.type);
  const forms: (readonly [number, () => Operation])[] = [
    [1, () => ({ query: `mutation { ${fieldText(field, { zzExtra: '1' })} }` })],
    [
      1,
      () => ({
        query: rng.pick([
          `mutation { ${fieldText(field).replace(/ \{ __typename \}$/, '')} }`,
          `mutation { ${fieldText(field).replace(/__typename/, 'zzNope')} }`,
        ]),
      }),
    ],
  ];
  if (argument) {
    forms.push(
      [
        3,
        () => ({
          query: `mutation { ${fieldText(field, { [argument.name]: wrongLiteral(rng, argument.type) })} }`,
        }),
      ],
      [
        3,
        () => ({
          query: `mutation ($v: ${String(argument.type)}) { ${fieldText(field, { [argument.name]: '$v' })} }`,
          variables: { v: wrongValue(rng, argument.type) },
        }),
      ],
    );
    if (isRequiredArgument(argument))
      forms.push([1, () => ({ query: `mutation { ${fieldText(field, { [argument.name]: null })} }` })]);
  }
  if (argument && inputObject && isInputObjectType(inputObject)) {
    const inputFields = Object.values(inputObject.getFields());
    const wrong = rng.pick(inputFields);
    const literal = (fields: readonly [string, string][]) =>
      `mutation { ${fieldText(field, { [argument.name]: `{ ${fields.map(([name, value]) => `${name}: ${value}`).join(', ')} }` })} }`;
    const required = inputFields
      .filter(isRequiredInputField)
      .map((inputField) => [inputField.name, defaultLiteral(inputField.type)] as [string, string]);
    forms.push(
      [
        3,
        () => ({
          query: literal([
            ...required.filter(([name]) => name !== wrong.name),
            [wrong.name, wrongLiteral(rng, wrong.type)],
          ]),
        }),
      ],
      [1, () => ({ query: literal(required.slice(1)) })],
    );
  }
  return rng.weighted(forms)();
}

/** A forged keyset cursor: base64 of JSON of the right or wrong arity, with parts of any type. */
export function forgedCursor(rng: Random): string {
  const part = () =>
    rng.pick<unknown>([
      'x',
      '',
      0,
      -1,
      1.5,
      1e308,
      2 ** 53,
      '2026-13-45T99:99:99Z',
      '2026-01-01T00:00:00.000Z',
      'not-a-uuid',
      '00000000-0000-0000-0000-000000000000',
      "' OR 1=1 --",
      'a\u0000b',
      '\ud800',
      null,
      true,
      {},
      [],
      'a'.repeat(rng.int(100, 2000)),
    ]);
  const value = rng.weighted<() => unknown>([
    [5, () => Array.from({ length: rng.int(1, 4) }, part)],
    [1, part],
    [1, () => ({ id: part() })],
  ])();
  const encoded = Buffer.from(JSON.stringify(value)).toString(rng.pick(['base64url', 'base64'] as const));
  return rng.chance(0.1) ? encoded.slice(0, -2) : encoded;
}

/**
 * `_entities` and `_service`, federation's entry points, with hostile representations: unknown
 * and non-entity types, missing, mistyped and nasty keys, the wrong shapes, and long lists.
 * On the gateway neither field exists; on a subgraph port `_service` is for the gateway only.
 */
export function federationOperation(rng: Random, vocabulary: Vocabulary): Operation {
  const entities = vocabulary.entities.length ? vocabulary.entities : [{ type: 'Country', key: 'code' }];
  const selection = entities.map((entity) => `... on ${entity.type} { __typename ${entity.key} }`).join(' ');
  const representation = (): unknown => {
    const entity = rng.pick(entities);
    return rng.weighted<() => unknown>([
      [
        3,
        () => ({ __typename: entity.type, [entity.key]: rng.pick(['SG', 'MY', 'sg-csa', 'my-mycert', '1']) }),
      ],
      [3, () => ({ __typename: entity.type, [entity.key]: nastyString(rng) })],
      [
        2,
        () => ({
          __typename: entity.type,
          [entity.key]: rng.pick<unknown>([null, 42, 1.5, true, {}, [], { nested: [1] }]),
        }),
      ],
      [1, () => ({ __typename: entity.type })],
      [1, () => ({ [entity.key]: 'SG' })],
      [
        2,
        () => ({
          __typename: rng.pick<unknown>([
            'Query',
            'Mutation',
            vocabulary.unrelatedType,
            `Zz${rng.string(6)}`,
            '__Schema',
            '__proto__',
            'constructor',
            entity.type.toLowerCase(),
            42,
            null,
            {},
          ]),
          [entity.key]: 'SG',
        }),
      ],
      [1, () => rng.pick<unknown>([null, 42, 'Country', [], {}, [{ __typename: entity.type }]])],
      [1, () => ({ __typename: entity.type, [entity.key]: 'SG', extra: 'x'.repeat(rng.int(1, 5000)) })],
    ])();
  };
  const count = rng.weighted([
    [6, rng.int(1, 5)],
    [1, rng.int(20, 200)],
    [1, rng.int(1_000, 3_000)],
  ]);
  const representations = Array.from({ length: count }, representation);
  return rng.weighted<() => Operation>([
    [
      4,
      () => ({
        query: `query ($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`,
        variables: { r: representations },
      }),
    ],
    [
      1,
      () => ({
        query: `query ($r: _Any!) { _entities(representations: [$r]) { __typename } }`,
        variables: { r: representations[0] },
      }),
    ],
    [
      1,
      () => ({
        query: `{ _entities(representations: ${rng.pick([
          '[{ __typename: "Country", code: "SG" }]',
          '[]',
          '"SG"',
          '[{ __typename: "Country", code: { nested: 1 } }]',
          '[{ __typename: Country }]',
        ])}) { ${selection} } }`,
      }),
    ],
    [
      2,
      () => ({
        query: rng.pick([
          '{ _service { sdl } }',
          '{ _service { __typename } }',
          '{ a: _service { sdl } b: _service { sdl } }',
          'fragment S on Query { _service { sdl } } { ...S }',
          '{ ... on Query { _service { sdl } } }',
          `{ _service { sdl } ${vocabulary.listField.name} { __typename } }`,
          `{ _service { sdl } _entities(representations: []) { __typename } }`,
        ]),
      }),
    ],
  ])();
}
