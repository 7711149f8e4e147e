import {
  aliasBomb,
  deepQuery,
  directiveFlood,
  fragmentTrouble,
  nastyString,
  operationTrouble,
  tokenSoup,
  unknownNames,
} from './hostile-text.ts';
import { post, slotValue, type Generator } from './http-case-kit.ts';

/**
 * HTTP cases, first half: malformed bodies and hostile documents (bad JSON, wrong shapes and
 * variable types, huge strings, nesting, cost, aliases, directives, token soup, unknown names,
 * fragment and operation trouble). Weighted `[weight, generator]` pairs, in a fixed order: a seed
 * picks by position, so `generateHttpCase` concatenates the halves in this order.
 */
export const documentCaseGenerators: readonly (readonly [number, Generator])[] = [
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
];
