import { CACHE_STATUS_HEADER } from '@cadg/gateway';
import { dashboardBody, type DashboardResult } from '../dashboard.ts';
import type { BenchProcess } from '../ipc.ts';
import { load } from '../load.ts';
import { median, ms, ratio, table } from '../stats.ts';
import { post } from './io.ts';
import { config, flags, GATEWAYS, KINDS, log, smoke, type GatewayKind } from './options.ts';
import { results, targets, type Results, type TrafficCounts } from './state.ts';
import { MODES, Traffic, TRAFFIC_MODES, WRITE_SHARE, type TrafficMode } from './traffic.ts';

// Gateway throughput: every gateway answers the same dashboard, then the same traffic against each,
// in alternating order, with the gateway's and the subgraphs' CPU time read around every run.

export interface Gateways {
  [kind: string]: { url: string; process: BenchProcess };
}
export interface Tokens {
  one: string;
  readers: readonly string[];
  writers: readonly string[];
}

export async function checkSameAnswers(gateways: Gateways, auth: Record<string, string>) {
  const answers = new Map<GatewayKind, string>();
  const checked: NonNullable<Results['dashboard']> = {};
  results.dashboard = checked;
  for (const kind of KINDS) {
    const result = await post<DashboardResult>(gateways[kind]!.url, dashboardBody(config.pageSize), auth);
    const answer = result.data ? JSON.stringify(result.data) : '';
    answers.set(kind, answer);
    checked[kind] = { errors: result.errors ?? null, bytes: answer.length, identicalToOurs: false };
  }
  for (const kind of KINDS) checked[kind]!.identicalToOurs = answers.get(kind) === answers.get('ours');
  for (const kind of KINDS) {
    if (checked[kind]!.errors || !answers.get(kind))
      throw new Error(`${kind} answered ${JSON.stringify(checked[kind]!.errors)}`);
    if (!checked[kind]!.identicalToOurs)
      throw new Error(`${kind} answers the dashboard differently from ours`);
  }
  for (const kind of KINDS.filter((k) => k === 'ours-cached')) {
    const cached = await answerFromCache(gateways[kind]!.url, dashboardBody(config.pageSize), auth);
    checked[kind]!.fromCache = {
      status: cached.status,
      identicalToOurs: cached.answer === answers.get('ours'),
    };
    if (cached.status !== 'hit')
      throw new Error(
        `${kind} did not answer the dashboard from its cache (x-response-cache: ${cached.status})`,
      );
    if (cached.answer !== answers.get('ours'))
      throw new Error(`${kind} answers the dashboard from its cache differently from ours`);
  }
  log(
    `All gateways give the same dashboard (${config.pageSize} incidents, ${answers.get('ours')!.length} bytes).`,
  );
}

/**
 * No answer crosses visibility scopes: one reader of every organization and role in turn (the
 * first `scopes` reader tokens, see `readerTokens`) asks ours with its response cache for the
 * dashboard until it answers from its cache, and that answer must be what ours without a cache
 * answers the same reader. Scopes ask one after another, each after the entries of those before
 * it were made, so an entry handed to another scope would show as a difference.
 */
export async function checkScopes(gateways: Gateways, readers: readonly string[], scopes: number) {
  const cached = gateways['ours-cached'];
  const uncached = gateways['ours'];
  if (!cached || !uncached) return;
  const body = dashboardBody(config.pageSize);
  const distinct = new Set<string>();
  const checked = { scopes: 0, hits: 0, mismatches: 0, distinctAnswers: 0 };
  for (const token of readers.slice(0, scopes)) {
    const auth = { authorization: `Bearer ${token}` };
    const expected = await post<DashboardResult>(uncached.url, body, auth);
    const want = expected.data ? JSON.stringify(expected.data) : '';
    const answer = await answerFromCache(cached.url, body, auth);
    checked.scopes += 1;
    if (answer.status === 'hit') checked.hits += 1;
    if (!want || answer.answer !== want) checked.mismatches += 1;
    distinct.add(want);
  }
  checked.distinctAnswers = distinct.size;
  results.scopes = checked;
  if (checked.mismatches)
    throw new Error(`ours-cached answered ${checked.mismatches} of ${checked.scopes} scopes unlike ours`);
  log(
    `Ours with its response cache answers ${checked.scopes} scopes from its cache as ours does uncached (${checked.distinctAnswers} distinct answers).`,
  );
}

/**
 * Asks again what was just asked: a gateway with our response cache answers from it (the
 * `x-response-cache` header says `hit`). A few tries within 10 s, since a background write in the
 * subgraphs (a verification sweep, an alert delivery) rightly ends the entry the first one made.
 */
