import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { containsNul, nulRefused } from '@cadg/platform';
import { GraphQLError } from 'graphql';

/** Response types that can carry a subscription's stream of results over HTTP. */
const STREAMING_TYPES = /text\/event-stream|multipart\/mixed/i;

const badRequest = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });

/**
 * Refusals of malformed GraphQL-over-HTTP requests that the runtime would otherwise answer badly:
 * a GET whose `variables` or `extensions` parameter is not JSON (the runtime's JSON.parse throws,
 * which masking can only call an unexpected error), and a subscription sent over plain HTTP by a
 * client that accepts no streaming response type (the runtime answers 406 with an empty body, after
 * starting the subscription), and a batch entry that is not an object or an operationName that is a
 * list (which the runtime fails on). They become BAD_REQUEST with a message saying what to do instead, as
 * does the runtime's empty 415 for a body type it cannot read.
 */
export function useHttpRequestChecks(): GatewayPlugin {
  return {
    // The runtime refuses a body type it cannot read with an empty 415; say so in GraphQL's words.
    onResponse({ response, setResponse }) {
      if (response.status !== 415 || response.headers.get('content-type')) return;
      const body = JSON.stringify({
        errors: [
          {
            message: 'Send the request as application/json (or application/graphql-response+json).',
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      });
      setResponse(
        new Response(body, {
          status: 415,
          headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
        }),
      );
    },
    onRequestParse({ request, url }) {
      if (request.method === 'GET') {
        for (const name of ['variables', 'extensions']) {
          const value = url.searchParams.get(name);
          if (!value) continue;
          try {
            JSON.parse(value);
          } catch {
            throw badRequest(`The "${name}" parameter is not valid JSON.`);
          }
        }
      }
      return {
        // The runtime fails, rather than refuses, on a batch entry that is not an object (`[null]`)
        // and on an operationName that is a list.
        onRequestParseDone({ requestParserResult }) {
          const batch: unknown[] = Array.isArray(requestParserResult)
            ? requestParserResult
            : [requestParserResult];
          for (const params of batch) {
            if (typeof params !== 'object' || params === null)
              throw badRequest('Each operation in a batch must be a JSON object.');
            const { operationName } = params as { operationName?: unknown };
            if (operationName !== undefined && operationName !== null && typeof operationName !== 'string')
              throw badRequest('operationName must be a string.');
          }
        },
      };
    },
    // Checked on the parsed parameters, so HTTP and graphql-ws operations are covered alike.
    onParams({ params }) {
      const text = `${params.query ?? ''}${params.variables ? JSON.stringify(params.variables) : ''}`;
      if (containsNul(text)) throw nulRefused();
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const context = args.contextValue as { viaWebSocket?: boolean; request?: Request };
      if (context.viaWebSocket === true) return;
      if (STREAMING_TYPES.test(context.request?.headers.get('accept') ?? '')) return;
      setResultAndStopExecution({
        errors: [
          badRequest(
            'Subscriptions are served over graphql-ws on this path, or to Accept: text/event-stream.',
          ),
        ],
      });
    },
  };
}
