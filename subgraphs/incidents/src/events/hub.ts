import { listen, type Database, type Listening } from '@cadg/db';
import { eventsAfter, lastEventId, type StreamItem } from './feed.ts';
import { EVENTS_CHANNEL } from './outbox.ts';

export type HubListener = (items: readonly StreamItem[]) => void;

export interface EventHubOptions {
  /** Rows read per query while catching up. @default 500 */
  batchSize?: number;
  /** Reports a failed read; the hub retries on the next notification. @default console.error */
  onError?: (error: unknown) => void;
  /** Called after each batch was handed to every listener (metrics observe event lag here). */
  onFannedOut?: (items: readonly StreamItem[]) => void;
  /**
   * Called after every successful read pass a notification started, whether or not it found incident events:
   * advisory events are in the outbox too (the alert dispatcher wakes here) but not in this feed.
   */
  onDrained?: () => void;
}

/**
 * One per incidents process: LISTENs once, reads each new event once (with its incident), and hands
 * it to every local subscriber, so a major incident costs one query however many agencies
 * subscribe. Notifications are only wake-up calls: the hub always reads "everything after the last
 * id I emitted", so a lost notification (e.g. during a reconnect) delays events but loses none.
 */
export class EventHub {
  #lastId = 0;
  #listeners = new Set<HubListener>();
  #listening: Listening | null = null;
  #reading = false;
  #again = false;
  #idle: Promise<void> = Promise.resolve();
  readonly #batchSize: number;
  readonly #onError: (error: unknown) => void;
  readonly #onFannedOut: ((items: readonly StreamItem[]) => void) | undefined;
  readonly #onDrained: (() => void) | undefined;

  constructor(
    private readonly database: Database,
    options: EventHubOptions = {},
  ) {
    this.#batchSize = options.batchSize ?? 500;
    this.#onFannedOut = options.onFannedOut;
    this.#onDrained = options.onDrained;
    this.#onError = options.onError ?? ((error) => console.error('[incidents] event hub read failed', error));
  }

  /** The id of the last event handed to listeners: a subscriber registered now gets every later one. */
  get lastId(): number {
    return this.#lastId;
  }

  async start(): Promise<void> {
    this.#lastId = await lastEventId(this.database.db);
    this.#listening = await listen(
      this.database,
      EVENTS_CHANNEL,
      () => this.wake(),
      () => this.wake(),
    );
  }

  async stop(): Promise<void> {
    await this.#listening?.stop();
    this.#listening = null;
    await this.#idle;
    this.#listeners.clear();
  }

  /** Registers a listener for every event emitted from now on; returns the unsubscribe function. */
  subscribe(listener: HubListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get subscriberCount(): number {
    return this.#listeners.size;
  }

  /** Reads and emits whatever is new; concurrent calls fold into one more pass. */
  wake(): void {
    if (this.#reading) {
      this.#again = true;
      return;
    }
    this.#reading = true;
    this.#idle = this.#drain().finally(() => {
      this.#reading = false;
    });
  }

  async #drain(): Promise<void> {
    let failed: boolean;
    do {
      this.#again = false;
      failed = false;
      try {
        let batch: StreamItem[];
        do {
          batch = await eventsAfter(this.database.db, this.#lastId, this.#batchSize);
          if (batch.length === 0) break;
          this.#lastId = batch.at(-1)!.event.id;
          for (const listener of this.#listeners) listener(batch);
          this.#onFannedOut?.(batch);
        } while (batch.length === this.#batchSize);
      } catch (error) {
        failed = true;
        this.#onError(error);
      }
    } while (this.#again);
    // Not after a failed read: while the database is away, every wake-up would send the dispatcher
    // at it too (it retries on its own timer; the LISTEN's reconnection wakes us once it is back).
    if (!failed) this.#onDrained?.();
  }
}
