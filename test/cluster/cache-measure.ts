import { randomUUID } from 'node:crypto';
import { Role } from '@cadg/platform';

/**
 * The response cache's own figures on two gateway replicas in front of the same data (see the
 * architecture, "Response cache"): how soon the replica that did not serve a mutation answers with
 * it (invalidation lag, through the subgraphs' change feeds), whether the replica that served it
 * ever answers without it (read-your-writes), and the hit ratio and cache memory of a many-users
 * poll, read-only and with 5% writes. Used by `npm run bench` (its `cache` section, on the
 * cluster) and by test/cluster/cache-lag.ts.
 */
export interface CacheMeasureOptions {
  /** The two replicas' GraphQL URLs: mutations go to one, the other is polled. */
  readonly gateways: readonly [string, string];
  /** Signs a member token of `org` with `roles` (distinct `n`, distinct user). */
  readonly token: (org: string, roles: Role[], n: number) => Promise<string>;
  /** Mutation-then-poll rounds, alternating which replica takes the mutation. */
  readonly rounds: number;
  /** Distinct users of the hit-ratio runs, dealt over every organization and role set below. */
  readonly users: number;
  /** Requests of each hit-ratio run, 8 at a time. */
  readonly requests: number;
}

export interface CacheFigures {
  readonly rounds: number;
  /** Polls of the replica that answered the mutation, sent right after it, that missed it. */
  readonly staleOnWriter: number;
  /** Per round, ms from the mutation's answer to the start of the other replica's first poll that saw it. */
  readonly lagsMs: readonly number[];
  readonly runs: readonly CacheRun[];
}

export interface CacheRun {
  /** 0 for read-only; otherwise every `writeEvery`-th request reports an incident. */
  readonly writeEvery: number;
  readonly requests: number;
  readonly hits: number;
  readonly misses: number;
  /** What `gateway_response_cache_bytes` says after the run (entries and subgraph calls). */
  readonly cacheBytes: number;
}

/** A member's overview: a list every report of a CLEAR or GREEN incident changes for everyone. */
export const OVERVIEW = `query Overview { incidents(first: 50) { totalCount edges { node { id title tlp } } } }`;
const REPORT = `mutation Report($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }`;
/** Organizations with seeded members; with the role sets, 18 visibility scopes. */
export const ORGS = ['my-mycert', 'sg-csa', 'th-thaicert', 'vn-vncert', 'ph-certph', 'id-bssn'];
export const ROLE_SETS: Role[][] = [[Role.Member], [Role.OrgAdmin], [Role.Member, Role.OrgAdmin]];

export async function measureCache(options: CacheMeasureOptions): Promise<CacheFigures> {
  const [a, b] = options.gateways;
  const writer = await options.token('my-mycert', [Role.Member], 0);
  const lagsMs: number[] = [];
  let staleOnWriter = 0;
  for (let round = 0; round < options.rounds; round++) {
    const [from, to] = round % 2 === 0 ? [a, b] : [b, a];
    // The other replica holds the overview before the mutation, so its entry must be dropped.
    await gql(to, OVERVIEW, {}, writer);
    await gql(to, OVERVIEW, {}, writer);
    const title = `lag ${round} ${randomUUID()}`;
    await report(from, title, writer);
    const answered = performance.now();
    // The replica that answered the mutation and the other one, asked at the same moment.
    const own = gql(from, OVERVIEW, {}, writer).then((answer) => {
      if (!answer.titles.includes(title)) staleOnWriter++;
    });
    for (;;) {
      const started = performance.now();
      if ((await gql(to, OVERVIEW, {}, writer)).titles.includes(title)) {
        lagsMs.push(started - answered);
        break;
      }
    }
    await own;
  }

  const users = await Promise.all(
    Array.from({ length: options.users }, (_, n) =>
      options.token(ORGS[n % ORGS.length]!, ROLE_SETS[n % ROLE_SETS.length]!, n + 1),
    ),
  );
  const runs: CacheRun[] = [];
  for (const writeEvery of [0, 20]) {
    const lookups = async () => ({
      hits: await metric(a, 'gateway_response_cache_lookups_total', 'hit'),
      misses: await metric(a, 'gateway_response_cache_lookups_total', 'miss'),
    });
    const before = await lookups();
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < options.requests) {
          const n = next++;
          const user = users[n % users.length]!;
          if (writeEvery && n % writeEvery === 0) await report(a, `mix ${n} ${randomUUID()}`, user);
          else await gql(a, OVERVIEW, {}, user);
        }
      }),
    );
    const after = await lookups();
    runs.push({
      writeEvery,
      requests: options.requests,
      hits: after.hits - before.hits,
      misses: after.misses - before.misses,
      cacheBytes: await metric(a, 'gateway_response_cache_bytes'),
    });
  }
  return { rounds: options.rounds, staleOnWriter, lagsMs, runs };
}

async function gql(url: string, query: string, variables: object, bearer: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      authorization: `Bearer ${bearer}`,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: { incidents?: { edges: { node: { title: string } }[] } };
    errors?: unknown[];
  };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { titles: body.data?.incidents?.edges.map((e) => e.node.title) ?? [] };
}

const report = (url: string, title: string, bearer: string) =>
  gql(
    url,
    REPORT,
    {
      input: {
        title,
        summary: 'Cache lag measurement.',
        category: 'DDOS',
        severity: 'LOW',
        tlp: 'GREEN',
        affectedCountryCodes: ['MY'],
      },
    },
    bearer,
  );

/** A sample of the gateway's `/metrics` (with `outcome` for a labelled counter); 0 when absent. */
async function metric(url: string, name: string, outcome?: string): Promise<number> {
  const text = await (await fetch(new URL('/metrics', url))).text();
  const line = text
    .split('\n')
    .find(
      (l) =>
        (l.startsWith(`${name}{`) || l.startsWith(`${name} `)) &&
        (!outcome || l.includes(`outcome="${outcome}"`)),
    );
  return line ? Number(line.split(' ').pop()) : 0;
}
