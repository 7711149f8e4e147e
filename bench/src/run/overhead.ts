import { dashboardBody } from '../dashboard.ts';
import type { BenchProcess } from '../ipc.ts';
import { median, ms, percentile, table, unionLength } from '../stats.ts';
import { post } from './io.ts';
import { config, GATEWAYS, log, UNCACHED_KINDS, type GatewayKind } from './options.ts';
import { results, targets, type Results } from './state.ts';

// Gateway overhead: one request at a time, the time in the gateway apart from the time in subgraphs.

export async function overhead(
  gateways: Partial<Record<GatewayKind, { url: string }>>,
  subgraphs: BenchProcess,
  auth: Record<string, string>,
): Promise<string> {
  const body = dashboardBody(config.pageSize);
  const rows: string[][] = [];
  const observed: NonNullable<Results['overhead']> = {};
  results.overhead = observed;
  // Only gateways without a response cache: with one, every request after the first is a hit.
  for (const kind of UNCACHED_KINDS) {
    log(`Overhead: ${kind}…`);
    for (let i = 0; i < 5; i++) await post(gateways[kind]!.url, body, auth);
    await subgraphs.request({ type: 'record', on: true }, 'recording');
    const windows: [number, number][] = [];
    let failed = 0;
    for (let i = 0; i < config.overheadRequests; i++) {
      const start = performance.timeOrigin + performance.now();
      const result = await post(gateways[kind]!.url, body, auth);
      windows.push([start, performance.timeOrigin + performance.now()]);
      if (result.errors || !result.data) failed += 1;
    }
    const { intervals } = await subgraphs.request<{ type: string; intervals: [number, number][] }>(
      { type: 'intervals' },
      'intervals',
    );
    await subgraphs.request({ type: 'record', on: false }, 'recording');
    const e2e = windows.map(([a, b]) => b - a);
    const inSubgraphs = windows.map(([a, b]) => unionLength(intervals, a, b));
    // A call belongs to the request in flight when it started (one request at a time); its end can be
    // stamped after the client has the answer, when the subgraph process's 'finish' runs late.
    const calls = windows.map(([a, b]) => intervals.filter(([s]) => s >= a && s <= b).length);
    const gatewayTime = e2e.map((t, i) => t - inSubgraphs[i]!);
    observed[kind] = {
      requests: windows.length,
      failed,
      subgraphCalls: { min: Math.min(...calls), median: median(calls), max: Math.max(...calls) },
    };
    targets.gatewayTimeP50[kind] = median(gatewayTime);
    rows.push([
      GATEWAYS[kind],
      ms(median(e2e)),
      ms(median(inSubgraphs)),
      ms(median(gatewayTime)),
      ms(percentile(gatewayTime, 99)),
      String(median(calls)),
    ]);
  }
  return [
    '## Gateway overhead',
    '',
    `One client, one request at a time (${config.overheadRequests} each), the same dashboard query, gateways without a response cache. The subgraph process timestamps every HTTP request ` +
      `it answers; "in subgraphs" is the wall time during which at least one subgraph call of that request was in flight (parallel calls counted once), ` +
      `"in the gateway" the rest of the end-to-end time: parsing, validation, planning, HTTP to and from the subgraphs' sockets, merging and serialising.`,
    '',
    table(
      [
        'gateway',
        'end to end p50',
        'in subgraphs p50',
        'in the gateway p50',
        'in the gateway p99',
        'subgraph calls',
      ],
      rows,
    ),
  ].join('\n');
}
