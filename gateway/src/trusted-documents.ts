import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { GatewayConfigBase } from '@graphql-hive/gateway-runtime';

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

/** Reads every client's `.graphql` files and builds the manifest, sorted so the file is stable. */
export async function buildManifest(dir = trustedDocumentsDir): Promise<Record<string, string>> {
  const entries: [string, string][] = [];
  for (const client of (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory())) {
    for (const file of (await readdir(`${dir}/${client.name}`))
      .filter((f) => f.endsWith('.graphql'))
      .sort()) {
      const text = (await readFile(`${dir}/${client.name}/${file}`, 'utf8')).trim();
      entries.push([documentId(text), text]);
    }
  }
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

export async function readManifest(file = manifestFile): Promise<Record<string, string>> {
  return JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
}

type PersistedDocumentsOptions = NonNullable<
  GatewayConfigBase<Record<string, unknown>>['persistedDocuments']
>;

/**
 * The runtime's persisted-documents plugin over our manifest. Clients send `documentId` (GraphQL
 * over HTTP's trusted-documents convention) or Apollo's `extensions.persistedQuery.sha256Hash`.
 */
export function persistedDocumentsFor(
  mode: TrustedDocumentsMode,
  manifest: Readonly<Record<string, string>>,
): PersistedDocumentsOptions | undefined {
  if (mode === 'off') return undefined;
  return {
    allowArbitraryDocuments: mode === 'allow',
    getPersistedOperation: (id: string) => manifest[id.replace(/^sha256:/, '')] ?? null,
    extractPersistedOperationId(params: { extensions?: Record<string, unknown> }) {
      const fromBody = (params as { documentId?: unknown }).documentId;
      if (typeof fromBody === 'string') return fromBody;
      const persisted = params.extensions?.['persistedQuery'] as { sha256Hash?: unknown } | undefined;
      return typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : null;
    },
    customErrors: {
      persistedQueryOnly: {
        message: 'This gateway only runs trusted documents: send the documentId of a registered operation.',
        extensions: { code: 'TRUSTED_DOCUMENT_REQUIRED', http: { status: 400 } },
      },
      notFound: {
        message: 'No trusted document has this id.',
        extensions: { code: 'TRUSTED_DOCUMENT_NOT_FOUND', http: { status: 400 } },
      },
      keyNotFound: {
        message: 'Send a query or the documentId of a trusted document.',
        extensions: { code: 'TRUSTED_DOCUMENT_REQUIRED', http: { status: 400 } },
      },
    },
  };
}
