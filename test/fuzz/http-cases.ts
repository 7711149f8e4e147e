import type { OperationLimits } from '@cadg/gateway';
import { Kind, parse, type SelectionSetNode } from 'graphql';
import {
  aliasBomb,
  deepQuery,
  directiveFlood,
  federationOperation,
  forgedCursor,
  fragmentTrouble,
  nastyString,
  operationTrouble,
  tokenSoup,
  unknownNames,
  wrongTypeMutation,
} from './documents.ts';
import type { Random } from './random.ts';
import type { TokenKit } from './tokens.ts';
import type { StringSlot, Vocabulary } from './vocabulary.ts';

/** One HTTP request the fuzzer sends to a target's GraphQL path, and what it must answer. */
export interface HttpCase {
  /** The generator that made it, for the summary and for reading a failure. */
  kind: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Query string for the GraphQL path, without `?`. */
  search?: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** Send the body chunked, without a Content-Length. */
  chunked?: boolean;
  /** What this case must answer besides the checks every case gets. */
  expect?: HttpExpectation;
}

export interface HttpExpectation {
  /** Allowed statuses. */
  status?: readonly number[];
  /** The response must have errors, and every error's code must be one of these. */
  codes?: readonly string[];
  /** No field may have data: for mutations that must not run. */
  noData?: boolean;
  /** A control case: the response must have data and no errors. */
  noErrors?: boolean;
  /**
   * Response keys of root fields that must answer null or not at all: `_service` and
   * introspection on a subgraph port, which are for the gateway only.
   */
  nullFields?: readonly string[];
}

export interface HttpCaseContext {
  tokens: TokenKit;
  limits: OperationLimits;
  /** The target's schema, as the generators see it. */
  vocabulary: Vocabulary;
}

const JSON_TYPE = 'application/json';
const ACCEPTS = [
  'application/graphql-response+json, application/json',
  'application/json',
  'application/graphql-response+json',
  '*/*',
  'application/xml',
  'text/plain',
  'image/png, application/json;q=0.1',
  ';;;,,,',
];

/** The gateway's refusal of a bearer token it cannot verify. */
const REFUSED_TOKEN = { status: [401], codes: ['UNAUTHENTICATED'], noData: true } as const;

type Generator = (rng: Random, context: HttpCaseContext) => HttpCase;

