import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect, createServer, type AddressInfo, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Role } from '@cadg/platform';
import { freePorts } from '../cluster/processes.ts';
import { startGraph, type Graph } from './harness.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const DEADLINE_MS = 6_000;

/**
 * A TCP proxy that holds each request to the subgraph for `delayMs`, so a request can be caught
 * in flight; `requested` resolves when the first GraphQL request (a POST) has reached it.
 */
async function slowProxy(target: URL, delayMs: number) {
  let requested!: () => void;
  const reached = new Promise<void>((resolve) => (requested = resolve));
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    client.on('data', (chunk: Buffer) => {
      // A GraphQL request, not the response cache's long-lived change feed (GET /changes).
      if (chunk.subarray(0, 5).toString() === 'POST ') requested();
      setTimeout(() => upstream.write(chunk), delayMs);
    });
    upstream.pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    reached,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('graceful shutdown of a gateway process', () => {
  let graph: Graph;
  let proxy: Awaited<ReturnType<typeof slowProxy>>;
  let gateway: ChildProcess;
  let gatewayUrl: string;

  beforeAll(async () => {
    graph = await startGraph();
    proxy = await slowProxy(new URL(graph.subgraphUrls['contacts']!), 800);
    const [port] = await freePorts(1);
    gateway = spawn(process.execPath, ['--import', 'tsx', 'gateway/src/main.ts'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        GATEWAY_PORT: String(port!),
        ...graph.subgraphUrlVariables,
        CONTACTS_URL: proxy.url,
        DATA_DIR: graph.keyDir,
        RATE_LIMIT: 'off',
        SHUTDOWN_DRAIN_MS: '4000',
        SHUTDOWN_DEADLINE_MS: String(DEADLINE_MS),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    gatewayUrl = await new Promise<string>((resolve, reject) => {
      gateway.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Gateway ready at ([^\s"]+)/.exec(output); // a JSON log line: the URL ends at its quote
        if (match?.[1]) resolve(match[1]);
      });
      gateway.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      gateway.once('exit', (code) => reject(new Error(`gateway exited with ${code}:\n${output}`)));
    });
  });
  afterAll(async () => {
    if (gateway && gateway.exitCode === null && gateway.signalCode === null) {
      gateway.kill('SIGKILL');
      await once(gateway, 'exit');
    }
    await proxy?.close();
    await graph?.close();
  });

  it('finishes in-flight requests, closes websockets with 1001, refuses new work and exits 0 within the deadline', async () => {
    const token = await graph.token('my-mycert', [Role.Member]);
    const client = createClient({
      url: gatewayUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${token}` },
    });
    const connected = new Promise<void>((resolve) => client.on('connected', () => resolve()));
    const socketClosed = new Promise<number>((resolve) =>
      client.on('closed', (event) => resolve((event as { code: number }).code)),
    );
    client.subscribe(
      { query: 'subscription { majorIncidentUpdates { cursor } }' },
      { next: () => {}, error: () => {}, complete: () => {} },
    );
    await connected;

    const inFlight = fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ countries { code } }' }),
    });
    await proxy.reached;

    const signalledAt = performance.now();
    const exited = once(gateway, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    gateway.kill('SIGTERM');

    expect(await socketClosed).toBe(1001);
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { countries: unknown[] } }).data.countries).toHaveLength(12);

    const afterwards = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ countries { code } }' }),
    }).then(
      (r) => r.status,
      () => 'refused',
    );
    expect([503, 'refused']).toContain(afterwards);

    const [code] = await exited;
    expect(code).toBe(0);
    expect(performance.now() - signalledAt).toBeLessThan(DEADLINE_MS);
    await client.dispose();
  });
});
