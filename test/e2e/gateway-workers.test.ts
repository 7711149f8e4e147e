import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { readdir, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { documentId, trustedDocumentsDir } from '@cadg/gateway';
import { Role } from '@cadg/platform';
import { freePorts, gatewayWorkersOf, repoRoot } from '../cluster/processes.ts';
import { productionProtection, startGraph, type Graph } from './harness.ts';
import { testIncident } from './reporting.ts';

const SUBSCRIBERS = 8;

/** How many established TCP connections to `port` each process holds (by its descriptors). */
async function connectionsByProcess(pids: readonly number[], port: number): Promise<Map<number, number>> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const lines = (await readFile(table, 'utf8').catch(() => '')).split('\n').slice(1);
    for (const line of lines) {
      const fields = line.trim().split(/\s+/);
      const [local, state, inode] = [fields[1], fields[3], fields[9]];
      if (local && state === '01' && inode && parseInt(local.split(':')[1]!, 16) === port) inodes.add(inode);
    }
  }
  const counts = new Map<number, number>();
  for (const pid of pids) {
    let count = 0;
    for (const fd of await readdir(`/proc/${pid}/fd`).catch(() => [])) {
      const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
      const match = /^socket:\[(\d+)\]$/.exec(target);
      if (match && inodes.has(match[1]!)) count += 1;
    }
    counts.set(pid, count);
  }
  return counts;
}

/** The gateway's production entry with GATEWAY_WORKERS=2, its output kept for waits by line. */
class WorkersGateway {
  readonly child: ChildProcess;
  output = '';
  #waiters: (() => void)[] = [];