async function answerFromCache(url: string, body: string, auth: Record<string, string>) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...auth },
      body,
    });
    const result = (await response.json()) as { data?: unknown };
    const status = response.headers.get(CACHE_STATUS_HEADER);
    const answer = result.data ? JSON.stringify(result.data) : '';
    if (status === 'hit' || Date.now() > deadline) return { status, answer };
  }
}

/** Our response cache's lookups so far, from the gateway's `/metrics` (null for other gateways). */
async function cacheLookups(kind: GatewayKind, url: string): Promise<CacheLookups | null> {
  if (kind !== 'ours-cached') return null;
  const text = await (await fetch(new URL('/metrics', url))).text();
  /** `optional`: a counter gateways built before it do not have (0). */
  const count = (outcome: string, metric = LOOKUPS_METRIC, optional = false) => {
    const line = new RegExp(`^${metric}\\{[^}]*outcome="${outcome}"[^}]*\\} (\\S+)$`, 'm').exec(text);
    if (!line && optional) return 0;
    if (!line) throw new Error(`${kind}: no ${metric}{outcome="${outcome}"} on /metrics`);
    return Number(line![1]);
  };
  return {
    // Answered by an identical query already running: from the cache's work, not the subgraphs'.
    hits: count('hit') + count('coalesced', LOOKUPS_METRIC, true),
    coalesced: count('coalesced', LOOKUPS_METRIC, true),
    misses: count('miss'),
    bypasses: count('bypass'),
    calls: {
      hits: count('hit', CALLS_METRIC, true) + count('coalesced', CALLS_METRIC, true),
      misses: count('miss', CALLS_METRIC, true),
    },
  };
}
const LOOKUPS_METRIC = 'gateway_response_cache_lookups_total';
/** The subgraph calls of the queries it did not answer whole (gateway/src/response-cache/subgraph-cache.ts). */
const CALLS_METRIC = 'gateway_response_cache_subgraph_calls_total';
type CacheLookups = {
  /** Of the hits, those that waited for an identical query already running. */
  coalesced: number;
  hits: number;
  misses: number;
  bypasses: number;
  calls: { hits: number; misses: number };
};

/** One measured run of one gateway. */
interface Run extends TrafficCounts {
  rps: number;
  p50: number;
  p99: number;
  /** CPU milliseconds per request: the gateway process's, and the subgraphs process's. */
  gatewayCpu: number;
  subgraphsCpu: number;
  /** Subgraph HTTP calls and new TCP connections to the subgraphs, per request. */
  calls: number;
  connections: number;
  /** Our response cache's lookups during the run (null for gateways without it). */
  cache: CacheLookups | null;
}

export type Summary = Pick<Run, 'rps' | 'p50' | 'p99' | 'gatewayCpu' | 'subgraphsCpu' | 'calls'> & {
  range: string;
  /** Ours with its response cache: the share of its lookups answered from the cache. */
  hitRatio: number | null;
  /** And of the subgraph calls of the queries it did not answer whole; its misses per write. */
  callHitRatio: number | null;
  coalescedRatio: number | null;
  missesPerWrite: number | null;
  errors: number;
  staleReads: number;
  reads: number;
  writes: number;
};

type Counters = { type: string; cpuMicros: number; requests: number; connections: number };

async function measure(
  kind: GatewayKind,
  gateway: Gateways[string],
  subgraphs: BenchProcess,
  traffic: Traffic,
  seconds: number,
  /** With BENCH_PROFILE_DIR: the name of this run's CPU profiles. */
  profile?: string,
): Promise<Run> {
  traffic.reset();
  if (profile)
    for (const child of [gateway.process, subgraphs])
      await child.request({ type: 'profile', on: true }, 'profiled');
  const writesBefore = traffic.writes;
  const cpu = async () =>
    (await gateway.process.request<{ type: string; micros: number }>({ type: 'cpu' }, 'cpu')).micros;
  const counters = () => subgraphs.request<Counters>({ type: 'counters' }, 'counters');
  const lookups = () => cacheLookups(kind, gateway.url);
  const [gateway0, subgraphs0, cache0] = [await cpu(), await counters(), await lookups()];
  const result = await load(gateway.url, traffic.next, {
    connections: config.connections,
    // The smoke checks behaviour, not speed: a fixed number of requests, so a slow gateway on a
    // busy machine still answers some.
    ...(smoke ? { amount: config.connections * 4 } : { seconds }),
  });
  const [gateway1, subgraphs1, cache1] = [await cpu(), await counters(), await lookups()];
  if (profile) {
    await gateway.process.request({ type: 'profile', on: false, name: profile }, 'profiled');
    await subgraphs.request({ type: 'profile', on: false, name: `${profile}-subgraphs` }, 'profiled');
  }
  const perRequest = (value: number) => value / Math.max(1, result.requests);
  return {
    rps: result.rps,
    p50: result.p50,
    p99: result.p99,
    requests: result.requests,
    errors: result.errors,
    failed: result.failed,
    reads: traffic.reads,
    writes: traffic.writes - writesBefore,
    staleReads: traffic.staleReads,
    staleSamples: [...traffic.staleSamples],
    gatewayCpu: perRequest((gateway1 - gateway0) / 1000),
    subgraphsCpu: perRequest((subgraphs1.cpuMicros - subgraphs0.cpuMicros) / 1000),
    calls: perRequest(subgraphs1.requests - subgraphs0.requests),
    connections: perRequest(subgraphs1.connections - subgraphs0.connections),
    cache:
      cache0 && cache1
        ? {
            hits: cache1.hits - cache0.hits,
            coalesced: cache1.coalesced - cache0.coalesced,
            misses: cache1.misses - cache0.misses,
            bypasses: cache1.bypasses - cache0.bypasses,
            calls: {
              hits: cache1.calls.hits - cache0.calls.hits,
              misses: cache1.calls.misses - cache0.calls.misses,
            },
          }
        : null,
  };
}

