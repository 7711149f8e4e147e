import { bigserial, index, text, type PgSchema } from 'drizzle-orm/pg-core';
import { writtenAt } from './columns.ts';

/**
 * The audit table every subgraph keeps in its own schema, with the same shape everywhere: who
 * changed what, written in the same transaction as the change. Append-only: no API mutation
 * touches it.
 */
export function auditLogTable(schema: PgSchema) {
  return schema.table(
    'audit_log',
    {
      id: bigserial('id', { mode: 'number' }).primaryKey(),
      occurredAt: writtenAt('occurred_at'),
      actorSub: text('actor_sub').notNull(),
      actorOrg: text('actor_org'),
      operation: text('operation').notNull(),
      targetType: text('target_type').notNull(),
      targetId: text('target_id').notNull(),
      summary: text('summary').notNull(),
    },
    // Index names are per schema, so every subgraph can use the same one.
    (t) => [index('audit_log_target_idx').on(t.targetType, t.targetId)],
  );
}

export type AuditLogTable = ReturnType<typeof auditLogTable>;
