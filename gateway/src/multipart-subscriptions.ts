import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { ExecutionResult } from 'graphql';

/** How often an idle multipart subscription sends an empty part, so proxies keep it open. */
export const MULTIPART_HEARTBEAT_MS = 5_000;

const BOUNDARY = 'graphql';
const CONTENT_TYPE = `multipart/mixed;boundary="${BOUNDARY}";subscriptionSpec=1.0`;
const PART_HEAD = `\r\n--${BOUNDARY}\r\nContent-Type: application/json; charset=utf-8\r\n\r\n`;
const END = `\r\n--${BOUNDARY}--\r\n`;

/** True when the client asks for Apollo's multipart subscriptions (`multipart/mixed;subscriptionSpec=1.0`). */
function acceptsMultipartSubscriptions(request: Request): boolean {
  return (request.headers.get('accept') ?? '')
    .split(',')
    .some((type) => /^\s*multipart\/mixed\s*;(.*;)?\s*subscriptionSpec\s*=\s*"?1\.0"?/i.test(type));
}

/**
 * Subscriptions over HTTP as Apollo Client sends them by default: `Accept:
 * multipart/mixed;subscriptionSpec=1.0`, answered with one part per event, `{"payload": result}`,
 * an empty `{}` part as a heartbeat, and `{"payload": null, "errors": [...]}` if the stream fails.
 *
 * The runtime (GraphQL Yoga) answers subscriptions with server-sent events or JSON only and
 * refuses this media type with 406; it has no processor for Apollo's protocol, hence this one
 * (Apollo's "Multipart HTTP protocol for GraphQL subscriptions").
 */
export function useMultipartSubscriptions(): GatewayPlugin {
  return {
    onResultProcess({ request, result, setResultProcessor }) {
      if (!isAsyncIterable(result) || !acceptsMultipartSubscriptions(request)) return;
      setResultProcessor(
        (stream) => multipartResponse(stream as AsyncIterable<ExecutionResult>),
        'multipart/mixed',
      );
    },
  };
}

function multipartResponse(results: AsyncIterable<ExecutionResult>): Response {
  const encoder = new TextEncoder();
  const iterator = results[Symbol.asyncIterator]();
  let heartbeat: NodeJS.Timeout | undefined;
  // Set when the client went away: nothing may be enqueued after that.
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (part: unknown) => {
        if (!cancelled) controller.enqueue(encoder.encode(PART_HEAD + JSON.stringify(part)));
      };
      heartbeat = setInterval(() => send({}), MULTIPART_HEARTBEAT_MS);
      void (async () => {
        try {
          for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
            send({ payload: withoutInternals(next.value) });
          }
        } catch (error) {
          send({
            payload: null,
            errors: [{ message: error instanceof Error ? error.message : String(error) }],
          });
        } finally {
          clearInterval(heartbeat);
          if (!cancelled) {
            controller.enqueue(encoder.encode(END));
            controller.close();
          }
        }
      })();
    },
    async cancel() {
      cancelled = true;
      clearInterval(heartbeat);
      await iterator.return?.();
    },
  });
  return new Response(body, {
    status: 200,
    headers: { 'content-type': CONTENT_TYPE, 'cache-control': 'no-store' },
  });
}

/** A result as clients see it: `extensions.http` is for the server only. */
function withoutInternals(result: ExecutionResult): ExecutionResult {
  if (!result.extensions || !('http' in result.extensions)) return result;
  const { extensions: all, ...rest } = result;
  const { http: _http, ...extensions } = all;
  return Object.keys(extensions).length > 0 ? { ...rest, extensions } : rest;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
