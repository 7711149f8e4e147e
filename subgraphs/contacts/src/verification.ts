/** A contact counts as verified for this long after a successful check. */
export const VERIFICATION_VALID_DAYS = 90;
const DAY_MS = 86_400_000;

export type VerificationStatus = 'VERIFIED' | 'STALE' | 'UNVERIFIED';

export function verificationStatus(lastVerifiedAt: Date | null, now: Date = new Date()): VerificationStatus {
  if (!lastVerifiedAt) return 'UNVERIFIED';
  return now.getTime() - lastVerifiedAt.getTime() <= VERIFICATION_VALID_DAYS * DAY_MS ? 'VERIFIED' : 'STALE';
}

/** The instant before which a last successful check no longer counts as VERIFIED. */
export function verifiedSince(now: Date = new Date()): Date {
  return new Date(now.getTime() - VERIFICATION_VALID_DAYS * DAY_MS);
}
