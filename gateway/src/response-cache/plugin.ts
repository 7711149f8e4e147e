import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { DATA_VERSION_HEADER, DATA_VERSION_UNKNOWN } from '@cadg/platform';
import { getOperationAST, type ExecutionResult } from 'graphql';
import { verifiedCallerOf, type GatewayContextAdditions } from '../authentication.ts';
import { ANONYMOUS_SCOPE, cacheKeyOf, etagOf, scopeOf } from './scope.ts';
import { Flights } from './flights.ts';
import type { AnswerStore, CachedAnswer } from './store.ts';
import { dependenciesOf, type SubgraphCallCache } from './subgraph-cache.ts';
import type { DataVersions } from './versions.ts';

export { SUBGRAPH_READS } from './subgraph-cache.ts';

/** Says what the cache did for an HTTP answer: `hit`, `miss` (computed, maybe stored) or `bypass`. */
export const CACHE_STATUS_HEADER = 'x-response-cache';

/** What anonymous answers carry: any cache may keep them, but must ask again (ETag) before reuse. */
export const ANONYMOUS_CACHE_CONTROL = 'public, no-cache';

export interface CacheStats {
  hits: number;
  misses: number;
  bypasses: number;
  stores: number;
  notModified: number;
  /** Misses answered by an identical query already running (counted apart from hits and misses). */
  coalesced: number;
}

/** One query's dealings with the cache. */
interface Lookup {
  readonly key: string;
  readonly scope: string;
  /** The data versions when the query started: an answer records those of the subgraphs it used. */
  readonly startVersions: ReadonlyMap<string, number>;
  readonly subgraphs: Set<string>;
  status: 'hit' | 'miss';
  etag?: string;
  /** Gives the answer this query computes (null: not stored) to identical queries waiting for it. */
  settle?: (answer: CachedAnswer | null) => void;
}

/** The longest a query waits for an identical one (a subgraph call's default time limit). */
const MAX_WAIT_MS = 10_000;

const versionsKey = (snapshot: ReadonlyMap<string, number>): string =>
  [...snapshot].map(([name, version]) => `${name}=${version}`).join(';');

/**
 * The response cache as a runtime plugin: queries only, looked up once the operation has passed
 * every check (identity, limits, trusted documents) and is about to run, keyed by scope.ts, and
 * answered from the cache only while every subgraph the answer came from is still at the data
 * version it was computed at. Mutations' answers tell the gateway the new versions before it
 * answers its client (read-your-writes).
 */
export function responseCachePlugin(
  store: AnswerStore,
  versions: DataVersions,
  ttlMs: number,
  stats: CacheStats,
  /** Subgraph calls of the queries not answered whole (subgraph-cache.ts); null: none. */
  calls: SubgraphCallCache | null = null,
): GatewayPlugin<GatewayContextAdditions> {
  const lookups = new WeakMap<object, Lookup>();
  const byRequest = new WeakMap<Request, Lookup | 'bypass'>();
  const computing = new Flights<CachedAnswer>();

  const bypass = (request: Request) => {
    stats.bypasses++;
    byRequest.set(request, 'bypass');
  };

  return {
    onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue as { request?: Request };
      const request = context.request;
      const operation = getOperationAST(args.document, args.operationName);
      if (!request || operation?.operation !== 'query') return;
      const caller = verifiedCallerOf(request);
      // Not verified by this gateway's identity plugin, or one of several operations in a batch:
      // run uncached (a batch's operations share one HTTP answer and its headers).
      if (caller === undefined || byRequest.has(request)) return bypass(request);
      const scope = scopeOf(caller);
      const key = cacheKeyOf(scope, args.document, args.operationName, args.variableValues);
      const lookup: Lookup = {
        key,
        scope,
        startVersions: versions.snapshot(),
        subgraphs: new Set(),
        status: 'miss',
      };
      lookups.set(context, lookup);
      byRequest.set(request, lookup);
      const hit = (answer: CachedAnswer, joined: boolean) => {
        if (joined) stats.coalesced++;
        else stats.hits++;
        lookup.status = 'hit';
        lookup.etag = answer.etag;
        setResultAndStopExecution({ ...answer.result });
      };
      const miss = (lead: boolean) => {
        stats.misses++;
        // Bounded: should neither hook below ever run, the others still run their own.
        if (lead) lookup.settle = computing.lead(key, started, MAX_WAIT_MS);
        return {
          onExecuteDone({ result }: { result: ExecutionResult | AsyncIterable<unknown> }) {
            lookup.settle?.(stored(result));
          },
        };
      };
      const stored = (result: ExecutionResult | AsyncIterable<unknown>): CachedAnswer | null => {
        if (Symbol.asyncIterator in result || result.errors?.length) return null;
        const deps: Record<string, number> = {};
        const used = [...lookup.subgraphs].flatMap(dependenciesOf);
        for (const name of used) {
          const version = lookup.startVersions.get(name);
          // A subgraph whose feed was down when the query started: nothing says how old this is.
          if (version === undefined) return null;
          deps[name] = version;
        }
        const body = JSON.stringify(result);
        const etag = etagOf(key, body);
        lookup.etag = etag;
        stats.stores++;
        const answer: CachedAnswer = { deps, scope, etag, result, size: Buffer.byteLength(body) };
        store.set(key, answer, body, ttlMs);
        return answer;
      };
      const started = versionsKey(lookup.startVersions);
      const serve = (answer: CachedAnswer | undefined) => {
        if (answer && answer.scope === scope && versions.isCurrent(answer.deps)) return hit(answer, false);
        // The same query of the same scope already running from the same versions: its answer is
        // as new as one computed now would be (every write acknowledged before this query started
        // was known to it), so wait for it rather than run it again (after a write, the callers of
        // a scope all miss at once).
        const leader = computing.joined(key, started);
        if (!leader) return miss(true);
        return leader.then((computed) => (computed ? hit(computed, true) : miss(false)));
      };
      const found = store.get(key);
      return found instanceof Promise ? found.then(serve) : serve(found);
    },
    onSubgraphExecute({ subgraphName, executionRequest, executor, setExecutor }) {
      const context = executionRequest.context as object | undefined;
      const lookup = context && lookups.get(context);
      if (!lookup) return;
      lookup.subgraphs.add(subgraphName);
      if (calls) setExecutor(calls.wrap(subgraphName, lookup.scope, executor));
    },
    onFetch() {
      return ({ response }) => {
        const announced = response.headers.get(DATA_VERSION_HEADER);
        if (!announced) return;
        const [subgraph, version] = announced.split('=');
        if (subgraph && version === DATA_VERSION_UNKNOWN) versions.resync(subgraph);
        else if (subgraph && version) versions.advance(subgraph, Number(version));
      };
    },
    onResponse({ request, response }) {
      const lookup = byRequest.get(request);
      if (!lookup) return;
      if (lookup === 'bypass') {
        response.headers.set(CACHE_STATUS_HEADER, 'bypass');
        return;
      }
      // An execution that ended without a result (it threw) lets those waiting run their own.
      lookup.settle?.(null);
      response.headers.set(CACHE_STATUS_HEADER, lookup.status);
      if (lookup.scope === ANONYMOUS_SCOPE && lookup.etag && response.status === 200) {
        response.headers.set('etag', lookup.etag);
        response.headers.set('cache-control', ANONYMOUS_CACHE_CONTROL);
      }
    },
  };
}
