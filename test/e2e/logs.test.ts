import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDevToken } from '@cadg/platform';
import { freePorts, repoRoot } from '../cluster/processes.ts';

/** One service started from its production entry, its standard output (a pipe, not a terminal) kept by line. */
class LoggedProcess {
  readonly lines: string[] = [];
  readonly #child: ChildProcess;
  #waiters: Array<() => void> = [];

  constructor(entry: string, env: NodeJS.ProcessEnv) {
    this.#child = spawn(process.execPath, ['--import', 'tsx', entry], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let partial = '';
    this.#child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop()!;
      this.lines.push(...parts.filter((line) => line.length > 0));
      for (const wake of this.#waiters.splice(0)) wake();
    });
  }

  /** The parsed lines; a line that is not JSON fails the test with the line itself. */
  get entries(): Record<string, unknown>[] {
    return this.lines.map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`Not a JSON line: ${line}`);
      }
    });
  }

  /** Resolves with the first line (parsed) that `matches`, waiting for output as it comes. */
  async waitFor(matches: (entry: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
    for (;;) {
      const found = this.entries.find(matches);
      if (found) return found;
      if (this.#child.exitCode !== null)
        throw new Error(`Exited before logging it:\n${this.lines.join('\n')}`);
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }

  async stop(): Promise<void> {
    if (this.#child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.#child.once('exit', resolve));
    this.#child.kill('SIGTERM');
    await exited;
  }
}

const readyLine = (entry: Record<string, unknown>) => /ready at/.test(String(entry['msg']));
const urlOf = (entry: Record<string, unknown>) => String(entry['url']);

describe('logs of the production entries, written to a pipe', () => {
  let dataDir: string;
  let contacts: LoggedProcess;
  let gateway: LoggedProcess;
  let production: LoggedProcess;
  let gatewayUrl: string;
  let productionUrl: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cadg-logs-'));
    const [contactsPort, gatewayPort, productionPort] = await freePorts(3);
    const secret = randomBytes(32).toString('base64url');
    // PGlite in the temporary DATA_DIR, whatever DATABASE_URL says; LOG_FORMAT left to the default.
    const base: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      METRICS_PORT: '0',
      // Only contacts runs here: with the response cache on, the gateways would rightly warn that the
      // other subgraphs' change feeds are unreachable, and these tests read every line they write.
      RESPONSE_CACHE: 'off',
    };
    delete base['DATABASE_URL'];
    delete base['LOG_FORMAT'];
    contacts = new LoggedProcess('subgraphs/contacts/src/index.ts', {
      ...base,
      CONTACTS_PORT: String(contactsPort),
      LOG_LEVEL: 'debug',
      SUBGRAPH_SIGNING_SECRET: secret,
    });
    const contactsUrl = urlOf(await contacts.waitFor(readyLine));
    const gatewayEnv = { ...base, CONTACTS_URL: contactsUrl, SUBGRAPH_SIGNING_SECRET: secret };
    gateway = new LoggedProcess('gateway/src/main.ts', {
      ...gatewayEnv,
      GATEWAY_PORT: String(gatewayPort),
      LOG_LEVEL: 'debug',
      RATE_LIMIT_BURST: '3',
      RATE_LIMIT_PER_SECOND: '0.001',
    });
    production = new LoggedProcess('gateway/src/main.ts', {
      ...gatewayEnv,
      GATEWAY_MODE: 'production',
      GATEWAY_PORT: String(productionPort),
    });
    gatewayUrl = urlOf(await gateway.waitFor(readyLine));
    productionUrl = urlOf(await production.waitFor(readyLine));
  }, 120_000);
  afterAll(async () => {
    await Promise.all([gateway?.stop(), production?.stop(), contacts?.stop()]);
    await rm(dataDir, { recursive: true, force: true });
  });

  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('are JSON lines from the gateway and the subgraph, levels by name, one request id across both', async () => {
    const response = await post(gatewayUrl, { query: '{ countries { code } }' });
    expect(response.status).toBe(200);
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    const sameRequest = (entry: Record<string, unknown>) => entry['requestId'] === requestId;
    const subgraphLine = await contacts.waitFor(sameRequest);
    const gatewayLine = await gateway.waitFor(sameRequest);
    expect(subgraphLine).toMatchObject({ service: 'contacts', level: 'debug', time: expect.any(String) });
    expect(gatewayLine).toMatchObject({ service: 'gateway', level: 'debug', time: expect.any(String) });
    // Every line either process wrote is JSON (`entries` throws on one that is not).
    expect(gateway.entries.length).toBeGreaterThan(1);
    expect(contacts.entries.length).toBeGreaterThan(1);
  });

  it('logs client mistakes (invalid documents, bad tokens, rate limits) below error', async () => {
    const before = gateway.lines.length;
    expect((await post(gatewayUrl, { query: '{ nope }' })).status).toBe(200);
    // Signed with a key of its own, which the gateway does not know.
    const forged = await signDevToken(join(dataDir, 'elsewhere'), { sub: 'x', org: null, roles: [] });
    const badToken = await post(
      gatewayUrl,
      { query: '{ countries { code } }' },
      { authorization: `Bearer ${forged}` },
    );
    expect(badToken.status).toBe(401);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(gatewayUrl, { query: '{ __typename }' })).status);
    expect(statuses).toContain(429);
    const lines = gateway.entries.slice(before);
    expect(lines.filter((entry) => entry['level'] === 'error' || entry['level'] === 'fatal')).toEqual([]);
  });

  it('are JSON lines in production too, where an unregistered document is refused and logged at most at info', async () => {
    const before = production.lines.length;
    const refused = await post(productionUrl, { query: '{ countries { code } }' });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    const lines = production.entries.slice(before);
    expect(lines.filter((entry) => entry['level'] === 'error' || entry['level'] === 'warn')).toEqual([]);
    expect(production.entries[0]).toMatchObject({ service: 'gateway', level: 'info' });
  });
});
