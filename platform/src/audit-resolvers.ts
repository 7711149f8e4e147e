import { CursorParts, cursorShape, encodeCursor } from './cursor.ts';
import type { Caller } from './identity.ts';
import { requireRight, Right } from './roles.ts';

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

/** Audit trails are for the SECRETARIAT, which administers the mechanism (see roles.ts). */
export function requireAuditReader(caller: Caller): void {
  requireRight(caller, Right.ReadAuditLog, 'Only the SECRETARIAT may read the audit log.');
}

// An entry's id keeps the encoding it always had, `[id]`: clients may have stored it.
const AUDIT_ENTRY_ID = cursorShape(null, CursorParts.serial);

/** Resolvers of the shared `AuditEntry` type, the same in every subgraph. */
export const AuditEntryResolvers = {
  id: (row: AuditRecord) => encodeCursor(AUDIT_ENTRY_ID, [row.id]),
  actor: (row: AuditRecord) => ({ sub: row.actorSub, org: row.actorOrg }),
  target: (row: AuditRecord) => ({ type: row.targetType, id: row.targetId }),
};
