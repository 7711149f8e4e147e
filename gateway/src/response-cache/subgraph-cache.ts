import { createHash } from 'node:crypto';
import type { ExecutionRequest, Executor } from '@graphql-tools/utils';
import { getOperationAST, Kind, print, type DocumentNode, type ExecutionResult } from 'graphql';
import { LRUCache } from 'lru-cache';
import { Flights } from './flights.ts';
import type { DataVersions } from './versions.ts';

/**
 * Subgraphs whose answers include data they read from another subgraph themselves: incidents asks
 * contacts for organizations' names (incidents' directory.ts, for STIX exports). An answer from
 * such a subgraph depends on the other one's version too.
 */
export const SUBGRAPH_READS: Readonly<Record<string, readonly string[]>> = { incidents: ['contacts'] };

/** The subgraphs an answer of `subgraph` depends on: itself and those it reads. */
export const dependenciesOf = (subgraph: string): readonly string[] => [
  subgraph,
  ...(SUBGRAPH_READS[subgraph] ?? []),
];

export interface SubgraphCacheStats {
  /** Subgraph query calls answered from the cache. */
  hits: number;
  /** Answered by joining an identical call in flight. */
  coalesced: number;
  /** Calls sent to the subgraph. */
  misses: number;
}

/** One subgraph call's answer (or one entity of an `_entities` call), as the JSON it came as. */
interface Entry {
  readonly scope: string;
  readonly deps: string;
  readonly json: string;
}

/**
 * The second level of the response cache: the gateway's calls to its subgraphs, in each gateway's
 * memory. A whole-answer entry dies when any subgraph it used changes, and under a steady trickle
 * of writes to one subgraph (5% incident reports) every scope's dashboard misses after each write.
 * Re-running such a query costs the full plan, but only the calls to the subgraph that changed
 * read new data: the organizations, countries, regulators and AI-policy positions of the same
 * page are what they were. So each subgraph **query** call is cached too:
 *
 * - only the calls of queries the response cache looked up and missed (plugin.ts), keyed by
 *   subgraph, the call's document and variables and the caller's scope (scope.ts: every subgraph
 *   call carries the caller's identity, so its answer is per scope like a whole answer);
 * - an `_entities` call is cached per representation (same key plus the representation), since a
 *   new incident at the head of the page changes the list of organizations the next call asks for
 *   but not what each of them resolves to; it is answered from the cache only when every entity is
 *   there, else sent whole and each entity stored;
 * - valid while the subgraph (and those it reads, `SUBGRAPH_READS`) is at the data version known
 *   when the call was sent, the rule of whole answers: a write acknowledged to a client raised the
 *   version before the acknowledgement left, so no call sent afterwards matches an older entry;
 * - identical calls in flight at the same versions are sent once (the others wait for it): the
 *   callers of one scope missing together after a write make the same calls.
 *
 * Answers with errors are not stored. Entries stay in memory only (also with Redis): a hit saves a
 * loopback call, not a plan, so a Redis round trip would cost about what it saves.
 */
export class SubgraphCallCache {
  readonly stats: SubgraphCacheStats = { hits: 0, coalesced: 0, misses: 0 };
  readonly #entries: LRUCache<string, Entry>;
  readonly #inFlight = new Flights<string>();
  readonly #documents = new WeakMap<DocumentNode, { text: string; entities: boolean } | null>();

