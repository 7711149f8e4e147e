import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ErrorCode, Role, signDevToken } from '@cadg/platform';
import sirv from 'sirv';

/** Where the partner dashboard is served from (Vite's `base` in dashboard/vite.config.ts). */
export const DASHBOARD_PATH = '/dashboard/';
/** The dashboard's build output (`npm run build -w @cadg/dashboard`; `npm start` builds it). */
export const dashboardDistDir = fileURLToPath(new URL('../../dashboard/dist/', import.meta.url));
/** What the dashboard reads to learn how people sign in here. */
const CONFIG_PATH = `${DASHBOARD_PATH}config.json`;
/** The embedded default's sign-in: mints a dev token for an organization and role. */
export const DEV_TOKEN_PATH = `${DASHBOARD_PATH}dev-token`;
/** Vite puts content-hashed files here: their name changes whenever their content does. */
const HASHED_ASSETS = `${DASHBOARD_PATH}assets/`;
const MAX_SIGN_IN_BODY_BYTES = 1024;
const DEV_TOKEN_TTL = '12h';

export interface DashboardOptions {
  /** The dashboard's build output. @default dashboard/dist */
  dir?: string | undefined;
  /**
   * The dev issuer's key directory: given only in the embedded default, where it turns on the
   * sign-in that mints tokens (as `npm run token` does). Never give it in production.
   */
  devKeyDir?: string | undefined;
  /** Issuer and audience of minted tokens. @default the dev issuer's */
  devIssuer?: { issuer: string; audience: string } | undefined;
  /**
   * Production sign-in: the OpenID Connect provider the dashboard sends people to (authorization
   * code with PKCE), told to the app through `/dashboard/config.json`. Ignored when the dev
   * sign-in is on. See `dashboardOidcFromEnv`.
   */
  oidc?: DashboardOidc | undefined;
}

/** What the dashboard needs to sign people in at an OpenID Connect provider; nothing secret. */
export interface DashboardOidc {
  /** The provider's issuer URL (its discovery document is `<issuer>/.well-known/openid-configuration`). */
  issuer: string;
  /** The dashboard's client id, registered at the provider as a public client with PKCE. */
  clientId: string;
  /** Scopes to ask for. @default 'openid' */
  scope?: string | undefined;
  /** The API's audience, sent as the `resource` indicator (RFC 8707) when given. */
  resource?: string | undefined;
}

/**
 * `DASHBOARD_OIDC_CLIENT_ID` turns on the production sign-in, at `DASHBOARD_OIDC_ISSUER` (default
 * `AUTH_ISSUER`, the issuer whose tokens the gateway accepts), with `DASHBOARD_OIDC_SCOPE`
 * (default `openid`) and `DASHBOARD_OIDC_RESOURCE` (the API's resource indicator, default none).
 */
export function dashboardOidcFromEnv(env: NodeJS.ProcessEnv): DashboardOidc | undefined {
  const clientId = env['DASHBOARD_OIDC_CLIENT_ID'];
  if (!clientId) return undefined;
  const issuer = env['DASHBOARD_OIDC_ISSUER'] || env['AUTH_ISSUER'];
  if (!issuer) throw new Error('DASHBOARD_OIDC_CLIENT_ID needs DASHBOARD_OIDC_ISSUER or AUTH_ISSUER.');
  return {
    issuer,
    clientId,
    scope: env['DASHBOARD_OIDC_SCOPE'] || undefined,
    resource: env['DASHBOARD_OIDC_RESOURCE'] || undefined,
  };
}

/** Answers a request under `/dashboard` and returns true, or returns false for other paths. */
export type DashboardHandler = (req: IncomingMessage, res: ServerResponse, path: string) => boolean;

/**
 * Serves the built dashboard: hashed assets cached for a year as immutable, `index.html` (also
 * the answer for the app's own routes) revalidated on every load. Static files go through `sirv`
 * (ETags, HEAD, ranges, no path traversal) rather than code of our own.
 */
