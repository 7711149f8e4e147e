import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';

// The command line of `npm run bench` (see bench/run.ts), read once when the run starts.
export const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    smoke: { type: 'boolean', default: false },
    database: { type: 'string' },
    incidents: { type: 'string' },
    'updates-per-incident': { type: 'string' },
    subscribers: { type: 'string' },
    'fanout-tokens': { type: 'string' },
    'subscriber-processes': { type: 'string' },
    'cluster-subscribers': { type: 'string' },
    duration: { type: 'string' },
    connections: { type: 'string' },
    rounds: { type: 'string' },
    'page-size': { type: 'string', default: '20' },
    // The subgraphs' processes (bench/src/subgraph-topology.ts): one per subgraph, as deployed, or one for all.
    topology: { type: 'string', default: 'production' },
    sections: { type: 'string', default: 'sql,throughput,overhead,biglists,fanout,cluster,cache' },
    gateways: { type: 'string' },
    modes: { type: 'string' },
    readers: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'string' },
  },
});
export const quick = flags.quick;
export const smoke = flags.smoke;
/** Picks the smoke, quick or full default. */
const pick = <T>(smokeValue: T, quickValue: T, fullValue: T): T =>
  smoke ? smokeValue : quick ? quickValue : fullValue;
export const config = {
  // The smoke's incidents are enough that a MyCERT member sees more than the largest page (500).
  incidents: Number(flags.incidents ?? pick(1_200, 20_000, 100_000)),
  updatesPerIncident: Number(flags['updates-per-incident'] ?? pick(1, 3, 3)),
  subscribers: (flags.subscribers ?? pick('50', '200', '1000,5000,10000')).split(',').map(Number),
  durationSeconds: Number(flags.duration ?? pick(1, 3, 10)),
  connections: Number(flags.connections ?? pick(4, 16, 16)),
  rounds: Number(flags.rounds ?? pick(1, 1, 3)),
  /** Distinct reader tokens of the many-users modes. */
  readers: Number(flags.readers ?? pick(100, 1000, 1000)),
  pageSize: Number(flags['page-size']),
  sections: new Set(flags.sections.split(',')),
  overheadRequests: pick(10, 30, 150),
  listRepeats: pick(1, 3, 10),
  // Smaller list pages on the smoke's small data, so every filter still walks several pages.
  listPageSize: pick(10, 50, 50),
  fanoutEvents: pick(1, 2, 3),
  fanoutTokens: Number(flags['fanout-tokens'] ?? pick(5, 100, 100)),
  /** Processes the subscribers of a run are spread over (from 2,000 subscribers on). */
  subscriberProcesses: Number(flags['subscriber-processes'] ?? pick(1, 4, 4)),
  /** Subscribers of the cluster run, split over its two gateways. */
  clusterSubscribers: Number(flags['cluster-subscribers'] ?? pick(100, 2_000, 50_000)),
  /** Mutation-then-poll rounds of the response cache's invalidation lag on the cluster. */
  cacheRounds: pick(6, 50, 200),
  /** Requests of each of its hit-ratio runs (read-only, 5% writes). */
  cacheRequests: pick(200, 2_000, 4_000),
};
export const databaseName =
  flags.database ?? (smoke ? `cadg_bench_smoke_${randomBytes(4).toString('hex')}` : 'cadg_bench');
if (!/^[a-z_][a-z0-9_]*$/.test(databaseName))
  throw new Error(`--database ${databaseName}: use [a-z0-9_] only.`);
// The smoke writes Markdown only when asked to: it is a check of the tooling, not a measurement.
export const out = flags.out ?? (smoke ? null : new URL('../../../BENCHMARKS.md', import.meta.url).pathname);

export const GATEWAYS = {
  ours: 'ours (Rust planner), response cache off',
  'ours-cached': 'ours with its response cache',
  peer: 'fair peer: stock Hive Gateway 2.12.1 + Rust planner',
  'peer-cached': 'fair peer + `useResponseCache`, 1 s TTL',
  apollo: '@apollo/gateway 2.14.4',
} as const;
export type GatewayKind = keyof typeof GATEWAYS;
/**
 * Whether our gateway's response cache (gateway/src/response-cache/, `responseCache` in its
 * options) is measured as its own row; `false` leaves `ours-cached` out (it would measure the same
 * gateway as `ours`). `--gateways …,ours-cached` asks for it either way.
 */
export const OURS_HAS_RESPONSE_CACHE = true;
/** The gateways measured: every kind, or those `--gateways a,b` names. */
export const KINDS = (Object.keys(GATEWAYS) as GatewayKind[]).filter((kind) =>
  flags.gateways
    ? flags.gateways.split(',').includes(kind)
    : kind !== 'ours-cached' || OURS_HAS_RESPONSE_CACHE,
);
/** Gateways without a response cache: their time per request is the request path's own. */
export const UNCACHED_KINDS = KINDS.filter((kind) => !kind.endsWith('-cached'));

export const log = (message: string) => process.stderr.write(`${message}\n`);
