import { readFile } from 'node:fs/promises';
import { apiSchemaFile, readManifest, schemaPathOf, subgraphs } from '@cadg/gateway';
import { Role } from '@cadg/platform';
import {
  buildASTSchema,
  getNamedType,
  isObjectType,
  isRequiredArgument,
  Kind,
  parse,
  type GraphQLField,
  type GraphQLFormattedError,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { codesOf, startGraph, type Graph, type GraphQLResponse } from './harness.ts';

/**
 * Every list of the graph gets forged cursors, on the gateway and on each subgraph's own port. The
 * lists are not named here: they are found by walking the schemas for fields that take `after`
 * (connections on Query and nested on types, and subscriptions), each reached through a path of
 * the schema that the seed fills with data. A list added without cursor validation fails here.
 * Real cursors, read from the lists themselves, are the templates the forgeries are cut from.
 */

type Field = GraphQLField<unknown, unknown>;

/** A field that takes a keyset cursor as `after`. */
interface ListField {
  /** `Parent.field`, for messages. */
  name: string;
  operation: 'query' | 'subscription';
  parent: GraphQLObjectType;
  field: Field;
  /** The type of what it lists: lists of the same items may share cursors, lists of others may not. */
  items: string;
  /** Whether it answers `edges { cursor }`, which is where real cursors come from. */
  edges: boolean;
}

/** A list field and the fields that lead from Query down to its parent (none for a root field). */
interface Reached {
  list: ListField;
  path: readonly Field[];
}

/**
 * Pages of the fields on the way down: one item when forging, so a forged cursor is one query of
 * the list; more when reading real cursors, so some item's list has some.
 */
const PATH_PAGE = 1;
const READ_PAGE = 10;
/** How deep, and through how many different paths, a list's parent is looked for. */
const MAX_PATH_DEPTH = 6;
const PATHS_PER_TYPE = 4;

const hasArgument = (field: Field, name: string) => field.args.some((argument) => argument.name === name);

/** The schema a port serves, read from the SDL it is built from. */
async function schemaOf(file: string): Promise<GraphQLSchema> {
  // A subgraph's SDL uses federation's directives without defining them; the subgraph library does.
  return buildASTSchema(parse(await readFile(file, 'utf8')), { assumeValidSDL: true });
}

/** Every field of the schema that takes `after`. */
function listFieldsOf(schema: GraphQLSchema): ListField[] {
  const subscription = schema.getSubscriptionType();
  return Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .filter((type) => !type.name.startsWith('__'))
    .flatMap((parent) =>
      Object.values(parent.getFields())
        .filter((field) => hasArgument(field, 'after'))
        .map((field): ListField => {
          const returned = getNamedType(field.type);
          const edge = isObjectType(returned) ? returned.getFields()['edges'] : undefined;
          const edgeType = edge ? getNamedType(edge.type) : undefined;
          const node = isObjectType(edgeType) ? edgeType.getFields()['node'] : undefined;
          return {
            name: `${parent.name}.${field.name}`,
            operation: parent === subscription ? 'subscription' : 'query',
            parent,
            field,
            items: node ? getNamedType(node.type).name : returned.name,
            edges: Boolean(node && isObjectType(edgeType) && edgeType.getFields()['cursor']),
          };
        }),
    );
}

/**
 * Paths from Query to `target` through fields that need no arguments, shortest first, without
 * passing a type twice; each type is gone through on at most PATHS_PER_TYPE paths.
 */
function pathsTo(schema: GraphQLSchema, target: GraphQLObjectType): Field[][] {
  const query = schema.getQueryType()!;
  if (target === query || target === schema.getSubscriptionType()) return [[]];
  const found: Field[][] = [];
  const expanded = new Map<string, number>();
  let frontier: { type: GraphQLObjectType; path: Field[] }[] = [{ type: query, path: [] }];
  for (let depth = 0; depth < MAX_PATH_DEPTH && frontier.length > 0; depth++) {
    const next: typeof frontier = [];
    for (const { type, path } of frontier) {
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type);
        if (field.name.startsWith('_') || field.args.some(isRequiredArgument) || !isObjectType(named))
          continue;
        if (named === query || path.some((step) => getNamedType(step.type) === named)) continue;
        const extended = [...path, field];
        if (named === target) {
          found.push(extended);
          continue;
        }
        const times = expanded.get(named.name) ?? 0;
        if (times >= PATHS_PER_TYPE) continue;
        expanded.set(named.name, times + 1);
        next.push({ type: named, path: extended });
      }
    }
    frontier = next;
  }
  return found;
}

