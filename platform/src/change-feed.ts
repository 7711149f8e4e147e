import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { signatureOf } from './upstream-signature.ts';

/**
 * The change feed every subgraph serves to the gateway's response cache (see the architecture,
 * "Response cache"): `GET /changes?after=<id>` answers a stream of JSON lines,
 * `{"version":N,"changes":[{id,entities}]}`, first everything committed after `after` (or only the
 * current version), then one line per commit and a heartbeat line every `heartbeatMs` that repeats
 * the version read again from the table, so a lost NOTIFY or a silent connection cannot leave the
 * gateway believing old data is current.
 *
 * Written here rather than over graphql-ws: the feed is not part of the graph (it would otherwise be
 * composed into the supergraph and offered to clients) and carries only versions and ids.
 */
export const CHANGE_FEED_PATH = '/changes';

/** The header a subgraph answers mutations with: `<subgraph>=<data version after the mutation>`. */
export const DATA_VERSION_HEADER = 'x-cadg-data-version';
/**
 * The version in DATA_VERSION_HEADER when a mutation may have committed but its version could not be
 * read (the database went away just after): `<subgraph>=unknown`.
 */
export const DATA_VERSION_UNKNOWN = 'unknown';

/** The header the gateway signs its feed requests with: `<unix ms>.<signature>`. */
export const CHANGE_FEED_SIGNATURE_HEADER = 'x-cadg-feed-signature';

/** How far a feed request's signing time may be from the subgraph's clock. */
const SIGNATURE_WINDOW_MS = 5 * 60_000;

/** Changes per feed line; a shorter line means the reader has caught up with the head. */
export const CHANGE_FEED_BATCH = 500;

/** Heartbeat interval when the request does not say (the gateway's says). @default 1000 */
export const DEFAULT_HEARTBEAT_MS = 1_000;

/** One subgraph's change record, as `@cadg/db`'s `changeLogOf` provides it. */
export interface ChangeSource {
  head(): Promise<number>;
  after(
    id: number,
    limit: number,
  ): Promise<
    readonly { id: number; entities: readonly { type?: string; table?: string; id: string | null }[] }[]
  >;
  watch(onChange: (version?: number) => void): Promise<() => Promise<void>>;
}

/** What the gateway sends to sign a feed request at `timeMs`. */
export function changeFeedSignature(secret: string, timeMs: number): string {
  return `${timeMs}.${signatureOf(secret, { query: `changes ${timeMs}` })}`;
}

function signatureIsValid(secret: string, header: string | undefined, nowMs: number): boolean {
  const [time, ...rest] = (header ?? '').split('.');
  const timeMs = Number(time);
  if (!Number.isSafeInteger(timeMs) || Math.abs(nowMs - timeMs) > SIGNATURE_WINDOW_MS) return false;
  const expected = Buffer.from(changeFeedSignature(secret, timeMs));
  const given = Buffer.from(`${time}.${rest.join('.')}`);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A subgraph server's side of the feed (see `createSubgraphServer`'s `changes` option). */
export interface ChangeFeed {
  /** Answers `/changes` and returns true; false for every other request. */
  serve(req: IncomingMessage, res: ServerResponse): boolean;
  /**
   * Puts the data version after each mutation in `x-cadg-data-version`, so the gateway that
   * forwarded the mutation knows, before it answers its client, that older cache entries are old.
   */
  readonly plugin: ApolloServerPlugin<BaseContext>;
  /** Ends every open feed (on shutdown: the gateway reconnects to another replica). */
  close(): void;
}

export function createChangeFeed(
  subgraph: string,
  source: ChangeSource,
  signingSecret: string | undefined,
): ChangeFeed {
  const open = new Set<ServerResponse>();
  // One listener for every request: it holds nothing of the request's own.
  const stampMutations = {
    async willSendResponse({ operation, response }: GraphQLRequestContextWillSendResponse<BaseContext>) {
      if (operation?.operation !== 'mutation') return;
      let version: string;
      try {
        version = String(await source.head());
      } catch {
        // The database went away after the mutation ran (a failure here would turn the
        // mutation's answer into an internal error). A mutation that answered nothing changed
        // nothing; one that answered may have committed, and its version is unknown: the
        // gateway then trusts none of this subgraph's cached entries until it learns more.
        const body = response.body;
        const data = body.kind === 'single' ? body.singleResult.data : undefined;
        if (!data || Object.values(data).every((value) => value === null)) return;
        version = DATA_VERSION_UNKNOWN;
      }
      response.http.headers.set(DATA_VERSION_HEADER, `${subgraph}=${version}`);
    },
  };
  return {
    serve(req, res) {
      // Every request of the subgraph passes here: a URL is parsed only for one that may be the feed.
      if (!req.url?.startsWith(CHANGE_FEED_PATH)) return false;
      if (new URL(req.url, 'http://subgraph').pathname !== CHANGE_FEED_PATH) return false;
      open.add(res);
      res.on('close', () => open.delete(res));
      serveChangeFeed(req, res, source, signingSecret);
      return true;
    },
    plugin: {
      async requestDidStart() {
        return stampMutations;
      },
    },
    close() {
      for (const res of open) res.destroy();
    },
  };
}

