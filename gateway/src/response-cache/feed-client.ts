import {
  CHANGE_FEED_BATCH,
  CHANGE_FEED_PATH,
  CHANGE_FEED_SIGNATURE_HEADER,
  changeFeedSignature,
} from '@cadg/platform';
import type { DataVersions } from './versions.ts';

/** A line of a subgraph's change feed (platform's change-feed.ts). */
interface FeedLine {
  version: number;
  changes?: { id: number; entities: unknown[] }[];
}

export interface FeedClientOptions {
  signingSecret: string | undefined;
  heartbeatMs: number;
  /** Called with each line's changes (metrics, logs). */
  onChanges?: ((subgraph: string, changes: number) => void) | undefined;
  onError?: ((subgraph: string, error: unknown) => void) | undefined;
}

/**
 * Follows one subgraph's change feed and keeps `versions` up to date. The subgraph counts as
 * synced from the first line until the stream ends, errs or is silent for three heartbeats; then
 * its cached entries are not used until a new stream, resumed after the last version seen, says
 * where the data is.
 */
export class FeedClient {
  #stopped = false;
  #controller: AbortController | null = null;
  #running: Promise<void> | null = null;
  /** Bumped when the stream is made to start over; lines of an older stream are ignored. */
  #generation = 0;
  #resyncing = false;

  constructor(
    private readonly subgraph: string,
    private readonly subgraphUrl: string,
    private readonly versions: DataVersions,
    private readonly options: FeedClientOptions,
  ) {}

  start(): void {
    this.versions.onResync(this.subgraph, () => this.#resync());
    this.#running ??= this.#run();
  }

  /** Ends the current stream and opens a new one at once (not an error: no log, no back-off). */
  #resync(): void {
    this.#generation++;
    // Between streams (backing off), the next stream starts over anyway.
    if (!this.#controller) return;
    this.#resyncing = true;
    this.#controller.abort(new Error('change feed resync'));
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#controller?.abort();
    await this.#running;
  }

  async #run(): Promise<void> {
    let backoffMs = 100;
    while (!this.#stopped) {
      const startedAt = Date.now();
      try {
        await this.#follow();
      } catch (error) {
        if (!this.#stopped && !this.#resyncing) this.options.onError?.(this.subgraph, error);
      }
      this.versions.setSynced(this.subgraph, false);
      if (this.#stopped) return;
      if (this.#resyncing) {
        this.#resyncing = false;
        continue;
      }
      // A stream that lived a while reconnects at once; repeated failures back off up to 5 s.
      backoffMs = Date.now() - startedAt > 10_000 ? 100 : Math.min(backoffMs * 2, 5_000);
      await new Promise((resolve) => setTimeout(resolve, backoffMs).unref());
    }
  }

  async #follow(): Promise<void> {
    const controller = new AbortController();
    this.#controller = controller;
    const generation = this.#generation;
    const url = new URL(CHANGE_FEED_PATH, this.subgraphUrl);
    const last = this.versions.last(this.subgraph);
    if (last !== undefined) url.searchParams.set('after', String(last));
    url.searchParams.set('heartbeatMs', String(this.options.heartbeatMs));
    const headers: Record<string, string> = {};
    if (this.options.signingSecret)
      headers[CHANGE_FEED_SIGNATURE_HEADER] = changeFeedSignature(this.options.signingSecret, Date.now());
    let silence: NodeJS.Timeout | undefined;
    const armSilence = () => {
      clearTimeout(silence);
      silence = setTimeout(
        () => controller.abort(new Error('change feed silent')),
        3 * this.options.heartbeatMs,
      );
    };
    armSilence();
    try {
      const response = await fetch(url, { headers, signal: controller.signal });
      if (!response.ok || !response.body) throw new Error(`change feed answered ${response.status}`);
      let buffered = '';
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { done, value: chunk } = await reader.read();
        if (done) return;
        armSilence();
        buffered += chunk;
        let newline: number;
        while ((newline = buffered.indexOf('\n')) >= 0) {
          const line = JSON.parse(buffered.slice(0, newline)) as FeedLine;
          buffered = buffered.slice(newline + 1);
          if (generation !== this.#generation) return;
          this.versions.advance(this.subgraph, line.version);
          // Synced once caught up: a full batch means more changes are still to come.
          if ((line.changes?.length ?? 0) < CHANGE_FEED_BATCH) this.versions.setSynced(this.subgraph, true);
          if (line.changes?.length) this.options.onChanges?.(this.subgraph, line.changes.length);
        }
      }
    } finally {
      clearTimeout(silence);
      this.#controller = null;
    }
  }
}