const post = (
  kind: string,
  body: unknown,
  rng: Random,
  context: HttpCaseContext,
  options: { authorization?: string | null; expect?: HttpExpectation } = {},
): HttpCase => {
  const authorization =
    options.authorization === undefined ? someValidAuthorization(rng, context) : options.authorization;
  return {
    kind,
    method: 'POST',
    headers: {
      'content-type': JSON_TYPE,
      accept: rng.chance(0.8) ? ACCEPTS[0]! : rng.pick(ACCEPTS),
      ...(authorization ? { authorization } : {}),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...(options.expect ? { expect: options.expect } : {}),
  };
};

/** Anonymous half the time, else one of the valid tokens (reads only: no generator sends a valid mutation with one). */
function someValidAuthorization(rng: Random, { tokens }: HttpCaseContext): string | null {
  if (rng.chance(0.5)) return null;
  return `Bearer ${rng.pick(Object.values(tokens.valid))}`;
}

const generators: readonly (readonly [number, Generator])[] = [
  [
    6,
    function invalidJson(rng, context) {
      const valid = JSON.stringify({ query: rng.pick(context.vocabulary.controls) });
      const body = rng.pick([
        () => valid.slice(0, rng.int(0, valid.length - 1)),
        () => `${valid}${rng.pick(['}', ']', ',', 'x', '\u0000', ' {}'])}`,
        () => `{query: "{ __typename }"}`,
        () => `{'query': '{ __typename }'}`,
        () => `{"query": "{ __typename }",}`,
        () => `\ufeff${valid}`,
        () => `{"query": NaN}`,
        () => `{"query": "{ __typename }" /* comment */}`,
        () => `{"query": "\\x41"}`,
        () => `{"query": "\\ud800"}`,
        () => '{"a":'.repeat(rng.int(10, 5000)),
        () => '['.repeat(rng.int(10, 20_000)),
        () => `{"variables":${'{"a":'.repeat(3000)}1${'}'.repeat(2999)},"query":"{ __typename }"}`,
        () => Buffer.from(rng.bytes(rng.int(1, 512))).toString('latin1'),
        () => '',
      ])();
      // The status is the runtime's to choose (200 for application/json, 400 for the GraphQL media type).
      return post('invalid-json', body, rng, context);
    },
  ],
  [
    6,
    function wrongShape(rng, context) {
      const query = rng.pick(context.vocabulary.controls);
      const body = rng.pick<unknown>([
        null,
        42,
        -0.5,
        true,
        'query',
        `"${query}"`,
        [],
        [1, 2, 3],
        [null],
        [[{ query }]],
        JSON.parse(`${'['.repeat(2000)}${']'.repeat(2000)}`) as unknown,
        {},
        { query: 42 },
        { query: null },
        { query: [query] },
        { query: { query } },
        { query: true },
        { query, variables: 'a string' },
        { query, variables: [1, 2] },
        { query, variables: 7 },
        { query, operationName: { name: 'x' } },
        { query, extensions: 'x' },
        { query, extensions: [] },
        { query, extensions: { persistedQuery: 'x' } },
        { query, extensions: { persistedQuery: { version: 2, sha256Hash: 'abc' } } },
        { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } },
        { extensions: { persistedQuery: { version: 1, sha256Hash: { a: 1 } } } },
        { documentId: 5 },
        { documentId: 'f'.repeat(64) },
        { documentId: '../../secret' },
        { query, documentId: 'x' },
        { queryId: 'x' },
        { mutation: query },
        { __proto__: { query }, constructor: { prototype: { polluted: true } } },
        JSON.parse(`{"__proto__": {"query": ${JSON.stringify(query)}}, "query": ${JSON.stringify(query)}}`),
      ]);
      return post('wrong-shape', body, rng, context);
    },
  ],
  [
    6,
    function wrongVariableTypes(rng, context) {
      // Every argument of every root field, declared as `$v` of its own type.
      const query = rng.pick(context.vocabulary.typedArguments);
      const value = rng.pick<unknown>([
        'not a number',
        3.7,
        2 ** 31,
        -(2 ** 31) - 1,
        Number.MAX_SAFE_INTEGER,
        1e308,
        -1,
        0,
        { nested: { deeper: [1, 2] } },
        [[['x']]],
        null,
        true,
        '2026-02-30',
        '2026-13-01T00:00:00Z',
        '9999999-01-01',
        '2026-01-01T00:00:00',
        { countryCodes: 'MY' },
        { kinds: ['NOT_A_KIND'] },
        { text: { $regex: '.*' } },
        ['A', 'B'],
        nastyString(rng),
      ]);
      const variables = rng.pick<unknown>([
        { v: value },
        { v: value, extra: value },
        { other: value },
        value,
      ]);
      const declared = rng.chance(0.2)
        ? query.replace(
            /\(\$(\w+): [^)]+\)/,
            (_m, name: string) => `($${name}: ${rng.pick(['String', 'Int!', '[Int]', 'Nope', 'Query'])})`,
          )
        : query;
      return post('wrong-variable-types', { query: declared, variables }, rng, context);
    },
  ],
  [
    5,
    function hugeStrings(rng, context) {
      const { maxBodyBytes } = context.limits;
      const beyond = rng.chance(0.3);
      const size = beyond
        ? rng.int(maxBodyBytes + 1, maxBodyBytes * 2)
        : rng.int(1_000, maxBodyBytes - 2_000);
      const filler = rng.pick(['x', 'é', '中', '\\u0000', ' ']);
      const padding = filler.repeat(Math.max(1, Math.floor(size / Buffer.byteLength(filler))));
      const field = rng.pick(context.vocabulary.stringSlots);
      const body = rng.pick<() => unknown>([
        () => ({ query: field.query('$v'), variables: { v: padding } }),
        () => ({ query: '{ __typename }', variables: { pad: padding } }),
        () => ({ query: `{ __typename } # ${padding}` }),
        () => ({ query: field.query(JSON.stringify(padding)) }),
        () => ({ query: '{ __typename }', operationName: padding }),
        () => ({ query: `{ ${padding.replace(/[^a-z]/g, 'a')} }` }),
      ])();
      const text = JSON.stringify(body);
      const over = Buffer.byteLength(text) > maxBodyBytes;
      return {
        ...post(over ? 'huge-body' : 'huge-string', text, rng, context),
        ...(over ? { expect: { status: [413], codes: ['QUERY_TOO_COMPLEX'], noData: true } } : {}),
      };
    },
  ],
  [
    4,
    function nastyArguments(rng, context) {
      const field = rng.pick(context.vocabulary.stringSlots);
      const value = slotValue(rng, field);
      const literal = rng.chance(0.5);
      if (literal) return post('nasty-argument', { query: field.query(JSON.stringify(value)) }, rng, context);
      return post('nasty-variable', { query: field.query('$v'), variables: { v: value } }, rng, context);
    },
  ],
  [
    5,
    function deepNesting(rng, context) {
      const depth = rng.weighted([
        [3, rng.int(context.limits.maxDepth + 1, 40)],
        [1, rng.int(100, 1_400)],
        [1, rng.int(1, context.limits.maxDepth)],
      ]);
      const query = rng.chance(0.8)
        ? deepQuery(rng, context.vocabulary, depth)
        : rng
            .pick(context.vocabulary.stringSlots)
            .query(`${'{ text: '.repeat(depth)}"x"${' }'.repeat(depth)}`);
      return post('deep-nesting', { query }, rng, context);
    },
  ],
  [
    3,
    function costBomb(rng, context) {
      // Within the depth limit, along a cycle of lists each paged as large as allowed: what the
      // cost limit is for (one such query answered 32 MB from an unguarded subgraph port).
      const depth = rng.int(3, context.limits.maxDepth);
      const query = context.vocabulary.deepQuery(depth, rng.pick([50, 100, 500, rng.int(1, 500)]));
      return post('cost-bomb', { query }, rng, context);
    },
  ],
  [
    4,
    function aliases(rng, context) {
      const count = rng.weighted([
        [3, rng.int(context.limits.maxAliases + 1, 200)],
        [1, rng.int(1_000, 1_400)],
        [1, rng.int(1, context.limits.maxAliases)],
      ]);
      return post('alias-bomb', { query: aliasBomb(rng, context.vocabulary, count) }, rng, context);
    },
  ],
  [
    4,
    function directives(rng, context) {
      const count = rng.weighted([
        [3, rng.int(context.limits.maxDirectives + 1, 200)],
        [1, rng.int(1_000, 2_500)],
        [1, rng.int(1, context.limits.maxDirectives)],
      ]);
      return post('directive-flood', { query: directiveFlood(rng, context.vocabulary, count) }, rng, context);
    },
  ],
  [
    5,
    (rng, context) => post('unknown-names', { query: unknownNames(rng, context.vocabulary) }, rng, context),
  ],
  [
    6,
    (rng, context) =>
      post(
        'token-soup',
        {
          query: tokenSoup(
            rng,
            rng.weighted([
              [5, rng.int(1, 60)],
              [1, rng.int(context.limits.maxTokens, context.limits.maxTokens * 2)],
            ]),
          ),
        },
        rng,
        context,
      ),
  ],
  [
    4,
    (rng, context) =>
      post('fragment-trouble', { query: fragmentTrouble(rng, context.vocabulary) }, rng, context),
  ],
  [4, (rng, context) => post('operation-trouble', operationTrouble(rng), rng, context)],
  [
    5,
    function contentTypes(rng, context) {
      const { query, variables } = rng.pick(context.vocabulary.mutations);
      const json = JSON.stringify({ query, variables });
      const [contentType, body] = rng.pick<readonly [string | null, string]>([
        ['text/plain', json],
        ['text/plain;charset=UTF-8', json],
        ['application/x-www-form-urlencoded', `query=${encodeURIComponent(query)}`],
        [
          'multipart/form-data; boundary=xyz',
          `--xyz\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${json}\r\n--xyz--`,
        ],
        ['multipart/form-data', json],
        ['multipart/form-data; boundary=', '--\r\n\r\n'],
        ['application/graphql', query],
        ['application/json; charset=utf-16', json],
        ['application/xml', `<query>${query}</query>`],
        ['application/json', `query=${query}`],
        [null, json],
        ['', json],
        ['garbage/garbage/garbage', json],
        ['application/json, text/html', json],
      ]);
      return {
        kind: 'content-type',
        method: 'POST',
        headers: {
          ...(contentType === null ? {} : { 'content-type': contentType }),
          accept: rng.pick(ACCEPTS),
        },
        body,
        // Mutations, so never with a valid token: whatever the content type, they must not run.
        expect: { noData: true },
      };
    },
  ],
  [
    5,
    function getRequests(rng, context) {
      const mutation = rng.chance(0.4);
      const operation = mutation
        ? rng.pick(context.vocabulary.mutations)
        : { query: rng.pick(context.vocabulary.controls), variables: {} };
      const params = new URLSearchParams();
      const soup = rng.chance(0.1);
      params.set('query', soup ? tokenSoup(rng, 20) : operation.query);
      const variables = rng.pick<string | null>([
        JSON.stringify(operation.variables ?? {}),
        '{not json',
        '"string"',
        '[1,2]',
        'null',
        null,
      ]);
      if (variables !== null) params.set('variables', variables);
      if (rng.chance(0.2)) params.set('extensions', rng.pick(['{', '{"persistedQuery":1}', '[]']));
      if (rng.chance(0.1)) params.set('operationName', rng.pick(['', 'X', '[]']));
      if (rng.chance(0.1)) params.append('query', '{ __typename }');
      // A valid SECRETARIAT token: if GET ever ran a mutation, the data check would notice.
      const authorization = mutation
        ? `Bearer ${context.tokens.valid.secretariat}`
        : someValidAuthorization(rng, context);
      return {
        kind: mutation ? 'get-mutation' : 'get',
        method: 'GET',
        search: params.toString(),
        headers: {
          accept: rng.pick(ACCEPTS.filter((a) => a !== '*/*')),
          ...(authorization ? { authorization } : {}),
        },
        // Token soup is no mutation: a parse error may come with any status the runtime chooses.
        ...(mutation ? { expect: { ...(soup ? {} : { status: [405, 400] }), noData: true } } : {}),
      };
    },
  ],
  [
    2,
    function otherMethods(rng, context) {
      return {
        kind: 'method',
        method: rng.pick(['PUT', 'PATCH', 'DELETE'] as const),
        headers: { 'content-type': JSON_TYPE, accept: ACCEPTS[0]! },
        body: JSON.stringify(rng.pick(context.vocabulary.mutations)),
        expect: { noData: true },
      };
    },
  ],
  [
    6,
    function refusedTokens(rng, context) {
      const authorization = rng.pick(context.tokens.refused);
      const body = rng.chance(0.7)
        ? { query: rng.pick(context.vocabulary.controls) }
        : rng.pick(context.vocabulary.mutations);
      return post('refused-token', body, rng, context, { authorization, expect: REFUSED_TOKEN });
    },
  ],
  [
    4,
    function anonymousMutations(rng, context) {
      // Every mutation of the schema, and valid ones: without a token none may run.
      const operation = rng.chance(0.5)
        ? rng.pick(context.vocabulary.mutations)
        : { query: rng.pick(context.vocabulary.everyMutation) };
      return post('anonymous-mutation', operation, rng, context, {
        authorization: null,
        expect: { noData: true },
      });
    },
  ],
  [
    5,
    function wrongTypeMutations(rng, context) {
      const { operation, refused } = wrongTypeMutation(rng, context.vocabulary);
      // With a token only when graphql-js refuses it before execution: it must never run.
      return post('wrong-type-mutation', operation, rng, context, {
        ...(refused ? {} : { authorization: null }),
        expect: { noData: true },
      });
    },
  ],
  [
    4,
    function federation(rng, context) {
      return post('federation', federationOperation(rng, context.vocabulary), rng, context);
    },
  ],
  [
    3,
    function batches(rng, context) {
      const size = rng.int(0, context.limits.maxBatch * 3);
      const entry = () =>
        rng.weighted<() => unknown>([
          [3, () => ({ query: rng.pick(context.vocabulary.controls) })],
          [1, () => ({ query: tokenSoup(rng, 10) })],
          [1, () => rng.pick([null, 1, 'x', [], {}, [{ query: '{ __typename }' }]])],
          [1, () => ({ query: aliasBomb(rng, context.vocabulary, 40) })],
        ])();
      return post('batch', Array.from({ length: size }, entry), rng, context);
    },
  ],
  [
    2,
    function introspection(rng, context) {
      const depth = rng.int(3, 30);
      const ofType = `${'ofType { '.repeat(depth)}name${' }'.repeat(depth)}`;
      return post(
        'introspection',
        {
          query: rng.pick([
            `{ __schema { types { fields { type { ${ofType} } } } } }`,
            `{ __type(name: 42) { name } }`,
            `{ __type { name } }`,
            `{ a: __schema { types { name } } b: __schema { types { name } } c: __schema { types { name } } }`,
            `{ __schema { types { fields { args { type { name } } } } } }`,
          ]),
        },
        rng,
        context,
      );
    },
  ],
  [
    1,
    function chunked(rng, context) {
      return {
        ...post('chunked-body', { query: rng.pick(context.vocabulary.controls) }, rng, context),
        chunked: true,
        // The gateway wants a Content-Length; a subgraph port may read a chunked body.
        ...(context.vocabulary.subgraph ? {} : { expect: { status: [411] } }),
      };
    },
  ],
  [
    4,
    function control(rng, context) {
      return post('valid-query', { query: rng.pick(context.vocabulary.controls) }, rng, context, {
        authorization: someValidAuthorization(rng, context),
      }) satisfies HttpCase;
    },
  ],
];