export function createDashboardHandler(options: DashboardOptions = {}): DashboardHandler {
  const dir = options.dir ?? dashboardDistDir;
  let files: ReturnType<typeof sirv> | undefined;
  const config = JSON.stringify(
    options.devKeyDir
      ? { signIn: 'dev' }
      : options.oidc
        ? { signIn: 'oidc', oidc: { ...options.oidc, scope: options.oidc.scope ?? 'openid' } }
        : { signIn: 'none' },
  );
  return (req, res, path) => {
    if (path === '/dashboard') return (redirect(res, DASHBOARD_PATH), true);
    if (!path.startsWith(DASHBOARD_PATH)) return false;
    if (path === CONFIG_PATH) return (sendJson(res, 200, config), true);
    if (path === DEV_TOKEN_PATH && options.devKeyDir) {
      void mintDevToken(req, res, options.devKeyDir, options.devIssuer);
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return true;
    }
    if (!files) {
      if (!existsSync(join(dir, 'index.html'))) {
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
        res.end('The dashboard is not built: run `npm run build -w @cadg/dashboard` (npm start does it).\n');
        return true;
      }
      files = sirv(dir, { dev: false, etag: true, single: true, setHeaders: cacheHeaders });
    }
    // sirv looks files up by the path under its directory.
    req.url = (req.url ?? '/').slice(DASHBOARD_PATH.length - 1);
    files(req, res, () => void res.writeHead(404).end());
    return true;
  };
}

function cacheHeaders(res: ServerResponse, pathname: string): void {
  const hashed = `/${HASHED_ASSETS.slice(DASHBOARD_PATH.length)}`;
  res.setHeader(
    'cache-control',
    pathname.startsWith(hashed) ? 'public, max-age=31536000, immutable' : 'no-cache',
  );
}

/**
 * `POST /dashboard/dev-token` with `{ "organizationId": "my-mycert" | null, "role": "MEMBER" }`
 * answers `{ "token": "…" }`. Refused from pages of other origins, so a website open in the same
 * browser cannot mint tokens for itself.
 */
async function mintDevToken(
  req: IncomingMessage,
  res: ServerResponse,
  devKeyDir: string,
  devIssuer: DashboardOptions['devIssuer'],
): Promise<void> {
  if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end();
  const origin = req.headers.origin;
  if (origin !== undefined && new URL(origin).host !== req.headers.host) {
    return sendError(res, 403, ErrorCode.Forbidden, 'Sign in from the dashboard itself.');
  }
  let body: unknown;
  try {
    body = JSON.parse(await readBody(req, MAX_SIGN_IN_BODY_BYTES));
  } catch {
    return sendError(res, 400, ErrorCode.BadUserInput, 'Send JSON: { "organizationId", "role" }.');
  }
  const { organizationId, role } = (body ?? {}) as { organizationId?: unknown; role?: unknown };
  if (!Object.values(Role).includes(role as Role)) {
    return sendError(
      res,
      400,
      ErrorCode.BadUserInput,
      `role must be one of ${Object.values(Role).join(', ')}.`,
    );
  }
  if (
    organizationId !== null &&
    (typeof organizationId !== 'string' || !/^[a-z0-9-]{1,100}$/.test(organizationId))
  ) {
    return sendError(res, 400, ErrorCode.BadUserInput, 'organizationId must be an organization id or null.');
  }
  const token = await signDevToken(
    devKeyDir,
    {
      sub: `dashboard-${organizationId ?? 'none'}`,
      org: organizationId,
      roles: [role as Role],
      expiresIn: DEV_TOKEN_TTL,
    },
    devIssuer,
  );
  sendJson(res, 200, JSON.stringify({ token }));
}

function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return reject(new Error('too large'));
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(301, { location, 'cache-control': 'no-cache' }).end();
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

function sendJson(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}