/** The operation reaching the list as `target`, with `selection` under it and `$after` if asked. */
function operationText(
  { list, path }: Reached,
  selection: string,
  options: { after: boolean; first: number; pathPage?: number },
): string {
  const args = [
    hasArgument(list.field, 'first') ? `first: ${options.first}` : '',
    options.after ? 'after: $after' : '',
  ].filter(Boolean);
  const target = `target: ${list.field.name}${args.length > 0 ? `(${args.join(', ')})` : ''} ${selection}`;
  const body = path.reduceRight(
    (inner, field) =>
      `${field.name}${hasArgument(field, 'first') ? `(first: ${options.pathPage ?? PATH_PAGE})` : ''} { ${inner} }`,
    target,
  );
  return `${list.operation}${options.after ? ' ($after: String)' : ''} { ${body} }`;
}

/** Every value under a `target` key anywhere in `data`. */
function targetsIn(data: unknown): unknown[] {
  if (Array.isArray(data)) return data.flatMap(targetsIn);
  if (typeof data !== 'object' || data === null) return [];
  return Object.entries(data).flatMap(([key, value]) => (key === 'target' ? [value] : targetsIn(value)));
}

/**
 * Why an answer to a forged cursor is wrong, or null when it is a BAD_USER_INPUT refusal naming
 * `after` (or the refusal of a request holding a NUL character, which names nothing) and
 * `listed` finds no data for the list in it.
 */
function fault(
  answer: GraphQLResponse<unknown>,
  cursor: string,
  listed: (data: unknown) => unknown[] = targetsIn,
): string | null {
  const codes = codesOf(answer);
  if (codes.length === 0) return 'answered without an error';
  if (codes.some((code) => code !== 'BAD_USER_INPUT')) return `answered ${JSON.stringify(codes)}`;
  const fields = (answer.errors ?? []).map((error) => error.extensions?.['field']);
  if (!cursor.includes('\u0000') && fields.some((field) => field !== 'after'))
    return `refused ${JSON.stringify(fields)}, not after`;
  if (listed(answer.data).some((value) => value !== null)) return 'answered data for the list';
  return null;
}

/** The values of an operation's root fields: what a trusted document lists. */
const rootValues = (data: unknown): unknown[] =>
  typeof data === 'object' && data !== null ? Object.values(data) : [];

/** JSON text with a value JSON.stringify cannot write (e.g. `1e999`, which parses to Infinity). */
class RawJson {
  constructor(readonly text: string) {}
}
const jsonText = (value: unknown): string =>
  value instanceof RawJson
    ? value.text
    : Array.isArray(value)
      ? `[${value.map(jsonText).join(',')}]`
      : JSON.stringify(value);
const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const encode = (parts: unknown): string => base64url(jsonText(parts));
const decode = (cursor: string): unknown[] => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LONG = 'x'.repeat(10_000);

/** What every real value of a cursor part looks like, when they all look alike. */
type Format = 'timestamp' | 'date' | 'uuid' | null;
function formatOf(values: readonly unknown[]): Format {
  const all = (pattern: RegExp) =>
    values.length > 0 && values.every((v) => typeof v === 'string' && pattern.test(v));
  if (all(TIMESTAMP)) return 'timestamp';
  if (all(DATE)) return 'date';
  // A text id may hold a UUID too: only a part that is a UUID in every real cursor counts as one.
  if (all(UUID)) return 'uuid';
  return null;
}

/**
 * Values of the wrong type, range or format for a cursor part whose real value is `real`, and
 * whose real values all look like `format`.
 */
