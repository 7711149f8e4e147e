import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { DATA_VERSION_HEADER } from '@cadg/platform';
import { getOperationAST, type ExecutionResult } from 'graphql';
import { verifiedCallerOf, type GatewayContextAdditions } from '../authentication.ts';
import { ANONYMOUS_SCOPE, cacheKeyOf, etagOf, scopeOf } from './scope.ts';
import type { AnswerStore, CachedAnswer } from './store.ts';
import type { DataVersions } from './versions.ts';

/**
 * Subgraphs whose answers include data they read from another subgraph themselves: incidents asks
 * contacts for organizations' names (incidents' directory.ts, for STIX exports). An answer from
 * such a subgraph depends on the other one's version too.
 */
export const SUBGRAPH_READS: Readonly<Record<string, readonly string[]>> = { incidents: ['contacts'] };

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
}

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
): GatewayPlugin<GatewayContextAdditions> {
  const lookups = new WeakMap<object, Lookup>();
  const byRequest = new WeakMap<Request, Lookup | 'bypass'>();

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
      const serve = (answer: CachedAnswer | undefined) => {
        if (answer && answer.scope === scope && versions.isCurrent(answer.deps)) {
          stats.hits++;
          lookup.status = 'hit';
          lookup.etag = answer.etag;
          setResultAndStopExecution({ ...answer.result });
          return;
        }
        stats.misses++;
        return {
          onExecuteDone({ result }: { result: ExecutionResult | AsyncIterable<unknown> }) {
            if (Symbol.asyncIterator in result || result.errors?.length) return;
            const deps: Record<string, number> = {};
            const used = [...lookup.subgraphs].flatMap((name) => [name, ...(SUBGRAPH_READS[name] ?? [])]);
            for (const name of used) {
              const version = lookup.startVersions.get(name);
              // A subgraph whose feed was down when the query started: nothing says how old this is.
              if (version === undefined) return;
              deps[name] = version;
            }
            const body = JSON.stringify(result);
            const etag = etagOf(key, body);
            lookup.etag = etag;
            stats.stores++;
            store.set(key, { deps, scope, etag, result, size: Buffer.byteLength(body) }, body, ttlMs);
          },
        };
      };
      const found = store.get(key);
      return found instanceof Promise ? found.then(serve) : serve(found);
    },
    onSubgraphExecute({ subgraphName, executionRequest }) {
      const context = executionRequest.context as object | undefined;
      if (context) lookups.get(context)?.subgraphs.add(subgraphName);
    },
    onFetch() {
      return ({ response }) => {
        const announced = response.headers.get(DATA_VERSION_HEADER);
        if (!announced) return;
        const [subgraph, version] = announced.split('=');
        if (subgraph && version) versions.advance(subgraph, Number(version));
      };
    },
    onResponse({ request, response }) {
      const lookup = byRequest.get(request);
      if (!lookup) return;
      if (lookup === 'bypass') {
        response.headers.set(CACHE_STATUS_HEADER, 'bypass');
        return;
      }
      response.headers.set(CACHE_STATUS_HEADER, lookup.status);
      if (lookup.scope === ANONYMOUS_SCOPE && lookup.etag && response.status === 200) {
        response.headers.set('etag', lookup.etag);
        response.headers.set('cache-control', ANONYMOUS_CACHE_CONTROL);
      }
    },
  };
}
