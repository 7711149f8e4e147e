import { readFileSync } from 'node:fs';
import { apiSchemaFile, schemaPathOf, subgraphs } from '@cadg/gateway';
import {
  buildASTSchema,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { argumentsText, callable, deepPath, enumSlotsOf, fieldText, stringSlotsOf } from './schema-text.ts';

/**
 * What the fuzzer knows of one target's schema, read from the SDL that target serves: the public
 * API schema for the gateway, `subgraphs/<name>/schema.graphql` plus federation's `_entities` and
 * `_service` for a subgraph port. Generated documents walk the real fields, arguments and types of
 * that schema, so every root field and argument of every port gets hostile input, and a schema
 * change reaches the fuzzer without anyone editing a list.
 */

/** The ports the fuzzer can aim at: the gateway, or one subgraph's own port by its name. */
export const FUZZ_TARGETS: readonly string[] = ['gateway', ...subgraphs.map((subgraph) => subgraph.name)];

/** A GraphQL operation as sent in a request body. */
export interface Operation {
  query: string;
  variables?: Record<string, unknown>;
}

/** A place in a root field's arguments that takes a string (String or ID), and how to fill it. */
export interface StringSlot {
  /** Whether the place is a keyset cursor (`after`), where forged cursors are sent too. */
  cursor: boolean;
  /** The whole document with `value` (GraphQL literal or `$v`) in the place. */
  query: (value: string) => string;
}

/** A type federation resolves by key, as a subgraph declares it with `@key`. */
export interface EntityType {
  type: string;
  /** The key's field (simple keys only: every key in this graph is one field). */
  key: string;
}

/** A path through the schema that can be followed as deep as asked: a prefix, then a cycle. */
export interface DeepPath {
  prefix: readonly GraphQLField<unknown, unknown>[];
  cycle: readonly GraphQLField<unknown, unknown>[];
}

/** One target's schema as the case generators use it (see vocabularyOf). */
export interface Vocabulary {
  /** `gateway` or a subgraph's name. */
  readonly target: string;
  readonly schema: GraphQLSchema;
  /**
   * A subgraph port: federation's `_entities` and `_service` exist, and its schema is for the
   * gateway only (no `_service`, introspection or field suggestions for anyone else).
   */
  readonly subgraph: boolean;
  /** Valid read-only operations anyone may run: control cases expect them to answer without errors. */
  readonly controls: readonly string[];
  /** Valid mutations (hostile in exactly one way when sent): only without a token or with a refused one. */
  readonly mutations: readonly Operation[];
  /** Every mutation of the schema with its required arguments filled in: never with a valid token. */
  readonly everyMutation: readonly string[];
  /** Every root field with a string argument (directly or one input object down). */
  readonly stringSlots: readonly StringSlot[];
  /** For every argument of every root field, a query giving it as `$v` of the argument's own type. */
  readonly typedArguments: readonly string[];
  /** Root fields with required arguments filled in and small pages, for alias bombs. */
  readonly aliasFields: readonly string[];
  /** A root field returning objects with no required arguments, e.g. `countries`. */
  readonly listField: { readonly name: string; readonly type: string };
  /** An object type the list field's objects are not, for fragments that cannot apply. */
  readonly unrelatedType: string;
  /** Root fields with an enum argument, with `value` in its place. */
  readonly enumSlots: readonly ((value: string) => string)[];
  /** Types with `@key` (for the gateway: every subgraph's, which it must not resolve from clients). */
  readonly entities: readonly EntityType[];
  /** Mutation fields, for documents whose arguments are of the wrong type. */
  readonly mutationFields: readonly GraphQLField<unknown, unknown>[];
  /** A live subscription that stays open until completed, if the target serves subscriptions. */
  readonly liveSubscription: string | null;
  /**
   * `depth` fields nested along a real path of the schema (a cycle such as
   * countries → organizations → country → …), every list paged with `first` when given.
   */
  deepQuery(depth: number, first?: number): string;
}

/**
 * Valid read-only operations; each target's controls are those its schema validates. Chosen so
 * that an anonymous caller and every fuzzer token may run them without errors.
 */
const CONTROL_QUERIES: readonly string[] = [
  '{ countries { code name aseanMember } }',
  '{ country(code: "SG") { name organizations { name kind } } }',
  '{ organizations(first: 5) { totalCount edges { node { id name kind country { code } } } pageInfo { hasNextPage endCursor } } }',
  '{ contacts(first: 3) { totalCount edges { node { name email organization { acronym } } } } }',
  '{ activities(first: 3) { totalCount } }',
  '{ topics { slug name } }',
  '{ frameworks { slug name } }',
  '{ positions(first: 3) { totalCount } }',
  '{ dataFlowPilots(first: 3) { totalCount edges { node { id name status } } } }',
  '{ transferMechanisms { kind title } }',
  '{ incidents(first: 3) { totalCount edges { node { id title tlp severity } } } }',
  '{ advisories(first: 3) { totalCount } }',
  '{ __typename }',
];

/** Valid mutations; each target gets those its schema validates. */
const VALID_MUTATIONS: readonly Operation[] = [
  {
    query:
      'mutation { createOrganization(input: { countryCode: "MY", name: "Fuzz Response Team", kind: CERT }) { id } }',
  },
  {
    query: 'mutation ($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }',
    variables: {
      input: {
        title: 'Fuzzed incident',
        summary: 'Should never be stored.',
        category: 'PHISHING',
        severity: 'HIGH',
        tlp: 'GREEN',
        affectedCountryCodes: ['MY'],
      },
    },
  },
  { query: 'mutation { removeContact(id: "1") { id } }' },
  {
    query: 'mutation ($id: ID!) { shareIncident(id: $id, organizationIds: ["sg-csa"]) { id } }',
    variables: { id: '1' },
  },
  {
    query:
      'mutation { proposeDataFlowPilot(input: { name: "Fuzz pilot", description: "x", countryCodes: ["SG"], organizationIds: ["sg-csa"] }) { id } }',
  },
  {
    query:
      'mutation { recordPolicyPosition(input: { countryCode: "SG", topic: "ai-safety", stance: SUPPORTS, summary: "Fuzz", statedOn: "2026-01-01", sourceTitle: "Fuzz", sourceUrl: "https://example.org/fuzz" }) { id } }',
  },
];

const LIVE_SUBSCRIPTION = 'subscription { majorIncidentUpdates(minSeverity: EMERGENCY) { cursor } }';

/** What federation adds to a subgraph's schema (the subgraph library adds the same at run time). */
const federationFields = (entities: readonly EntityType[]) =>
  entities.length
    ? `scalar _Any
      type _Service { sdl: String }
      union _Entity = ${entities.map((entity) => entity.type).join(' | ')}
      extend type Query { _entities(representations: [_Any!]!): [_Entity]! _service: _Service! }`
    : 'type _Service { sdl: String } extend type Query { _service: _Service! }';

const cache = new Map<string, Vocabulary>();

/** The vocabulary of a target (`gateway` or a subgraph's name), read once per process. */
export function vocabularyOf(target: string): Vocabulary {
  const known = cache.get(target);
  if (known) return known;
  const made = buildVocabulary(target);
  cache.set(target, made);
  return made;
}

function buildVocabulary(target: string): Vocabulary {
  if (target === 'gateway') {
    const schema = buildASTSchema(parse(readSdl(apiSchemaFile)), { assumeValidSDL: true });
    // The gateway must refuse `_entities` from clients for every subgraph's entities.
    const entities = subgraphs.flatMap((subgraph) => entitiesOf(parse(readSdl(schemaPathOf(subgraph)))));
    return derive(
      target,
      schema,
      false,
      uniqueBy(entities, (entity) => entity.type),
    );
  }
  const subgraph = subgraphs.find((candidate) => candidate.name === target);
  if (!subgraph)
    throw new Error(`Unknown fuzz target "${target}"; expected one of ${FUZZ_TARGETS.join(', ')}.`);
  const document = parse(readSdl(schemaPathOf(subgraph)));
  const entities = entitiesOf(document);
  const schema = buildASTSchema(
    {
      ...document,
      definitions: [...document.definitions, ...parse(federationFields(entities)).definitions],
    },
    // The SDL uses federation's directives without defining them; the subgraph library supplies them.
    { assumeValidSDL: true },
  );
  return derive(target, schema, true, entities);
}

const readSdl = (path: string) => readFileSync(path, 'utf8');

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)));
}

