import type { Tx } from './database.ts';
import type { AuditLogTable } from './schema/audit.ts';

export interface AuditActor {
  readonly sub: string;
  readonly org: string | null;
}

export interface AuditEntry {
  /** The GraphQL mutation, e.g. `addContact`. */
  operation: string;
  /** The GraphQL type of the record changed. */
  targetType: string;
  targetId: string;
  /** One sentence a person reads; never secrets or personal details beyond names. */
  summary: string;
}

/** Must be called inside the transaction that makes the change, so the two commit or fail together. */
export async function writeAudit(
  tx: Tx,
  table: AuditLogTable,
  actor: AuditActor,
  entry: AuditEntry,
): Promise<void> {
  await tx.insert(table).values({ actorSub: actor.sub, actorOrg: actor.org, ...entry });
}

/** "name, email" style list of the fields a change set, for audit summaries (values are left out). */
export function changedFields(changes: Record<string, unknown>, ignore: readonly string[] = ['id']): string {
  const fields = Object.keys(changes).filter((key) => !ignore.includes(key) && changes[key] !== undefined);
  return fields.length > 0 ? fields.join(', ') : 'nothing';
}
