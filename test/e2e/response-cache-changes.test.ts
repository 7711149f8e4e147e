import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { changeLogOf, subgraphNames } from '@cadg/db';
import { openTestDatabase, type TestDatabase } from '@cadg/db/testing';
import { startGraph } from './harness.ts';
import { cachedProtection, post, until } from './response-cache-harness.ts';

// The change record the response cache is invalidated by (migration 0015): written by the
// database itself in the transaction of every change, whoever makes it.
describe('every subgraph announces its committed changes', () => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await openTestDatabase();
  });
  afterAll(() => test?.dispose());

  it('has the change trigger on every table of the four schemas, so a new table cannot be forgotten', async () => {
    const text = `
      select n.nspname as schema, c.relname as table
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname in ('contacts', 'incidents', 'dataflows', 'aipolicy')
        and c.relkind in ('r', 'p') and c.relname not in ('data_changes', 'alert_dispatch_position')
        and not exists (select 1 from pg_trigger g where g.tgrelid = c.oid and g.tgname = 'announce_change')`;
    const database = test.database;
    const rows =
      database.kind === 'pglite'
        ? (await database.client.query(text)).rows
        : [...(await database.client.unsafe(text))];
    // migrate() ends with cadg_announce_changes for every schema, whatever the migrations' order.
    expect(rows).toEqual([]);
  });

  it('writes one change per transaction, in commit order, with the audited types and ids, and wakes listeners', async () => {
    const log = changeLogOf(test.database.db, 'contacts');
    let woken = 0;
    const stop = await log.watch(() => woken++);
    const listening = woken;
    const head = await log.head();
    await test.database.db.transaction(async (tx) => {
      await tx.execute(
        sql`update contacts.organizations set name = name || ' (renamed)' where id = 'my-mycert'`,
      );
      await tx.execute(sql`
        insert into contacts.audit_log (actor_sub, operation, target_type, target_id, summary)
        values ('job', 'renameOrganization', 'Organization', 'my-mycert', 'Renamed by a test.')`);
    });
    await test.database.db.transaction(async (tx) => {
      await tx.execute(sql`update contacts.organizations set name = name where id = 'sg-csa'`);
    });
    const changes = await log.after(head, 10);
    // Ids only grow (each row changed takes a sequence value, so they skip some).
    expect(changes).toHaveLength(2);
    expect(changes[0]!.id).toBeGreaterThan(head);
    expect(changes[1]!.id).toBeGreaterThan(changes[0]!.id);
    expect(changes[0]!.entities).toEqual(
      expect.arrayContaining([
        { table: 'organizations', id: 'my-mycert' },
        { type: 'Organization', id: 'my-mycert' },
      ]),
    );
    expect(changes[1]!.entities).toEqual([{ table: 'organizations', id: 'sg-csa' }]);
    expect(await log.head()).toBe(changes[1]!.id);
    await until(
      async () => woken,
      (count) => count >= listening + 2,
    );
    await stop();
    for (const name of subgraphNames)
      expect(await changeLogOf(test.database.db, name).head()).toBeGreaterThanOrEqual(0);
  });

  it('records a bulk write as one change of its first 100 entities, without what a rolled-back savepoint wrote', async () => {
    const { db } = test.database;
    const log = changeLogOf(db, 'contacts');
    // A table of its own, announced as a later migration's would be (migrate() does the same).
    await db.execute(sql`create table contacts.bulk_probe (id text primary key, n int not null)`);
    await db.execute(sql`select "public"."cadg_announce_changes"('contacts')`);
    const head = await log.head();
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into contacts.bulk_probe values ('a', 1), ('b', 1)`);
      await tx.execute(sql`update contacts.bulk_probe set n = n + 1 where id = 'a'`);
      await tx.execute(sql`savepoint probe`);
      await tx.execute(sql`insert into contacts.bulk_probe values ('gone', 1)`);
      // Runs the deferred triggers now, inside the savepoint, so its rollback has something to undo.
      await tx.execute(sql`set constraints all immediate`);
      await tx.execute(sql`rollback to savepoint probe`);
      await tx.execute(sql`set constraints all deferred`);
      await tx.execute(
        sql`insert into contacts.bulk_probe select 'row-' || g, g from generate_series(1, 2000) g`,
      );
      await tx.execute(sql`update contacts.bulk_probe set n = n + 1`);
    });
    const changes = await log.after(head, 10);
    expect(changes).toHaveLength(1);
    const ids = changes[0]!.entities.map((entity) => entity.id);
    expect(changes[0]!.entities.every((entity) => entity.table === 'bulk_probe')).toBe(true);
    expect(ids).toHaveLength(100);
    expect(new Set(ids).size).toBe(100);
    expect(ids).toEqual(expect.arrayContaining(['a', 'b', 'row-1']));
    expect(ids).not.toContain('gone');
    // Every row was written; the announcement stopped at the cap, not the write.
    const [{ rows } = { rows: 0 }] = await db
      .select({ rows: sql<number>`count(*)::int` })
      .from(sql`contacts.bulk_probe`);
    expect(rows).toBe(2002);
    await db.execute(sql`drop table contacts.bulk_probe`);
  });
});

describe.skipIf(!process.env['DATABASE_URL'])('a change made in the database behind every service', () => {
  it('reaches the gateway’s cached answers (an operator’s SQL, a background job)', async () => {
    const graph = await startGraph({ protection: cachedProtection() });
    const owner = postgres(graph.databaseUrl!, { max: 1, onnotice: () => {} });
    try {
      const query = `query Org { organization(id: "th-thaicert") { id name } }`;
      const before = await post<{ organization: { name: string } }>(graph.gatewayUrl, { query });
      expect((await post(graph.gatewayUrl, { query })).cache).toBe('hit');
      await owner`update contacts.organizations set name = name || ' (renamed by SQL)' where id = 'th-thaicert'`;
      const { value } = await until(
        () => post<{ organization: { name: string } }>(graph.gatewayUrl, { query }),
        (answer) => answer.body.data?.organization.name !== before.body.data?.organization.name,
      );
      expect(value.body.data?.organization.name).toBe(
        `${before.body.data!.organization.name} (renamed by SQL)`,
      );
    } finally {
      await owner.end();
      await graph.close();
    }
  });
});
