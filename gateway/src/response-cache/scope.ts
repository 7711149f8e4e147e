import { createHash } from 'node:crypto';
import { print, type DocumentNode } from 'graphql';
import type { Caller } from '@cadg/platform';

export const ANONYMOUS_SCOPE = 'anonymous';

/**
 * Who may share an answer: every caller with the same organization and the same roles sees the
 * same data, because that is all the subgraphs' permission code reads of a caller (`Identity` is
 * `sub`, `org`, `roles`; roles outside the known three are dropped when the token is verified).
 * TLP (AMBER/RED circles by organization, SECRETARIAT only as a recipient, GREEN for members),
 * contacts' personal fields (members only) and ORG_ADMIN-only records all turn on `org` and
 * `roles`. No read path reads `sub` (it is only recorded as the actor of writes), so no answer is
 * per user; a field that ever reads it must put `sub` into this scope or stay uncached.
 */
export function scopeOf(caller: Caller): string {
  if (caller === null) return ANONYMOUS_SCOPE;
  return `org=${caller.org ?? ''};roles=${[...caller.roles].sort().join(',')}`;
}

// Printed once per parsed document (the runtime caches parses, so one per distinct document).
const printed = new WeakMap<DocumentNode, string>();

/** The cache key: the scope, the document, the operation name and the variables, hashed. */
export function cacheKeyOf(
  scope: string,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: unknown,
): string {
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return createHash('sha256')
    .update(scope)
    .update('\0')
    .update(operationName ?? '')
    .update('\0')
    .update(text)
    .update('\0')
    .update(JSON.stringify(variables ?? {}))
    .digest('base64url');
}

/** A strong validator naming the entry (its key) and its exact bytes. */
export function etagOf(key: string, body: string): string {
  return `"${key}.${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
}

/** The key an ETag names, if it is one of ours. */
export function keyOfEtag(etag: string): string | null {
  const match = /^"([A-Za-z0-9_-]{43})\.[A-Za-z0-9_-]{22}"$/.exec(etag.trim());
  return match ? match[1]! : null;
}
