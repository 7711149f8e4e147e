import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Role } from '@cadg/platform';
import type { ServiceProcess } from '../cluster/processes.ts';
import { indicatorBundle } from './exchange-fixtures.ts';
import { startGraph, startIncidentsReplica, type Graph } from './harness.ts';

/**
 * The sweeps of interrupted imports: an incidents process killed (kill -9) while it processes a
 * TAXII upload leaves the import QUEUED (its transaction rolls back); the next process to start
 * resumes it, and so does a running process's periodic sweep (EXCHANGE_SWEEP_MS), so its status
 * never stays pending. An upload whose sender stopped before
 * its last part is failed at start-up once it is older than EXCHANGE_UPLOAD_STALE_MS.
 */

// Second processes on one database need a PostgreSQL server; CI always sets DATABASE_URL.
describe.runIf(process.env['DATABASE_URL'])('imports interrupted by a kill -9', () => {
  let graph: Graph;
  let first: ServiceProcess;
  let second: ServiceProcess | undefined;
  const more: ServiceProcess[] = [];
  let sql: postgres.Sql;

  beforeAll(async () => {
    graph = await startGraph();
    first = await startIncidentsReplica(graph);
    sql = postgres(graph.databaseUrl!, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await first?.kill('SIGKILL');
    await second?.kill('SIGKILL');
    for (const process of more) await process.kill('SIGKILL');
    await sql?.end();
    await graph?.close();
  });

  /** A GraphQL call to one incidents process's own port, as the TAXII inbox's gateway makes it. */
  async function call<T>(process: ServiceProcess, query: string, variables: Record<string, unknown>) {
    const token = await graph.token('my-mycert', [Role.Member]);
    const response = await fetch(process.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data!;
  }

  const begin = async (process: ServiceProcess, totalCount: number) =>
    (
      await call<{ beginStixUpload: { id: string } }>(
        process,
        'mutation ($n: Int!) { beginStixUpload(totalCount: $n) { id } }',
        { n: totalCount },
      )
    ).beginStixUpload.id;
  const append = (process: ServiceProcess, id: string, objects: unknown[], last: boolean) =>
    call(
      process,
      'mutation ($id: ID!, $o: JSON!, $last: Boolean!) { appendStixUpload(id: $id, objects: $o, last: $last) { id } }',
      {
        id,
        o: objects,
        last,
      },
    );

  const stateOf = async (id: string) =>
    (await sql<{ state: string }[]>`select state from incidents.exchange_imports where id = ${id}`)[0]?.state;

  /**
   * Whether a live transaction holds the import's row lock (processing takes it FOR UPDATE):
   * read from the row's xmax and pg_stat_activity, without taking any lock that would get in the
   * processor's way.
   */
  const beingProcessed = async (id: string) =>
    (
      await sql`select 1 from incidents.exchange_imports i
        join pg_stat_activity a on a.backend_xid = i.xmax
        where i.id = ${id} and i.state = 'QUEUED'`
    ).length === 1;

  it('resumes at start-up an upload whose processor was killed mid-envelope, and fails a stale one', async () => {
    const objects = indicatorBundle(12_000, 'sweep').objects;
    const id = await begin(first, objects.length);
    for (let at = 0; at < objects.length; at += 500) {
      await append(first, id, objects.slice(at, at + 500), at + 500 >= objects.length);
    }
    // Left receiving: its sender is gone after the first of two parts.
    const stale = await begin(first, 2);
    await append(first, stale, indicatorBundle(1, 'sweep-stale').objects, false);

    await vi.waitFor(async () => expect(await beingProcessed(id)).toBe(true), {
      timeout: 60_000,
      interval: 20,
    });
    expect((await first.kill('SIGKILL'))?.signal).toBe('SIGKILL');
    // PostgreSQL rolls the killed transaction back: nothing of it is kept, the import is queued.
    await vi.waitFor(async () => expect(await beingProcessed(id)).toBe(false), {
      timeout: 30_000,
      interval: 20,
    });
    expect(await stateOf(id)).toBe('QUEUED');
    const [{ count } = { count: -1 }] = await sql<{ count: number }[]>`
      select count(*)::int as count from incidents.exchange_objects where import_id = ${id}`;
    expect(count).toBe(0);

    // A new process starts (as a restarted pod would): its sweep takes both imports.
    second = await startIncidentsReplica(graph, { EXCHANGE_UPLOAD_STALE_MS: '1' });
    await vi.waitFor(async () => expect(await stateOf(id)).toBe('COMPLETE'), {
      timeout: 120_000,
      interval: 100,
    });
    await vi.waitFor(async () => expect(await stateOf(stale)).toBe('COMPLETE'), {
      timeout: 30_000,
      interval: 100,
    });

    const member = await graph.token('my-mycert', [Role.Member]);
    const status = async (importId: string) =>
      (await (
        await fetch(new URL(`/taxii2/cadg/status/${importId}/`, graph.baseUrl), {
          headers: { accept: 'application/taxii+json;version=2.1', authorization: `Bearer ${member}` },
        })
      ).json()) as Record<string, unknown>;
    expect(await status(id)).toMatchObject({
      status: 'complete',
      total_count: objects.length,
      success_count: objects.length,
      failure_count: 0,
      pending_count: 0,
    });
    expect(await status(stale)).toMatchObject({
      status: 'complete',
      total_count: 1,
      success_count: 0,
      failure_count: 1,
      pending_count: 0,
      failures: [expect.objectContaining({ message: 'The upload stopped before its last part arrived.' })],
    });
  }, 240_000);

  it('resumes such an upload without a restart or a status read: running processes sweep periodically', async () => {
    // The previous test's process fails every receiving upload (EXCHANGE_UPLOAD_STALE_MS=1).
    await second?.kill('SIGKILL');
    second = undefined;
    const watcher = await startIncidentsReplica(graph, { EXCHANGE_SWEEP_MS: '1000' });
    const worker = await startIncidentsReplica(graph);
    more.push(watcher, worker);
    const objects = indicatorBundle(12_000, 'sweep-periodic').objects;
    const id = await begin(worker, objects.length);
    for (let at = 0; at < objects.length; at += 500) {
      await append(worker, id, objects.slice(at, at + 500), at + 500 >= objects.length);
    }
    await vi.waitFor(async () => expect(await beingProcessed(id)).toBe(true), {
      timeout: 60_000,
      interval: 20,
    });
    expect((await worker.kill('SIGKILL'))?.signal).toBe('SIGKILL');
    // Nobody restarts and nobody reads the status: a running process's next sweep takes it up.
    await vi.waitFor(async () => expect(await stateOf(id)).toBe('COMPLETE'), {
      timeout: 120_000,
      interval: 100,
    });
    const [{ stored } = { stored: -1 }] = await sql<{ stored: number }[]>`
      select jsonb_array_length(outcome->'successes') as stored from incidents.exchange_imports where id = ${id}`;
    expect(stored).toBe(objects.length);
  }, 240_000);
});
