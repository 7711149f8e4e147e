import { federationOperation, wrongTypeMutation } from './documents.ts';
import { aliasBomb, tokenSoup } from './hostile-text.ts';
import {
  ACCEPTS,
  JSON_TYPE,
  post,
  REFUSED_TOKEN,
  someValidAuthorization,
  type Generator,
  type HttpCase,
} from './http-case-kit.ts';

/**
 * HTTP cases, second half: the request around the document (content types, GET, other methods,
 * refused tokens, anonymous and mistyped mutations, federation's fields, batches, introspection,
 * chunked bodies) and the control cases that must succeed. Order matters as in the first half.
 */
export const requestCaseGenerators: readonly (readonly [number, Generator])[] = [
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