function wrongParts(real: unknown, format: Format): unknown[] {
  const shapes = [null, true, false, [], [real], {}, { value: real }, [[[real]]]];
  if (typeof real === 'number') {
    return [
      ...shapes,
      String(real),
      'NaN',
      'Infinity',
      -1,
      real + 0.5,
      2 ** 53,
      1e308,
      new RawJson('1e999'),
      new RawJson('-1e999'),
    ];
  }
  const text = String(real);
  const byFormat =
    format === 'timestamp'
      ? [
          '2026-02-30T00:00:00.000Z',
          '2026-13-01T00:00:00.000Z',
          '2026-11-27T25:00:00.000Z',
          '0000-01-01T00:00:00.000Z',
          '+275760-09-13T00:00:00.000Z',
          '2026-11-27',
          text.replace(/Z$/, ''),
          'yesterday',
          'NaN',
        ]
      : format === 'date'
        ? ['2026-02-30', '2026-13-01', '0000-01-01', '2026-1-1', '2026-11-27T00:00:00.000Z', 'Infinity']
        : format === 'uuid'
          ? [
              'not-a-uuid',
              text.slice(0, -1),
              `${text}0`,
              text.replaceAll('-', ''),
              `{${text}}`,
              "' OR 1=1 --",
            ]
          : [];
  return [
    ...shapes,
    0,
    -1,
    1.5,
    1e308,
    new RawJson('1e999'),
    `${text}\u0000`,
    '\u0000',
    '\ud800',
    'y'.repeat(2_000),
    LONG,
    ...byFormat,
  ];
}

/** A forged cursor and what it is, for messages. */
interface Forgery {
  what: string;
  cursor: string;
}

/** Forgeries that need no real cursor: not base64, not JSON, not an array, nonsense arrays. */
const GENERIC_FORGERIES: readonly Forgery[] = [
  { what: 'empty', cursor: '' },
  { what: 'not base64', cursor: 'not a cursor!' },
  { what: 'percent signs', cursor: '%%%' },
  { what: 'a NUL character', cursor: 'a\u0000b' },
  { what: '10 kB of text', cursor: LONG },
  { what: 'base64 of text', cursor: base64url('not json') },
  { what: 'base64 of an object', cursor: base64url('{"id":1}') },
  { what: 'base64 of a string', cursor: base64url('"cursor"') },
  { what: 'base64 of a number', cursor: base64url('42') },
  { what: 'base64 of null', cursor: base64url('null') },
  { what: 'an empty array', cursor: encode([]) },
  { what: 'a nested array', cursor: encode([[[]]]) },
  { what: 'deeply nested arrays', cursor: base64url(`${'['.repeat(2_000)}${']'.repeat(2_000)}`) },
  { what: 'an array of nulls', cursor: encode([null, null, null]) },
  { what: 'an array of 10,000 numbers', cursor: encode(Array.from({ length: 10_000 }, () => 1)) },
  // Short arrays of wrong parts: of the right arity for some list, whatever its shape.
  ...[1, 2, 3].flatMap((arity) =>
    [null, true, {}, [], 'NaN', -1, 1.5, 2 ** 53, new RawJson('1e999'), '\u0000'].map((wrong) => ({
      what: `${arity} × ${jsonText(wrong)}`,
      cursor: encode(Array.from({ length: arity }, () => wrong)),
    })),
  ),
];

/**
 * Forgeries cut from real cursors: truncated, of the wrong arity, each part replaced by a value of
 * the wrong type, range or format; and real cursors of lists of other items. `samples` are all the
 * real cursors of lists of the same items, which tell each part's format.
 */
