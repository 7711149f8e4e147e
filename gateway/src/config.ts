import { drainLimitsFromEnv } from '@cadg/platform';
import type { GatewayOptions } from './gateway.ts';
import { queryPlannerFromEnv } from './query-planner.ts';
import { limitsFromEnv } from './limits.ts';
import { rateLimitFromEnv } from './rate-limit.ts';
import { readManifest, trustedDocumentsModeFromEnv } from './trusted-documents.ts';

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
>;

/**
 * `GATEWAY_MODE=production` (or NODE_ENV=production) turns on the production defaults; `LIMIT_*`,
 * `INTROSPECTION`, `TRUSTED_DOCUMENTS` and `RATE_LIMIT*` override single settings.
 */
export async function protectionFromEnv(env: NodeJS.ProcessEnv): Promise<ProtectionOptions> {
  const production =
    env['GATEWAY_MODE'] === 'production' || (!env['GATEWAY_MODE'] && env['NODE_ENV'] === 'production');
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
    limits: limitsFromEnv(env),
    ...(introspection ? { introspection } : {}),
    trustedDocuments: { mode, manifest: mode === 'off' ? {} : await readManifest() },
    rateLimit: rateLimitFromEnv(env),
    drainLimits: drainLimitsFromEnv(env),
    queryPlanner: queryPlannerFromEnv(env),
  };
}
