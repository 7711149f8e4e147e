import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

/** Messages between `run.ts` and the processes it starts: `{ type, ...payload }`. */
export interface Message {
  type: string;
  [key: string]: unknown;
}

/** A benchmark process: started with tsx, answering requests over IPC. */
export interface BenchProcess {
  readonly child: ChildProcess;
  /** Sends a message and resolves with the first reply of type `reply`. */
  request<T extends Message>(message: Message, reply: string, timeoutMs?: number): Promise<T>;
  /** Resident set size in bytes, from /proc (Linux), or null where it cannot be read. */
  rss(): number | null;
  /** Asks the process to close and waits for it to exit (killing it after 15 s). */
  stop(): Promise<void>;
}

/**
 * Starts `script` (a .ts file next to this one) as a child with tsx, and resolves once it sends
 * `{ type: 'ready' }` (whose payload is returned). Its output is dropped unless BENCH_VERBOSE is set.
 * With BENCH_PROFILE_DIR set, each child writes a V8 CPU profile there when it exits (open it in
 * Chrome DevTools): where a figure comes from, not just what it is; each measured throughput run
 * also gets profiles of its own (see `profileWindow`).
 */
export async function startProcess(
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ process: BenchProcess; ready: Message }> {
  const child = fork(new URL(script, import.meta.url), [...args], {
    execArgv: ['--import', 'tsx', ...profiling(process.env['BENCH_PROFILE_DIR'])],
    env: { ...process.env, ...env },
    stdio: process.env['BENCH_VERBOSE'] ? 'inherit' : ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  const request: BenchProcess['request'] = (message, reply, timeoutMs = 600_000) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.off('message', onMessage);
        reject(new Error(`${script}: no "${reply}" within ${timeoutMs} ms`));
      }, timeoutMs);
      const onMessage = (received: Message) => {
        if (received.type === 'error') {
          clearTimeout(timer);
          child.off('message', onMessage);
          reject(new Error(`${script}: ${String(received['message'])}`));
        } else if (received.type === reply) {
          clearTimeout(timer);
          child.off('message', onMessage);
          resolve(received as never);
        }
      };
      child.on('message', onMessage);
      if (message.type !== '') child.send(message);
    });
  const failed = exited.then(([code]) => {
    throw new Error(`${script} exited (${String(code)}) before it was ready`);
  });
  const ready = await Promise.race([request({ type: '' }, 'ready'), failed]);
  failed.catch(() => {});
  return {
    ready,
    process: {
      child,
      request,
      rss: () => rssOf(child.pid),
      async stop() {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.send({ type: 'close' });
        await exited;
        clearTimeout(timer);
      },
    },
  };
}

export function rssOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** In a child: answers `close` by running `close` and exiting, and reports failures to the parent. */
export function serveParent(
  handlers: Record<string, (message: Message) => Promise<Message | void>>,
  close: () => Promise<void>,
) {
  process.on('message', (message: Message) => {
    if (message.type === 'close') {
      void close().finally(() => process.exit(0));
      return;
    }
    const handler = message.type === 'profile' ? profileWindow : handlers[message.type];
    if (!handler) return;
    handler(message).then(
      (reply) => reply && process.send?.(reply),
      (error: unknown) =>
        process.send?.({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  });
  // The parent going away ends the child too.
  process.on('disconnect', () => void close().finally(() => process.exit(0)));
}

let profiler: Session | null = null;

/**
 * `{ type: 'profile', on: true }` starts a CPU profile of this process, `{ on: false, name }` writes
 * it to BENCH_PROFILE_DIR as `<name>.cpuprofile`: the profile of one measured run, without the
 * process's start-up or the other runs. Answers `{ type: 'profiled' }`.
 */
async function profileWindow(message: Message): Promise<Message> {
  const directory = process.env['BENCH_PROFILE_DIR'];
  if (!directory) return { type: 'profiled' };
  if (message['on']) {
    profiler ??= new Session();
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  } else if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    profiler.disconnect();
    profiler = null;
    await writeFile(join(directory, `${String(message['name'])}.cpuprofile`), JSON.stringify(profile));
  }
  return { type: 'profiled' };
}

function profiling(directory: string | undefined): string[] {
  return directory ? ['--cpu-prof', `--cpu-prof-dir=${directory}`] : [];
}
