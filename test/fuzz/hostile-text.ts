import type { Random } from './random.ts';
import type { Vocabulary } from './vocabulary.ts';

/**
 * Text that is hard on a GraphQL server whatever its schema: token soup, deep and wide documents,
 * directive floods, names the schema lacks, fragment and operation trouble, and strings that are
 * hard on parsers, drivers and databases. Like documents.ts, nothing here contains the words the
 * leak check looks for.
 */

const NAMES = [
  'a',
  'b',
  'node',
  'edges',
  'countries',
  'code',
  'name',
  'id',
  'x',
  '__typename',
  'Query',
  'on',
];
const PUNCTUATORS = ['{', '}', '(', ')', '[', ']', ':', '!', '$', '@', '...', '=', '|', '&', ',', '"', '#'];
const KEYWORDS = [
  'query',
  'mutation',
  'subscription',
  'fragment',
  'on',
  'true',
  'false',
  'null',
  'schema',
  'type',
];

/** A random sequence of GraphQL tokens and stray characters. */
export function tokenSoup(rng: Random, count: number): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    parts.push(
      rng.weighted<() => string>([
        [4, () => rng.pick(PUNCTUATORS)],
        [4, () => rng.pick(NAMES)],
        [2, () => rng.pick(KEYWORDS)],
        [1, () => String(rng.int(-1e6, 1e6))],
        [1, () => `${rng.int(0, 99)}.${rng.int(0, 99)}e${rng.int(-400, 400)}`],
        [1, () => `"${rng.string(rng.int(0, 8))}"`],
        [1, () => '"""block\n"""'],
        [1, () => rng.string(1, "\u0000\u0001\u200b\ufeff\\'`~%^*;<>?\t\r\n")],
      ])(),
    );
  }
  return parts.join(rng.chance(0.5) ? ' ' : '');
}

/** Selections nested `depth` deep: along a real cycle of the target's schema, or through made-up names. */
export function deepQuery(rng: Random, vocabulary: Vocabulary, depth: number): string {
  if (rng.chance(0.6)) return vocabulary.deepQuery(depth, rng.chance(0.3) ? rng.int(1, 500) : undefined);
  const name = rng.pick(['a', vocabulary.listField.name, 'node']);
  return `{ ${`${name} { `.repeat(depth)}x${' }'.repeat(depth)} }`;
}

/** `count` aliases of one root field of the target. */
export function aliasBomb(rng: Random, vocabulary: Vocabulary, count: number): string {
  const field = rng.pick(vocabulary.aliasFields);
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
}

/** `count` copies of one directive (real, unknown or misused) on a root field of the target. */
export function directiveFlood(rng: Random, vocabulary: Vocabulary, count: number): string {
  const directive = rng.pick(['@include(if: true)', '@skip(if: false)', '@deprecated', '@fuzz', '@include']);
  return `{ ${vocabulary.listField.name} ${directive.concat(' ').repeat(count)}{ __typename } }`;
}

/** Documents naming fields, types, arguments, enum values and directives the schema lacks. */
export function unknownNames(rng: Random, vocabulary: Vocabulary): string {
  const name = `zz${rng.string(rng.int(1, 12))}`;
  const list = vocabulary.listField.name;
  return rng.pick([
    `{ ${name} }`,
    `{ ${list} { ${name} } }`,
    `{ ${list}(${name}: 1) { __typename } }`,
    `{ ... on ${name} { __typename } }`,
    `query ($v: ${name}) { __typename }`,
    vocabulary.enumSlots.length
      ? rng.pick(vocabulary.enumSlots)(name.toUpperCase())
      : `{ ${list}(kind: ${name.toUpperCase()}) { __typename } }`,
    `{ ${list} @${name} { __typename } }`,
    `{ __type(name: "${name}") { name fields { name } } }`,
    `{ __schema { types { name } } ${name}: __typename }`,
    `subscription { ${name} }`,
    `mutation { ${name}(input: {}) { id } }`,
    `{ ${list} { __typename(${name}: true) } }`,
    `fragment F on ${name} { a } { ...F }`,
    // One letter off a real field: servers that suggest names would answer "Did you mean".
    `{ ${list.slice(0, -1)} { __typename } }`,
  ]);
}

/** Fragment cycles, self-spreads, undefined and unused fragments, and exponential spreads. */
export function fragmentTrouble(rng: Random, vocabulary: Vocabulary): string {
  const { name: list, type } = vocabulary.listField;
  const length = rng.int(1, 30);
  const cycle = Array.from(
    { length },
    (_, i) => `fragment F${i} on Query { ${list} { __typename } ...F${(i + 1) % length} }`,
  ).join(' ');
  return rng.pick([
    `${cycle} { ...F0 }`,
    'fragment A on Query { ...A } { ...A }',
    '{ ...Missing }',
    'fragment Unused on Query { __typename } { __typename }',
    `fragment A on ${type} { __typename } { ...A }`,
    'fragment A on Query { __typename } fragment A on Query { __typename } { ...A }',
    // Each fragment spreads the next twice: the document doubles per level if fragments are expanded.
    `${Array.from({ length: 20 }, (_, i) => `fragment L${i} on Query { ...L${i + 1} ...L${i + 1} }`).join(' ')} fragment L20 on Query { ${list} { __typename } } { ...L0 }`,
    `{ ${list} { ...on ${type} { ...on ${type} { ...on ${type} { __typename } } } } }`,
    `{ ${list} { ... on ${vocabulary.unrelatedType} { __typename } } }`,
  ]);
}

/** Several operations in one document, named twice, anonymous twice, or mixed. */
export function operationTrouble(rng: Random): { query: string; operationName?: unknown } {
  return rng.pick<{ query: string; operationName?: unknown }>([
    { query: 'query A { __typename } query A { __typename }', operationName: 'A' },
    { query: 'query A { __typename } query B { __typename }' },
    { query: '{ __typename } { __typename }' },
    { query: 'query A { __typename } { __typename }' },
    { query: 'query A { __typename } query B { __typename }', operationName: 'C' },
    { query: 'query A { __typename }', operationName: 42 },
    { query: 'query A { __typename }', operationName: ['A'] },
    { query: 'query A { __typename }', operationName: '' },
    { query: 'query A { __typename } mutation A { __typename }', operationName: 'A' },
    { query: 'subscription { majorIncidentUpdates { cursor } }' },
    {
      query: 'subscription S { majorIncidentUpdates { cursor } } query Q { __typename }',
      operationName: 'S',
    },
    { query: 'subscription { a: majorIncidentUpdates { cursor } b: majorIncidentUpdates { cursor } }' },
    { query: '' },
    { query: '   ' },
    { query: '# only a comment' },
    { query: 'query' },
  ]);
}

/** String literals that are hard on parsers, drivers and databases. */
export function nastyString(rng: Random): string {
  return rng.pick([
    '\u0000',
    `a\u0000b`,
    '\ud800',
    '\udfff\ud800',
    "' OR 1=1 --",
    '%',
    '_',
    '\\',
    '%_\\%',
    '${jndi:ldap://x}',
    '{{7*7}}',
    '../../../../etc/passwd',
    '\u202e\u200b\ufeff',
    '😀'.repeat(rng.int(1, 50)),
    'a'.repeat(rng.int(100, 5000)),
    String(rng.int(-1e9, 1e9)),
    '',
    ' ',
    '\n\r\t',
    rng.string(rng.int(1, 64), 'abc\u00e9\u4e2d\u0000\u0007\u001b[]{}"\\/'),
  ]);
}
