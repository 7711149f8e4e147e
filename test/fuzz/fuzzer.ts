import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import { DEFAULT_LIMITS, type OperationLimits } from '@cadg/gateway';
import { snapshot, stillServing } from './after-run.ts';
import { generateHttpCase } from './http-cases.ts';
import { describeHttp, runHttpCase } from './http-run.ts';
import { Random } from './random.ts';
import { mintTokens } from './tokens.ts';
import { vocabularyOf } from './vocabulary.ts';
import { generateWsCase } from './ws-cases.ts';
import { describeWs, runWsCase } from './ws-run.ts';

export { FUZZ_TARGETS } from './vocabulary.ts';
export { runHttpCase } from './http-run.ts';
export { runWsCase } from './ws-run.ts';

/** A running port to fuzz: the gateway, or one subgraph's own port. */
export interface FuzzTarget {
  /** `gateway`, or the subgraph's name (see FUZZ_TARGETS): picks the schema cases are made from. */
  name: string;
  /** The GraphQL endpoint fuzzed, e.g. `http://127.0.0.1:4001/graphql`. */
  url: string;
  /** The gateway's GraphQL endpoint, through which the data is read before and after the run. */
  gatewayUrl: string;
  /** Where the dev issuer keeps its key, to mint valid and hostile tokens. */
  keyDir: string;
  /** The limits the target enforces (the same on the gateway and subgraph ports). @default DEFAULT_LIMITS */
  limits?: OperationLimits | undefined;
}

/** A running graph, as `startStandaloneGraph` and the e2e harness give it. */
export interface FuzzableGraph {
  gatewayUrl: string;
  subgraphUrls: Readonly<Record<string, string>>;
  keyDir: string;
}

/** The target `name` (`gateway` or a subgraph's name) of a running graph. */
export function fuzzTarget(graph: FuzzableGraph, name: string, limits?: OperationLimits): FuzzTarget {
  const url = name === 'gateway' ? graph.gatewayUrl : graph.subgraphUrls[name];
  if (!url) throw new Error(`The graph has no port for "${name}".`);
  return { name, url, gatewayUrl: graph.gatewayUrl, keyDir: graph.keyDir, limits };
}

export interface FuzzOptions {
  seed: number;
  httpCases: number;
  wsCases: number;
  /** Requests (and websocket conversations) in flight at once. @default 8 */
  concurrency?: number | undefined;
  /** Run only these cases (`http:12`, `ws:3`), to replay failures. */
  only?: readonly string[] | undefined;
  /** Called once per failing case, as it fails. */
  onFailure?: ((failure: FuzzFailure) => void) | undefined;
}

/** A case that broke a rule, with what is needed to replay it. */
export interface FuzzFailure {
  /** The target's name. */
  target: string;
  stream: 'http' | 'ws' | 'after';
  index: number;
  kind: string;
  problems: string[];
  /** The request or conversation, abridged for reading. */
  request: string;
}

/** This process's memory at one point of a run (the graph runs in it under `npm run fuzz` and in tests). */
export interface MemorySample {
  /** Cases finished when it was taken. */
  cases: number;
  rssBytes: number;
  heapUsedBytes: number;
  /** Whether a full garbage collection ran first (only with `node --expose-gc`). */
  afterGc: boolean;
}

export interface FuzzReport {
  target: string;
  seed: number;
  httpCases: number;
  wsCases: number;
  failures: FuzzFailure[];
  /** Cases run per kind, by stream. */
  kinds: Record<string, number>;
  durationMs: number;
  /** Before the first case, after every tenth of the cases, and after the checks that end the run. */
  memory: MemorySample[];
}

/** The replay instructions for a failure. */
export function replayHint(seed: number, failure: FuzzFailure): string {
  return `npm run fuzz -- --target ${failure.target} --seed ${seed} --only ${failure.stream}:${failure.index}`;
}

export function formatFailure(seed: number, failure: FuzzFailure): string {
  return [
    `fuzz case ${failure.target} ${failure.stream}:${failure.index} (${failure.kind}), seed ${seed} — replay: ${replayHint(seed, failure)}`,
    ...failure.problems.map((problem) => `  - ${problem}`),
    `  request: ${failure.request}`,
  ].join('\n');
}

