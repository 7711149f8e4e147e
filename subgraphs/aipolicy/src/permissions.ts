import { and, eq } from 'drizzle-orm';
import {
  requireIdentity,
  forbidden,
  hasRight,
  organizationWith,
  Right,
  type Caller,
  type Identity,
} from '@cadg/platform';
import type { Db } from '@cadg/db';
import * as t from '@cadg/db/aipolicy';

/**
 * SECRETARIAT may record any country's AI policy; an ORG_ADMIN only a country whose AI-policy
 * delegate (aipolicy's own `country_delegates`) is the caller's organization (platform's role
 * table).
 */
export async function requireCountryDelegate(db: Db, caller: Caller, countryCode: string): Promise<Identity> {
  const identity = requireIdentity(caller);
  if (hasRight(identity, Right.AdministerMechanism)) return identity;
  const org = organizationWith(identity, Right.ManageOrganization);
  if (org !== null) {
    const [delegate] = await db
      .select({ countryCode: t.countryDelegates.countryCode })
      .from(t.countryDelegates)
      .where(
        and(eq(t.countryDelegates.countryCode, countryCode), eq(t.countryDelegates.organizationId, org)),
      );
    if (delegate) return identity;
  }
  throw forbidden(
    `Only the SECRETARIAT or an ORG_ADMIN of ${countryCode}'s AI-policy delegate organization may do this.`,
  );
}
