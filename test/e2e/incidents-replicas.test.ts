import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@cadg/platform';
import type { ServiceProcess } from '../cluster/processes.ts';
import { startGraph, startIncidentsReplica, type Graph } from './harness.ts';
import { reportDdosExercise } from './reporting.ts';
import { subscribe } from './subscriber.ts';

// Several processes on one database need a PostgreSQL server; CI always sets DATABASE_URL.
describe.runIf(process.env['DATABASE_URL'])('two incidents processes on one PostgreSQL', () => {
  let graph: Graph;
  let second: ServiceProcess;

  beforeAll(async () => {
    graph = await startGraph();
    second = await startIncidentsReplica(graph);
  });
  afterAll(async () => {
    await second?.kill('SIGKILL');
    await graph?.close();
  });

  it('delivers an event written through one process to a subscriber of the other', async () => {
    const token = await graph.token('sg-csa', [Role.Member]);
    const cursor = (await graph.query<{ incidentEventCursor: string }>(`{ incidentEventCursor }`, {}, token))
      .data!.incidentEventCursor;
    const subscriber = subscribe(second.wsUrl, {
      token,
      after: cursor,
      fields: 'cursor type incident { id title }',
    });
    try {
      const reporter = await graph.token('my-mycert', [Role.Member]);
      const report = (title: string) => reportDdosExercise(graph.query, title, reporter);
      const first = await report('Through process A, first');
      // The first may arrive through the replay; once it has, the replay is over, so the second
      // can only arrive through process B's LISTEN of process A's NOTIFY.
      const [event] = await subscriber.waitFor(1);
      expect(event).toMatchObject({ type: 'REPORTED', incident: { id: first } });
      const second = await report('Through process A, second');
      const events = await subscriber.waitFor(2);
      expect(events[1]).toMatchObject({
        type: 'REPORTED',
        incident: { id: second, title: 'Through process A, second' },
      });
    } finally {
      await subscriber.close();
    }
  });

  it('stops on SIGTERM', async () => {
    expect(await second.kill('SIGTERM')).toEqual({ code: 0, signal: null });
  });
});
