/** The plain-HTTP side of a subgraph server: reading bodies and answers, listening. */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { REQUEST_ID_HEADER } from './tracing.ts';

export const UNSUPPORTED_BODY_MESSAGE = 'Send operations as JSON (content-type: application/json).';

/** `application/json`, or a JSON type with a suffix such as `application/graphql-response+json`. */
export function isJsonContentType(contentType: string | undefined): boolean {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType === 'application/json' || /^application\/[\w.-]+\+json$/.test(mediaType);
}

/** The operation a request carries: a JSON body's fields, or a GET request's query string. */
export function requestParams(method: string | undefined, body: unknown, url: URL): Record<string, unknown> {
  if (method === 'POST') {
    return typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : {};
  }
  const json = (name: string): unknown => {
    const raw = url.searchParams.get(name);
    if (raw === null) return undefined;
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return undefined;
    }
  };
  return {
    query: url.searchParams.get('query') ?? undefined,
    operationName: url.searchParams.get('operationName') ?? undefined,
    variables: json('variables'),
    extensions: json('extensions'),
  };
}

/** Listens, rejecting (instead of hanging) when the port is taken. */
export function listen(server: Server, port: number, host: string): Promise<{ url: string; port: number }> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      resolve({ url: `http://${shownHost}:${actualPort}/graphql`, port: actualPort });
    });
  });
}

const SAFE_REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The caller's request id when it is a plausible one (it ends up in logs), else a new one. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}

export function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  // Listeners rather than `for await`, whose iterator costs a promise per chunk on every request.
  // Past the limit the request is destroyed, as leaving a `for await` early does.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      stop();
      req.destroy();
      resolve(null);
    };
    const onEnd = () => {
      stop();
      resolve((chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8'));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}