function forgeriesOf(
  templates: readonly string[],
  samples: readonly string[],
  foreign: readonly string[],
): Forgery[] {
  const forged: Forgery[] = [...GENERIC_FORGERIES];
  for (const template of templates) {
    const parts = decode(template);
    const alike = samples.map(decode).filter((sample) => sample.length === parts.length);
    const formats = parts.map((_, i) => formatOf(alike.map((sample) => sample[i])));
    forged.push(
      { what: `${template} without its last character`, cursor: template.slice(0, -1) },
      { what: `${template} without its last 4 characters`, cursor: template.slice(0, -4) },
      { what: `the first half of ${template}`, cursor: template.slice(0, Math.floor(template.length / 2)) },
      { what: `${template} with a character changed`, cursor: `${template.slice(0, -1)}!` },
      { what: `${JSON.stringify(parts)} with a part more`, cursor: encode([...parts, parts.at(-1)]) },
      { what: `${JSON.stringify(parts)} with a part less`, cursor: encode(parts.slice(0, -1)) },
      { what: `${JSON.stringify(parts)} without its first part`, cursor: encode(parts.slice(1)) },
      { what: `${JSON.stringify(parts)} inside an array`, cursor: encode([parts]) },
    );
    parts.forEach((real, i) => {
      for (const wrong of wrongParts(real, formats[i]!)) {
        const changed = parts.map((part, j) => (j === i ? wrong : part));
        forged.push({
          what: `${jsonText(changed).slice(0, 120)} (part ${i} forged)`,
          cursor: encode(changed),
        });
      }
    });
  }
  for (const cursor of foreign)
    forged.push({ what: `${JSON.stringify(decode(cursor))} of another list`, cursor });
  const seen = new Set<string>();
  return forged.filter(({ cursor }) => !templates.includes(cursor) && !seen.has(cursor) && seen.add(cursor));
}

/** Runs `task` over `items`, `width` at a time, in order of start. */
async function inPool<T>(
  items: readonly T[],
  width: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

/** One subscription's first answer over an open graphql-ws client: its errors and data. */
function firstAnswer(
  client: Client,
  payload: { query: string; variables: Record<string, unknown>; extensions?: Record<string, unknown> },
  timeoutMs = 10_000,
): Promise<GraphQLResponse<unknown>> {
  return new Promise((resolve) => {
    const errors: GraphQLFormattedError[] = [];
    let data: unknown = null;
    // Only a guard against a subscription that was accepted and waits for events: that is the failure.
    const timer = setTimeout(() => finish(), timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      stop();
      resolve({ errors, data });
    };
    const stop = client.subscribe(payload, {
      next: (result) => {
        errors.push(...(result.errors ?? []));
        data = result.data ?? null;
        finish();
      },
      error: (error) => {
        if (Array.isArray(error)) errors.push(...(error as GraphQLFormattedError[]));
        else errors.push({ message: `connection failed: ${String(error)}` });
        finish();
      },
      complete: finish,
    });
  });
}

const wsClient = (url: string, token: string): Client =>
  createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: { authorization: `Bearer ${token}` },
  });

/** The real cursors of every list, by the type of what it lists, gathered while walking. */
type CursorsByItems = Map<string, string[]>;

/**
 * Finds every list of `schema` on the port at `url`: each reached through the first path that
 * answers it without errors, with its real cursors added to `cursors`.
 */
async function walk(
  graph: Graph,
  schema: GraphQLSchema,
  url: string,
  token: string,
  cursors: CursorsByItems,
): Promise<{ reached: Reached[]; unreached: string[]; own: Map<string, string[]> }> {
  const reached: Reached[] = [];
  const unreached: string[] = [];
  const own = new Map<string, string[]>();
  for (const list of listFieldsOf(schema)) {
    const path =
      list.operation === 'subscription'
        ? []
        : await firstAnswering(
            graph,
            url,
            token,
            pathsTo(schema, list.parent).map((path) => ({ list, path })),
          );
    if (!path) {
      unreached.push(list.name);
      continue;
    }
    const found = { list, path };
    reached.push(found);
    if (!list.edges) continue;
    const page = await graph.query(
      operationText(found, '{ edges { cursor } }', { after: false, first: READ_PAGE, pathPage: READ_PAGE }),
      {},
      token,
      url,
    );
    const real = targetsIn(page.data).flatMap((value) =>
      ((value as { edges?: { cursor: string }[] } | null)?.edges ?? []).map((edge) => edge.cursor),
    );
    own.set(list.name, real);
    cursors.set(list.items, [...new Set([...(cursors.get(list.items) ?? []), ...real])]);
  }
  return { reached, unreached, own };
}

/** The path of the first candidate whose list answers without errors, or null. */
async function firstAnswering(
  graph: Graph,
  url: string,
  token: string,
  candidates: readonly Reached[],
): Promise<readonly Field[] | null> {
  for (const candidate of candidates) {
    const answer = await graph.query(
      operationText(candidate, '{ __typename }', { after: false, first: 1 }),
      {},
      token,
      url,
    );
    if (!answer.errors && targetsIn(answer.data).some((value) => value !== null)) return candidate.path;
  }
  return null;
}

