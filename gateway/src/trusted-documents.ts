import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { GatewayConfigBase, GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { RequestErrorCode } from '@cadg/platform';
import { GraphQLError, parse, print } from 'graphql';
import { LRUCache } from 'lru-cache';

/** Where each known client keeps its operations: one folder per client, one `.graphql` file per operation. */
export const trustedDocumentsDir = fileURLToPath(new URL('../trusted-documents/', import.meta.url));
/** The generated id → document map the gateway serves from (`npm run documents`). */
export const manifestFile = fileURLToPath(new URL('../trusted-documents/manifest.json', import.meta.url));

/**
 * - `off`: documents are only sent as text; ids are not accepted.
 * - `allow`: a client may send a known document's id instead of its text, or any text.
 * - `enforce`: only documents in the manifest run; anything sent as text is refused.
 */
export type TrustedDocumentsMode = 'off' | 'allow' | 'enforce';

export function trustedDocumentsModeFromEnv(
  env: NodeJS.ProcessEnv,
  production: boolean,
): TrustedDocumentsMode {
  const mode = env['TRUSTED_DOCUMENTS'] || (production ? 'enforce' : 'allow');
  if (mode !== 'off' && mode !== 'allow' && mode !== 'enforce') {
    throw new Error(`TRUSTED_DOCUMENTS=${mode} is not one of off, allow, enforce.`);
  }
  return mode;
}

/** A document's id: the SHA-256 of its exact text, as Apollo's persisted-query link computes it. */
export const documentId = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The texts a registered operation is known by, each registered under its own id: the file as
 * written, graphql-js's `print` of it (what a client that hashes a parsed document sends, such as
 * the graphql-ws example), and Apollo Client's printed form, which adds `__typename` to every
 * selection set: Apollo's persisted-queries link hashes `print(addTypenameToDocument(document))`,
 * so without that form no operation an Apollo client sends would match (checked against Apollo
 * Client 4.3's link). Apollo's own transform is used rather than a copy, so the forms cannot drift.
 */
async function formsOf(text: string): Promise<string[]> {
  const { addTypenameToDocument } = await import('@apollo/client/utilities');
  const document = parse(text);
  return [...new Set([text, print(document), print(addTypenameToDocument(document))])];
}

/**
 * Clients whose operations live in their own source rather than under `trustedDocumentsDir`: the
 * partner dashboard's `.graphql` files are both its typed operations (codegen) and its documents.
 */
export const clientOperationDirs: readonly string[] = [
  fileURLToPath(new URL('../../dashboard/src/operations/', import.meta.url)),
];

/**
 * Persisted-query maps (id → operation text) that clients' compilers write: the Relay example's
 * (its compiler's `persistConfig` file). Relay sends only an id, the SHA-256 of its own printed
 * text, so each text is registered exactly as written there; an id that is not the SHA-256 of its
 * text fails the build.
 */
export const persistedQueryFiles: readonly string[] = [
  fileURLToPath(new URL('../../examples/relay/persisted-queries.json', import.meta.url)),
];

/** Reads every client's `.graphql` files and builds the manifest, sorted so the file is stable. */
export async function buildManifest(
  dir = trustedDocumentsDir,
  operationDirs: readonly string[] = clientOperationDirs,
  queryFiles: readonly string[] = persistedQueryFiles,
): Promise<Record<string, string>> {
  const folders = (await readdir(dir, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => `${dir}/${d.name}`);
  const entries: [string, string][] = [];
  for (const folder of [...folders, ...operationDirs]) {
    for (const file of (await readdir(folder)).filter((f) => f.endsWith('.graphql')).sort()) {
      const text = (await readFile(`${folder}/${file}`, 'utf8')).trim();
      for (const form of await formsOf(text)) entries.push([documentId(form), form]);
    }
  }
  for (const file of queryFiles) {
    const queries = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
    for (const [id, text] of Object.entries(queries)) {
      if (documentId(text) !== id) throw new Error(`${file}: ${id} is not the SHA-256 of its text.`);
      parse(text);
      entries.push([id, text]);
    }
  }
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

export async function readManifest(file = manifestFile): Promise<Record<string, string>> {
  return JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
}

/**
 * How many documents automatic persisted queries keep, least recently used first out. Documents
 * are at most `maxDocumentBytes` (16 KiB by default) each, so the store stays under ~16 MiB.
 */
export const DEFAULT_MAX_REGISTERED_DOCUMENTS = 1000;

type PersistedDocumentsOptions = NonNullable<
  GatewayConfigBase<Record<string, unknown>>['persistedDocuments']
>;

/** The runtime's persisted-documents options (none when `off`) and our plugin that goes with them. */
export interface TrustedDocuments {
  persistedDocuments?: PersistedDocumentsOptions;
  plugin: GatewayPlugin;
}

/** Where an operator registers a document, for the refusals that tell clients how. */
const HOW_TO_REGISTER =
  'To register an operation, add it as a .graphql file under gateway/trusted-documents/<client>/, ' +
  'run `npm run documents` and deploy the new manifest.';

const PERSISTED_QUERY_NOT_FOUND = 'PersistedQueryNotFound';

/**
 * Trusted documents and automatic persisted queries, on the runtime's persisted-documents plugin.
 *
 * Clients name a document by `documentId` (GraphQL over HTTP's convention; in a GET's query string
 * too, and in `extensions.documentId` over graphql-ws, whose messages have no other place for it)
 * or by Apollo's `extensions.persistedQuery.sha256Hash`.
 *
 * - `off`: a hash without a query is answered `PERSISTED_QUERY_NOT_SUPPORTED`, on which Apollo's
 *   link stops sending hashes and sends the query.
 * - `allow`: any text runs. An id is looked up in the manifest, then among the documents clients
 *   registered: an unknown id is answered `PERSISTED_QUERY_NOT_FOUND`, the answer on which Apollo's
 *   link (and urql's persisted exchange) send the hash again with the query, which registers it
 *   once it has parsed and validated (Apollo's automatic persisted queries).
 * - `enforce`: only manifest documents run; refusals say how to register one.
 */
export function trustedDocumentsFor(
  mode: TrustedDocumentsMode,
  manifest: Readonly<Record<string, string>>,
  maxRegistered = DEFAULT_MAX_REGISTERED_DOCUMENTS,
): TrustedDocuments {
  if (mode === 'off') return { plugin: persistedQueriesNotSupported() };
  const registered = mode === 'allow' ? new LRUCache<string, string>({ max: maxRegistered }) : null;
  const lookUp = (id: string) => {
    const hash = id.replace(/^sha256:/, '');
    return manifest[hash] ?? registered?.get(hash) ?? null;
  };
  return {
    persistedDocuments: {
      allowArbitraryDocuments: mode === 'allow',
      getPersistedOperation: lookUp,
      extractPersistedOperationId: (params: GraphQLParams) => persistedIdIn(params),
      customErrors: registered
        ? {
            // Apollo Server's answer (its link matches the code or this message), with GraphQL over
            // HTTP's status for a request without data: 404 to clients that accept
            // application/graphql-response+json, 200 to legacy application/json ones (`spec`).
            notFound: {
              message: PERSISTED_QUERY_NOT_FOUND,
              extensions: {
                code: RequestErrorCode.PersistedQueryNotFound,
                http: {
                  status: 404,
                  spec: true,
                  headers: { 'cache-control': 'private, no-cache, must-revalidate' },
                },
              },
            },
            keyNotFound: {
              message: 'Send a query, or the documentId or persisted-query hash of a registered one.',
              extensions: { code: RequestErrorCode.BadRequest, http: { status: 400 } },
            },
          }
        : {
            persistedQueryOnly: {
              message: `This gateway runs registered operations only: send the documentId of one. ${HOW_TO_REGISTER}`,
              extensions: { code: RequestErrorCode.TrustedDocumentRequired, http: { status: 400 } },
            },
            notFound: {
              message: `No registered operation has this id. ${HOW_TO_REGISTER}`,
              extensions: { code: RequestErrorCode.TrustedDocumentNotFound, http: { status: 400 } },
            },
            keyNotFound: {
              message: `Send the documentId of a registered operation. ${HOW_TO_REGISTER}`,
              extensions: { code: RequestErrorCode.TrustedDocumentRequired, http: { status: 400 } },
            },
          },
    },
    plugin: registered ? registrationPlugin(registered) : documentIdInQueryString(),
  };
}

type GraphQLParams = { documentId?: unknown; extensions?: Record<string, unknown> };

function persistedIdIn(params: GraphQLParams): string | null {
  if (typeof params.documentId === 'string') return params.documentId;
  const fromExtensions = params.extensions?.['documentId'];
  if (typeof fromExtensions === 'string') return fromExtensions;
  return apolloHashIn(params.extensions);
}

function apolloHashIn(extensions: Record<string, unknown> | undefined): string | null {
  const persisted = extensions?.['persistedQuery'] as { sha256Hash?: unknown } | undefined;
  return typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : null;
}

/** Apollo's answer from a server without persisted queries; a hash sent with its query just runs. */
function persistedQueriesNotSupported(): GatewayPlugin {
  return {
    onParams({ params }) {
      if (params.query || apolloHashIn(params.extensions) === null) return;
      throw new GraphQLError('PersistedQueryNotSupported', {
        extensions: { code: RequestErrorCode.PersistedQueryNotSupported, http: { status: 400, spec: true } },
      });
    },
  };
}

/**
 * GraphQL over HTTP's persisted documents put `documentId` in a GET's query string; the runtime's
 * request parser reads only query, operationName, variables and extensions from it.
 */
function documentIdInQueryString(): GatewayPlugin {
  return {
    onRequestParse({ request, url }) {
      if (request.method !== 'GET') return;
      const id = url.searchParams.get('documentId');
      if (!id) return;
      return {
        onRequestParseDone({ requestParserResult, setRequestParserResult }) {
          if (Array.isArray(requestParserResult)) return;
          setRequestParserResult({ ...requestParserResult, documentId: id } as typeof requestParserResult);
        },
      };
    },
  };
}

/**
 * Registers the document of a request that sent Apollo's hash with the query, once it has parsed
 * and validated (as Apollo Server does), so the store holds only operations of this schema. Not
 * `@graphql-yoga/plugin-apq`: it stores any text before parsing, keeps its own store apart from
 * the manifest, and would answer ids the runtime's plugin already looks up.
 */
function registrationPlugin(registered: LRUCache<string, string>): GatewayPlugin {
  const pending = new WeakMap<object, { hash: string; query: string }>();
  return {
    ...documentIdInQueryString(),
    onParams({ params, context }) {
      const hash = apolloHashIn(params.extensions);
      const { query } = params;
      if (hash === null || typeof query !== 'string' || query === '') return;
      if (documentId(query) !== hash) {
        throw new GraphQLError('The persisted-query hash is not the SHA-256 of the query.', {
          extensions: { code: RequestErrorCode.BadRequest, http: { status: 400 } },
        });
      }
      if (!registered.has(hash)) pending.set(context, { hash, query });
    },
    onValidate({ context }) {
      const document = pending.get(context);
      if (!document) return;
      return ({ valid }) => {
        if (valid) registered.set(document.hash, document.query);
      };
    },
  };
}