export async function throughput(
  gateways: Gateways,
  subgraphs: BenchProcess,
  tokens: Tokens,
): Promise<string> {
  const modes = flags.modes ? (flags.modes.split(',') as TrafficMode[]) : TRAFFIC_MODES;
  const observed: NonNullable<Results['throughput']> = {};
  results.throughput = observed;
  const sections: string[] = [];
  for (const mode of modes) {
    const traffic = new Traffic(mode, tokens, config.pageSize);
    const runs = new Map<GatewayKind, Run[]>(KINDS.map((k) => [k, []]));
    // Warm-up (JIT, plan caches, verified tokens), not counted; the smoke has no time for it.
    if (!smoke)
      for (const kind of KINDS)
        await measure(kind, gateways[kind]!, subgraphs, traffic, Math.min(3, config.durationSeconds));
    for (let round = 1; round <= config.rounds; round++) {
      // Alternating order, so drift in the machine's load does not favour whoever goes first.
      const order = round % 2 === 1 ? KINDS : [...KINDS].reverse();
      for (const kind of order) {
        log(`Throughput, ${MODES[mode]}, round ${round}/${config.rounds}: ${kind}…`);
        const profile = process.env['BENCH_PROFILE_DIR'] ? `${mode}-${kind}-${round}` : undefined;
        runs
          .get(kind)!
          .push(await measure(kind, gateways[kind]!, subgraphs, traffic, config.durationSeconds, profile));
      }
    }
    const summaries = {} as Record<GatewayKind, Summary>;
    observed[mode] = {};
    for (const kind of KINDS) {
      const r = runs.get(kind)!;
      const sum = (pick: (run: Run) => number) => r.reduce((n, run) => n + pick(run), 0);
      summaries[kind] = {
        rps: median(r.map((x) => x.rps)),
        p50: median(r.map((x) => x.p50)),
        p99: median(r.map((x) => x.p99)),
        gatewayCpu: median(r.map((x) => x.gatewayCpu)),
        subgraphsCpu: median(r.map((x) => x.subgraphsCpu)),
        calls: median(r.map((x) => x.calls)),
        range: `${Math.round(Math.min(...r.map((x) => x.rps)))}–${Math.round(Math.max(...r.map((x) => x.rps)))}`,
        hitRatio: r.every((x) => x.cache)
          ? sum((x) => x.cache!.hits) /
            Math.max(
              1,
              sum((x) => x.cache!.hits + x.cache!.misses),
            )
          : null,
        coalescedRatio: r.every((x) => x.cache)
          ? sum((x) => x.cache!.coalesced) /
            Math.max(
              1,
              sum((x) => x.cache!.hits + x.cache!.misses),
            )
          : null,
        callHitRatio: r.every((x) => x.cache)
          ? sum((x) => x.cache!.calls.hits) /
            Math.max(
              1,
              sum((x) => x.cache!.calls.hits + x.cache!.calls.misses),
            )
          : null,
        missesPerWrite:
          r.every((x) => x.cache) && sum((x) => x.writes) > 0
            ? sum((x) => x.cache!.misses) / sum((x) => x.writes)
            : null,
        errors: sum((x) => x.errors + x.failed),
        staleReads: sum((x) => x.staleReads),
        reads: sum((x) => x.reads),
        writes: sum((x) => x.writes),
      };
      observed[mode][kind] = {
        requests: sum((x) => x.requests),
        errors: sum((x) => x.errors),
        failed: sum((x) => x.failed),
        reads: summaries[kind].reads,
        writes: summaries[kind].writes,
        staleReads: summaries[kind].staleReads,
        staleSamples: r.flatMap((x) => x.staleSamples).slice(0, 5),
        subgraphConnectionsPerRequest: median(r.map((x) => x.connections)),
        ...(r.every((x) => x.cache)
          ? {
              cache: {
                hits: sum((x) => x.cache!.hits),
                misses: sum((x) => x.cache!.misses),
                bypasses: sum((x) => x.cache!.bypasses),
              },
            }
          : {}),
      };
    }
    targets.throughput[mode] = summaries;
    sections.push(modeTable(mode, summaries));
  }
  return [
    '## Gateway throughput',
    '',
    `The dashboard query (${config.pageSize} incidents with reporter, contacts, country, data-flow regulator and AI-policy positions: all four subgraphs) ` +
      `from ${config.connections} concurrent clients (keep-alive, each sending its next request when answered), ${smoke ? `${config.connections * 4} requests` : `${config.durationSeconds} s`} per run, ` +
      `${config.rounds} round(s) alternating the order, after a warm-up run each. Same subgraph process, same data; each gateway in its own process. Medians over rounds. ` +
      `"one token": every request as one MyCERT member (identical in-flight subgraph calls can merge). "many users": each request with one of ${tokens.readers.length.toLocaleString('en')} ` +
      `distinct tokens, dealt over every organization and role (member, organization admin, secretariat). "5% writes": the same, with ${WRITE_SHARE * 100}% of requests ` +
      'reporting a CLEAR incident or changing the title of one the client reported. A **stale read** is a dashboard answer that misses a report, or shows an older title, ' +
      "acknowledged to any client before the read was sent. CPU is each process's user + system time over the run (`process.cpuUsage()`), divided by the requests answered; " +
      '"subgraph calls" counts HTTP requests the subgraphs received. Ours with its response cache signs its subgraph calls, as deployed ' +
      '(the change feeds that tell it the data versions serve signed requests only); the other gateways call unsigned.',
    '',
    ...sections,
  ].join('\n');
}

