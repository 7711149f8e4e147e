import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@cadg/platform';
import { startGraph, type Graph } from './harness.ts';
import { subscribe } from './subscriber.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

/** Starts a production incidents process and resolves once it says it is ready. */
async function startIncidentsProcess(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'subgraphs/incidents/src/index.ts'], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /incidents subgraph ready at (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`incidents process exited with ${code}:\n${output}`)));
  });
  return { child, url };
}

// Several processes on one database need a PostgreSQL server; CI always sets DATABASE_URL.
describe.runIf(process.env['DATABASE_URL'])('two incidents processes on one PostgreSQL', () => {
  let graph: Graph;
  let second: { child: ChildProcess; url: string };

  beforeAll(async () => {
    graph = await startGraph();
    second = await startIncidentsProcess({
      DATABASE_URL: graph.databaseUrl!,
      DATA_DIR: graph.keyDir,
      HOST: '127.0.0.1',
      INCIDENTS_PORT: String(await freePort()),
      CONTACTS_URL: graph.subgraphUrls['contacts']!,
    });
  });
  afterAll(async () => {
    if (second && second.child.exitCode === null) {
      second.child.kill('SIGTERM');
      await once(second.child, 'exit');
    }
    await graph?.close();
  });

  it('delivers an event written through one process to a subscriber of the other', async () => {
    const token = await graph.token('sg-csa', [Role.Member]);
    const cursor = (await graph.query<{ incidentEventCursor: string }>(`{ incidentEventCursor }`)).data!
      .incidentEventCursor;
    const subscriber = subscribe(second.url.replace(/^http/, 'ws'), {
      token,
      after: cursor,
      fields: 'cursor type incident { id title }',
    });
    try {
      const reporter = await graph.token('my-mycert', [Role.Member]);
      const report = async (title: string) => {
        const reported = await graph.query<{ reportIncident: { id: string } }>(
          `mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { id } }`,
          {
            i: {
              title,
              summary: 'Test data.',
              category: 'DDOS',
              severity: 'SEVERE',
              tlp: 'GREEN',
              affectedCountryCodes: ['SG'],
            },
          },
          reporter,
        );
        expect(reported.errors).toBeUndefined();
        return reported.data!.reportIncident.id;
      };
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
    second.child.kill('SIGTERM');
    const [code] = (await once(second.child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });
});
