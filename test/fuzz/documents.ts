import type { Random } from './random.ts';

/**
 * GraphQL text the fuzzer builds on: valid operations against the published API (so a mutation of
 * one is hostile in exactly one way), and generators of hostile documents. Nothing here contains
 * the words the leak check looks for, so an echo of the request can never pass for a leak.
 */

/** Valid read-only operations anyone may run; control cases expect them to answer without errors. */
export const VALID_QUERIES: readonly string[] = [
  '{ countries { code name aseanMember } }',
  '{ country(code: "SG") { name organizations { name kind } } }',
  '{ organizations(first: 5) { totalCount edges { node { id name kind country { code } } } pageInfo { hasNextPage endCursor } } }',
  '{ contacts(first: 3) { totalCount edges { node { name email organization { acronym } } } } }',
  '{ activities(first: 3) { totalCount } }',
  '{ topics { slug name } }',
  '{ dataFlowPilots(first: 3) { totalCount edges { node { id name status } } } }',
  '{ incidents(first: 3) { totalCount edges { node { id title tlp severity } } } }',
  '{ advisories(first: 3) { totalCount } }',
  '{ __typename }',
];

/** Fields of Query that take a string argument and reach a database, with the argument's type. */
export const STRING_ARGUMENT_FIELDS: readonly {
  type: 'ID!' | 'String!';
  query: (value: string) => string;
}[] = [
  { type: 'ID!', query: (v) => `{ country(code: ${v}) { name } }` },
  { type: 'ID!', query: (v) => `{ organization(id: ${v}) { name } }` },
  { type: 'ID!', query: (v) => `{ incident(id: ${v}) { id title } }` },
  { type: 'ID!', query: (v) => `{ dataFlowPilot(id: ${v}) { name } }` },
  { type: 'ID!', query: (v) => `{ position(id: ${v}) { id } }` },
  { type: 'String!', query: (v) => `{ indicators(value: ${v}) { value } }` },
  { type: 'String!', query: (v) => `{ topic(slug: ${v}) { name } }` },
  { type: 'String!', query: (v) => `{ organizations(filter: { text: ${v} }, first: 3) { totalCount } }` },
  { type: 'String!', query: (v) => `{ contacts(filter: { text: ${v} }, first: 3) { totalCount } }` },
  { type: 'String!', query: (v) => `{ incidents(filter: { text: ${v} }, first: 3) { totalCount } }` },
  { type: 'String!', query: (v) => `{ organizations(first: 3, after: ${v}) { totalCount } }` },
  { type: 'String!', query: (v) => `{ incidents(first: 3, after: ${v}) { totalCount } }` },
  { type: 'String!', query: (v) => `{ positionAlignment(topic: ${v}) { supportShare } }` },
  { type: 'String!', query: (v) => `{ crosswalk(from: ${v}, to: ${v}) { relation } }` },
];

