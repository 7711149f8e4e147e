import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { EVENTS_CHANNEL } from '../../../subgraphs/incidents/src/events/outbox.ts';
import { startProcess, type BenchProcess } from '../ipc.ts';
import { median, ms, percentile } from '../stats.ts';

// The client side of the subscription measurements: subscriber processes, the commit clock, CPU.

const now = () => performance.timeOrigin + performance.now();

/** Where a share of the subscribers connects. */
export interface SubscriberTarget {
  wsUrl: string;
  count: number;
}

/** Subscribers spread over several processes, asked and stopped as one. */
export interface SubscriberPool {
  readonly count: number;
  readonly processes: readonly BenchProcess[];
  /** Every subscriber's receipt time (epoch ms) of the event with `cursor`, once all have it or on timeout. */
  receipts(cursor: string, timeoutMs: number): Promise<{ times: number[]; errors: unknown[] }>;
  /** CPU seconds the subscriber processes used so far, together. */
  cpuSeconds(): Promise<number>;
  /** Receipts of a cursor a subscriber already had, and subscription errors, since the start. */
  summary(): Promise<{ duplicates: number; errors: number }>;
  stop(): Promise<void>;
}

/**
 * Starts `processes` subscriber processes per target, sharing its count, each bound to a source
 * address of its own on loopback (127.0.0.2, .3, …): one address has about 28,000 ephemeral ports
 * per destination, fewer than the largest runs need. Tokens are dealt out over all subscribers in
 * turn, as one process would.
 */
export async function startSubscribers(
  targets: readonly SubscriberTarget[],
  tokens: readonly string[],
  processes: number,
): Promise<SubscriberPool> {
  const shares: { wsUrl: string; count: number; offset: number }[] = [];
  let offset = 0;
  for (const { wsUrl, count } of targets) {
    const parts = Math.max(1, Math.min(processes, count));
    for (let i = 0; i < parts; i++) {
      const share = Math.floor(count / parts) + (i < count % parts ? 1 : 0);
      shares.push({ wsUrl, count: share, offset });
      offset += share;
    }
  }
  // Started together, 200 connections at a time between them.
  const starting = await Promise.allSettled(
    shares.map((share, index) =>
      startProcess('./subscribers-process.ts', [share.wsUrl, String(share.count)], {
        TOKENS: tokens.join(','),
        TOKEN_OFFSET: String(share.offset),
        LOCAL_ADDRESS: `127.0.0.${2 + (index % 250)}`,
        CONNECT_CONCURRENCY: String(Math.max(20, Math.floor(200 / shares.length))),
      }),
    ),
  );
  const started = starting.flatMap((s) => (s.status === 'fulfilled' ? [s.value.process] : []));
  const failed = starting.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.allSettled(started.map((p) => p.stop()));
    throw failed.reason;
  }
  const ask = <T extends { type: string }>(
    message: Record<string, unknown>,
    reply: string,
    timeoutMs?: number,
  ) =>
    Promise.all(
      started.map((p) =>
        p.request<T & { [key: string]: unknown }>(
          { type: String(message['type']), ...message },
          reply,
          timeoutMs,
        ),
      ),
    );
  return {
    count: offset,
    processes: started,
    async receipts(cursor, timeoutMs) {
      const replies = await ask<{ type: string; times: number[]; errors: unknown[] }>(
        { type: 'await', cursor, timeoutMs },
        'received',
        timeoutMs + 30_000,
      );
      return { times: replies.flatMap((r) => r.times), errors: replies.flatMap((r) => r.errors) };
    },
    async cpuSeconds() {
      const replies = await ask<{ type: string; micros: number }>({ type: 'cpu' }, 'cpu');
      return replies.reduce((sum, r) => sum + r.micros, 0) / 1e6;
    },
    async summary() {
      const replies = await ask<{ type: string; duplicates: number; errors: number }>(
        { type: 'summary' },
        'summary',
      );
      return {
        duplicates: replies.reduce((sum, r) => sum + r.duplicates, 0),
        errors: replies.reduce((sum, r) => sum + r.errors, 0),
      };
    },
    async stop() {
      await Promise.allSettled(started.map((p) => p.stop()));
    },
  };
}

