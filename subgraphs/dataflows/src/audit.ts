import { writeAudit, type AuditActor, type AuditEntry, type Tx } from '@cadg/db';
import { auditLog } from '@cadg/db/dataflows';

export { changedFields } from '@cadg/db';

/** Records a dataflows mutation in this subgraph's audit table, inside the change's transaction. */
export const audit = (tx: Tx, actor: AuditActor, entry: AuditEntry & { targetType: 'DataFlowPilot' }) =>
  writeAudit(tx, auditLog, actor, entry);
