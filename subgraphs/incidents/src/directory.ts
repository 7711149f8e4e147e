import { notFound, serviceUnavailable } from '@cadg/platform';

/**
 * Checks that countries and organizations named in a change exist, by asking the contacts
 * subgraph that owns them (an `_entities` call, as the gateway would make), never its tables.
 */
export interface Directory {
  /** Throws NOT_FOUND naming the first id contacts does not know. */
  requireOrganizations(ids: readonly string[]): Promise<void>;
  /** Throws NOT_FOUND naming the first code that is not a participating country. */
  requireCountries(codes: readonly string[]): Promise<void>;
}

const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }';

interface EntitiesResponse {
  data?: { _entities?: (object | null)[] } | null;
  errors?: unknown[];
}

/**
 * A directory backed by the contacts subgraph's HTTP endpoint. Known ids are cached for a while
 * (organizations and countries are rarely removed); unknown ones are asked again each time.
 */
export function contactsDirectory(
  contactsUrl: string,
  options: { timeoutMs?: number; cacheMs?: number } = {},
): Directory {
  const timeoutMs = options.timeoutMs ?? 3_000;
  const cacheMs = options.cacheMs ?? 5 * 60_000;
  const known = new Map<string, number>();

  async function require(
    typename: 'Organization' | 'Country',
    keyField: 'id' | 'code',
    keys: readonly string[],
  ) {
    const now = Date.now();
    const unknown = [...new Set(keys)].filter((key) => (known.get(`${typename}:${key}`) ?? 0) < now);
    if (unknown.length === 0) return;
    let body: EntitiesResponse;
    try {
      const response = await fetch(contactsUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: ENTITIES,
          variables: { r: unknown.map((key) => ({ __typename: typename, [keyField]: key })) },
        }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      body = (await response.json()) as EntitiesResponse;
    } catch {
      throw serviceUnavailable('The contacts directory did not answer; try again shortly.');
    }
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

  return {
    requireOrganizations: (ids) => require('Organization', 'id', ids),
    requireCountries: (codes) => require('Country', 'code', codes),
  };
}
