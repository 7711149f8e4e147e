import type { IncomingMessage, ServerResponse } from 'node:http';
import { callGraph, firstCode, registeredOperation, type Runtime } from '../graph-client.ts';

/** Where phishing detectors post verdicts. */
export const PHISHING_WEBHOOK_PATH = '/webhooks/phishing';

const REPORT = registeredOperation('phishing-webhook', 'PhishingWebhook');

/** What `reportPhishing` answers, and so the webhook. */
interface Reported {
  reportPhishing: {
    id: string;
    url: string;
    highestScore: number;
    incident: { id: string; severity: string } | null;
  } | null;
}

// How each error code reads as HTTP: the detector's retry logic keys on the status.
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  NOT_FOUND: 422,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

/**
 * `POST /webhooks/phishing`: a detector posts one verdict as JSON, shaped like `ReportPhishingInput`
 * (`url`, `observedAt`, `targetedCountries`, `verdict: { detector, score, label }`), with a bearer
 * token of the organization that runs it. It is the `reportPhishing` mutation over plain HTTP, run
 * through the graph, so identity, rate limits, validation, merging, the incident threshold and the
 * audit trail are the mutation's own. Answers 200 with the merged report, or a status and
 * `{ errors: [{ message, code }] }`. The gateway's request-size limit applies before this runs.
 *
 * Bearer tokens rather than an HMAC shared secret: detectors are run by member organizations, and
 * a token names the organization (the report's owner and the audit's actor), expires, and is
 * revoked at the identity provider like any other; a shared secret would name no one and need a
 * secret store of its own. TLS protects the body in transit as it does every GraphQL request.
 */
export async function receivePhishingVerdict(
  runtime: Runtime,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  try {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return send(res, 405, fail('Post a verdict as JSON.', 'METHOD_NOT_ALLOWED'));
    }
    if (!req.headers.authorization) {
      res.setHeader('www-authenticate', 'Bearer');
      return send(res, 401, fail('Send the bearer token of your organization.', 'UNAUTHENTICATED'));
    }
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      return send(res, 415, fail('Send the verdict as application/json.', 'BAD_REQUEST'));
    }
    let input: unknown;
    try {
      input = JSON.parse(await readBody(req));
    } catch {
      return send(res, 400, fail('The body is not valid JSON.', 'BAD_REQUEST'));
    }
    const answer = await callGraph<Reported>(runtime, req, REPORT, { input });
    const report = answer.data?.reportPhishing;
    if (report && answer.errors.length === 0) return send(res, 200, { report });
    const code = firstCode(answer) ?? 'BAD_REQUEST';
    const status = STATUS_BY_CODE[code] ?? (answer.status >= 400 ? answer.status : 500);
    for (const header of ['www-authenticate', 'retry-after']) {
      const value = answer.headers.get(header);
      if (value) res.setHeader(header, value);
    }
    return send(res, status, {
      errors: answer.errors.map((error) => ({
        message: error.message,
        code: error.extensions?.['code'] ?? code,
      })),
    });
  } catch {
    if (!res.headersSent) send(res, 500, fail('The verdict could not be recorded.', 'INTERNAL_SERVER_ERROR'));
    else res.destroy();
  }
}

const fail = (message: string, code: string) => ({ errors: [{ message, code }] });

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
