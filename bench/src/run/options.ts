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
    duration: { type: 'string' },
    connections: { type: 'string' },
    rounds: { type: 'string' },
    'page-size': { type: 'string', default: '20' },
    sections: { type: 'string', default: 'sql,throughput,overhead,biglists,fanout' },
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
  pageSize: Number(flags['page-size']),
  sections: new Set(flags.sections.split(',')),
  overheadRequests: pick(10, 30, 150),
  listRepeats: pick(1, 3, 10),
  // Smaller list pages on the smoke's small data, so every filter still walks several pages.
  listPageSize: pick(10, 50, 50),
  fanoutEvents: pick(1, 2, 3),
  fanoutTokens: Number(flags['fanout-tokens'] ?? pick(5, 100, 100)),
};
export const databaseName =
  flags.database ?? (smoke ? `cadg_bench_smoke_${randomBytes(4).toString('hex')}` : 'cadg_bench');
if (!/^[a-z_][a-z0-9_]*$/.test(databaseName))
  throw new Error(`--database ${databaseName}: use [a-z0-9_] only.`);
// The smoke writes Markdown only when asked to: it is a check of the tooling, not a measurement.
export const out = flags.out ?? (smoke ? null : new URL('../../../BENCHMARKS.md', import.meta.url).pathname);

export const GATEWAYS = {
  ours: 'ours, as shipped (Rust planner)',
  'ours-js': "ours with `queryPlanner: 'javascript'`",
  apollo: '@apollo/gateway 2.14.4',
  hive: 'stock Hive Gateway runtime 2.12.1',
} as const;
export type GatewayKind = keyof typeof GATEWAYS;
export const KINDS = Object.keys(GATEWAYS) as GatewayKind[];

export const log = (message: string) => process.stderr.write(`${message}\n`);