/** Object types with `@key(fields: "…")` in a subgraph's SDL. */
function entitiesOf(document: DocumentNode): EntityType[] {
  return document.definitions.flatMap((definition) => {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION)
      return [];
    const key = definition.directives
      ?.find((directive) => directive.name.value === 'key')
      ?.arguments?.find((argument) => argument.name.value === 'fields')?.value;
    return key?.kind === Kind.STRING ? [{ type: definition.name.value, key: key.value }] : [];
  });
}

/** True when `query` validates against `schema` (graphql-js 16 does not check that root types exist). */
function isValid(schema: GraphQLSchema, query: string): boolean {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return false;
  }
  const rootsExist = document.definitions.every(
    (definition) => definition.kind !== Kind.OPERATION_DEFINITION || schema.getRootType(definition.operation),
  );
  return rootsExist && validate(schema, document).length === 0;
}

function derive(
  target: string,
  schema: GraphQLSchema,
  subgraph: boolean,
  entities: readonly EntityType[],
): Vocabulary {
  const queryType = schema.getQueryType();
  if (!queryType) throw new Error(`The schema of ${target} has no Query type.`);
  // Federation's own fields have generators of their own.
  const rootFields = Object.values(queryType.getFields()).filter((field) => !field.name.startsWith('_'));
  const mutationFields = Object.values(schema.getMutationType()?.getFields() ?? {});

  const controls = CONTROL_QUERIES.filter((query) => isValid(schema, query));
  if (controls.length < 2)
    throw new Error(`No control query validates against ${target}'s schema; add one to CONTROL_QUERIES.`);
  const mutations = VALID_MUTATIONS.filter((operation) => isValid(schema, operation.query));
  if (mutations.length === 0)
    throw new Error(`No valid mutation validates against ${target}'s schema; add one to VALID_MUTATIONS.`);

  const listRoot =
    rootFields.find((field) => isListType(getNullableType(field.type)) && callable(field)) ??
    rootFields.find((field) => isCompositeType(getNamedType(field.type)) && callable(field));
  if (!listRoot) throw new Error(`${target}'s schema has no root field returning objects.`);
  const listType = getNamedType(listRoot.type);
  const unrelated = Object.values(schema.getTypeMap()).find(
    (type) =>
      isObjectType(type) &&
      !type.name.startsWith('_') &&
      type !== listType &&
      type !== queryType &&
      type !== schema.getMutationType() &&
      type !== schema.getSubscriptionType() &&
      !(isCompositeType(listType) && schema.isSubType(listType as never, type)),
  );

  const path = deepPath(schema, queryType);
  return {
    target,
    schema,
    subgraph,
    controls,
    mutations,
    everyMutation: mutationFields.map((field) => `mutation { ${fieldText(field)} }`),
    stringSlots: rootFields.flatMap(stringSlotsOf),
    typedArguments: rootFields.flatMap((field) =>
      field.args.map(
        (argument) =>
          `query ($v: ${String(argument.type)}) { ${fieldText(field, { [argument.name]: '$v' })} }`,
      ),
    ),
    aliasFields: [
      '__typename',
      ...rootFields.map((field) =>
        fieldText(field, field.args.some((a) => a.name === 'first') ? { first: '50' } : {}),
      ),
    ],
    listField: { name: listRoot.name, type: listType.name },
    unrelatedType: unrelated?.name ?? 'Query',
    enumSlots: rootFields.flatMap(enumSlotsOf),
    entities,
    mutationFields,
    liveSubscription: isValid(schema, LIVE_SUBSCRIPTION) ? LIVE_SUBSCRIPTION : null,
    deepQuery(depth, first) {
      if (!path) return `{ ${'a { '.repeat(depth)}x${' }'.repeat(depth)} }`;
      const fields = Array.from(
        { length: depth },
        (_, i) => path.prefix[i] ?? path.cycle[(i - path.prefix.length) % path.cycle.length]!,
      );
      return `{ ${fields.reduceRight(
        (inner, field) =>
          `${field.name}${argumentsText(field, first !== undefined && field.args.some((a) => a.name === 'first') ? { first: String(first) } : {})} { ${inner} }`,
        '__typename',
      )} }`;
    },
  };
}
