import {
  drainLimitsFromEnv,
  metricsPortFromEnv,
  productionFromEnv,
  signingSecretFromEnv,
} from '@cadg/platform';
import { trustProxyFromEnv } from './client-address.ts';
import { corsOriginsFromEnv } from './cors.ts';
import type { GatewayOptions } from './gateway.ts';
import { queryPlannerFromEnv } from './query-planner.ts';
import { limitsFromEnv } from './limits.ts';
import { rateLimitFromEnv } from './rate-limit.ts';
import { readManifest, trustedDocumentsModeFromEnv } from './trusted-documents.ts';
import { webSocketCapsFromEnv } from './websocket-caps.ts';
import { timeoutsFromEnv } from './request-deadline.ts';
import { responseCacheFromEnv } from './response-cache/config.ts';

/** What the environment says about the gateway's protections (shared by `main.ts` and `npm start`). */
export type ProtectionOptions = Pick<
  GatewayOptions,
  | 'production'
  | 'limits'
  | 'introspection'
  | 'trustedDocuments'
  | 'rateLimit'
  | 'drainLimits'
  | 'queryPlanner'
  | 'subgraphSigningSecret'
  | 'corsOrigins'
  | 'publicUrl'
  | 'trustProxy'
  | 'webSocketCaps'
  | 'metricsPort'
  | 'subgraphTimeoutMs'
  | 'subgraphRetries'
  | 'requestTimeoutMs'
  | 'responseCache'
>;

/**
 * `GATEWAY_MODE=production` (or NODE_ENV=production) turns on the production defaults; `LIMIT_*`,
 * `INTROSPECTION`, `TRUSTED_DOCUMENTS`, `RATE_LIMIT*`, `CORS_ORIGINS`, `WS_MAX_*`,
 * `METRICS_PORT`, `SUBGRAPH_TIMEOUT_MS`, `SUBGRAPH_RETRIES` and `REQUEST_TIMEOUT_MS` override single settings. `PUBLIC_URL` (default: the URL the gateway listens on)
 * and `TRUST_PROXY` (default: none) say how the gateway is reached.
 */
export async function protectionFromEnv(env: NodeJS.ProcessEnv): Promise<ProtectionOptions> {
  const production = productionFromEnv(env);
  const introspection = env['INTROSPECTION'];
  if (
    introspection !== undefined &&
    introspection !== 'on' &&
    introspection !== 'authenticated' &&
    introspection !== 'off'
  ) {
    throw new Error(`INTROSPECTION=${introspection} is not one of on, authenticated, off.`);
  }
  const mode = trustedDocumentsModeFromEnv(env, production);
  return {
    production,
    subgraphSigningSecret: signingSecretFromEnv(env),
    limits: limitsFromEnv(env),
    ...(introspection ? { introspection } : {}),
    trustedDocuments: { mode, manifest: mode === 'off' ? {} : await readManifest() },
    rateLimit: rateLimitFromEnv(env),
    drainLimits: drainLimitsFromEnv(env),
    queryPlanner: queryPlannerFromEnv(env),
    corsOrigins: corsOriginsFromEnv(env, production),
    publicUrl: publicUrlFromEnv(env),
    trustProxy: trustProxyFromEnv(env),
    webSocketCaps: webSocketCapsFromEnv(env),
    metricsPort: metricsPortFromEnv(env, production),
    ...timeoutsFromEnv(env),
    // RESPONSE_CACHE (memory, or redis with REDIS_URL; off), RESPONSE_CACHE_TTL_MS, RESPONSE_CACHE_MAX_BYTES.
    responseCache: responseCacheFromEnv(env),
  };
}

/** `PUBLIC_URL`: an absolute http(s) URL without query or fragment, e.g. `https://graph.example.org`. */
function publicUrlFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env['PUBLIC_URL']?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`PUBLIC_URL=${raw} is not an absolute URL such as https://graph.example.org.`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username)
    throw new Error(`PUBLIC_URL=${raw} must be an http(s) URL without credentials, query or fragment.`);
  return url.toString().replace(/\/$/, '');
}
