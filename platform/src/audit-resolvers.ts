import { encodeCursor } from './cursor.ts';
import { forbidden, unauthenticated } from './errors.ts';
import { hasRole, Role, type Caller } from './identity.ts';

/** The columns every subgraph's audit table has (see db/src/schema/audit.ts). */
export interface AuditRecord {
  id: number;
  occurredAt: Date;
  actorSub: string;
  actorOrg: string | null;
  operation: string;
  targetType: string;
  targetId: string;
  summary: string;
}

/** Audit trails are for the SECRETARIAT, which administers the mechanism. */
export function requireAuditReader(caller: Caller): void {
  if (!caller) throw unauthenticated('The audit log needs a bearer token.');
  if (!hasRole(caller, Role.Secretariat)) throw forbidden('Only the SECRETARIAT may read the audit log.');
}

/** Resolvers of the shared `AuditEntry` type, the same in every subgraph. */
export const AuditEntryResolvers = {
  id: (row: AuditRecord) => encodeCursor([row.id]),
  actor: (row: AuditRecord) => ({ sub: row.actorSub, org: row.actorOrg }),
  target: (row: AuditRecord) => ({ type: row.targetType, id: row.targetId }),
};
