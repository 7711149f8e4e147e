import { desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import {
  cursorShape,
  CursorParts,
  keysetConnection,
  pageSize,
  requireAuditReader,
  type Caller,
  type Connection,
} from '@cadg/platform';
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

/** Named by the table's schema, so one subgraph's audit cursor is refused by another's log. */
const auditCursor = (table: AuditLogTable) =>
  cursorShape(`${getTableConfig(table).schema ?? 'public'}.audit_log`, CursorParts.serial);

/**
 * A subgraph's audit entries, newest first, keyset-paginated on the (monotonic) id. `visible`,
 * when given, is the reader's visibility as SQL: it is part of the WHERE of both the page and
 * the count, so totalCount and paging agree with what the reader is shown.
 */
export function listAuditEntries(
  db: Db,
  table: AuditLogTable,
  filter: AuditFilter | null | undefined,
  limit: number,
  after: string | null | undefined,
  visible?: SQL,
): Promise<Connection<AuditRow>> {
  const where: SQL[] = visible ? [visible] : [];
  if (filter?.operation) where.push(eq(table.operation, filter.operation));
  if (filter?.targetType) where.push(eq(table.targetType, filter.targetType));
  if (filter?.targetId) where.push(eq(table.targetId, filter.targetId));
  if (filter?.actorSub) where.push(eq(table.actorSub, filter.actorSub));
  if (filter?.actorOrg) where.push(eq(table.actorOrg, filter.actorOrg));
  if (filter?.from) where.push(gte(table.occurredAt, filter.from));
  if (filter?.to) where.push(lt(table.occurredAt, filter.to));
  return keysetConnection({
    where,
    after,
    limit,
    cursor: auditCursor(table),
    seek: ([id]) => lt(table.id, id),
    fetch: (condition, limitPlusOne) =>
      db.select().from(table).where(condition).orderBy(desc(table.id)).limit(limitPlusOne),
    count: (condition) => countRows(db, table, condition),
    keyOf: (row) => [row.id],
  });
}

/**
 * Which entries a reader may see, as SQL over the audit table. A subgraph whose records carry a
 * TLP marking gives one, so its trail never tells a reader about records it may not read.
 */
export type AuditVisibility = (caller: Caller) => SQL;

/**
 * The resolver of a subgraph's audit-log root field: SECRETARIAT only, newest first. Each
 * subgraph serves its own table, since none may read another's.
 */
export function auditLogResolver(table: AuditLogTable, visibleTo?: AuditVisibility) {
  return (
    _: unknown,
    args: { filter?: AuditFilter | null; first?: number | null; after?: string | null },
    context: { db: Db; caller: Caller },
  ) => {
    requireAuditReader(context.caller);
    const visible = visibleTo?.(context.caller);
    return listAuditEntries(context.db, table, args.filter, pageSize(args.first), args.after, visible);
  };
}
