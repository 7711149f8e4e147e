import os from 'node:os';
import { databaseName, quick, smoke, type GatewayKind } from './options.ts';
import type { Summary } from './throughput.ts';
import type { TrafficMode } from './traffic.ts';

// What one run collects as it goes: the report's sections, the figures checked against the targets,
// the observations `--json` writes, and what to undo at the end.
export const startedAt = new Date();
export const loadBefore = os.loadavg();
export const report: string[] = [];
export const cleanups: (() => Promise<unknown>)[] = [];

export type { GatewayKind, TrafficMode };

/** What a gateway's throughput runs counted: requests, failures, and reads that missed a write. */
export interface TrafficCounts {
  requests: number;
  /** Connection errors and non-2xx answers. */
  errors: number;
  /** 200s that were not the expected answer (GraphQL errors). */
  failed: number;
  reads: number;
  writes: number;
  staleReads: number;
  staleSamples: string[];
}

/** What `--json` writes: what each section observed, for `test/e2e/bench-smoke.test.ts`. */
export interface Results {
  mode: 'smoke' | 'quick' | 'full';
  database: string;
  /** Process ids of the gateways and the subgraphs, to tell whose warnings are whose on stderr. */
  pids?: Record<string, number | undefined>;
  incidents?: number;
  sql?: {
    sizes: { size: number; returned: number; statements: number; bySchema: Record<string, number> }[];
    constant: boolean;
  };
  /** Per gateway: the dashboard check before the measurements. */
  dashboard?: Partial<
    Record<
      GatewayKind,
      {
        errors: unknown;
        bytes: number;
        identicalToOurs: boolean;
        /** Ours with its response cache: the same request again, and what the cache said of it. */
        fromCache?: { status: string | null; identicalToOurs: boolean };
      }
    >
  >;
  /** Per traffic mode and gateway, over every measured run: requests, failures and stale reads. */
  throughput?: Partial<
    Record<
      TrafficMode,
      Partial<
        Record<
          GatewayKind,
          TrafficCounts & {
            /** New TCP connections the subgraphs accepted per request (keep-alive pooling: ~0). */
            subgraphConnectionsPerRequest: number;
            /** Ours with its response cache: its lookups, from the gateway's `/metrics`. */
            cache?: { hits: number; misses: number; bypasses: number };
          }
        >
      >
    >
  >;
  /** Per gateway: reads sent right after an acknowledged write, and those that missed it. */
  readAfterWrite?: Partial<
    Record<
      GatewayKind,
      { writes: number; reads: number; staleReads: number; staleSamples: string[]; errors: number }
    >
  >;
  /** Per gateway: the dashboard requests sent and the subgraph calls each one made. */
  overhead?: Partial<
    Record<
      GatewayKind,
      { requests: number; failed: number; subgraphCalls: { min: number; median: number; max: number } }
    >
  >;
  bigLists?: {
    name: string;
    /** Over every repeat: pages fetched, rows seen, and the checks. */
    pages: number;
    rows: number;
    /** Every page continued the previous one strictly in (reportedAt desc, id desc). */
    ordered: boolean;
    /** Ids seen more than once within one walk through the filter's pages. */
    duplicates: number;
    plans: { indexes: string[]; seqScan: boolean }[];
  }[];
  fanout?: {
    subscribers: number;
    tokens: number;
    events: number;
    subscriberProcesses: number;
    /** subscribers × events */
    expected: number;
    /** Distinct (subscriber, event) receipts of the measured events. */
    delivered: number;
    /** Receipts of an event a subscriber already had, over the whole run (probes included). */
    duplicates: number;
    /** Subscription errors over the whole run, and the first few. */
    errors: number;
    errorSamples: string[];
    /** The gateway's `graphql_subscription_streams` and `graphql_live_subscriptions` once all were live. */
    streams: number | null;
    liveSubscriptions: number | null;
    /** From each event's commit to each subscriber's receipt, in milliseconds. */
    latencyMs: { p50: number; p95: number; p99: number; max: number };
    /** CPU seconds over the measured events: the gateway's, the subscriber processes' together, wall time. */
    cpuSeconds: { gateway: number | null; clients: number; wall: number };
  }[];
  /** The cluster run: subscribers split over two gateways on one PostgreSQL. */
  clusterFanout?: {
    subscribers: number;
    /** What was asked for, when the open-files limit made the run smaller. */
    requested: number;
    gateways: {
      name: string;
      subscribers: number;
      rssBytes: number | null;
      idleRssBytes: number | null;
      cpuSeconds: number | null;
    }[];
    subscriberProcesses: number;
    events: number;
    expected: number;
    delivered: number;
    latencyMs: { p50: number; p95: number; p99: number; max: number };
    duplicates: number;
    errors: number;
    errorSamples: string[];
    clientCpuSeconds: number;
    wallSeconds: number;
  };
  /**
   * One reader per organization and role, in turn: ours with its response cache answered each from
   * its cache (`hits`) exactly as ours without a cache did (`mismatches` 0).
   */
  scopes?: { scopes: number; hits: number; mismatches: number; distinctAnswers: number };
  /** The response cache on the cluster's two gateways (test/cluster/cache-measure.ts). */
  cache?: {
    store: 'memory' | 'redis';
    rounds: number;
    staleOnWriter: number;
    lagMs: { p50: number; p99: number; max: number };
    runs: { writeEvery: number; requests: number; hits: number; misses: number; cacheBytes: number }[];
  };
}
export const results: Results = {
  mode: smoke ? 'smoke' : quick ? 'quick' : 'full',
  database: databaseName,
};

/** The figures BENCHMARKS.md checks against its targets, filled in by the sections that measure them. */
export const targets = {
  throughput: {} as Partial<Record<TrafficMode, Record<GatewayKind, Summary>>>,
  /** Per uncached gateway: in-gateway time at concurrency 1, p50 in milliseconds. */
  gatewayTimeP50: {} as Partial<Record<GatewayKind, number>>,
  bigListP95: Number.NaN,
  seqScans: [] as string[],
  fanout: [] as {
    count: number;
    tokens: number;
    p50: number;
    p95: number;
    p99: number;
    max: number;
    rss: number | null;
    complete: boolean;
  }[],
  /** The cluster run, when measured. */
  cluster: null as null | {
    requested: number;
    count: number;
    p99: number;
    complete: boolean;
    rss: { name: string; bytes: number | null }[];
  },
  /** The response cache on the cluster, when measured: invalidation lag and stale reads. */
  cache: null as null | { lagP99: number; staleOnWriter: number; rounds: number },
};
