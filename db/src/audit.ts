import { desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import {
  badUserInput,
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

/** A subgraph's audit entries, newest first, keyset-paginated on the (monotonic) id. */
export function listAuditEntries(
  db: Db,
  table: AuditLogTable,
  filter: AuditFilter | null | undefined,
  limit: number,
  after: string | null | undefined,
): Promise<Connection<AuditRow>> {
  const where: SQL[] = [];
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
    arity: 1,
    seek: ([id]) => {
      if (typeof id !== 'number' || !Number.isSafeInteger(id))
        throw badUserInput('after', 'The cursor is not one this API issued.');
      return lt(table.id, id);
    },
    fetch: (condition, limitPlusOne) =>
      db.select().from(table).where(condition).orderBy(desc(table.id)).limit(limitPlusOne),
    count: (condition) => countRows(db, table, condition),
    keyOf: (row) => [row.id],
  });
}

/**
 * The resolver of a subgraph's audit-log root field: SECRETARIAT only, newest first. Each
 * subgraph serves its own table, since none may read another's.
 */
export function auditLogResolver(table: AuditLogTable) {
  return (
    _: unknown,
    args: { filter?: AuditFilter | null; first?: number | null; after?: string | null },
    context: { db: Db; caller: Caller },
  ) => {
    requireAuditReader(context.caller);
    return listAuditEntries(context.db, table, args.filter, pageSize(args.first), args.after);
  };
}
