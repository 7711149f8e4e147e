import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The repository root: every service entry is started from here, as `npm start -w` would. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** How much of a process's output is kept for error messages. */
const OUTPUT_KEPT_CHARS = 64 * 1024;

/**
 * `count` distinct free ports on 127.0.0.1. All are held open until the last is found, so the
 * same port is never handed out twice; another program may still take one before it is used.
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = createServer();
      servers.push(server);
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
    }
    return servers.map((server) => {
      const address = server.address();
      if (typeof address !== 'object' || !address) throw new Error('A listening server has no port.');
      return address.port;
    });
  } finally {
    await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  }
}

/**
 * The worker processes a GATEWAY_WORKERS gateway's primary `pid` forked: its children running the
 * gateway's entry, read from /proc (tsx's esbuild service is a child too). None for a plain gateway.
 */
export function gatewayWorkersOf(pid: number | undefined): number[] {
  if (pid === undefined) return [];
  const workers: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // pid (comm) state ppid …: comm may hold spaces, so read after its closing parenthesis.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('gateway/src/main.ts'))
        workers.push(Number(entry));
    } catch {
      // The process ended while being read.
    }
  }
  return workers;
}

/** How a process ended: its exit code, or the signal that ended it. */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServiceProcessOptions {
  /** Shown in errors, e.g. `incidents-1` or `gateway-a`. */
  name: string;
  /** The entry file, relative to the repository root. */
  entry: string;
  /** The port the service listens on; it keeps it across restarts. */
  port: number;
  /** The complete environment of the process. */
  env: NodeJS.ProcessEnv;
  /** How long a start may take before it counts as failed. @default 60000 */
  startTimeoutMs?: number;
  /** What the process prints once it is ready. @default /ready at \S+/i */
  readyPattern?: RegExp;
}

/**
 * One service running as its own OS process, started from its production entry. It is ready when
 * it prints its "ready at <url>" line (or its `readyPattern`); it can be killed (any signal) and
 * started again on the same port, which is how tests inject process faults.
 */
export class ServiceProcess {
  readonly name: string;
  readonly port: number;
  /** The GraphQL endpoint, `http://127.0.0.1:<port>/graphql`. */
  readonly url: string;
  #child: ChildProcess | null = null;
  #exited: Promise<ProcessExit> = Promise.resolve({ code: null, signal: null });
  #output = '';
  #killing = false;
  readonly #crashes: string[] = [];
  readonly #options: ServiceProcessOptions;

  constructor(options: ServiceProcessOptions) {
    this.#options = options;
    this.name = options.name;
    this.port = options.port;
    this.url = `http://127.0.0.1:${options.port}/graphql`;
  }

  /** `/readyz`, `/healthz` and friends live at the root of the same port. */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get wsUrl(): string {
    return this.url.replace(/^http/, 'ws');
  }

  get running(): boolean {
    return this.#child !== null;
  }

  get pid(): number | undefined {
    return this.#child?.pid;
  }

  /** The tail of what the process printed (both streams), for diagnosing a failure. */
  get output(): string {
    return this.#output;
  }

  /** Exits nobody asked for (a crash), each with the tail of the output before it. */
  get crashes(): readonly string[] {
    return this.#crashes;
  }

  /** Starts the process and resolves once it reports ready; rejects if it exits or times out first. */
  async start(): Promise<void> {
    if (this.#child) throw new Error(`${this.name} is already running.`);
    this.#killing = false;
    const child = spawn(process.execPath, ['--import', 'tsx', this.#options.entry], {
      cwd: repoRoot,
      env: this.#options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#child = child;
    this.#exited = new Promise<ProcessExit>((resolve) => {
      child.once('exit', (code, signal) => {
        if (this.#child === child) this.#child = null;
        if (!this.#killing)
          this.#crashes.push(
            `${this.name} exited by itself (${signal ?? code}):\n${this.#output.slice(-4000)}`,
          );
        resolve({ code, signal });
      });
    });
    const record = (chunk: Buffer) => {
      this.#output = (this.#output + chunk.toString()).slice(-OUTPUT_KEPT_CHARS);
    };
    child.stdout!.on('data', record);
    child.stderr!.on('data', record);
    const timeoutMs = this.#options.startTimeoutMs ?? 60_000;
    const readyPattern = this.#options.readyPattern ?? /ready at \S+/i;
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${this.name} was not ready within ${timeoutMs} ms:\n${this.#output}`)),
          timeoutMs,
        );
        let fresh = '';
        const onData = (chunk: Buffer) => {
          fresh += chunk.toString();
          if (!readyPattern.test(fresh)) return;
          clearTimeout(timer);
          child.stdout!.off('data', onData);
          resolve();
        };
        child.stdout!.on('data', onData);
        child.once('exit', (code, signal) => {
          clearTimeout(timer);
          reject(new Error(`${this.name} exited (${signal ?? code}) before it was ready:\n${this.#output}`));
        });
      });
    } catch (error) {
      await this.kill('SIGKILL');
      throw error;
    }
  }

  /** Sends `signal` and resolves with how the process exited; null if it was not running. */
  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<ProcessExit | null> {
    const child = this.#child;
    if (!child) return null;
    this.#killing = true;
    child.kill(signal);
    return this.#exited;
  }

  /** Synchronous last resort for `process.on('exit')`: no waiting is possible there. */
  killNow(): void {
    this.#killing = true;
    this.#child?.kill('SIGKILL');
  }
}
