import type { Identity } from '@cadg/platform';
import type { Tx } from '@cadg/db';
import { auditLog } from '@cadg/db/contacts';

export interface AuditEntry {
  operation: string;
  targetType: 'Organization' | 'Contact' | 'Activity';
  targetId: string;
  summary: string;
}

/** Must be called inside the transaction that makes the change, so the two commit or fail together. */
export async function writeAudit(tx: Tx, actor: Identity, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({ actorSub: actor.sub, actorOrg: actor.org, ...entry });
}

/** "name, email" style list of the fields an input set, for the audit summary (values are left out). */
export function changedFields(input: Record<string, unknown>, ignore: readonly string[] = ['id']): string {
  const fields = Object.keys(input).filter((key) => !ignore.includes(key) && input[key] !== undefined);
  return fields.length > 0 ? fields.join(', ') : 'nothing';
}
