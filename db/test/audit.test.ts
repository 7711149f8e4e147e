import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../src/audit.ts';
import * as incidents from '../src/schema/incidents.ts';
import { openTestDatabase, type TestDatabase } from '../src/testing/index.ts';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await openTestDatabase();
});
afterAll(() => testDb.dispose());

describe('audit tables', () => {
  it('refuse updates, deletes and truncation, whoever asks', async () => {
    const { db } = testDb.database;
    await db.transaction((tx) =>
      writeAudit(
        tx,
        incidents.auditLog,
        { sub: 'tester', org: 'my-mycert' },
        {
          operation: 'test',
          targetType: 'Incident',
          targetId: 'x',
          summary: 'An entry that must stay.',
        },
      ),
    );
    await expect(
      db.update(incidents.auditLog).set({ summary: 'rewritten' }).where(eq(incidents.auditLog.targetId, 'x')),
    ).rejects.toThrow();
    await expect(db.delete(incidents.auditLog).where(eq(incidents.auditLog.targetId, 'x'))).rejects.toThrow();
    await expect(db.execute('truncate incidents.audit_log')).rejects.toThrow();
    const rows = await db.select().from(incidents.auditLog).where(eq(incidents.auditLog.targetId, 'x'));
    expect(rows.map((r) => r.summary)).toEqual(['An entry that must stay.']);
  });
});
