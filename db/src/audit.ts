import { desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { countRows } from './count.ts';
import type { Db, Tx } from './database.ts';
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

/** What `auditLog` queries may filter on; all given conditions must hold. */
export interface AuditFilter {
  operation?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  actorSub?: string | null;
  actorOrg?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export type AuditRow = AuditLogTable['$inferSelect'];

/**
 * The reads of one subgraph's audit table, newest first, as plain SQL: the GraphQL field that pages
 * them (and checks who may read) is platform's `auditLogResolver`, which takes this as its source.
 */
export function auditLogSource(table: AuditLogTable) {
  return {
    /** Named by the table's schema, so one subgraph's audit cursor is refused by another's log. */
    name: `${getTableConfig(table).schema ?? 'public'}.audit_log`,
    /** The filter as conditions, all of which must hold. */
    where(filter: AuditFilter | null | undefined): SQL[] {
      const where: SQL[] = [];
      if (filter?.operation) where.push(eq(table.operation, filter.operation));
      if (filter?.targetType) where.push(eq(table.targetType, filter.targetType));
      if (filter?.targetId) where.push(eq(table.targetId, filter.targetId));
      if (filter?.actorSub) where.push(eq(table.actorSub, filter.actorSub));
      if (filter?.actorOrg) where.push(eq(table.actorOrg, filter.actorOrg));
      if (filter?.from) where.push(gte(table.occurredAt, filter.from));
      if (filter?.to) where.push(lt(table.occurredAt, filter.to));
      return where;
    },
    /** Entries written before the one with this id (ids grow with time). */
    olderThan: (id: number): SQL => lt(table.id, id),
    /** At most `limit` entries matching `where`, newest first. */
    rows: (db: Db, where: SQL | undefined, limit: number): Promise<AuditRow[]> =>
      db.select().from(table).where(where).orderBy(desc(table.id)).limit(limit),
    count: (db: Db, where: SQL | undefined): Promise<number> => countRows(db, table, where),
  };
}
