import { describe, expect, it } from 'vitest';
import { codeOf } from '../src/testing.ts';
import { hasRight, organizationWith, requireRight, Right, Role, type Caller } from '../src/index.ts';

const caller = (org: string | null, ...roles: Role[]): Caller => ({ sub: 's', org, roles });

/** The role table as README documents it, written out by hand. */
// prettier-ignore
const DOCUMENTED: Readonly<Record<Right, readonly Role[]>> = {
  [Right.ReadCommunity]:       [Role.Member, Role.OrgAdmin, Role.Secretariat],
  [Right.ReadForOrganization]: [Role.Member, Role.OrgAdmin, Role.Secretariat],
  [Right.ActForOrganization]:  [Role.Member, Role.OrgAdmin],
  [Right.ManageOrganization]:  [Role.OrgAdmin],
  [Right.CoordinateIncidents]: [Role.Secretariat],
  [Right.AdministerMechanism]: [Role.Secretariat],
  [Right.ReadAuditLog]:        [Role.Secretariat],
};

describe('the role table', () => {
  it.each(Object.entries(DOCUMENTED))('grants %s to exactly the documented roles', (right, roles) => {
    for (const role of Object.values(Role))
      expect(hasRight(caller('org', role), right as Right), role).toBe(roles.includes(role));
  });

  it('grants a caller the union of its roles’ rights', () => {
    const both = caller('org', Role.Member, Role.Secretariat);
    expect(hasRight(both, Right.ActForOrganization)).toBe(true);
    expect(hasRight(both, Right.ReadAuditLog)).toBe(true);
    expect(hasRight(both, Right.ManageOrganization)).toBe(false);
  });

  it('gives anonymous callers and tokens without a known role no right at all', () => {
    for (const right of Object.values(Right)) {
      expect(hasRight(null, right), right).toBe(false);
      expect(hasRight(caller('org'), right), right).toBe(false);
      expect(organizationWith(caller('org'), right), right).toBeNull();
    }
  });

  it('names the organization a right is exercised for only when a role grants it and the token names one', () => {
    expect(organizationWith(caller('my-mycert', Role.Member), Right.ActForOrganization)).toBe('my-mycert');
    expect(organizationWith(caller('my-mycert', Role.Member), Right.ManageOrganization)).toBeNull();
    expect(organizationWith(caller(null, Role.OrgAdmin), Right.ManageOrganization)).toBeNull();
    expect(organizationWith(null, Right.ReadForOrganization)).toBeNull();
  });

  it('refuses anonymous callers with UNAUTHENTICATED and callers without the right with FORBIDDEN', () => {
    expect(codeOf(() => requireRight(null, Right.ReadAuditLog, 'no'))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => requireRight(caller('org', Role.Member), Right.ReadAuditLog, 'no'))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(() => requireRight(caller('org', Role.Secretariat), Right.ReadAuditLog, 'no'))).toBe(
      'no error',
    );
  });
});
