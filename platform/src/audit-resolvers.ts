import type { SQL } from 'drizzle-orm';
import { CursorParts, cursorShape, encodeCursor, keysetConnection, pageSize } from './cursor.ts';
import type { Caller } from './identity.ts';
import { requireRight, Right } from './roles.ts';

/**
 * What the shared `AuditEntry` type reads of a row. Platform imports no package of ours, so db's
 * row type is not named here: `auditLogResolver` requires its source's rows to have this shape, so
 * a column db drops or retypes fails to compile where a subgraph wires the two together.
 */
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

/**
 * Where `auditLogResolver` reads one subgraph's audit trail: db's `auditLogSource(table)`. `Filter`
 * is the GraphQL `AuditFilter` input, turned into SQL by the source, so paging here never needs to
 * know the table.
 */
export interface AuditLogSource<Filter, Database, Row extends AuditRecord> {
  /** Names the trail in cursors, so one subgraph's audit cursor is refused by another's log. */
  readonly name: string;
  where(filter: Filter | null | undefined): SQL[];
  /** Entries written before the one with this id. */
  olderThan(id: number): SQL;
  /** At most `limit` entries matching `where`, newest first. */
  rows(db: Database, where: SQL | undefined, limit: number): Promise<Row[]>;
  count(db: Database, where: SQL | undefined): Promise<number>;
}

/**
 * Which entries a reader may see, as SQL over the audit table. A subgraph whose records carry a
 * TLP marking gives one, so its trail never tells a reader about records it may not read.
 */
export type AuditVisibility = (caller: Caller) => SQL;

/**
 * The resolver of a subgraph's audit-log root field: SECRETARIAT only, newest first, keyset-paginated
 * on the (monotonic) id. The reader's visibility is part of the WHERE of both the page and the count,
 * so totalCount and paging agree with what the reader is shown. Each subgraph serves its own table,
 * since none may read another's.
 */
export function auditLogResolver<Filter, Database, Row extends AuditRecord>(
  source: AuditLogSource<Filter, Database, Row>,
  visibleTo?: AuditVisibility,
) {
  const cursor = cursorShape(source.name, CursorParts.serial);
  return (
    _: unknown,
    args: { filter?: Filter | null; first?: number | null; after?: string | null },
    context: { db: Database; caller: Caller },
  ) => {
    requireAuditReader(context.caller);
    const visible = visibleTo?.(context.caller);
    return keysetConnection({
      where: [...(visible ? [visible] : []), ...source.where(args.filter)],
      after: args.after,
      limit: pageSize(args.first),
      cursor,
      seek: ([id]) => source.olderThan(id),
      fetch: (condition, limitPlusOne) => source.rows(context.db, condition, limitPlusOne),
      count: (condition) => source.count(context.db, condition),
      keyOf: (row) => [row.id],
    });
  };
}
