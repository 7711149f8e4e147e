import { productionFromEnv } from '@cadg/platform';
import type { WebhookTargetPolicy } from './policy.ts';

/** One send attempt as the dispatcher recorded it: for metrics, logs and tests waiting on progress. */
export interface AttemptReport {
  deliveryId: string;
  ruleId: string;
  channel: 'WEBHOOK' | 'EMAIL';
  status: 'DELIVERED' | 'FAILED' | 'DEAD';
  attempts: number;
  error: string | null;
}

/** How alerts are matched and sent (README, Alerts: every setting and its variable). */
export interface AlertSettings {
  /** Where webhooks may point. */
  policy: WebhookTargetPolicy;
  /** First retry delay; each later one doubles, with jitter. ALERT_RETRY_BASE_MS. @default 5000 */
  retryBaseMs: number;
  /** Attempts before a delivery is DEAD. ALERT_MAX_ATTEMPTS. @default 8 */
  maxAttempts: number;
  /** DEAD deliveries in a row that pause a rule. ALERT_PAUSE_AFTER_DEAD. @default 5 */
  pauseAfterDead: number;
  /**
   * How long one attempt may take (issue #17: 10 s); a claimed delivery's lease is three times
   * this, after which a replica sends it again if the claimer died. ALERT_TIMEOUT_MS. @default 10000
   */
  timeoutMs: number;
  /** How often the dispatcher looks for work besides NOTIFY and its own timers. ALERT_POLL_MS. @default 5000 */
  pollMs: number;
  /**
   * Whether this process matches and sends alerts. ALERT_DISPATCH=off leaves that to the other
   * replicas (any number may dispatch: they share the work through row locks). @default true
   */
  dispatch: boolean;
  /** The SMTP server for EMAIL rules (SMTP_URL); null refuses EMAIL rules. @default null */
  smtpUrl: string | null;
  /** The sender of alert e-mails. ALERT_MAIL_FROM. @default 'CADG alerts <alerts@localhost>' */
  mailFrom: string;
  /** Where links in alerts point. PUBLIC_URL. @default 'http://localhost:4000' */
  publicUrl: string;
  /** Called after every attempt is recorded. */
  onAttempt?: ((report: AttemptReport) => void) | undefined;
}

/** A positive whole-number setting from the environment; `fallback` when unset, an Error when malformed. */
export function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error(`${name}=${raw} must be a positive integer.`);
  return value;
}

function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (raw === 'on' || raw === 'true' || raw === '1') return true;
  if (raw === 'off' || raw === 'false' || raw === '0') return false;
  throw new Error(`${name}=${raw} must be on or off.`);
}

/**
 * Alert settings from the incidents service's environment. Production (`GATEWAY_MODE=production`)
 * refuses loopback webhook targets as well as private ones; ALERT_WEBHOOK_ALLOWED_HOSTS is a
 * comma-separated list of host names exempt from that check.
 */
export function alertSettingsFromEnv(env: NodeJS.ProcessEnv): AlertSettings {
  const allowedHosts = (env['ALERT_WEBHOOK_ALLOWED_HOSTS'] ?? '')
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter((host) => host !== '');
  return {
    policy: { allowLoopback: !productionFromEnv(env), allowedHosts: new Set(allowedHosts) },
    retryBaseMs: positiveInteger(env, 'ALERT_RETRY_BASE_MS', 5000),
    maxAttempts: positiveInteger(env, 'ALERT_MAX_ATTEMPTS', 8),
    pauseAfterDead: positiveInteger(env, 'ALERT_PAUSE_AFTER_DEAD', 5),
    timeoutMs: positiveInteger(env, 'ALERT_TIMEOUT_MS', 10_000),
    pollMs: positiveInteger(env, 'ALERT_POLL_MS', 5000),
    dispatch: onOff(env, 'ALERT_DISPATCH', true),
    smtpUrl: env['SMTP_URL']?.trim() || null,
    mailFrom: env['ALERT_MAIL_FROM']?.trim() || 'CADG alerts <alerts@localhost>',
    publicUrl: (env['PUBLIC_URL']?.trim() || 'http://localhost:4000').replace(/\/$/, ''),
  };
}
