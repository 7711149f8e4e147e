/**
 * Forged cursors in production mode: every trusted document that pages, over HTTP and graphql-ws,
 * and every TAXII collection's next tokens. The lists of the schema: forged-cursors.test.ts.
 */
import { readManifest } from '@cadg/gateway';
import { Role } from '@cadg/platform';
import { Kind, parse } from 'graphql';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraph, type Graph, type GraphQLResponse } from './harness.ts';
import { fault, rootValues } from './forged-cursors-schema.ts';
import {
  GENERIC_FORGERIES,
  RawJson,
  decode,
  encode,
  firstAnswer,
  forgeriesOf,
  inPool,
  wsClient,
} from './forged-cursors-forge.ts';

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
