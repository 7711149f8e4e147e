const DAY_MS = 86_400_000;

/** How contacts are pinged by e-mail (README, docs/configuration.md: every setting and its variable). */
export interface VerificationSettings {
  /** The SMTP server the pings go through (SMTP_URL); null refuses pings with a clear error. @default null */
  smtpUrl: string | null;
  /** The sender of verification e-mails. VERIFICATION_MAIL_FROM. @default 'CADG contact directory <directory@localhost>' */
  mailFrom: string;
  /** Where the verification link points (`<PUBLIC_URL>/verify-contact?token=…`). PUBLIC_URL. @default 'http://localhost:4000' */
  publicUrl: string;
  /** How long a link may be used (issue #17: 7 days). @default 604800000 */
  linkValidMs: number;
  /**
   * The scheduled job pings every contact whose last successful verification is older than this
   * (or that has none), once per such period. CONTACT_VERIFICATION_MAX_AGE_DAYS. @default 90 days
   */
  maxAgeMs: number;
  /**
   * How often the scheduled job looks for contacts to ping and pings that ran out; 0 turns it off.
   * It runs only with an SMTP server. CONTACT_VERIFICATION_SWEEP_MS. @default 3600000
   */
  sweepMs: number;
  /** How long one SMTP exchange may take. @default 10000 */
  timeoutMs: number;
  /** Called after every run of the scheduled job: for logs and tests waiting on progress. */
  onSweep?: ((result: SweepResult) => void) | undefined;
}

/** What one run of the scheduled job did. */
export interface SweepResult {
  /** Open pings that ran out and were recorded as NO_RESPONSE. */
  expired: number;
  /** Contacts e-mailed a new link. */
  pinged: number;
}

function nonNegativeInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0)
    throw new Error(`${name}=${raw} must be a whole number, 0 or more.`);
  return value;
}

/** Verification settings from the contacts service's environment. */
export function verificationSettingsFromEnv(env: NodeJS.ProcessEnv): VerificationSettings {
  const maxAgeDays = nonNegativeInteger(env, 'CONTACT_VERIFICATION_MAX_AGE_DAYS', 90);
  if (maxAgeDays < 1) throw new Error('CONTACT_VERIFICATION_MAX_AGE_DAYS must be at least 1.');
  return {
    smtpUrl: env['SMTP_URL']?.trim() || null,
    mailFrom: env['VERIFICATION_MAIL_FROM']?.trim() || 'CADG contact directory <directory@localhost>',
    publicUrl: (env['PUBLIC_URL']?.trim() || 'http://localhost:4000').replace(/\/$/, ''),
    linkValidMs: 7 * DAY_MS,
    maxAgeMs: maxAgeDays * DAY_MS,
    sweepMs: nonNegativeInteger(env, 'CONTACT_VERIFICATION_SWEEP_MS', 3_600_000),
    timeoutMs: 10_000,
  };
}
