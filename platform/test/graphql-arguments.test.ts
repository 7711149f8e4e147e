/**
 * What graphql-js hands resolvers and returns, with our patch (patches/graphql+16.15.0.patch, see
 * docs/development.md): a field that declares no arguments gets an empty object at once, the others
 * are coerced as before, defaults and variables included; arguments and results are plain objects,
 * except a result holding a `__proto__` response name, which keeps it as its own key.
 */
import { buildSchema, execute, graphql, parse } from 'graphql';
import { describe, expect, it } from 'vitest';

const schema = buildSchema(/* GraphQL */ `
  type Query {
    plain: String
    things(first: Int = 10, role: String, tags: [String!]): String
    item: Item
    later: Item
  }
  type Item {
    name: String
    size: Int
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

/** `item` resolves at once, `later` through a promise (graphql-js's other way of building results). */
const rootValue = {
  item: () => ({ name: 'now', size: 1 }),
  later: () => Promise.resolve({ name: 'later', size: Promise.resolve(2) }),
};

describe('field arguments', () => {
  it('gives a field that declares none a fresh, empty plain object', async () => {
    const given = await argumentsGiven('{ a: plain b: plain }');
    expect(Object.getPrototypeOf(given['plain'])).toBe(Object.prototype);
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
    expect(Object.getPrototypeOf((await argumentsGiven('{ things }'))['things'])).toBe(Object.prototype);
  });
});

describe('result objects', () => {
  it('are plain objects, filled at once or through promises', async () => {
    const result = await execute({
      schema,
      rootValue,
      document: parse('{ item { name size } later { name size } }'),
    });
    expect(result.errors).toBeUndefined();
    const data = result.data as Record<string, Record<string, unknown>>;
    for (const object of [data, data['item']!, data['later']!]) {
      expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
    }
    expect(JSON.stringify(data)).toBe('{"item":{"name":"now","size":1},"later":{"name":"later","size":2}}');
  });

  it('keep every alias as an own key, `__proto__` too, without touching the prototype', async () => {
    const document = parse(`{
      item { __proto__: name constructor: size toString: name }
      later { __proto__: name hasOwnProperty: size }
    }`);
    const result = await execute({ schema, rootValue, document });
    expect(result.errors).toBeUndefined();
    const data = result.data as Record<string, Record<string, unknown>>;
    // An object with a `__proto__` response name stays prototype-less: it is data, not a prototype.
    expect(Object.getPrototypeOf(data['item'])).toBeNull();
    expect(Object.getPrototypeOf(data['later'])).toBeNull();
    expect(Object.keys(data['item']!)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(JSON.stringify(data)).toBe(
      '{"item":{"__proto__":"now","constructor":1,"toString":"now"},"later":{"__proto__":"later","hasOwnProperty":2}}',
    );
    // Nothing leaked into the prototype every plain object shares.
    expect(({} as Record<string, unknown>)['name']).toBeUndefined();
    // `constructor` and `toString` alone: a plain object, each alias its own property.
    const plain = await execute({
      schema,
      rootValue,
      document: parse('{ item { constructor: size toString: name } }'),
    });
    const item = (plain.data as Record<string, Record<string, unknown>>)['item']!;
    expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
    expect(Object.hasOwn(item, 'constructor') && Object.hasOwn(item, 'toString')).toBe(true);
    expect(JSON.stringify(item)).toBe('{"constructor":1,"toString":"now"}');
  });
});