  constructor(
    private readonly versions: DataVersions,
    maxBytes: number,
    ttlMs: number,
  ) {
    this.#entries = new LRUCache<string, Entry>({
      maxSize: maxBytes,
      sizeCalculation: (entry) => Math.max(1, entry.json.length + entry.deps.length),
      ttl: ttlMs,
    });
  }

  get bytes(): number {
    return this.#entries.calculatedSize;
  }

  /**
   * The executor to use instead of `executor` for one subgraph's calls made for a query of `scope`
   * (plugin.ts wraps only the calls of queries it looked up: never those of mutations, batches or
   * subscription events, whose entity calls must see the event's own commit).
   */
  wrap(subgraph: string, scope: string, executor: Executor): Executor {
    const cached = (call: ExecutionRequest): ReturnType<Executor> => {
      const document = this.#document(call.document, call.operationName);
      // The versions are read before the call is sent: its answer is at least that new.
      const deps = document && this.#deps(subgraph);
      if (!document || !deps) return executor(call);
      const { representations, ...others } = (call.variables ?? {}) as Record<string, unknown>;
      const base = hash(subgraph, scope, document.text, JSON.stringify(others));
      const entities = document.entities && Array.isArray(representations);
      const keys = entities
        ? representations.map((representation) => hash(base, JSON.stringify(representation)))
        : [hash(base, JSON.stringify(representations ?? null))];
      const found = this.#lookup(keys, scope, deps, entities);
      if (found) {
        this.stats.hits++;
        return JSON.parse(found) as ReturnType<Executor>;
      }
      const callKey = entities ? hash(base, JSON.stringify(representations)) : keys[0]!;
      const joined = this.#inFlight.joined(callKey, deps);
      if (joined) {
        this.stats.coalesced++;
        return joined.then((json) => (json === null ? executor(call) : JSON.parse(json)));
      }
      this.stats.misses++;
      const done = this.#inFlight.lead(callKey, deps);
      try {
        return Promise.resolve(executor(call)).then(
          (result) => {
            done(this.#store(result, keys, scope, deps, entities));
            return result;
          },
          (error: unknown) => {
            done(null);
            throw error;
          },
        );
      } catch (error) {
        done(null);
        throw error;
      }
    };
    return cached as Executor;
  }

  clear(): void {
    this.#entries.clear();
  }

  /** The versions an answer sent now would be valid at, or null when a feed is not connected. */
  #deps(subgraph: string): string | null {
    let deps = '';
    for (const name of dependenciesOf(subgraph)) {
      const version = this.versions.version(name);
      if (version === undefined) return null;
      deps += `${name}=${version};`;
    }
    return deps;
  }

  #lookup(keys: readonly string[], scope: string, deps: string, entities: boolean): string | null {
    const parts: string[] = [];
    for (const key of keys) {
      const entry = this.#entries.get(key);
      if (!entry || entry.scope !== scope || entry.deps !== deps) return null;
      parts.push(entry.json);
    }
    return entities ? `{"data":{"_entities":[${parts.join(',')}]}}` : parts[0]!;
  }

  /** Stores a good answer; returns it as JSON for the calls that waited on it (null: they resend). */
  #store(result: unknown, keys: readonly string[], scope: string, deps: string, entities: boolean) {
    if (!result || typeof result !== 'object' || Symbol.asyncIterator in result) return null;
    const answer = result as ExecutionResult<{ _entities?: unknown[] }>;
    if (answer.errors?.length || !answer.data) return null;
    const json = JSON.stringify(answer);
    if (entities) {
      const found = answer.data._entities;
      if (!Array.isArray(found) || found.length !== keys.length) return json;
      keys.forEach((key, i) =>
        this.#entries.set(key, { scope, deps, json: JSON.stringify(found[i] ?? null) }),
      );
    } else {
      this.#entries.set(keys[0]!, { scope, deps, json });
    }
    return json;
  }

  /** Queries only; `entities` when the call is the planner's `_entities` fetch. */
  #document(document: DocumentNode, operationName: string | undefined) {
    let known = this.#documents.get(document);
    if (known === undefined) {
      const operation = getOperationAST(document, operationName);
      if (operation?.operation !== 'query') known = null;
      else {
        const [only, ...more] = operation.selectionSet.selections;
        const entities = more.length === 0 && only?.kind === Kind.FIELD && only.name.value === '_entities';
        known = { text: print(document), entities };
      }
      this.#documents.set(document, known);
    }
    return known;
  }
}

const hash = (...parts: string[]): string => {
  const digest = createHash('sha256');
  for (const part of parts) digest.update(part).update('\0');
  return digest.digest('base64url');
};