/** Sends every forgery to every list found; returns what was answered wrongly. */
async function attack(
  graph: Graph,
  url: string,
  token: string,
  reached: readonly Reached[],
  own: ReadonlyMap<string, string[]>,
  cursors: CursorsByItems,
): Promise<{ faults: string[]; sent: number }> {
  const faults: string[] = [];
  let sent = 0;
  const ws = wsClient(url, token);
  try {
    for (const found of reached) {
      const { list } = found;
      // The template: one of the list's own cursors, else one of a list of the same items.
      const templates = (
        own.get(list.name)?.length ? own.get(list.name)! : (cursors.get(list.items) ?? [])
      ).slice(0, 1);
      if (templates.length === 0) {
        faults.push(`${list.name}: no real cursor to forge from (the seed has no ${list.items})`);
        continue;
      }
      const foreign = [...cursors]
        .filter(([items]) => items !== list.items)
        .flatMap(([, real]) => real.slice(0, 1));
      const forgeries = forgeriesOf(templates, cursors.get(list.items) ?? templates, foreign);
      const text = operationText(found, '{ __typename }', { after: true, first: 1 });
      await inPool(forgeries, list.operation === 'subscription' ? 1 : 4, async ({ what, cursor }) => {
        const answer =
          list.operation === 'subscription'
            ? await firstAnswer(ws, { query: text, variables: { after: cursor } })
            : await graph.query(text, { after: cursor }, token, url);
        sent++;
        const wrong = fault(answer, cursor);
        if (wrong) faults.push(`${list.name}(after: ${what}): ${wrong}`);
      });
    }
  } finally {
    await ws.dispose();
  }
  return { faults, sent };
}

