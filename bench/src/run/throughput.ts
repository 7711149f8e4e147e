import autocannon from 'autocannon';
import { dashboardBody, type DashboardResult } from '../dashboard.ts';
import { median, ms, ratio, table } from '../stats.ts';
import { post } from './io.ts';
import { config, GATEWAYS, KINDS, log, smoke, type GatewayKind } from './options.ts';
import { results, targets, type Results } from './state.ts';

// Gateway throughput: every gateway answers the same dashboard, then autocannon against each.

export async function checkSameAnswers(
  gateways: Record<GatewayKind, { url: string }>,
  auth: Record<string, string>,
) {
  const answers = new Map<GatewayKind, string>();
  const checked: NonNullable<Results['dashboard']> = {};
  results.dashboard = checked;
  for (const kind of KINDS) {
    const result = await post<DashboardResult>(gateways[kind].url, dashboardBody(config.pageSize), auth);
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
  log(
    `All gateways give the same dashboard (${config.pageSize} incidents, ${answers.get('ours')!.length} bytes).`,
  );
}

interface Run {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** A dashboard answer with data and no GraphQL errors (a 200 can still carry errors). */
const answeredWithoutErrors = (body: unknown) =>
  typeof body === 'string' && body.startsWith('{"data":{') && !body.includes('"errors":');

export async function throughput(
  gateways: Record<GatewayKind, { url: string }>,
  auth: Record<string, string>,
): Promise<string> {
  const body = dashboardBody(config.pageSize);
  const runs = new Map<GatewayKind, Run[]>(KINDS.map((k) => [k, []]));
  const shoot = (url: string, seconds: number) =>
    autocannon({
      url,
      method: 'POST',
      connections: config.connections,
      // The smoke checks behaviour, not speed: a fixed number of requests, so a slow gateway on a
      // busy machine still answers some (a 1 s window can close before its first answer).
      ...(smoke ? { amount: config.connections * 4 } : { duration: seconds }),
      headers: { 'content-type': 'application/json', ...auth },
      body,
      // Counted in `mismatches`: responses that are a 200 but not the dashboard.
      verifyBody: answeredWithoutErrors,
    });
  const counts: NonNullable<Results['throughput']> = {};
  results.throughput = counts;
  for (const kind of KINDS) await shoot(gateways[kind].url, Math.min(3, config.durationSeconds)); // warm-up (JIT, plan caches)
  for (let round = 1; round <= config.rounds; round++) {
    // Alternating order, so drift in the machine's load does not favour whoever goes first.
    const order = round % 2 === 1 ? KINDS : [...KINDS].reverse();
    for (const kind of order) {
      log(`Throughput round ${round}/${config.rounds}: ${kind}…`);
      const result = await shoot(gateways[kind].url, config.durationSeconds);
      runs.get(kind)!.push({
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
      });
      const sum = counts[kind] ?? { requests: 0, non2xx: 0, errors: 0, timeouts: 0, graphqlErrors: 0 };
      counts[kind] = {
        requests: sum.requests + result.requests.total,
        non2xx: sum.non2xx + result.non2xx,
        errors: sum.errors + result.errors,
        timeouts: sum.timeouts + result.timeouts,
        graphqlErrors: sum.graphqlErrors + result.mismatches,
      };
    }
  }
  const summary = (kind: GatewayKind) => {
    const r = runs.get(kind)!;
    return {
      rps: median(r.map((x) => x.rps)),
      p50: median(r.map((x) => x.p50)),
      p99: median(r.map((x) => x.p99)),
      range: `${Math.round(Math.min(...r.map((x) => x.rps)))}–${Math.round(Math.max(...r.map((x) => x.rps)))}`,
      errors: r.reduce((n, x) => n + x.errors, 0),
    };
  };
  const ours = summary('ours');
  const rows = KINDS.map((kind) => {
    const s = summary(kind);
    return [
      GATEWAYS[kind],
      String(Math.round(s.rps)),
      s.range,
      ms(s.p50, 0),
      ms(s.p99, 0),
      String(s.errors),
      ratio(ours.rps, s.rps),
    ];
  });
  const rust = summary('ours-js');
  targets.throughputRatios = {
    apollo: ours.rps / summary('apollo').rps,
    hive: ours.rps / summary('hive').rps,
    rustApollo: rust.rps / summary('apollo').rps,
    rustHive: rust.rps / summary('hive').rps,
  };
  return [
    '## Gateway throughput',
    '',
    `The dashboard query (${config.pageSize} incidents with reporter, contacts, country, data-flow regulator and AI-policy positions: all four subgraphs) ` +
      `under ${config.connections} concurrent connections with autocannon, ${smoke ? `${config.connections * 4} requests` : `${config.durationSeconds} s`} per run, ${config.rounds} round(s) alternating the order, ` +
      `after a warm-up run each. Same subgraph process, same data, same token; each gateway in its own process. Medians over rounds.`,
    '',
    table(['gateway', 'req/s', 'range', 'p50', 'p99', 'errors', 'ours ÷ this (req/s)'], rows),
  ].join('\n');
}
