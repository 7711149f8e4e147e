import { writeAudit, type AuditActor, type AuditEntry, type Tx } from '@cadg/db';
import { auditLog } from '@cadg/db/aipolicy';

/** Records an aipolicy mutation in this subgraph's audit table, inside the change's transaction. */
export const audit = (
  tx: Tx,
  actor: AuditActor,
  entry: AuditEntry & { targetType: 'PolicyPosition' | 'PolicyInstrument' | 'PrincipleMapping' },
) => writeAudit(tx, auditLog, actor, entry);
