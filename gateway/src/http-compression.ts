import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import compression from 'compression';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

/** Bodies smaller than this go out as they are: compressing them saves less than it costs. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * Streamed answers (server-sent events, `multipart/mixed` incremental delivery and multipart
 * subscriptions) are sent part by part as they happen; a compressor would hold parts back until
 * its buffer fills, so they are never compressed.
 */
const STREAMED_TYPES = /^(text\/event-stream|multipart\/mixed)\b/i;

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
/** The `compression` middleware: Express's `(req, res, next)`. */
type Middleware = ReturnType<typeof compression>;

/**
 * Compresses every answer of the gateway's HTTP server (GraphQL, GraphiQL, TAXII, MISP feeds)
 * that is compressible (JSON, HTML, text) and at least COMPRESSION_THRESHOLD_BYTES long, with
 * brotli or gzip as the client's `Accept-Encoding` prefers (the `compression` middleware:
 * negotiation, `Vary: Accept-Encoding`, `Cache-Control: no-transform` respected), except streams.
 */
export function withCompression(handler: Handler): Handler {
  const compress = compression({
    threshold: COMPRESSION_THRESHOLD_BYTES,
    filter: (req, res) => {
      const type = String(res.getHeader('content-type') ?? '');
      return !STREAMED_TYPES.test(type) && compression.filter(req, res);
    },
  });
  // The middleware is typed for Express, whose Request and Response extend Node's; it reads and
  // wraps only what Node's have, so the plain objects are passed as the Express types they extend.
  return (req, res) => {
    // A client that names no encoding (or only `identity`) gets plain bodies whatever the middleware decides, so its
    // per-response work (negotiation, wrapping `writeHead`, `write` and `end`) is skipped. No
    // `Vary` goes out then: a cache may hand that plain body to anyone, every client can read it.
    const accepted = req.headers['accept-encoding'];
    if (!accepted || accepted === 'identity') return handler(req, res);
    compress(req as Parameters<Middleware>[0], res as Parameters<Middleware>[1], () => handler(req, res));
  };
}

/**
 * GraphiQL's page (megabytes, the same for every request while the gateway runs: it depends only
 * on the gateway's configuration) is rendered once and gets an ETag; a browser that has it asks
 * with `If-None-Match` and gets 304 without a body.
 */
export function createGraphiQLCaching(): {
  /** For the runtime's `renderGraphiQL`. */
  render: typeof renderGraphiQL;
  /** Adds the ETag to the page's response. */
  plugin: GatewayPlugin;
  /** Answers 304 to a request for the page the browser already has; true if it did. */
  notModified(req: IncomingMessage, res: ServerResponse): boolean;
} {
  let page: { html: string; etag: string } | undefined;
  return {
    render(options) {
      page ??= (() => {
        const html = renderGraphiQL(options);
        return { html, etag: `"${createHash('sha256').update(html).digest('base64url')}"` };
      })();
      return page.html;
    },
    plugin: {
      onResponse({ response }) {
        if (
          !page ||
          response.status !== 200 ||
          !response.headers.get('content-type')?.startsWith('text/html')
        )
          return;
        response.headers.set('etag', page.etag);
        response.headers.set('cache-control', 'no-cache');
      },
    },
    notModified(req, res) {
      if (!page || req.method !== 'GET' || req.headers['if-none-match'] !== page.etag) return false;
      if (!req.headers.accept?.includes('text/html')) return false;
      res.writeHead(304, { etag: page.etag, 'cache-control': 'no-cache' });
      res.end();
      return true;
    },
  };
}
