/**
 * What this gateway knows of each subgraph's data version (the highest committed id of its change
 * record, see @cadg/db changes.ts), from the subgraph's change feed and from the data-version
 * header of mutation answers. Versions only grow. A subgraph whose feed is not connected has no
 * version: nothing that depends on it is served from the cache or stored in it.
 */
export class DataVersions {
  readonly #known = new Map<string, number>();
  readonly #synced = new Set<string>();
  readonly #waiters = new Set<() => void>();
  readonly #resyncers = new Map<string, () => void>();

  constructor(readonly subgraphs: readonly string[]) {}

  /** The versions of the subgraphs whose feeds are connected, as a query starting now sees them. */
  snapshot(): ReadonlyMap<string, number> {
    const snapshot = new Map<string, number>();
    for (const name of this.#synced) snapshot.set(name, this.#known.get(name) ?? 0);
    return snapshot;
  }

  /** True when every dependency's feed is connected and its version is still the one recorded. */
  isCurrent(deps: Readonly<Record<string, number>>): boolean {
    for (const name in deps) {
      if (!this.#synced.has(name) || this.#known.get(name) !== deps[name]) return false;
    }
    return true;
  }

  version(subgraph: string): number | undefined {
    return this.#synced.has(subgraph) ? (this.#known.get(subgraph) ?? 0) : undefined;
  }

  advance(subgraph: string, version: number): void {
    if (!this.subgraphs.includes(subgraph) || !Number.isSafeInteger(version)) return;
    if (version > (this.#known.get(subgraph) ?? -1)) this.#known.set(subgraph, version);
    this.#notify();
  }

  /** The known version, to resume the feed after it (undefined before the first line). */
  last(subgraph: string): number | undefined {
    return this.#known.get(subgraph);
  }

  setSynced(subgraph: string, synced: boolean): void {
    if (synced) this.#synced.add(subgraph);
    else this.#synced.delete(subgraph);
    this.#notify();
  }

  /** Registers how to make `subgraph`'s feed start over (its FeedClient). */
  onResync(subgraph: string, resync: () => void): void {
    this.#resyncers.set(subgraph, resync);
  }

  /**
   * Stops trusting `subgraph`'s entries until its feed has started over: a mutation there may have
   * committed at a version nobody could read (its answer said `unknown`). A new stream reads the
   * head after that commit, so once it has said where the data is, entries are trusted again.
   */
  resync(subgraph: string): void {
    if (!this.subgraphs.includes(subgraph)) return;
    this.setSynced(subgraph, false);
    this.#resyncers.get(subgraph)?.();
  }

  /** Resolves once `condition` holds (checked on every change), or rejects after `timeoutMs`. */
  until(condition: () => boolean, timeoutMs: number): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!condition()) return;
        clearTimeout(timer);
        this.#waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(check);
        reject(new Error(`Data versions did not reach the expected state in ${timeoutMs} ms.`));
      }, timeoutMs);
      this.#waiters.add(check);
    });
  }

  #notify(): void {
    for (const waiter of [...this.#waiters]) waiter();
  }
}
