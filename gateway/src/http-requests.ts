import type { IncomingMessage } from 'node:http';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { containsNul, ErrorCode, nulRefused, RequestErrorCode } from '@cadg/platform';
import { GraphQLError } from 'graphql';
import { isSingleResult } from './execution-results.ts';

/** Response types that can carry a subscription's stream of results over HTTP. */
const STREAMING_TYPES = /text\/event-stream|multipart\/mixed/i;

const badRequest = (message: string, status = 400) =>
  new GraphQLError(message, { extensions: { code: RequestErrorCode.BadRequest, http: { status } } });

const JSON_ONLY_MESSAGE = 'Send operations as JSON (content-type: application/json).';

/**
 * The body types the runtime reads as JSON. Everything else a POST may carry is refused: a form
 * (urlencoded or multipart) or text body is what a page on another site can send without a CORS
 * preflight, so accepting one would let that page run mutations with its visitor's credentials
 * (CSRF). Apollo Server and Yoga's CSRF prevention draw the same line.
 */
function isJsonBody(contentType: string | null): boolean {
  const mediaType = contentType?.split(/[;,]/)[0]?.trim().toLowerCase();
  return mediaType === 'application/json' || mediaType === 'application/graphql+json';
}

/**
 * Refusals of GraphQL-over-HTTP requests that the runtime would otherwise answer badly: a POST
 * whose body is not JSON (415; the runtime would run a form's operation, and answer a text body
 * with an empty 415), a GET whose `variables` or `extensions` parameter is not JSON (the runtime's
 * JSON.parse throws, which masking can only call an unexpected error), a subscription sent over
 * plain HTTP by a client that accepts no streaming response type (the runtime answers 406 with an
 * empty body, after starting the subscription), and a batch entry that is not an object or an
 * operationName that is a list (which the runtime fails on). They become BAD_REQUEST with a
 * message saying what to do instead.
 */
export function useHttpRequestChecks(): GatewayPlugin {
  return {
    onRequestParse({ request, url }) {
      if (request.method === 'POST' && !isJsonBody(request.headers.get('content-type'))) {
        throw badRequest(JSON_ONLY_MESSAGE, 415);
      }
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
      // A query that is not a string is the runtime's to refuse, with its own coded 400.
      const { query, variables } = params;
      if ((typeof query === 'string' && containsNul(query)) || holdsNul(variables)) throw nulRefused();
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

/** The status a response without `data` gets, by the code of its first error. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.RateLimited]: 429,
  [ErrorCode.InternalServerError]: 500,
  [ErrorCode.ServiceUnavailable]: 503,
};

/**
 * GraphQL over HTTP, `application/graphql-response+json`: a response without `data` (a request
 * error, or an operation refused before it ran: variables that do not coerce, a mutation without
 * a token) MUST have a 4xx or 5xx status. Refusals that set no status of their own get one from
 * their code (400 unless the table says otherwise), marked `spec` so that legacy
 * `application/json` clients keep the 200 the spec recommends for them. A response with `data`,
 * even `null`, keeps its 2xx.
 */
export function useGraphQLResponseStatus(): GatewayPlugin {
  return {
    onResultProcess({ result, setResult }) {
      if (!isSingleResult(result) || 'data' in result || !result.errors?.length) return;
      if (result.errors.some((error) => hasHttpStatus(error.extensions?.['http']))) return;
      const [first, ...rest] = result.errors;
      const status = STATUS_BY_CODE[String(first?.extensions?.['code'])] ?? 400;
      const headers = status === 401 ? { 'WWW-Authenticate': 'Bearer' } : undefined;
      const http = { status, spec: true, ...(headers ? { headers } : {}) };
      setResult({
        ...result,
        errors: [withExtensions(first!, { ...first!.extensions, http }), ...rest],
      });
    },
  };
}

function withExtensions(error: GraphQLError, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes ?? null,
    source: error.source ?? null,
    positions: error.positions ?? null,
    path: error.path ?? null,
    extensions,
  });
}

function hasHttpStatus(http: unknown): boolean {
  return typeof http === 'object' && http !== null && 'status' in http && typeof http.status === 'number';
}

/**
 * Whether any key or string in `value` holds a NUL. Walks with an explicit stack rather than
 * JSON.stringify, which recurses and overflows the stack on variables nested thousands deep
 * (those are refused as QUERY_TOO_COMPLEX by the limits, which run alongside this check).
 */
function holdsNul(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') {
      if (containsNul(next)) return true;
      continue;
    }
    if (typeof next !== 'object' || next === null) continue;
    for (const [key, child] of Object.entries(next)) {
      if (containsNul(key)) return true;
      pending.push(child);
    }
  }
  return false;
}

/**
 * Refuses a request body over the limit before the runtime reads it. Bodies must announce their
 * length: one sent chunked could only be measured by reading it, which is what the limit avoids.
 */
export function bodySizeRefusal(
  req: IncomingMessage,
  maxBytes: number,
): { status: number; body: string } | null {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return null;
  const length = req.headers['content-length'];
  const error = (status: number, message: string) => ({
    status,
    body: JSON.stringify({
      errors: [{ message, extensions: { code: ErrorCode.QueryTooComplex, limit: 'maxBodyBytes' } }],
    }),
  });
  if (length === undefined) {
    return req.headers['transfer-encoding']
      ? error(411, 'Send the request body with a Content-Length.')
      : null;
  }
  if (!/^\d+$/.test(length) || Number(length) > maxBytes)
    return error(413, `The request body is larger than ${maxBytes} bytes.`);
  return null;
}
