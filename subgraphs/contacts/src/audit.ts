import { writeAudit, type AuditActor, type AuditEntry, type Tx } from '@cadg/db';
import { auditLog } from '@cadg/db/contacts';

export { changedFields } from '@cadg/db';

/** Records a contacts mutation in this subgraph's audit table, inside the change's transaction. */
export const audit = (
  tx: Tx,
  actor: AuditActor,
  entry: AuditEntry & { targetType: 'Organization' | 'Contact' | 'Activity' },
) => writeAudit(tx, auditLog, actor, entry);
