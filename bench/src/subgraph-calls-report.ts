/** How `bench/subgraph-calls.ts` reports its runs: a table on standard output, or a Markdown section. */
import os from 'node:os';
import { percentile } from './stats.ts';

/** One measured run of one version with one kind of call. */
export interface Run {
  version: string;
  kind: 'unsigned' | 'signed';
  dashboards: number;
  failed: number;
  rps: number;
  p50: number;
  p99: number;
  cpuMsPerDashboard: number;
  /** This process's CPU (the clients sending the calls), which shares the machine's cores. */
  clientCpuMsPerDashboard: number;
  connectionsPerDashboard: number;
  load1: number;
}

/** What every run shared, for the report's header. */
export interface Setting {
  callCount: number;
  connections: number;
  readers: number;
  seconds: number;
  rounds: number;
  /** What the baseline is, if one ran. */
  baseline: string | undefined;
}

/** Prints the runs as a table, then each version's median rate per kind of call. */
export function print(runs: readonly Run[], setting: Setting) {
  const { callCount, connections, readers, seconds } = setting;
  console.log(
    `\n${callCount} calls per dashboard, ${connections} at a time, ${readers} users, ${seconds} s per run, ` +
      `${os.cpus().length} cores, node ${process.version}`,
  );
  console.log(
    'version             | calls    | dashboards/s | p50 ms | p99 ms | CPU ms/dashboard | client CPU ms/dashboard | new conn./dashboard | failed | load1',
  );
  for (const run of runs) {
    console.log(
      [
        run.version.padEnd(19),
        run.kind.padEnd(8),
        run.rps.toFixed(1).padStart(12),
        run.p50.toFixed(1).padStart(6),
        run.p99.toFixed(1).padStart(6),
        run.cpuMsPerDashboard.toFixed(2).padStart(16),
        run.clientCpuMsPerDashboard.toFixed(2).padStart(23),
        run.connectionsPerDashboard.toFixed(3).padStart(19),
        String(run.failed).padStart(6),
        run.load1.toFixed(2).padStart(5),
      ].join(' | '),
    );
  }
  for (const kind of ['unsigned', 'signed']) {
    const rates = new Map<string, number[]>();
    for (const run of runs.filter((r) => r.kind === kind))
      rates.set(run.version, [...(rates.get(run.version) ?? []), run.rps]);
    const medians = [...rates].map(
      ([version, values]) => `${version} ${percentile(values, 50).toFixed(1)}/s`,
    );
    console.log(`${kind}: median ${medians.join(', ')}`);
  }
}

/** The runs as a Markdown section: the setting, every run, and each version's median against ours. */
export function markdown(runs: readonly Run[], setting: Setting): string {
  const { callCount, connections, readers, seconds, rounds, baseline } = setting;
  const versions = [...new Set(runs.map((r) => r.version))];
  // The first version is this tree's; each other one is compared with it.
  const [ours = '', ...others] = versions;
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const median = (version: string, kind: string) =>
    percentile(
      runs.filter((r) => r.version === version && r.kind === kind).map((r) => r.rps),
      50,
    );
  const lines = [
    `## ${versions.join(' vs ')} (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC)`,
    '',
    `${callCount} calls per dashboard, ${connections} dashboards at a time, ${readers} users' tokens, ${rounds} rounds of ${seconds} s in alternating order (each run after 3 s of unmeasured traffic), ` +
      `${os.cpus().length} cores, node ${process.version}, load ${os.loadavg()[0]!.toFixed(2)} at the end.` +
      (baseline ? ` Baseline: ${baseline}.` : ''),
    '',
    '| version | calls | dashboards/s | p50 ms | p99 ms | CPU ms/dashboard | client CPU ms/dashboard | failed | load1 |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...runs.map(
      (r) =>
        `| ${r.version} | ${r.kind} | ${r.rps.toFixed(1)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.cpuMsPerDashboard.toFixed(2)} | ${r.clientCpuMsPerDashboard.toFixed(2)} | ${r.failed} | ${r.load1.toFixed(2)} |`,
    ),
    '',
    row(['calls', ...versions.map((v) => `${v} median`), ...others.map((v) => `${ours} ÷ ${v}`)]),
    row(['---', ...versions.map(() => '---'), ...others.map(() => '---')]),
    ...['unsigned', 'signed'].map((kind) =>
      row([
        kind,
        ...versions.map((v) => `${median(v, kind).toFixed(1)}/s`),
        ...others.map((v) => `${(median(ours, kind) / median(v, kind)).toFixed(2)}×`),
      ]),
    ),
    '',
  ];
  return `${lines.join('\n')}\n`;
}
