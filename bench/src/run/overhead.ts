import { dashboardBody } from '../dashboard.ts';
import type { BenchProcess } from '../ipc.ts';
import { median, ms, percentile, table, unionLength } from '../stats.ts';
import { post } from './io.ts';
import { config, GATEWAYS, log, UNCACHED_KINDS } from './options.ts';
import { results, targets, type Results } from './state.ts';
import type { Gateways } from './throughput.ts';

// Gateway overhead: one request at a time, the time in the gateway apart from the time in subgraphs.
//
// Timed where the gateway runs: its process stamps each request from the arrival of its headers to
// the last byte handed to the socket, with its CPU time over that span (gateway-process.ts), and
// the subgraph process stamps each call it answers. "In the gateway" is the first window less the
// subgraph calls inside it. Timing at the client instead (as this section once did) also counted
// the client's own fetch and JSON parsing, the loopback hops to and from it, and any wait for a
// CPU while other processes run; the CPU time shows what the gateway itself spent on a request.

type Window = [start: number, end: number, cpuMicros: number];

export async function overhead(
  gateways: Gateways,
  subgraphs: BenchProcess,
  auth: Record<string, string>,
): Promise<string> {
  const body = dashboardBody(config.pageSize);
  // Plain answers: compression is a choice of the client (the throughput section asks for none
  // either), and only ours offers it; decoding would count against it at the client too.
  const headers = { ...auth, 'accept-encoding': 'identity' };
  const rows: string[][] = [];
  const observed: NonNullable<Results['overhead']> = {};
  results.overhead = observed;
  // Only gateways without a response cache: with one, every request after the first is a hit.
  for (const kind of UNCACHED_KINDS) {
    const gateway = gateways[kind]!;
    log(`Overhead: ${kind}…`);
    for (let i = 0; i < 5; i++) await post(gateway.url, body, headers);
    await subgraphs.request({ type: 'record', on: true }, 'recording');
    await gateway.process.request({ type: 'record', on: true }, 'recording');
    // With BENCH_PROFILE_DIR: a CPU profile of the gateway over these requests only.
    const profiled = Boolean(process.env['BENCH_PROFILE_DIR']);
    if (profiled) await gateway.process.request({ type: 'profile', on: true }, 'profiled');
    const clientWindows: [number, number][] = [];
    let failed = 0;
    for (let i = 0; i < config.overheadRequests; i++) {
      const start = performance.timeOrigin + performance.now();
      const result = await post(gateway.url, body, headers);
      clientWindows.push([start, performance.timeOrigin + performance.now()]);
      if (result.errors || !result.data) failed += 1;
    }
    if (profiled)
      await gateway.process.request({ type: 'profile', on: false, name: `overhead-${kind}` }, 'profiled');
    const { windows } = await gateway.process.request<{ type: string; windows: Window[] }>(
      { type: 'windows' },
      'windows',
    );
    await gateway.process.request({ type: 'record', on: false }, 'recording');
    const { intervals } = await subgraphs.request<{ type: string; intervals: [number, number][] }>(
      { type: 'intervals' },
      'intervals',
    );
    await subgraphs.request({ type: 'record', on: false }, 'recording');
    const e2e = clientWindows.map(([a, b]) => b - a);
    const served = windows.map(([a, b]) => b - a);
    const inSubgraphs = windows.map(([a, b]) => unionLength(intervals, a, b));
    // A call belongs to the request in flight when it started (one request at a time); its end can be
    // stamped after the gateway has the answer, when the subgraph process's 'finish' runs late.
    const calls = windows.map(([a, b]) => intervals.filter(([s]) => s >= a && s <= b).length);
    const gatewayTime = served.map((t, i) => t - inSubgraphs[i]!);
    const cpu = windows.map(([, , micros]) => micros / 1000);
    observed[kind] = {
      requests: windows.length,
      failed,
      subgraphCalls: { min: Math.min(...calls), median: median(calls), max: Math.max(...calls) },
    };
    targets.gatewayTimeP50[kind] = median(gatewayTime);
    rows.push([
      GATEWAYS[kind],
      ms(median(e2e)),
      ms(median(served)),
      ms(median(inSubgraphs)),
      ms(median(gatewayTime)),
      ms(percentile(gatewayTime, 99)),
      ms(median(cpu), 2),
      String(median(calls)),
    ]);
  }
  return [
    '## Gateway overhead',
    '',
    `One client, one request at a time (${config.overheadRequests} each), the same dashboard query, gateways without a response cache, answers uncompressed. ` +
      `Each gateway process stamps every request it serves, from the arrival of its headers to the last byte handed to the socket ("served"), and its own CPU time over that span; ` +
      `the subgraph process stamps every HTTP request it answers. "In subgraphs" is the wall time during which at least one subgraph call of that request was in flight (parallel calls counted once), ` +
      `"in the gateway" the rest of the served time: parsing, validation, planning, HTTP to and from the subgraphs' sockets, merging and serialising. ` +
      `"End to end" is timed at the client and also holds the client's own work and the hops to and from it.`,
    '',
    table(
      [
        'gateway',
        'end to end p50',
        'served p50',
        'in subgraphs p50',
        'in the gateway p50',
        'in the gateway p99',
        'gateway CPU / request p50',
        'subgraph calls',
      ],
      rows,
    ),
  ].join('\n');
}
