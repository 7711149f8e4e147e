import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { ErrorCode } from '@cadg/platform';
import { GraphQLError, Kind, type DocumentNode, type ExecutionResult } from 'graphql';

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
 * of its own, tied to the caller's request with a listener removed at the same moment; only
 * queries are resent, once, and only when no answer came back at all.
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

  return {
    onSubgraphExecute({ subgraphName, executionRequest, executor, setExecutor }) {
      const operation = operationTypeOf(executionRequest.document, executionRequest.operationName);
      if (operation === 'subscription') return;
      const attempts = operation === 'query' ? 1 + options.retries : 1;
      setExecutor(async function limitedExecutor(request) {
        for (let attempt = 1; ; attempt++) {
          const call = new TimedCall(subgraphName, options.timeoutMs, callerSignals(request));
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
      });
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

/**
 * The signals that say the caller no longer wants the call: the operation's (a subscription's
 * lives as long as it does) and the HTTP request's (aborted when the client goes away or the
 * request's time is up, see request-deadline.ts).
 */
function callerSignals(request: {
  signal?: AbortSignal | undefined;
  info?: { signal?: AbortSignal | undefined } | undefined;
  context?: { request?: { signal?: AbortSignal } } | undefined;
}): AbortSignal[] {
  const signals = [request.signal, request.info?.signal, request.context?.request?.signal];
  return [...new Set(signals.filter((signal): signal is AbortSignal => signal instanceof AbortSignal))];
}

/** One subgraph call's timer and abort signal; `end()` clears both and its listeners. */
class TimedCall {
  readonly #controller = new AbortController();
  readonly #timer: NodeJS.Timeout;
  readonly #callers: readonly AbortSignal[];
  readonly #onCallerAbort = (event: Event) => this.abort((event.target as AbortSignal).reason);
  /** Rejects with a GATEWAY_TIMEOUT error when the time is up; never resolves. */
  readonly expired: Promise<never>;

  constructor(subgraphName: string, timeoutMs: number, callers: readonly AbortSignal[]) {
    let expire!: (error: GraphQLError) => void;
    this.expired = new Promise<never>((_, reject) => (expire = reject));
    // Unobserved once the call has answered; that is no unhandled rejection.
    this.expired.catch(() => {});
    this.#timer = setTimeout(() => {
      const error = subgraphTimeout(subgraphName, timeoutMs);
      expire(error);
      this.abort(error);
    }, timeoutMs);
    this.#callers = callers;
    for (const caller of callers) {
      if (caller.aborted) this.abort(caller.reason);
      else caller.addEventListener('abort', this.#onCallerAbort, { once: true });
    }
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  abort(reason: unknown): void {
    this.#controller.abort(reason);
  }

  end(): void {
    clearTimeout(this.#timer);
    for (const caller of this.#callers) caller.removeEventListener('abort', this.#onCallerAbort);
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