/**
 * When writes commit, as seen from PostgreSQL: the incidents outbox NOTIFYs its channel in the
 * transaction that appends the event, and PostgreSQL delivers a notification only once that
 * transaction has committed. A LISTEN of our own therefore hears each commit (within the loopback
 * round trip), which neither the event's `occurredAt` (the transaction's start) nor the mutation's
 * response (after the commit, the subgraph's and the gateway's answer) measures.
 */
export async function commitClock(databaseUrl: string): Promise<{
  /** Runs `write` (one transaction appending one event) and returns when its commit was heard. */
  commitOf<T>(write: () => Promise<T>): Promise<{ result: T; committedAt: number }>;
  close(): Promise<void>;
}> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const heard: number[] = [];
  let wake: (() => void) | null = null;
  await sql.listen(EVENTS_CHANNEL, () => {
    heard.push(now());
    wake?.();
  });
  return {
    async commitOf(write) {
      const before = heard.length;
      const result = await write();
      const deadline = now() + 10_000;
      while (heard.length <= before) {
        if (now() > deadline) throw new Error('No commit notification within 10 s of the write.');
        // The notification may trail the HTTP answer by a moment: wait for it (or the deadline).
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 1_000).unref();
        });
        wake = null;
      }
      return { result, committedAt: heard[before]! };
    },
    close: () => sql.end({ timeout: 5 }),
  };
}

/** CPU seconds (user + system) a process has used, from /proc; null where it cannot be read. */
export function cpuSecondsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Latency from commit to each subscriber's receipt: p50, p95, p99 and the slowest. */
export interface Latencies {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function latencies(values: readonly number[]): Latencies {
  return {
    p50: median(values),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: values.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY),
  };
}

export const latencyCells = (l: Latencies): string[] => [
  ms(l.p50, 0),
  ms(l.p95, 0),
  ms(l.p99, 0),
  ms(l.max, 0),
];

/**
 * Reports one event `times` through `report` (a mutation that commits one event) and collects
 * every subscriber's receipt of it: latencies from the commit, whether all got it.
 */
export async function measureEvents(
  pool: SubscriberPool,
  clock: Awaited<ReturnType<typeof commitClock>>,
  report: () => Promise<string>,
  events: number,
): Promise<{ latencies: number[]; delivered: number; errors: unknown[] }> {
  const all: number[] = [];
  let delivered = 0;
  let errors: unknown[] = [];
  for (let event = 0; event < events; event++) {
    const { result: cursor, committedAt } = await clock.commitOf(report);
    const received = await pool.receipts(cursor, 30_000);
    all.push(...received.times.map((t) => t - committedAt));
    delivered += received.times.length;
    errors = errors.concat(received.errors);
  }
  return { latencies: all, delivered, errors };
}

/** Probes until every subscription is live upstream (a subscriber counts once it has had an event). */
export async function untilAllLive(
  pool: SubscriberPool,
  report: () => Promise<string>,
  probes = 5,
): Promise<unknown[]> {
  let errors: unknown[] = [];
  for (let probe = 0; probe < probes; probe++) {
    const received = await pool.receipts(await report(), 20_000);
    errors = errors.concat(received.errors);
    if (received.times.length >= pool.count) break;
  }
  return errors;
}

/** What a run's results record of its delivery: counts, latencies from commit, duplicates, errors. */
export function deliveryRecord(
  measured: { latencies: readonly number[]; delivered: number },
  summary: { duplicates: number; errors: number },
  errors: readonly unknown[],
  subscribers: number,
  events: number,
) {
  return {
    events,
    /** subscribers × events */
    expected: subscribers * events,
    delivered: measured.delivered,
    latencyMs: latencies(measured.latencies),
    duplicates: summary.duplicates,
    errors: summary.errors,
    errorSamples: errors.slice(0, 5).map((e) => (typeof e === 'string' ? e : JSON.stringify(e))),
  };
}
