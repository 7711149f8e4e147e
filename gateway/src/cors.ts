import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The browser origins allowed to read the gateway's responses: `'*'` for any origin (never with
 * credentials), or a list of exact origins (`https://dashboard.example.org`), which are also
 * allowed credentials. An empty list allows no cross-origin reads at all.
 */
export type CorsOrigins = '*' | readonly string[];

/** Methods a cross-origin caller may use: GraphQL over HTTP and TAXII need no others. */
const ALLOWED_METHODS = 'GET, HEAD, POST';
/** Response headers a cross-origin script may read besides the CORS-safelisted ones. */
const EXPOSED_HEADERS = [
  'x-request-id',
  'retry-after',
  'www-authenticate',
  'x-taxii-date-added-first',
  'x-taxii-date-added-last',
].join(', ');
/** How long a browser may cache a preflight's answer, in seconds. */
const PREFLIGHT_MAX_AGE_SECONDS = '600';

/**
 * Reads `CORS_ORIGINS`: `*`, or a comma-separated list of exact origins. Unset, it is `*` in the
 * embedded default and no origin at all in production.
 */
export function corsOriginsFromEnv(env: NodeJS.ProcessEnv, production: boolean): CorsOrigins {
  const raw = env['CORS_ORIGINS']?.trim();
  if (raw === undefined || raw === '') return production ? [] : '*';
  if (raw === '*') return '*';
  return raw.split(',').map((origin) => checkedOrigin(origin.trim()));
}

/**
 * An origin as a browser sends it: scheme, host and port only. `null` (sandboxed frames, `file:`
 * pages, redirects across origins) is refused: every such page shares it, so allowing it would
 * allow them all.
 */
function checkedOrigin(origin: string): string {
  if (origin === 'null') throw new Error('CORS_ORIGINS must not list "null": any sandboxed page sends it.');
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new Error(`CORS_ORIGINS: "${origin}" is not an origin such as https://dashboard.example.org.`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== origin) {
    throw new Error(`CORS_ORIGINS: "${origin}" is not an origin such as https://dashboard.example.org.`);
  }
  return origin;
}

/**
 * The gateway's CORS policy, applied by its HTTP server to every response (GraphQL, TAXII, the
 * rest) so that one rule holds everywhere. The runtime's own CORS plugin is turned off: it
 * covers only the runtime's routes, reflects any origin for a wildcard with credentials allowed,
 * and answers an unlisted origin with `Access-Control-Allow-Origin: null`, which a sandboxed page
 * (whose origin is `null`) would pass.
 *
 * - `'*'`: `Access-Control-Allow-Origin: *`, never credentials (browsers then send no cookies
 *   and callers authenticate with their bearer token, as everywhere).
 * - a list: the caller's origin is echoed only when it is listed exactly, with credentials; an
 *   unlisted origin gets no CORS headers at all, so the browser keeps the response from it.
 */
export class CorsPolicy {
  readonly #origins: '*' | ReadonlySet<string>;

  constructor(origins: CorsOrigins) {
    this.#origins = origins === '*' ? '*' : new Set(origins.map(checkedOrigin));
  }

  /**
   * Sets the CORS headers for `req` on `res`, and answers a preflight (`OPTIONS` with
   * `Access-Control-Request-Method`) itself with 204.
   * @returns true when the request was a preflight and has been answered
   */
  apply(req: IncomingMessage, res: ServerResponse): boolean {
    const origin = req.headers.origin;
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    // Listed origins get answers that differ by origin; caches must keep them apart.
    if (this.#origins !== '*') res.setHeader('vary', 'Origin');
    const allowed = origin !== undefined && origin !== 'null' ? this.#allowed(origin) : null;
    if (allowed) {
      res.setHeader('access-control-allow-origin', allowed.origin);
      if (allowed.credentials) res.setHeader('access-control-allow-credentials', 'true');
      if (!preflight) res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
    }
    if (!preflight) return false;
    if (allowed) {
      res.setHeader('access-control-allow-methods', ALLOWED_METHODS);
      const requested = req.headers['access-control-request-headers'];
      if (requested) res.setHeader('access-control-allow-headers', requested);
      res.setHeader('access-control-max-age', PREFLIGHT_MAX_AGE_SECONDS);
    }
    // Without the headers above, the browser fails the preflight and never sends the request.
    res.writeHead(204, { 'content-length': '0' });
    res.end();
    return true;
  }

  #allowed(origin: string): { origin: string; credentials: boolean } | null {
    if (this.#origins === '*') return { origin: '*', credentials: false };
    return this.#origins.has(origin) ? { origin, credentials: true } : null;
  }
}