/**
 * Sends seeded malformed and hostile HTTP requests and websocket conversations to a running
 * gateway or subgraph port, made from that port's own schema, and checks every answer; then
 * checks the port still serves HTTP, `/healthz` and (where it serves it) graphql-ws, and that no
 * data changed (counts and record fingerprints read through the gateway by a SECRETARIAT and a
 * MEMBER before and after).
 */
export async function runFuzz(target: FuzzTarget, options: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const limits = target.limits ?? DEFAULT_LIMITS;
  const vocabulary = vocabularyOf(target.name);
  const tokens = await mintTokens(target.keyDir);
  const concurrency = options.concurrency ?? 8;
  // No keep-alive: a refused body (413, 411) ends its connection, and a reused one would fail the next case.
  const agent = new Agent({ keepAlive: false, maxSockets: concurrency });
  const failures: FuzzFailure[] = [];
  const kinds: Record<string, number> = {};
  const fail = (failure: Omit<FuzzFailure, 'target'>) => {
    const named = { target: target.name, ...failure };
    failures.push(named);
    options.onFailure?.(named);
  };
  const selected = (stream: string, index: number) =>
    !options.only || options.only.includes(`${stream}:${index}`);
  const httpIndexes = range(options.httpCases).filter((i) => selected('http', i));
  const wsIndexes = range(options.wsCases).filter((i) => selected('ws', i));
  const memory = memorySampler(httpIndexes.length + wsIndexes.length);

  try {
    const before = await snapshot(target.gatewayUrl, tokens);
    memory.start();

    await pool(httpIndexes, concurrency, async (index) => {
      const rng = Random.forCase(options.seed, 'http', index);
      const fuzzCase = generateHttpCase(rng, { tokens, limits, vocabulary });
      kinds[`http ${fuzzCase.kind}`] = (kinds[`http ${fuzzCase.kind}`] ?? 0) + 1;
      const problems = await runHttpCase(target.url, fuzzCase, agent, vocabulary);
      if (problems.length)
        fail({ stream: 'http', index, kind: fuzzCase.kind, problems, request: describeHttp(fuzzCase) });
      memory.caseDone();
    });

    const wsUrl = target.url.replace(/^http/, 'ws');
    await pool(wsIndexes, concurrency, async (index) => {
      const rng = Random.forCase(options.seed, 'ws', index);
      const fuzzCase = generateWsCase(rng, tokens, vocabulary);
      kinds[`ws ${fuzzCase.kind}`] = (kinds[`ws ${fuzzCase.kind}`] ?? 0) + 1;
      const problems = await runWsCase(wsUrl, fuzzCase, vocabulary);
      if (problems.length)
        fail({ stream: 'ws', index, kind: fuzzCase.kind, problems, request: describeWs(fuzzCase) });
      memory.caseDone();
    });

    const afterProblems = await stillServing(target, vocabulary, tokens);
    const after = await snapshot(target.gatewayUrl, tokens);
    if (after !== before)
      afterProblems.push(`data changed during the run:\n    before ${before}\n    after  ${after}`);
    if (afterProblems.length)
      fail({
        stream: 'after',
        index: 0,
        kind: 'after the run',
        problems: afterProblems,
        request: '(checks after the run)',
      });
  } finally {
    agent.destroy();
  }
  memory.end();
  return {
    target: target.name,
    seed: options.seed,
    httpCases: httpIndexes.length,
    wsCases: wsIndexes.length,
    failures,
    kinds,
    durationMs: Math.round(performance.now() - started),
    memory: memory.samples,
  };
}

/**
 * Samples this process's memory before the first case, after every tenth of `total` cases and at
 * the end, after a full garbage collection when node runs with `--expose-gc` (`npm run fuzz`
 * does): heap that survives collection and keeps growing is a leak, garbage is not.
 */
function memorySampler(total: number) {
  const samples: MemorySample[] = [];
  let done = 0;
  const sample = () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    samples.push({ cases: done, rssBytes: rss, heapUsedBytes: heapUsed, afterGc: gc !== undefined });
  };
  const step = Math.max(1, Math.ceil(total / 10));
  return {
    samples,
    start: sample,
    caseDone() {
      done++;
      if (done % step === 0 && done < total) sample();
    },
    end: sample,
  };
}

const range = (count: number) => Array.from({ length: count }, (_, i) => i);

async function pool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