describe('forged cursors on every list', () => {
  let graph: Graph;
  let token: string;
  // Real cursors of every list, read through the gateway: templates and foreign cursors for all ports.
  const cursors: CursorsByItems = new Map();
  let gateway: Awaited<ReturnType<typeof walk>>;

  beforeAll(async () => {
    graph = await startGraph({ protection: { rateLimit: null } });
    token = await graph.token('asean-secretariat', [Role.Secretariat]);
    // Each subgraph's audit trail gets an entry, so audit logs have real cursors to forge from.
    const reporter = await graph.token('my-mycert', [Role.Member]);
    const admin = await graph.token('my-mycert', [Role.OrgAdmin]);
    const changes: [string, Record<string, unknown>, string][] = [
      // An alert rule that the report below matches, so AlertRule.deliveries has a delivery (its
      // target refuses connections: the delivery stays pending, which is all the walk needs).
      [
        'mutation ($i: CreateAlertRuleInput!) { createAlertRule(input: $i) { rule { id } } }',
        {
          i: {
            name: 'Forged-cursor test rule',
            channel: 'WEBHOOK',
            target: 'http://127.0.0.1:9/hook',
            minSeverity: 'LOW',
          },
        },
        admin,
      ],
      [
        'mutation ($i: ReportIncidentInput!) { reportIncident(input: $i) { id } }',
        {
          i: {
            title: 'Forged-cursor test incident',
            summary: 'Test data.',
            category: 'OTHER',
            severity: 'LOW',
            tlp: 'GREEN',
            affectedCountryCodes: ['MY'],
          },
        },
        reporter,
      ],
      [
        'mutation ($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }',
        { i: { countryCode: 'TH', name: 'Forged-cursor test organization', kind: 'CERT' } },
        token,
      ],
      [
        'mutation ($i: ProposeDataFlowPilotInput!) { proposeDataFlowPilot(input: $i) { id } }',
        {
          i: {
            name: 'Forged-cursor test pilot',
            description: 'Test data.',
            countryCodes: ['TH', 'CN'],
            organizationIds: ['th-pdpc', 'cn-cac'],
            mechanisms: ['CN_STANDARD_CONTRACT'],
          },
        },
        token,
      ],
      [
        'mutation ($i: RecordPolicyPositionInput!) { recordPolicyPosition(input: $i) { id } }',
        {
          i: {
            countryCode: 'TH',
            topic: 'capacity-building',
            stance: 'SUPPORTS',
            summary: 'Forged-cursor test statement (fictional).',
            statedOn: '2026-01-15',
            sourceTitle: 'Test source',
            sourceUrl: 'https://example.org/e2e',
          },
        },
        token,
      ],
    ];
    for (const [mutation, variables, by] of changes) {
      expect((await graph.query(mutation, variables, by)).errors, mutation).toBeUndefined();
    }
    gateway = await walk(graph, await schemaOf(apiSchemaFile), graph.gatewayUrl, token, cursors);
  }, 120_000);
  afterAll(() => graph?.close());

  it('refuses every forged, truncated, mistyped or foreign cursor on every list of the gateway with BAD_USER_INPUT', async () => {
    const { reached, unreached, own } = gateway;
    expect(unreached, 'lists no path of the schema reaches with data').toEqual([]);
    // The graph has 20 lists today: an empty or broken walk must not pass.
    expect(reached.length).toBeGreaterThanOrEqual(20);
    expect(reached.filter(({ path }) => path.length > 0).length).toBeGreaterThanOrEqual(4);
    expect(reached.filter(({ list }) => list.operation === 'subscription').length).toBeGreaterThanOrEqual(1);
    const { faults, sent } = await attack(graph, graph.gatewayUrl, token, reached, own, cursors);
    expect(faults.slice(0, 30)).toEqual([]);
    expect(sent).toBeGreaterThan(reached.length * 40);
  }, 120_000);

  it.each(subgraphs.map((subgraph) => subgraph.name))(
    'refuses every forged cursor on every list of the %s subgraph’s own port with BAD_USER_INPUT',
    async (name) => {
      const subgraph = subgraphs.find((candidate) => candidate.name === name)!;
      const url = graph.subgraphUrls[name]!;
      const schema = await schemaOf(schemaPathOf(subgraph));
      const { reached, unreached, own } = await walk(graph, schema, url, token, cursors);
      expect(unreached, 'lists no path of the schema reaches with data').toEqual([]);
      // Each subgraph has at least three lists today (its own and its audit log).
      expect(reached.length).toBeGreaterThanOrEqual(3);
      const { faults, sent } = await attack(graph, url, token, reached, own, cursors);
      expect(faults.slice(0, 30)).toEqual([]);
      expect(sent).toBeGreaterThan(reached.length * 40);
    },
    60_000,
  );
});

/** A trusted document that takes `$after`, with its other required variables filled in. */
interface PagingDocument {
  id: string;
  name: string;
  operation: 'query' | 'subscription';
  variables: Record<string, unknown>;
}

/** Values for required variables other than `$after`, by type. */
const REQUIRED_VALUES: Readonly<Record<string, unknown>> = { 'Int!': 2 };

/** Every document of the manifest that declares `$after`. */
function pagingDocuments(manifest: Readonly<Record<string, string>>): PagingDocument[] {
  return Object.entries(manifest).flatMap(([id, text]) => {
    const operation = parse(text).definitions.find(
      (definition) => definition.kind === Kind.OPERATION_DEFINITION,
    );
    if (!operation || operation.operation === 'mutation') return [];
    const declared = operation.variableDefinitions ?? [];
    if (!declared.some((variable) => variable.variable.name.value === 'after')) return [];
    const variables: Record<string, unknown> = {};
    for (const variable of declared) {
      if (variable.type.kind !== Kind.NON_NULL_TYPE || variable.defaultValue) continue;
      const type = text.slice(variable.type.loc!.start, variable.type.loc!.end);
      if (!(type in REQUIRED_VALUES))
        throw new Error(`No value for $${variable.variable.name.value}: ${type}`);
      variables[variable.variable.name.value] = REQUIRED_VALUES[type];
    }
    return [{ id, name: operation.name?.value ?? id, operation: operation.operation, variables }];
  });
}