/**
 * Serves the feed on one HTTP request. With a signing secret, only the gateway (a signed request)
 * is served; without one (a subgraph run alone in development), versions only, never ids.
 */
export function serveChangeFeed(
  req: IncomingMessage,
  res: ServerResponse,
  source: ChangeSource,
  signingSecret: string | undefined,
): void {
  const signed =
    signingSecret !== undefined &&
    signatureIsValid(signingSecret, header(req, CHANGE_FEED_SIGNATURE_HEADER), Date.now());
  if (signingSecret !== undefined && !signed) {
    res.writeHead(401, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ error: 'The change feed serves the gateway only (a signed request).' }));
    return;
  }
  const url = new URL(req.url ?? '/', 'http://subgraph');
  const after = Number(url.searchParams.get('after') ?? 'NaN');
  const heartbeatMs = clamp(Number(url.searchParams.get('heartbeatMs') ?? DEFAULT_HEARTBEAT_MS), 50, 30_000);
  res.writeHead(200, {
    'content-type': 'application/x-ndjson; charset=utf-8',
    'cache-control': 'no-store',
    'x-accel-buffering': 'no',
  });
  res.flushHeaders();
  new FeedConnection(
    res,
    source,
    signed,
    Number.isSafeInteger(after) && after >= 0 ? after : null,
    heartbeatMs,
  );
}

/** One gateway's stream: reads what it has not seen yet on every wake-up, one read at a time. */
class FeedConnection {
  #last = 0;
  #announced = 0;
  #reading = false;
  #again = false;
  #closed = false;
  readonly #timer: NodeJS.Timeout;
  #stopWatching: (() => Promise<void>) | null = null;

  constructor(
    private readonly res: ServerResponse,
    private readonly source: ChangeSource,
    private readonly withEntities: boolean,
    after: number | null,
    heartbeatMs: number,
  ) {
    this.#timer = setInterval(() => this.wake(), heartbeatMs);
    res.on('close', () => void this.close());
    void this.start(after);
  }

  private async start(after: number | null): Promise<void> {
    try {
      const head = await this.source.head();
      // An `after` beyond the head (another database, a reset) is not trusted: start from the head.
      this.#last = after !== null && after <= head ? after : head;
      this.#stopWatching = await this.source.watch((version) => {
        // The committed version, announced at once; its changes follow from the table.
        if (version !== undefined) this.announce(version);
        this.wake();
      });
      if (this.#closed) await this.#stopWatching();
      this.wake();
    } catch {
      this.res.destroy();
    }
  }

  private announce(version: number): void {
    if (this.#closed || version <= this.#announced) return;
    this.#announced = version;
    this.res.write(`${JSON.stringify({ version: Math.max(version, this.#last), changes: [] })}\n`);
  }

  private wake(): void {
    if (this.#closed) return;
    if (this.#reading) {
      this.#again = true;
      return;
    }
    this.#reading = true;
    void this.read().finally(() => {
      this.#reading = false;
      if (this.#again) {
        this.#again = false;
        this.wake();
      }
    });
  }

  private async read(): Promise<void> {
    try {
      for (;;) {
        const changes = await this.source.after(this.#last, CHANGE_FEED_BATCH);
        if (this.#closed) return;
        if (changes.length > 0) this.#last = changes[changes.length - 1]!.id;
        const version = Math.max(this.#last, this.#announced);
        const line = this.withEntities
          ? { version, changes }
          : { version, changes: changes.map(({ id }) => ({ id, entities: [] })) };
        this.res.write(`${JSON.stringify(line)}\n`);
        if (changes.length < CHANGE_FEED_BATCH) return;
      }
    } catch {
      // The gateway sees the stream end and stops trusting its entries until it reconnects.
      this.res.destroy();
    }
  }

  private async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#timer);
    await this.#stopWatching?.().catch(() => {});
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min;
}
