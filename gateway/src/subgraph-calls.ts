import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { ErrorCode } from '@cadg/platform';
import { GraphQLError, Kind, type DocumentNode, type ExecutionResult } from 'graphql';
import { deadlineOf } from './request-deadline.ts';

/** Time limits and retries of gateway→subgraph calls (see `subgraphCallsFromEnv`). */
export interface SubgraphCallOptions {
  /**
   * Time limit of each gateway→subgraph query or mutation call, from sending it to its whole
   * answer. Subscriptions are exempt: they are meant to stay open.
   * @default 10000
   */
  timeoutMs: number;
  /**
   * How many times a subgraph **query** is sent again after a connection error (refused, reset:
   * no answer at all came back). Mutations are never resent: one may have been applied before the
   * connection broke. Timeouts are not retried: the subgraph is slow, not gone.
   * @default 1
   */
  retries: number;
}

export const DEFAULT_SUBGRAPH_CALLS: SubgraphCallOptions = { timeoutMs: 10_000, retries: 1 };

/**
 * Time limits and retries of subgraph calls, one cleared timer per call.
 *
 * Written here rather than using the runtime's `upstreamTimeout`/`upstreamRetry`: that timeout
 * makes an `AbortSignal.timeout` per call and joins it to the caller's signal with a listener that
 * stays until the timer fires, so on a subscription (one long-lived signal, a subgraph call per
 * event) listeners pile up: a MaxListenersExceededWarning after ten events and list walks that
 * cost ~12% of the gateway's CPU. Its retry resends any operation type on 5xx and on any error
 * that is not a GraphQL one. Here each call gets a timer that is cleared when it ends and a signal
 * of its own, aborted with the caller's signals, which each operation listens to once for all
 * of its calls (`CallerSignals`); only queries are resent, once, and only when no answer came
 * back at all.
 */
export function useSubgraphCalls(
  choices: { [K in keyof SubgraphCallOptions]?: SubgraphCallOptions[K] | undefined } = {},
): GatewayPlugin {
  const options: SubgraphCallOptions = {
    timeoutMs: choices.timeoutMs ?? DEFAULT_SUBGRAPH_CALLS.timeoutMs,
    retries: choices.retries ?? DEFAULT_SUBGRAPH_CALLS.retries,
  };
  const calls = new WeakMap<object, TimedCall>();
  const inFlight = new Set<TimedCall>();
  // One wrapper per executor and operation type, made once: a closure per call costs more than
  // the limits themselves.
  const wrappers = new WeakMap<object, Map<string, Executor>>();
  const limited = (subgraphName: string, executor: Executor, attempts: number): Executor =>
    async function limitedExecutor(request) {
      for (let attempt = 1; ; attempt++) {
        const call = new TimedCall(subgraphName, options.timeoutMs, request);
        calls.set(request, call);
        inFlight.add(call);
        try {
          const result = await Promise.race([executor(request), call.expired]);
          if (attempt < attempts && isConnectionFailure(result)) continue;
          return result;
        } finally {
          call.end();
          inFlight.delete(call);
          calls.delete(request);
        }
      }
    };

  return {
    onSubgraphExecute({ subgraphName, executionRequest, executor, setExecutor }) {
      const operation =
        executionRequest.operationType ??
        operationTypeOf(executionRequest.document, executionRequest.operationName);
      if (operation === 'subscription') return;
      const attempts = operation === 'query' ? 1 + options.retries : 1;
      let byKey = wrappers.get(executor);
      if (!byKey) wrappers.set(executor, (byKey = new Map()));
      const key = `${subgraphName}\n${attempts}`;
      let wrapper = byKey.get(key);
      if (!wrapper) byKey.set(key, (wrapper = limited(subgraphName, executor, attempts)));
      setExecutor(wrapper);
    },
    onFetch({ executionRequest, options: init, setOptions }) {
      const call = executionRequest && calls.get(executionRequest);
      // The call's own signal replaces the HTTP executor's, which is (or is tied to) a signal that
      // lives as long as the executor; the call's is aborted on timeout, by the caller's request,
      // or on disposal.
      if (call) setOptions({ ...init, signal: call.signal });
    },
    onDispose() {
      for (const call of inFlight) call.abort(new Error('The gateway is shutting down.'));
    },
  };
}

type Executor = Parameters<Parameters<NonNullable<GatewayPlugin['onSubgraphExecute']>>[0]['setExecutor']>[0];
/** What of a subgraph call's request says whether its caller still wants it. */
interface CallRequest {
  signal?: AbortSignal | undefined;
  info?: { signal?: AbortSignal | undefined } | undefined;
  context?: unknown;
}

/**
 * The signals that say the caller no longer wants the call: the operation's (a subscription's
 * lives as long as it does), the HTTP request's (aborted when the client goes away) and the
 * request's deadline (request-deadline.ts). Up to three, usually two distinct ones.
 */