/** `field` with its argument as a variable `$v`, declared with the argument's type. */
export const withVariable = (field: (typeof STRING_ARGUMENT_FIELDS)[number]): string =>
  field.query('$v').replace(/^\{/, `query ($v: ${field.type}) {`);

/** Valid mutations: sent only without a token or with one the gateway refuses. */
export const VALID_MUTATIONS: readonly { query: string; variables?: Record<string, unknown> }[] = [
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
];

/**
 * Mutations whose input is wrong in a way GraphQL itself refuses before any resolver runs (an
 * object where a String is expected, an unknown enum value, a missing required field, a literal of
 * the wrong kind), so they are safe to send with valid, privileged tokens.
 */
export function wrongTypeMutation(rng: Random): { query: string; variables?: Record<string, unknown> } {
  const input = {
    title: 'Fuzzed incident',
    summary: 'Should never be stored.',
    category: 'PHISHING',
    severity: 'HIGH',
    tlp: 'GREEN',
    affectedCountryCodes: ['MY'],
  };
  const field = rng.pick([
    'title',
    'summary',
    'category',
    'severity',
    'tlp',
    'affectedCountryCodes',
  ] as const);
  const wrong = rng.pick<unknown>([
    { nested: rng.int(0, 9) },
    [{ nested: true }],
    ...(field === 'category' || field === 'severity' || field === 'tlp'
      ? ['NOT_A_VALUE', 7, true, 'high']
      : field === 'affectedCountryCodes'
        ? [[{ code: 'MY' }], [null], { 0: 'MY' }]
        : [true, 3.5, ['a', 'b']]),
  ]);
  return rng.weighted<() => { query: string; variables?: Record<string, unknown> }>([
    [
      3,
      () => ({
        query: 'mutation ($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }',
        variables: { input: { ...input, [field]: wrong } },
      }),
    ],
    [
      1,
      () => {
        const { [field]: _omitted, ...missing } = input;
        return {
          query: 'mutation ($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }',
          variables: { input: missing },
        };
      },
    ],
    [
      1,
      () => ({
        query: 'mutation ($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }',
        variables: { input: JSON.stringify(input) },
      }),
    ],
    [
      2,
      () => ({
        query: rng.pick([
          'mutation { createOrganization(input: { countryCode: "MY", name: 42, kind: CERT }) { id } }',
          'mutation { createOrganization(input: { countryCode: "MY", name: "x", kind: "CERT" }) { id } }',
          'mutation { createOrganization(input: { countryCode: "MY", name: "x", kind: NOT_A_KIND }) { id } }',
          'mutation { createOrganization(input: { countryCode: "MY", name: "x" }) { id } }',
          'mutation { createOrganization(input: { countryCode: "MY", name: "x", kind: CERT, extra: 1 }) { id } }',
          'mutation { createOrganization(input: "everything") { id } }',
          'mutation { removeContact(id: { id: 1 }) { id } }',
          'mutation { removeContact { id } }',
          'mutation { shareIncident(id: "1", organizationIds: [{ id: "sg-csa" }]) { id } }',
          'mutation { changeIncidentStatus(input: { incidentId: "1", status: EXPLODED }) { id } }',
          'mutation { addIncidentIndicators(incidentId: "1", indicators: [{ kind: 5 }]) { id } }',
          'mutation ($id: ID!) { removeContact(id: $id) { id } }',
          'mutation ($id: Int!) { removeContact(id: $id) { id } }',
          'mutation { removeContact(id: "1") }',
          'mutation { removeContact(id: "1") { id nope } }',
        ]),
        variables: rng.chance(0.5) ? { id: { id: 1 } } : {},
      }),
    ],
  ])();
}

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

/** Selections nested `depth` deep through real fields, which the depth limit must stop. */
export function deepQuery(rng: Random, depth: number): string {
  if (rng.chance(0.5)) {
    // organizations → country → organizations → ...: every level valid.
    let inner = 'name';
    for (let level = 0; level < depth; level++)
      inner = level % 2 === 0 ? `organizations { ${inner} }` : `country { ${inner} }`;
    return `{ countries { ${inner} } }`;
  }
  const name = rng.pick(['a', 'countries', 'node']);
  return `{ ${`${name} { `.repeat(depth)}x${' }'.repeat(depth)} }`;
}

export function aliasBomb(rng: Random, count: number): string {
  const field = rng.pick([
    'countries { code }',
    '__typename',
    'topics { slug }',
    'incidents(first: 50) { totalCount }',
  ]);
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
}

export function directiveFlood(rng: Random, count: number): string {
  const directive = rng.pick(['@include(if: true)', '@skip(if: false)', '@deprecated', '@fuzz', '@include']);
  return `{ countries ${directive.concat(' ').repeat(count)}{ code } }`;
}

/** Documents naming fields, types, arguments, enum values and directives the schema lacks. */
export function unknownNames(rng: Random): string {
  const name = `zz${rng.string(rng.int(1, 12))}`;
  return rng.pick([
    `{ ${name} }`,
    `{ countries { ${name} } }`,
    `{ countries(${name}: 1) { code } }`,
    `{ ... on ${name} { __typename } }`,
    `query ($v: ${name}) { __typename }`,
    `{ organizations(filter: { kinds: [${name.toUpperCase()}] }) { totalCount } }`,
    `{ countries @${name} { code } }`,
    `{ __type(name: "${name}") { name fields { name } } }`,
    `{ __schema { types { name } } ${name}: __typename }`,
    `subscription { ${name} }`,
    `mutation { ${name}(input: {}) { id } }`,
    `{ countries { code(${name}: true) } }`,
    `fragment F on ${name} { a } { ...F }`,
  ]);
}

/** Fragment cycles, self-spreads, undefined and unused fragments, and exponential spreads. */
export function fragmentTrouble(rng: Random): string {
  const length = rng.int(1, 30);
  const cycle = Array.from(
    { length },
    (_, i) => `fragment F${i} on Query { countries { code } ...F${(i + 1) % length} }`,
  ).join(' ');
  return rng.pick([
    `${cycle} { ...F0 }`,
    'fragment A on Query { ...A } { ...A }',
    '{ ...Missing }',
    'fragment Unused on Query { __typename } { __typename }',
    'fragment A on Country { code } { ...A }',
    'fragment A on Query { __typename } fragment A on Query { __typename } { ...A }',
    // Each fragment spreads the next twice: the document doubles per level if fragments are expanded.
    `${Array.from({ length: 20 }, (_, i) => `fragment L${i} on Query { ...L${i + 1} ...L${i + 1} }`).join(' ')} fragment L20 on Query { countries { code } } { ...L0 }`,
    `{ countries { ...on Country { ...on Country { ...on Country { code } } } } }`,
    `{ countries { ... on Incident { id } } }`,
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
