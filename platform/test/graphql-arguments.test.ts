/**
 * The arguments graphql-js hands resolvers, with our patch (patches/graphql+16.15.0.patch, see
 * docs/development.md): a field that declares none gets an empty object at once; the others are
 * coerced as before, defaults and variables included.
 */
import { buildSchema, graphql } from 'graphql';
import { describe, expect, it } from 'vitest';

const schema = buildSchema(/* GraphQL */ `
  type Query {
    plain: String
    things(first: Int = 10, role: String, tags: [String!]): String
  }
`);

/** Runs `source` and returns the arguments each root field's resolver was given, by field name. */
async function argumentsGiven(source: string, variableValues?: Record<string, unknown>) {
  const given: Record<string, unknown> = {};
  const resolve = (name: string) => (args: unknown) => {
    given[name] = args;
    return 'ok';
  };
  const result = await graphql({
    schema,
    source,
    variableValues,
    rootValue: { plain: resolve('plain'), things: resolve('things') },
  });
  expect(result.errors).toBeUndefined();
  return given;
}

describe('field arguments', () => {
  it('gives a field that declares none a fresh empty object without a prototype', async () => {
    const given = await argumentsGiven('{ a: plain b: plain }');
    // Both aliases resolved with their own object (the resolver keeps the last one it saw).
    expect(Object.getPrototypeOf(given['plain'])).toBeNull();
    expect(Object.keys(given['plain'] as object)).toEqual([]);
    const twice = await argumentsGiven('{ plain }');
    expect(twice['plain']).not.toBe(given['plain']);
  });

  it('still coerces declared arguments: defaults, literals, variables and lists', async () => {
    expect((await argumentsGiven('{ things }'))['things']).toEqual({ first: 10 });
    expect((await argumentsGiven('{ things(first: 3, role: "x", tags: "one") }'))['things']).toEqual({
      first: 3,
      role: 'x',
      tags: ['one'],
    });
    const withVariables = await argumentsGiven(
      'query ($f: Int, $t: [String!]) { things(first: $f, tags: $t) }',
      {
        f: 7,
        t: ['a', 'b'],
      },
    );
    expect(withVariables['things']).toEqual({ first: 7, tags: ['a', 'b'] });
  });
});
