import DataLoader from 'dataloader';
import { inClientSpan, notFound, serviceUnavailable, signedExtensions } from '@cadg/platform';

/**
 * Checks that countries and organizations named in a change exist, by asking the contacts
 * subgraph that owns them (an `_entities` call, as the gateway would make), never its tables.
 */
export interface Directory {
  /** Throws NOT_FOUND naming the first id contacts does not know. */
  requireOrganizations(ids: readonly string[]): Promise<void>;
  /** Throws NOT_FOUND naming the first code that is not a participating country. */
  requireCountries(codes: readonly string[]): Promise<void>;
  /**
   * Organizations' names and last change by id, for exports that must name them (STIX identities,
   * versioned by the change); unknown ids are left out.
   */
  organizationNames(ids: readonly string[]): Promise<Map<string, OrganizationName>>;
  /**
   * The same directory, its calls to contacts carrying `requestId` (the request they are made for,
   * the gateway's `x-request-id`), so contacts logs and traces them under it; caches are shared.
   */
  forRequest(requestId: string | undefined): Directory;
}

/** An organization's name as contacts has it, and when its record last changed (ISO 8601). */
export interface OrganizationName {
  readonly name: string;
  readonly updatedAt: string;
}

const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }';
const NAMES =
  'query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { id name updatedAt } } }';

interface EntitiesResponse {
  data?: { _entities?: ({ id?: string; name?: string; updatedAt?: string } | null)[] } | null;
  errors?: unknown[];
}

/**
 * A directory backed by the contacts subgraph's HTTP endpoint. Known ids are cached for a while
 * (organizations and countries are rarely removed); unknown ones are asked again each time.
 */
export function contactsDirectory(
  contactsUrl: string,
  options: {
    timeoutMs?: number;
    cacheMs?: number;
    /** Signs each call as the gateway does, so a production contacts subgraph answers it. */
    signingSecret?: string | undefined;
  } = {},
): Directory {
  const timeoutMs = options.timeoutMs ?? 3_000;
  const cacheMs = options.cacheMs ?? 5 * 60_000;
  const { signingSecret } = options;
  const known = new Map<string, number>();
  const names = new Map<string, { organization: OrganizationName; until: number }>();

  // A span of the caller's trace, with its request id, so the hop to contacts shows in both.
  const ask = (
    query: string,
    representations: readonly Record<string, string>[],
    requestId: string | undefined,
  ) =>
    inClientSpan(
      'contacts directory',
      { 'cadg.subgraph': 'contacts', 'cadg.representations': representations.length },
      async (traceHeaders) => {
        try {
          const response = await fetch(contactsUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...traceHeaders },
            body: JSON.stringify({
              query,
              variables: { r: representations },
              ...(signingSecret
                ? {
                    extensions: signedExtensions(signingSecret, { query, variables: { r: representations } }),
                  }
                : {}),
            }),
            signal: AbortSignal.timeout(timeoutMs),
          });
          return (await response.json()) as EntitiesResponse;
        } catch {
          throw serviceUnavailable('The contacts directory did not answer; try again shortly.');
        }
      },
      requestId,
    );

  async function require(
    typename: 'Organization' | 'Country',
    keyField: 'id' | 'code',
    keys: readonly string[],
    requestId: string | undefined,
  ) {
    const now = Date.now();
    const unknown = [...new Set(keys)].filter((key) => (known.get(`${typename}:${key}`) ?? 0) < now);
    if (unknown.length === 0) return;
    const body = await ask(
      ENTITIES,
      unknown.map((key) => ({ __typename: typename, [keyField]: key })),
      requestId,
    );
    const entities = body.data?._entities;
    if (!entities || entities.length !== unknown.length) {
      throw serviceUnavailable('The contacts directory gave an unexpected answer; try again shortly.');
    }
    entities.forEach((entity, index) => {
      const key = unknown[index]!;
      if (entity === null) throw notFound(typename, key);
      known.set(`${typename}:${key}`, now + cacheMs);
    });
  }

  // Batches the names wanted in one tick (e.g. every bundle of a page) into one request; names
  // stay cached like known ids, each with the change it belongs to so the two never disagree. A
  // batch is asked under the request id of the first request waiting for it.
  let batchRequestId: string | undefined;
  const nameLoader = new DataLoader<string, OrganizationName | null>(
    async (ids) => {
      const requestId = batchRequestId;
      batchRequestId = undefined;
      const now = Date.now();
      const missing = ids.filter((id) => (names.get(id)?.until ?? 0) < now);
      if (missing.length > 0) {
        const body = await ask(
          NAMES,
          missing.map((id) => ({ __typename: 'Organization', id })),
          requestId,
        );
        const entities = body.data?._entities;
        if (!entities) {
          throw serviceUnavailable('The contacts directory gave an unexpected answer; try again shortly.');
        }
        for (const entity of entities) {
          if (entity?.id && entity.name && entity.updatedAt) {
            const organization = { name: entity.name, updatedAt: entity.updatedAt };
            names.set(entity.id, { organization, until: now + cacheMs });
          }
        }
      }
      return ids.map((id) => names.get(id)?.organization ?? null);
    },
    { cache: false },
  );

  async function organizationNames(
    ids: readonly string[],
    requestId: string | undefined,
  ): Promise<Map<string, OrganizationName>> {
    batchRequestId ??= requestId;
    const unique = [...new Set(ids)];
    const found = await nameLoader.loadMany(unique);
    const result = new Map<string, OrganizationName>();
    found.forEach((name, index) => {
      if (name instanceof Error) throw name;
      if (name) result.set(unique[index]!, name);
    });
    return result;
  }

  const forRequest = (requestId: string | undefined): Directory => ({
    requireOrganizations: (ids) => require('Organization', 'id', ids, requestId),
    requireCountries: (codes) => require('Country', 'code', codes, requestId),
    organizationNames: (ids) => organizationNames(ids, requestId),
    forRequest,
  });
  return forRequest(undefined);
}
