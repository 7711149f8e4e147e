import type { FormattedExecutionResult, GraphQLError } from 'graphql';
import { WebSocket } from 'ws';

/**
 * Stands for a shared payload in the text graphql-ws serialises. The NUL keeps it from being any
 * value a result holds; it is only ever looked for at the very end of a `next` message.
 */
const MARK = '\u0000cadg:shared-payload\u0000';
/** How a `next` message whose payload was replaced by the mark ends (`payload` is its last key). */
const MARKED_TAIL = `"payload":${JSON.stringify(MARK)}}`;

/**
 * Serialises each result once, however many subscribers it goes to.
 *
 * Subscribers sharing an upstream stream (shared-subscriptions.ts) are handed the same result
 * object, and the plugins after them keep it unless they change something (an error to mask). But
 * graphql-ws builds and serialises a `next` message per subscriber, so 10,000 subscribers would
 * cost 10,000 `JSON.stringify` of the same result, and the garbage of 10,000 copies, per event.
 * Here the payload object is built once per result (`payloadOf`, from graphql-ws's `onNext`), its
 * JSON is computed once (`replacer`, graphql-ws's `jsonMessageReplacer`, puts a mark in its place)
 * and spliced into each subscriber's message as its socket sends it (`fill`, through the socket
 * class `socketClass`). graphql-ws has no hook to send pre-serialised text, hence the splice.
 *
 * What a subscriber receives is unchanged: the text is the serialisation of the very object it
 * would have serialised itself, and a result is only ever an object of the stream the subscriber
 * was allowed to join (sharing never crosses credentials), so one subscriber's event never reaches
 * another's socket. Results are held weakly: a result no subscriber holds any more is forgotten.
 */
export class SharedPayloads {
  readonly #payloads = new WeakMap<object, FormattedExecutionResult>();
  readonly #texts = new WeakMap<object, string>();
  /** The JSON of the payload the last `replacer` call replaced with the mark, until `fill` uses it. */
  #pending: string | null = null;

  /** The payload for `result`: built by `build` for its first subscriber, the same object for the rest. */
  payloadOf<R extends object>(
    result: R,
    build: (result: R) => FormattedExecutionResult,
  ): FormattedExecutionResult {
    let payload = this.#payloads.get(result);
    if (payload === undefined) {
      payload = build(result);
      this.#payloads.set(result, payload);
      this.#texts.set(payload, JSON.stringify(payload));
    }
    return payload;
  }

  /** graphql-ws's `jsonMessageReplacer`: a payload from `payloadOf` becomes the mark. */
  readonly replacer = (key: string, value: unknown): unknown => {
    if (key !== 'payload' || typeof value !== 'object' || value === null) return value;
    const text = this.#texts.get(value);
    if (text === undefined) return value;
    this.#pending = text;
    return MARK;
  };

  /** The message with its payload's JSON back in place of the mark (graphql-ws serialises, then sends). */
  fill(data: string): string {
    const text = this.#pending;
    if (text === null || !data.endsWith(MARKED_TAIL)) return data;
    this.#pending = null;
    return `${data.slice(0, -MARKED_TAIL.length)}"payload":${text}}`;
  }

  /** The `ws` socket class (`WebSocketServer`'s `WebSocket` option) whose text messages are filled. */
  socketClass(): typeof WebSocket {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the class's `this` is the socket.
    const payloads = this;
    return class FilledWebSocket extends WebSocket {
      override send(data: unknown, ...rest: unknown[]): void {
        const filled = typeof data === 'string' ? payloads.fill(data) : data;
        (super.send as (data: unknown, ...rest: unknown[]) => void)(filled, ...rest);
      }
    };
  }
}

/** The payload graphql-ws itself would send for `result` (errors as their JSON, nothing undefined). */
export function graphqlWsPayload(result: {
  data?: unknown;
  errors?: readonly GraphQLError[] | undefined;
  extensions?: unknown;
}): FormattedExecutionResult {
  const { errors, ...rest } = result;
  return {
    ...(rest as Omit<FormattedExecutionResult, 'errors'>),
    ...(errors ? { errors: errors.map((error) => error.toJSON()) } : {}),
  };
}
