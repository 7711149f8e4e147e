import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import {
  print,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';

type SubscribeResult = AsyncIterable<ExecutionResult> | ExecutionResult;
type SubscribeFn = (args: ExecutionArgs) => SubscribeResult | Promise<SubscribeResult>;

/**
 * Results a subscriber may fall behind the stream it shares before it is cut off. graphql-ws
 * clients never get near it (the websocket server drains each subscription eagerly and closes a
 * stalled client with 4413 long before); it bounds memory for consumers without such a drain.
 */
const MAX_BEHIND = 10_000;

/**
 * Subscribers to the same operation with the same variables and the same credentials share one
 * execution: one upstream subscription to the subgraph, one run of the query plan per event,
 * whatever the number of clients. A major incident then costs the subgraph and the gateway one
 * event's work, plus one send per client, instead of one of each per client.
 *
 * Sharing never crosses credentials: subgraphs decide what each caller may see (TLP), so the key
 * holds the Authorization the gateway forwards to them, as well as the schema generation, the
 * document, the operation name and the variables.
 *
 * A subscriber joins a running stream only while that stream has delivered nothing yet. Joining
 * later would be wrong for a resuming subscription (`after:` replays events from a cursor; the
 * stream has already replayed them) and makes no difference to the rest: it then gets a stream of
 * its own, which later subscribers join. So at the moment an incident breaks, every subscriber
 * that was waiting for it shares a stream with everyone waiting under the same key.
 *
 * Hooks of other plugins that follow a subscription's results (error masking, metrics) still run
 * per subscriber: this replaces only the function that executes the operation.
 */
export class SubscriptionSharing {
  private readonly joinable = new Map<string, SharedStream>();
  private streamCount = 0;
  private subscriberCount = 0;

  /** Upstream executions currently running. */
  get streams(): number {
    return this.streamCount;
  }

  /** Subscribers currently attached to a stream. */
  get subscribers(): number {
    return this.subscriberCount;
  }

  /** The envelop plugin: wraps the runtime's subscribe function (so it must come after the runtime's own). */
  plugin(): GatewayPlugin {
    return {
      onSubscribe: ({ subscribeFn, setSubscribeFn }) => {
        const execute = subscribeFn as SubscribeFn;
        setSubscribeFn(((args: ExecutionArgs) => this.subscribe(args, execute)) as typeof subscribeFn);
      },
    };
  }

  subscribe(args: ExecutionArgs, execute: SubscribeFn): Promise<SubscribeResult> {
    const key = sharingKey(args);
    let stream = this.joinable.get(key);
    if (!stream) {
      const created = new SharedStream(() => execute(args), {
        opened: () => this.streamCount++,
        closed: () => this.streamCount--,
        joined: () => this.subscriberCount++,
        left: () => this.subscriberCount--,
        unjoinable: () => {
          if (this.joinable.get(key) === created) this.joinable.delete(key);
        },
      });
      this.joinable.set(key, created);
      stream = created;
    }
    return stream.join();
  }
}

interface StreamEvents {
  opened(): void;
  closed(): void;
  joined(): void;
  left(): void;
  /** The stream takes no more subscribers (it delivered something, or it ended). */
  unjoinable(): void;
}

/** One execution of a subscription, read once and handed to every subscriber attached to it. */
class SharedStream {
  private readonly consumers = new Set<Subscriber>();
  private readonly started: Promise<SubscribeResult>;
  private iterator: AsyncIterator<ExecutionResult> | null = null;
  private ended = false;

  constructor(
    execute: () => SubscribeResult | Promise<SubscribeResult>,
    private readonly events: StreamEvents,
  ) {
    this.started = Promise.resolve().then(execute);
    this.started.then(
      (result) => {
        if (isAsyncIterable(result)) void this.pump(result);
        else this.end();
      },
      () => this.end(),
    );
  }

  async join(): Promise<SubscribeResult> {
    const subscriber = new Subscriber(this);
    this.consumers.add(subscriber);
    this.events.joined();
    try {
      const result = await this.started;
      if (isAsyncIterable(result)) return subscriber;
      // An execution that failed before it started (validation against the subgraph, a refused
      // upstream): every subscriber gets that result, as each would have on its own.
      this.leave(subscriber);
      return result;
    } catch (error) {
      this.leave(subscriber);
      throw error;
    }
  }

  leave(subscriber: Subscriber): void {
    if (!this.consumers.delete(subscriber)) return;
    this.events.left();
    if (this.consumers.size > 0 || this.ended) return;
    // The last subscriber left: release the upstream subscription.
    this.end();
    void this.iterator?.return?.();
  }

  private async pump(source: AsyncIterable<ExecutionResult>): Promise<void> {
    this.events.opened();
    const iterator = source[Symbol.asyncIterator]();
    this.iterator = iterator;
    if (this.ended) void iterator.return?.();
    try {
      for (;;) {
        const step = await iterator.next();
        if (step.done || this.ended) break;
        this.events.unjoinable();
        for (const subscriber of this.consumers) subscriber.push(step.value);
      }
      for (const subscriber of [...this.consumers]) subscriber.finish();
    } catch (error) {
      for (const subscriber of [...this.consumers]) subscriber.fail(error);
    } finally {
      this.end();
      this.events.closed();
    }
  }

  private end(): void {
    this.ended = true;
    this.events.unjoinable();
  }
}

/** One subscriber's view of a shared stream: its own queue, its own end. */
class Subscriber implements AsyncIterableIterator<ExecutionResult> {
  private readonly queue: ExecutionResult[] = [];
  private waiting: {
    resolve(step: IteratorResult<ExecutionResult>): void;
    reject(error: unknown): void;
  } | null = null;
  private end: { error: unknown } | 'done' | null = null;

  constructor(private readonly stream: SharedStream) {}

  push(value: ExecutionResult): void {
    if (this.end) return;
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve({ value, done: false });
      return;
    }
    this.queue.push(value);
    if (this.queue.length > MAX_BEHIND) {
      this.queue.length = 0;
      this.fail(new Error('Subscriber too slow: resume with the last cursor received.'));
    }
  }

  finish(): void {
    this.close('done');
  }

  fail(error: unknown): void {
    this.close({ error });
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    const value = this.queue.shift();
    if (value !== undefined) return Promise.resolve({ value, done: false });
    if (this.end === 'done') return Promise.resolve({ value: undefined, done: true });
    if (this.end) {
      const { error } = this.end;
      this.end = 'done';
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  return(): Promise<IteratorResult<ExecutionResult>> {
    this.queue.length = 0;
    this.close('done');
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(): Promise<IteratorResult<ExecutionResult>> {
    return this.return();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private close(end: { error: unknown } | 'done'): void {
    if (this.end) return;
    this.end = end;
    this.stream.leave(this);
    if (!this.waiting) return;
    const { resolve, reject } = this.waiting;
    this.waiting = null;
    if (end === 'done') resolve({ value: undefined, done: true });
    else {
      this.end = 'done';
      reject(end.error);
    }
  }
}

const schemaIds = new WeakMap<GraphQLSchema, number>();
let nextSchemaId = 0;
const printedDocuments = new WeakMap<DocumentNode, string>();

/**
 * What makes two subscriptions the same: schema generation (a reloaded supergraph starts new
 * streams), document, operation name, variables, and the credentials forwarded to subgraphs
 * (`context.headers.authorization`, the expression the transports interpolate).
 */
function sharingKey(args: ExecutionArgs): string {
  let schemaId = schemaIds.get(args.schema);
  if (schemaId === undefined) schemaIds.set(args.schema, (schemaId = nextSchemaId++));
  let document = printedDocuments.get(args.document);
  if (document === undefined) printedDocuments.set(args.document, (document = print(args.document)));
  return JSON.stringify([
    schemaId,
    document,
    args.operationName ?? null,
    canonical(args.variableValues ?? {}),
    forwardedAuthorization(args.contextValue),
  ]);
}

function forwardedAuthorization(context: unknown): string | null {
  if (typeof context !== 'object' || context === null || !('headers' in context)) return null;
  const headers = context.headers;
  if (typeof headers !== 'object' || headers === null || !('authorization' in headers)) return null;
  const value = headers.authorization;
  return typeof value === 'string' ? value : null;
}

/** Variables with object keys sorted, so `{a, b}` and `{b, a}` share. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
  );
}

function isAsyncIterable(value: unknown): value is AsyncIterable<ExecutionResult> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
