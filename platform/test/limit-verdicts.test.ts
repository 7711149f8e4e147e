import { buildSchema, parse, type GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DocumentVerdicts } from '../src/limit-verdicts.ts';
import { DEFAULT_LIMITS, ErrorCode, limitValidationRules, operationLimitErrors } from '../src/index.ts';

const schema = buildSchema(/* GraphQL */ `
  type Query {
    items(first: Int = 10): [Item!]!
    item(id: ID!): Item
  }
  type Item {
    id: ID!
    children(first: Int = 10): [Item!]!
  }
`);

const limits = { ...DEFAULT_LIMITS, maxCost: 1_000, maxDepth: 4 };
const codes = (errors: readonly GraphQLError[]) =>
  errors.map((e) => [e.extensions['code'], e.extensions['limit']]);

describe('limit verdicts cached per document', () => {
  it('refuses a document over a rule limit every time, from the one verdict worked out first', () => {
    const deep =
      '{ items(first: 1) { children(first: 1) { children(first: 1) { children(first: 1) { children(first: 1) { id } } } } } }';
    const first = operationLimitErrors(schema, { query: deep }, limits);
    const again = operationLimitErrors(schema, { query: deep }, limits);
    expect(codes(first)).toEqual([[ErrorCode.QueryTooComplex, 'maxDepth']]);
    // The same error objects: the document was parsed and validated once.
    expect(again).toBe(first);
    // Other limits are another cache: the same text is judged against them.
    expect(operationLimitErrors(schema, { query: deep }, { ...limits, maxDepth: 12 })).toEqual([]);
  });

  it('recomputes the cost when it depends on variables, and not otherwise', () => {
    const paged = 'query Page($n: Int!) { items(first: $n) { id children(first: 5) { id } } }';
    expect(operationLimitErrors(schema, { query: paged, variables: { n: 10 } }, limits)).toEqual([]);
    expect(codes(operationLimitErrors(schema, { query: paged, variables: { n: 500 } }, limits))).toEqual([
      [ErrorCode.QueryTooComplex, 'maxCost'],
    ]);
    expect(operationLimitErrors(schema, { query: paged, variables: { n: 10 } }, limits)).toEqual([]);

    // Variable-free, two operations: each one's cost is its own, remembered under its name.
    const two = 'query Small { items(first: 2) { id } } query Big { items(first: 900) { children { id } } }';
    for (let i = 0; i < 2; i++) {
      expect(operationLimitErrors(schema, { query: two, operationName: 'Small' }, limits)).toEqual([]);
      expect(codes(operationLimitErrors(schema, { query: two, operationName: 'Big' }, limits))).toEqual([
        [ErrorCode.QueryTooComplex, 'maxCost'],
      ]);
    }
    // A name the document does not define selects no operation (cost 0, Apollo refuses it later).
    expect(operationLimitErrors(schema, { query: two, operationName: 'Other' }, limits)).toEqual([]);
  });

  it('checks variables and size before any cache, and leaves syntax errors to the server', () => {
    const query = 'query Q($v: ID!) { item(id: $v) { id } }';
    let nested: unknown = 'x';
    for (let i = 0; i < 100; i++) nested = { nested };
    expect(codes(operationLimitErrors(schema, { query, variables: { v: nested } }, limits))).toEqual([
      [ErrorCode.QueryTooComplex, 'maxVariableDepth'],
    ]);
    const big = `{ item(id: "${'x'.repeat(limits.maxDocumentBytes)}") { id } }`;
    expect(codes(operationLimitErrors(schema, { query: big }, limits))).toEqual([
      [ErrorCode.QueryTooComplex, 'maxDocumentBytes'],
    ]);
    expect(operationLimitErrors(schema, { query: '{ items { id ' }, limits)).toEqual([]);
    expect(operationLimitErrors(schema, { query: '{ items { id ' }, limits)).toEqual([]);
  });

  it('counts tokens while parsing, once per document', () => {
    const query = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: items { id }`).join(' ')} }`;
    const few = { ...limits, maxTokens: 50 };
    const first = operationLimitErrors(schema, { query }, few);
    expect(codes(first)).toEqual([[ErrorCode.QueryTooComplex, 'maxTokens']]);
    expect(operationLimitErrors(schema, { query }, few)).toBe(first);
  });

  it('holds a bounded number of documents, least recently used out first', () => {
    const verdicts = new DocumentVerdicts(schema, (query) => parse(query), limitValidationRules(limits));
    const kept = verdicts.verdictOn('{ items { id } }');
    const oldest = verdicts.verdictOn('{ item(id: "0") { id } }');
    for (let i = 1; i < 1_100; i++) {
      verdicts.verdictOn(`{ item(id: "${i}") { id } }`);
      // Used all along, so never the least recently used.
      expect(verdicts.verdictOn('{ items { id } }')).toBe(kept);
    }
    expect(verdicts.size).toBe(1_024);
    // Forgotten, so judged anew: an equal verdict in a new object.
    const again = verdicts.verdictOn('{ item(id: "0") { id } }');
    expect(again).not.toBe(oldest);
    expect(again.kind).toBe('parsed');
  });
});