/** Every string under a `cursor`, `startCursor` or `endCursor` key anywhere in `data`. */
function cursorsIn(data: unknown): string[] {
  if (Array.isArray(data)) return data.flatMap(cursorsIn);
  if (typeof data !== 'object' || data === null) return [];
  return Object.entries(data).flatMap(([key, value]) =>
    /^(cursor|startCursor|endCursor)$/.test(key) && typeof value === 'string' ? [value] : cursorsIn(value),
  );
}

const TAXII = 'application/taxii+json;version=2.1';
const COLLECTIONS = '/taxii2/cadg/collections/';
// Node refuses request lines past its 16 kB header limit with 431 before TAXII sees them.
const MAX_TAXII_TOKEN = 12_000;

describe('forged cursors in production mode', () => {
  let graph: Graph;
  let token: string;
  let manifest: Record<string, string>;

  beforeAll(async () => {
    manifest = await readManifest();
    graph = await startGraph({
      protection: { production: true, rateLimit: null, trustedDocuments: { mode: 'enforce', manifest } },
    });
    token = await graph.token('asean-secretariat', [Role.Secretariat]);
    // AlertRules pages each rule's deliveries: with one rule there, its `after` is decoded.
    const [createRule] = Object.entries(manifest).find(([, text]) =>
      /mutation CreateAlertRule\b/.test(text),
    )!;
    const created = await post(
      graph,
      {
        documentId: createRule,
        variables: {
          input: { name: 'Forged cursors', channel: 'WEBHOOK', target: 'https://alerts.example.org/hook' },
        },
      },
      await graph.token('my-mycert', [Role.OrgAdmin]),
    );
    expect(created.errors).toBeUndefined();
  });
  afterAll(() => graph?.close());

  it('refuses forged cursors sent to every trusted document that pages, over HTTP and graphql-ws, with BAD_USER_INPUT', async () => {
    const documents = pagingDocuments(manifest);
    // Four documents page today (contacts, two TAXII collections, the major-incident feed).
    expect(documents.length).toBeGreaterThanOrEqual(4);
    expect(
      documents.filter((document) => document.operation === 'subscription').length,
    ).toBeGreaterThanOrEqual(1);
    const run = (document: PagingDocument, after: string | null, ws: Client) =>
      document.operation === 'subscription'
        ? firstAnswer(ws, {
            query: '',
            variables: { ...document.variables, after },
            extensions: { persistedQuery: { version: 1, sha256Hash: document.id } },
          })
        : post(graph, { documentId: document.id, variables: { ...document.variables, after } }, token);

    const ws = wsClient(graph.gatewayUrl, token);
    try {
      // A subscription's first page is an event that may never come: its real cursors are not read.
      const real = new Map<string, string[]>();
      for (const document of documents.filter((candidate) => candidate.operation === 'query')) {
        const answer = await run(document, null, ws);
        expect(answer.errors, document.name).toBeUndefined();
        real.set(document.name, cursorsIn(answer.data));
      }
      const faults: string[] = [];
      let sent = 0;
      for (const document of documents) {
        const own = real.get(document.name) ?? [];
        const foreign = [...real]
          .filter(([name]) => name !== document.name)
          .flatMap(([, c]) => c.slice(0, 1));
        const forgeries = forgeriesOf(own.slice(0, 1), own, foreign);
        await inPool(forgeries, document.operation === 'subscription' ? 1 : 4, async ({ what, cursor }) => {
          const answer = await run(document, cursor, ws);
          sent++;
          const wrong = fault(answer, cursor, rootValues);
          if (wrong) faults.push(`${document.name}(after: ${what}): ${wrong}`);
        });
      }
      expect(faults.slice(0, 30)).toEqual([]);
      expect(sent).toBeGreaterThan(documents.length * 40);
    } finally {
      await ws.dispose();
    }
  }, 120_000);

  it('answers forged next tokens on every TAXII collection with 400 and a TAXII error', async () => {
    const taxii = async (path: string) => {
      const response = await fetch(new URL(path, graph.baseUrl), {
        headers: { accept: TAXII, authorization: `Bearer ${token}` },
      });
      const text = await response.text();
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        body: (text ? JSON.parse(text) : text) as unknown,
      };
    };
    const listing = await taxii(COLLECTIONS);
    expect(listing.status).toBe(200);
    // Collections that page (the inbox is write-only: can_read false).
    const collections = (
      listing.body as { collections: { id: string; can_read: boolean }[] }
    ).collections.filter((collection) => collection.can_read);
    expect(collections.length).toBeGreaterThanOrEqual(2);

    const faults: string[] = [];
    let sent = 0;
    const expectRefused = async (path: string, next: string, what: string) => {
      const answer = await taxii(`${path}?${new URLSearchParams({ next })}`);
      sent++;
      const { http_status } = answer.body as { http_status?: string };
      if (answer.status !== 400 || answer.type !== TAXII || http_status !== '400')
        faults.push(`${path} next=${what}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
    };
    for (const { id } of collections) {
      for (const endpoint of ['objects', 'manifest']) {
        const path = `${COLLECTIONS}${id}/${endpoint}/`;
        // A token is a position: the graph's cursor of the last record passed (null inside the
        // first), and how many objects of the next one were served. Paged until it holds a cursor.
        let next: string | undefined;
        let objects: { id: string }[] | undefined;
        let position: [string | null, number] = [null, 0];
        for (let pages = 0; position[0] === null && pages < 20; pages++) {
          const page = await taxii(`${path}?limit=1${next ? `&next=${next}` : ''}`);
          expect(page.status, path).toBe(200);
          ({ next } = page.body as { next?: string });
          objects ??= (page.body as { objects?: { id: string }[] }).objects;
          expect(next, `${path} has more than one record`).toBeDefined();
          position = decode(next!) as [string | null, number];
        }
        const [after, skip] = position as [string, number];
        expect(after, `${path} pages past its first record`).toEqual(expect.any(String));
        const positions: [string, unknown[]][] = [
          ['skip −1', [after, -1]],
          ['skip 1.5', [after, 1.5]],
          ['skip "0"', [after, '0']],
          ['skip null', [after, null]],
          ['skip 2^53', [after, 2 ** 53]],
          ['skip 1e999', [after, new RawJson('1e999')]],
          ['a number for the cursor', [42, skip]],
          ['an object for the cursor', [{}, skip]],
          ['a part more', [after, skip, skip]],
          ['a part less', [after]],
        ];
        for (const [what, parts] of positions) await expectRefused(path, encode(parts), what);
        const generic = GENERIC_FORGERIES.filter(({ cursor }) => cursor.length <= MAX_TAXII_TOKEN);
        for (const forgery of [...generic, { what: 'truncated', cursor: next!.slice(0, -1) }]) {
          await expectRefused(path, forgery.cursor, forgery.what);
        }
        // Every forged graph cursor inside an otherwise well-formed token.
        const forged = forgeriesOf([after], [after], []).filter(
          ({ cursor }) => cursor.length <= MAX_TAXII_TOKEN / 2,
        );
        await inPool(forged, 4, ({ what, cursor }) => expectRefused(path, encode([cursor, 0]), what));
        if (endpoint !== 'objects' || !objects?.[0]) continue;
        // One object's versions page with tokens of their own kind: a date added and a version.
        const at = '2026-01-01T00:00:00.000Z';
        for (const objectPath of [`${path}${objects[0].id}/`, `${path}${objects[0].id}/versions/`]) {
          const versionTokens: [string, string][] = [
            ['a collection token', next!],
            ['another marker', encode(['x', at, at])],
            ['a bad date added', encode(['v', 'yesterday', at])],
            ['a bad version', encode(['v', at, 'latest'])],
            ['numbers', encode(['v', 1, 2])],
            ['a part less', encode(['v', at])],
            ...generic.map(({ what, cursor }): [string, string] => [what, cursor]),
          ];
          for (const [what, token] of versionTokens) await expectRefused(objectPath, token, what);
        }
      }
    }
    expect(faults.slice(0, 30)).toEqual([]);
    expect(sent).toBeGreaterThan(collections.length * 100);
  }, 120_000);
});

/** A GraphQL request body sent to the gateway as it is, e.g. with a `documentId`. */
async function post(graph: Graph, body: unknown, token: string): Promise<GraphQLResponse<unknown>> {
  const response = await fetch(graph.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return (await response.json()) as GraphQLResponse<unknown>;
}
