import { defaultParamsSerializer } from '@graphql-mesh/hmac-upstream-signature';
import { describe, expect, it } from 'vitest';
import { checkSignature, serializedParams, signedExtensions } from '../src/index.ts';

/** What Hive Gateway's plugins sign and check: the package's own serializer. */
const theirs = (params: { query?: string; variables?: Record<string, unknown> }): string =>
  defaultParamsSerializer(params as Parameters<typeof defaultParamsSerializer>[0]) ?? '';

const QUERY =
  'query($representations: [_Any!]!) { _entities(representations: $representations) { __typename } }';

describe('the signed form of a request', () => {
  it('is byte for byte what Hive Gateway signs, keys in order or not', () => {
    const cases: Record<string, unknown>[] = [
      {
        representations: [
          { __typename: 'Organization', id: 'my-mycert' },
          { __typename: 'Country', code: 'SG' },
        ],
      },
      // Keys out of order, nested, integer-like keys (which objects list numerically), unicode, escapes.
      { b: 1, a: { z: [1, { y: 'x', c: null }], d: true }, '10': 'ten', '9': 'nine' },
      { text: 'Ý "quoted" \\ back\nslash \u2028 and 中文', n: -1.5e-7, list: [[], {}, [null]] },
      { first: 20, filter: { minSeverity: 'HIGH', countryCodes: ['MY', 'SG'] } },
      { deep: JSON.parse('['.repeat(40) + '{"b":1,"a":2}' + ']'.repeat(40)) as unknown },
      { skipped: undefined, kept: 0 },
    ];
    for (const variables of cases) {
      expect(serializedParams({ query: QUERY, variables })).toBe(theirs({ query: QUERY, variables }));
    }
    // Empty or missing variables are left out, as the package does.
    expect(serializedParams({ query: QUERY, variables: {} })).toBe(theirs({ query: QUERY }));
    expect(serializedParams({ query: QUERY })).toBe(theirs({ query: QUERY }));
  });

  it('signs and checks a request, and refuses one whose variables changed', () => {
    const variables = { representations: [{ __typename: 'Organization', id: 'my-mycert' }] };
    const extensions = signedExtensions('secret', { query: QUERY, variables });
    expect(checkSignature('secret', { query: QUERY, variables, extensions })).toBe('valid');
    const changed = { representations: [{ __typename: 'Organization', id: 'sg-singcert' }] };
    expect(checkSignature('secret', { query: QUERY, variables: changed, extensions })).toBe('invalid');
    expect(checkSignature('secret', { query: QUERY, variables })).toBe('absent');
  });
});