  constructor(env: NodeJS.ProcessEnv) {
    this.child = spawn(process.execPath, ['--import', 'tsx', 'gateway/src/main.ts'], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      this.output += chunk.toString();
      for (const wake of this.#waiters.splice(0)) wake();
    };
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
    this.child.once('exit', () => {
      for (const wake of this.#waiters.splice(0)) wake();
    });
  }

  /** Waits until the output has matched `pattern` `times` times; fails if the process exits first. */
  async waitFor(pattern: RegExp, times = 1): Promise<RegExpMatchArray[]> {
    for (;;) {
      const matches = [...this.output.matchAll(new RegExp(pattern.source, 'g'))];
      if (matches.length >= times) return matches;
      if (this.child.exitCode !== null || this.child.signalCode !== null)
        throw new Error(`The gateway exited before printing ${pattern}:\n${this.output}`);
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }
}

describe.each([
  { mode: 'embedded default', production: false },
  { mode: 'production (trusted documents enforced, signed subgraph calls)', production: true },
])('GATEWAY_WORKERS=2: one gateway as two processes on one port, $mode', ({ production }) => {
  let graph: Graph;
  let gateway: WorkersGateway;
  let url: string;
  let metricsUrl: string;
  let port: number;
  const secret = randomUUID();
  const clients: Client[] = [];

  const documentText = async (file: string) =>
    (await readFile(join(trustedDocumentsDir, file), 'utf8')).trim();
  /** A registered operation, sent by id in production as its clients do, else as text. */
  const operation = async (file: string) => {
    const text = await documentText(file);
    return production ? { extensions: { documentId: documentId(text) }, query: '' } : { query: text };
  };

  beforeAll(async () => {
    graph = await startGraph(
      production ? { protection: { ...productionProtection(), subgraphSigningSecret: secret } } : {},
    );
    const [gatewayPort, metricsPort] = await freePorts(2);
    port = gatewayPort!;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOST: '127.0.0.1',
      GATEWAY_PORT: String(port),
      GATEWAY_WORKERS: '2',
      METRICS_PORT: String(metricsPort),
      ...graph.subgraphUrlVariables,
      DATA_DIR: graph.keyDir,
      RATE_LIMIT: 'off',
      RESPONSE_CACHE: 'off',
      ...(production ? { GATEWAY_MODE: 'production', SUBGRAPH_SIGNING_SECRET: secret } : {}),
    };
    gateway = new WorkersGateway(env);
    const [ready] = await gateway.waitFor(/Gateway ready at (http[^\s"]+) \(2 workers\)/);
    url = ready![1]!;
    metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
  }, 120_000);
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    if (gateway && gateway.child.exitCode === null && gateway.child.signalCode === null) {
      gateway.child.kill('SIGKILL');
      await once(gateway.child, 'exit');
    }
    await graph?.close();
  });

  it('spreads subscribers over both workers, delivers an event to all of them, reports metrics together, replaces a killed worker and drains on SIGTERM', async () => {
    const token = await graph.token('my-mycert', [Role.Member]);
    const workers = gatewayWorkersOf(gateway.child.pid);
    expect(workers).toHaveLength(2);

    const subscription = await operation('graphql-ws-subscriber/MajorIncidentUpdates.graphql');
    const title = `Workers ${randomUUID()}`;
    const received: string[][] = [];
    const delivered: Promise<void>[] = [];
    const closes: number[] = [];
    const closed: Promise<number>[] = [];
    const live: Promise<void>[] = [];
    for (let i = 0; i < SUBSCRIBERS; i++) {
      const titles: string[] = [];
      received.push(titles);
      let arrived!: () => void;
      delivered.push(new Promise<void>((resolve) => (arrived = resolve)));
      const client = createClient({
        url: url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        lazy: false,
        // Closes are what this test watches (below); graphql-ws would print each one otherwise.
        onNonLazyError: () => {},
        connectionParams: { authorization: `Bearer ${token}` },
      });
      clients.push(client);
      closed.push(
        new Promise<number>((resolve) =>
          client.on('closed', (event) => {
            const code = (event as { code: number }).code;
            closes.push(code);
            resolve(code);
          }),
        ),
      );
      live.push(new Promise<void>((resolve) => client.on('connected', () => resolve())));
      client.subscribe<{ majorIncidentUpdates: { incident: { title: string } } }>(
        { ...subscription, variables: { minSeverity: 'HIGH' } },
        {
          next: (result) => {
            if (!result.data) return;
            titles.push(result.data.majorIncidentUpdates.incident.title);
            if (titles.includes(title)) arrived();
          },
          error: () => {},
          complete: () => {},
        },
      );
    }
    await Promise.all(live);
    // The primary hands connections out round-robin: each worker holds some of them.
    const held = await connectionsByProcess(workers, port);
    for (const pid of workers) expect(held.get(pid), `connections of worker ${pid}`).toBeGreaterThan(0);
    expect([...held.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(SUBSCRIBERS);

    // Every subscriber, whichever worker holds it, gets the event. The subscriptions are live once
    // the metrics (every worker's, summed by the primary) count them.
    const liveSubscriptions = async () => {
      const text = await (await fetch(metricsUrl)).text();
      return {
        connections: Number(/^graphql_ws_connections\{[^}]*\} (\d+)/m.exec(text)?.[1] ?? NaN),
        subscriptions: Number(/^graphql_live_subscriptions\{[^}]*\} (\d+)/m.exec(text)?.[1] ?? NaN),
      };
    };
    let counted = await liveSubscriptions();
    while (counted.subscriptions < SUBSCRIBERS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      counted = await liveSubscriptions();
    }
    expect(counted.connections).toBe(SUBSCRIBERS);
    const report = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        ...(await operation('dashboard/ReportIncident.graphql')),
        variables: { input: testIncident(title, { severity: 'HIGH' }) },
      }),
    });
    const reported = (await report.json()) as { data?: { reportIncident: { id: string } }; errors?: unknown };
    expect(reported.errors, JSON.stringify(reported.errors)).toBeUndefined();
    await Promise.all(delivered);
    expect(received.every((titles) => titles.filter((t) => t === title).length === 1)).toBe(true);

    // A worker that dies takes its own connections with it; the primary starts another and the
    // gateway keeps answering on the same port.
    const [victim] = workers;
    process.kill(victim!, 'SIGKILL');
    await gateway.waitFor(/A gateway worker died; starting another/);
    await gateway.waitFor(/Gateway worker \d+ listening/, 3);
    const replaced = gatewayWorkersOf(gateway.child.pid);
    expect(replaced).toHaveLength(2);
    expect(replaced).not.toContain(victim);
    expect(closes.length).toBeGreaterThan(0);
    expect(closes.length).toBeLessThan(SUBSCRIBERS);
    for (let i = 0; i < 4; i++) {
      const answer = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          ...(await operation('dashboard/ContactDirectory.graphql')),
          variables: { first: 5 },
        }),
      });
      expect(answer.status).toBe(200);
      expect(((await answer.json()) as { errors?: unknown }).errors).toBeUndefined();
    }

    // SIGTERM: every worker drains and closes its websockets with 1001; the primary exits 0.
    const survivors = SUBSCRIBERS - closes.length;
    const exited = once(gateway.child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    gateway.child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
    await Promise.all(closed);
    expect(closes.slice(-survivors)).toEqual(Array.from({ length: survivors }, () => 1001));
  }, 120_000);
});
