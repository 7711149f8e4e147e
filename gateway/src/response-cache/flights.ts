/**
 * Computations in progress, by key, each valid at the data versions it started from: whoever starts
 * the same one at the same versions waits for its result instead of computing it again (after a
 * write, the callers of one scope all miss at once and would all ask the subgraphs the same thing).
 * Used for whole answers (plugin.ts) and for subgraph calls (subgraph-cache.ts).
 */
export class Flights<T> {
  readonly #running = new Map<string, { versions: string; result: Promise<T | null> }>();

  /** The result of the same computation started at the same versions, if one is running. */
  joined(key: string, versions: string): Promise<T | null> | undefined {
    const flight = this.#running.get(key);
    return flight?.versions === versions ? flight.result : undefined;
  }

  /**
   * Registers a computation and returns how to settle it: with its result, or `null` when there is
   * nothing to share (those waiting compute their own). Settling again does nothing. With
   * `maxWaitMs`, it settles with `null` by itself after that long, should its owner never settle it.
   */
  lead(key: string, versions: string, maxWaitMs?: number): (result: T | null) => void {
    let resolve!: (result: T | null) => void;
    const flight = { versions, result: new Promise<T | null>((done) => (resolve = done)) };
    this.#running.set(key, flight);
    const limit = maxWaitMs === undefined ? undefined : setTimeout(() => settle(null), maxWaitMs).unref();
    const settle = (result: T | null) => {
      clearTimeout(limit);
      if (this.#running.get(key) === flight) this.#running.delete(key);
      resolve(result);
    };
    return settle;
  }
}