function callerSignals(request: CallRequest): AbortSignal[] {
  const signals: AbortSignal[] = [];
  const httpRequest = (request.context as { request?: Request } | undefined)?.request;
  for (const signal of [
    request.signal,
    request.info?.signal,
    httpRequest?.signal,
    httpRequest && deadlineOf(httpRequest),
  ]) {
    if (signal instanceof AbortSignal && !signals.includes(signal)) signals.push(signal);
  }
  return signals;
}

/**
 * The callers' signals of one operation's subgraph calls, listened to once for all of them: each
 * call joins while in flight and is aborted with them. The listeners stay until the signals go
 * (with their HTTP request, or when the subscription whose events make the calls ends), so a
 * subscription's calls add none and an HTTP request's five calls cost one listener per signal,
 * not a listener added and removed per call and signal.
 */
class CallerSignals {
  readonly signals: readonly AbortSignal[];
  readonly #calls = new Set<TimedCall>();
  #aborted = false;
  #reason: unknown;

  constructor(signals: readonly AbortSignal[]) {
    this.signals = signals;
    const onAbort = (event: Event) => this.#abort((event.target as AbortSignal).reason);
    for (const signal of signals) {
      if (signal.aborted) this.#abort(signal.reason);
      else signal.addEventListener('abort', onAbort, { once: true });
    }
  }

  join(call: TimedCall): void {
    if (this.#aborted) call.abort(this.#reason);
    else this.#calls.add(call);
  }

  leave(call: TimedCall): void {
    this.#calls.delete(call);
  }

  matches(signals: readonly AbortSignal[]): boolean {
    return signals.length === this.signals.length && signals.every((s, i) => s === this.signals[i]);
  }

  #abort(reason: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = reason;
    for (const call of this.#calls) call.abort(reason);
  }
}

// By the first of the callers' signals (the operation's own when it has one): the calls of one
// operation, or of one subscription's events, share one CallerSignals.
const callerSignalsByFirst = new WeakMap<AbortSignal, CallerSignals>();

function callerSignalsOf(request: CallRequest): CallerSignals {
  const signals = callerSignals(request);
  const first = signals[0];
  const known = first && callerSignalsByFirst.get(first);
  if (known?.matches(signals)) return known;
  const created = new CallerSignals(signals);
  // Only the first set seen for a signal is kept. The sets of one operation's calls are all the
  // same, so another set (the same first signal with different others) gets listeners of its own.
  if (first && !known) callerSignalsByFirst.set(first, created);
  return created;
}

/** One subgraph call's timer and abort signal; `end()` clears the timer and leaves its callers. */
class TimedCall {
  readonly #controller = new AbortController();
  readonly #timer: NodeJS.Timeout;
  readonly #callers: CallerSignals;
  /** Rejects with a GATEWAY_TIMEOUT error when the time is up; never resolves. */
  readonly expired: Promise<never>;

  constructor(subgraphName: string, timeoutMs: number, request: CallRequest) {
    let expire!: (error: GraphQLError) => void;
    this.expired = new Promise<never>((_, reject) => (expire = reject));
    // Unobserved once the call has answered; that is no unhandled rejection.
    this.expired.catch(() => {});
    this.#timer = setTimeout(() => {
      const error = subgraphTimeout(subgraphName, timeoutMs);
      expire(error);
      this.abort(error);
    }, timeoutMs);
    this.#callers = callerSignalsOf(request);
    this.#callers.join(this);
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  abort(reason: unknown): void {
    this.#controller.abort(reason);
  }

  end(): void {
    clearTimeout(this.#timer);
    this.#callers.leave(this);
  }
}

/** GATEWAY_TIMEOUT, naming the subgraph (not its address) and the limit. */
export function subgraphTimeout(subgraphName: string, timeoutMs: number): GraphQLError {
  return new GraphQLError(`The ${subgraphName} service did not answer within ${timeoutMs} ms.`, {
    extensions: { code: ErrorCode.GatewayTimeout, http: { status: 504 } },
  });
}

/**
 * True when the HTTP executor got no answer at all: it reports that as a result with
 * SUBREQUEST_HTTP_ERROR and no response status (a status means the subgraph answered).
 */
function isConnectionFailure(result: unknown): boolean {
  if (typeof result !== 'object' || result === null || Symbol.asyncIterator in result) return false;
  const errors = (result as ExecutionResult).errors ?? [];
  return (
    errors.length > 0 &&
    errors.every((error) => {
      const extensions = error.extensions as Record<string, unknown> | undefined;
      return extensions?.['code'] === 'SUBREQUEST_HTTP_ERROR' && extensions['response'] === undefined;
    })
  );
}

function operationTypeOf(document: DocumentNode, operationName: string | undefined) {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    if (operationName === undefined || definition.name?.value === operationName) return definition.operation;
  }
  return undefined;
}