/** The HTTP case for this generator; the control generator's cases must answer without errors. */
export function generateHttpCase(rng: Random, context: HttpCaseContext): HttpCase {
  const generate = rng.weighted(generators);
  const made = generate(rng, context);
  if (made.kind === 'valid-query')
    // Control cases go out with a well-formed request, so anything but data is a failure.
    return {
      ...made,
      headers: { ...made.headers, accept: ACCEPTS[0]! },
      expect: { status: [200], noErrors: true },
    };
  if (!context.vocabulary.subgraph) return made;
  const nullFields = privateFieldsAsked(made);
  return nullFields.length ? { ...made, expect: { ...made.expect, nullFields } } : made;
}

/** A value for a string argument: a forged cursor for `after` half the time, else a nasty string. */
function slotValue(rng: Random, slot: StringSlot): string {
  return slot.cursor && rng.chance(0.5) ? forgedCursor(rng) : nastyString(rng);
}

/** Root fields a subgraph keeps for the gateway: its SDL and introspection. */
const PRIVATE_ROOT_FIELDS = new Set(['_service', '__schema', '__type']);

/** Response keys of the private root fields a single (not batched) request asks for. */
function privateFieldsAsked(fuzzCase: HttpCase): string[] {
  let query: unknown;
  if (fuzzCase.search !== undefined) query = new URLSearchParams(fuzzCase.search).get('query');
  else if (typeof fuzzCase.body === 'string') {
    try {
      query = (JSON.parse(fuzzCase.body) as { query?: unknown } | null)?.query;
    } catch {
      return [];
    }
  }
  if (typeof query !== 'string' || !/\b(?:_service|__schema|__type)\b/.test(query)) return [];
  try {
    const document = parse(query);
    const fragments = new Map(
      document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])),
    );
    const keys = new Set<string>();
    const visit = (selectionSet: SelectionSetNode, seen: Set<string>) => {
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (PRIVATE_ROOT_FIELDS.has(selection.name.value))
            keys.add(selection.alias?.value ?? selection.name.value);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, seen);
        else if (!seen.has(selection.name.value)) {
          const fragment = fragments.get(selection.name.value);
          if (fragment) visit(fragment.selectionSet, new Set([...seen, selection.name.value]));
        }
      }
    };
    for (const definition of document.definitions)
      if (definition.kind === Kind.OPERATION_DEFINITION) visit(definition.selectionSet, new Set());
    return [...keys];
  } catch {
    return [];
  }
}