function modeTable(mode: TrafficMode, s: Record<GatewayKind, Summary>): string {
  const rows = KINDS.map((kind) => [
    GATEWAYS[kind],
    String(Math.round(s[kind].rps)),
    s[kind].range,
    ms(s[kind].p50, 0),
    ms(s[kind].p99, 0),
    ms(s[kind].gatewayCpu, 2),
    s[kind].calls.toFixed(2),
    ms(s[kind].subgraphsCpu, 2),
    String(s[kind].errors),
    mode === 'writes' ? `${s[kind].staleReads} of ${s[kind].reads}` : '–',
    ratio(s.ours.rps, s[kind].rps),
  ]);
  return [
    `### ${MODES[mode]}`,
    '',
    table(
      [
        'gateway',
        'req/s',
        'range',
        'p50',
        'p99',
        'gateway CPU / request',
        'subgraph calls / request',
        'subgraphs CPU / request',
        'errors',
        'stale reads',
        'ours ÷ this (req/s)',
      ],
      rows,
    ),
    '',
    ...KINDS.filter((kind) => s[kind].hitRatio !== null).map(
      (kind) =>
        `${GATEWAYS[kind]}: ${Math.round(s[kind].hitRatio! * 100)}% of its cache lookups answered from the cache ` +
        `(${Math.round(s[kind].coalescedRatio! * 100)}% by waiting for an identical query running)` +
        (s[kind].missesPerWrite === null ? '' : `, ${s[kind].missesPerWrite!.toFixed(1)} misses per write`) +
        `; ${Math.round(s[kind].callHitRatio! * 100)}% of the subgraph calls of the others answered from its cache.\n`,
    ),
  ].join('\n');
}

/**
 * Read-your-writes on every gateway, one client: a read, then a write and a read (as another user),
 * a few times over. Counts the reads that miss the write just acknowledged.
 */
export async function readAfterWrites(gateways: Gateways, tokens: Tokens, pairs: number) {
  const observed: NonNullable<Results['readAfterWrite']> = {};
  results.readAfterWrite = observed;
  for (const kind of KINDS) {
    // Reads as the one token, so a cache keyed per user has its entry when the write comes.
    const traffic = new Traffic('writes', { ...tokens, readers: [tokens.one] }, config.pageSize, {
      alternate: true,
    });
    // One read first, so a cache has the list before the first write.
    const result = await load(gateways[kind]!.url, traffic.next, { connections: 1, amount: 1 + 2 * pairs });
    observed[kind] = {
      writes: traffic.writes,
      reads: traffic.reads,
      staleReads: traffic.staleReads,
      staleSamples: traffic.staleSamples,
      errors: result.errors + result.failed,
    };
  }
  return observed;
}
