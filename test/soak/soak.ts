import { Role } from '@cadg/platform';
import { checkDeliveries, gql, IncidentReporter, ResilientSubscriber, RESUMED } from '../cluster/load.ts';

export interface SoakTarget {
  /** The gateway's GraphQL endpoint (http). */
  gatewayUrl: string;
  /** Mints a token from the graph's issuer. */
  token(org: string, roles: Role[], expiresIn?: string): Promise<string>;
}

export interface SoakOptions {
  durationMs: number;
  /** Reports per second. @default 3 */
  reportsPerSecond?: number;
  /** Queries per second, rotating over a few cross-subgraph queries. @default 5 */
  queriesPerSecond?: number;
  /** graphql-ws subscribers. @default 4 */
  subscribers?: number;
  /** Every this often, one subscriber (in turn) drops its subscription and resumes by cursor. @default 15000 */
  resumeEveryMs?: number;
  /** A memory sample is taken and printed this often. @default 10000 */
  sampleEveryMs?: number;
  /** Where progress lines go. @default console.log */
  log?: (line: string) => void;
}

export interface MemorySample {
  atSeconds: number;
  rssMb: number;
  heapUsedMb: number;
}

export interface SoakResult {
  samples: MemorySample[];
  /** Every failure seen: failed calls, query errors, subscription interruptions not asked for, lost or repeated events. */
  errors: string[];
  reports: number;
  queries: number;
  resumes: number;
  /** Deliveries checked: subscribers × events. */
  eventsChecked: number;
}

const QUERIES = [
  /* GraphQL */ `
    {
      incidents(first: 10, filter: { minSeverity: HIGH }) {
        totalCount
        edges {
          node {
            id
            title
            reportedBy {
              name
              country {
                name
              }
            }
          }
        }
      }
    }
  `,
  /* GraphQL */ `
    {
      country(code: "SG") {
        name
        organizations {
          id
          name
        }
        dataFlowPolicy {
          regulator {
            name
          }
        }
      }
    }
  `,
  /* GraphQL */ `
    {
      positionAlignment(topic: "capacity-building", forum: "unga") {
        supportShare
        entries {
          stance
          country {
            name
          }
        }
      }
    }
  `,
  /* GraphQL */ `
    {
      incidentStats(groupBy: COUNTRY) {
        key
        count
      }
      incidentEventCursor
    }
  `,
];

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/**
 * Mixed load against one gateway for `durationMs`: reports at a steady rate, cross-subgraph
 * queries, and subscribers that now and then drop their subscription and resume from their last
 * cursor. Samples this process's memory (in-process graphs run here) and collects every error.
 * At the end every subscriber must hold exactly the acknowledged reports' events, in order, once.
 */
export async function runSoak(target: SoakTarget, options: SoakOptions): Promise<SoakResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const errors: string[] = [];
  const samples: MemorySample[] = [];
  const started = performance.now();
  const seconds = () => Math.round((performance.now() - started) / 1000);
  const sample = (label: string) => {
    const { rss, heapUsed } = process.memoryUsage();
    const entry = { atSeconds: seconds(), rssMb: mb(rss), heapUsedMb: mb(heapUsed) };
    samples.push(entry);
    log(
      `[soak] ${label} t=${entry.atSeconds}s rss=${entry.rssMb}MB heapUsed=${entry.heapUsedMb}MB ` +
        `reports=${reporter.acknowledged.length} queries=${queries} resumes=${resumes} errors=${errors.length}`,
    );
  };

  const member = await target.token('sg-csa', [Role.Member], '2h');
  const wsUrl = target.gatewayUrl.replace(/^http/, 'ws');
  const start = await gql<{ incidentEventCursor: string }>(
    target.gatewayUrl,
    `{ incidentEventCursor }`,
    {},
    member,
  );
  const after = start.data?.incidentEventCursor;
  if (!after) throw new Error(`no start cursor: ${JSON.stringify(start.errors)}`);

  const reporter = new IncidentReporter({
    gatewayUrls: [target.gatewayUrl],
    token: await target.token('my-mycert', [Role.Member], '2h'),
    ratePerSecond: options.reportsPerSecond ?? 3,
    maxInFlight: 2,
    giveUpAfterMs: 10_000,
    titlePrefix: 'Soak',
  });
  const subscribers = Array.from(
    { length: options.subscribers ?? 4 },
    (_, i) => new ResilientSubscriber(`subscriber-${i + 1}`, [wsUrl], member, after),
  );
  let queries = 0;
  let resumes = 0;
  let queriesInFlight = 0;
  const queryTimer = setInterval(
    () => {
      if (queriesInFlight >= 4) return;
      queriesInFlight++;
      const query = QUERIES[queries++ % QUERIES.length]!;
      gql(target.gatewayUrl, query, {}, member)
        .then((result) => {
          if (result.errors || result.status !== 200)
            errors.push(`query: HTTP ${result.status} ${JSON.stringify(result.errors)}`);
        })
        .catch((error: unknown) => errors.push(`query: ${String(error)}`))
        .finally(() => queriesInFlight--);
    },
    1000 / (options.queriesPerSecond ?? 5),
  );
  const resumeTimer = setInterval(
    () => subscribers[resumes++ % subscribers.length]!.resume(),
    options.resumeEveryMs ?? 15_000,
  );
  const sampleTimer = setInterval(() => sample('running'), options.sampleEveryMs ?? 10_000);

  try {
    await Promise.all(subscribers.map((s) => s.ready));
    sample('start');
    reporter.start();
    await new Promise<void>((resolve) => setTimeout(resolve, options.durationMs));
  } finally {
    clearInterval(queryTimer);
    clearInterval(resumeTimer);
    clearInterval(sampleTimer);
    await reporter.stop();
  }

  let eventsChecked = 0;
  try {
    const expected = reporter.acknowledged.map((r) => r.incidentId);
    await Promise.all(
      subscribers.map((s) =>
        s
          .waitUntil(
            () => {
              const seen = s.reportedIncidentIds();
              return expected.every((id) => seen.has(id));
            },
            30_000,
            `receiving all ${expected.length} acknowledged reports`,
          )
          .catch((error: unknown) => errors.push(String(error))),
      ),
    );
    // The reference is the first subscriber's list of event ids; each must hold exactly the
    // acknowledged reports, in order, once, and all must agree.
    const reference = subscribers[0]!.deliveries.map((d) => d.eventId).sort((a, b) => a - b);
    const uniqueReference = [...new Set(reference)];
    for (const s of subscribers) {
      const check = checkDeliveries(s, uniqueReference);
      if (check.missing.length || check.duplicates.length || check.outOfOrder.length)
        errors.push(`${s.name}: ${JSON.stringify(check)}`);
      const reported = s.deliveries.filter((d) => d.type === 'REPORTED').map((d) => d.incidentId);
      if (reported.length !== expected.length || new Set(reported).size !== expected.length)
        errors.push(
          `${s.name}: ${reported.length} REPORTED events for ${expected.length} acknowledged reports`,
        );
      for (const reason of s.interruptions)
        if (reason !== RESUMED) errors.push(`${s.name} interrupted: ${reason}`);
      eventsChecked += s.deliveries.length;
    }
  } finally {
    await Promise.all(subscribers.map((s) => s.close()));
  }
  for (const [failure, count] of reporter.failures) errors.push(`report: ${count}× ${failure}`);
  for (const title of reporter.givenUp) errors.push(`report given up: ${title}`);
  sample('end');
  return { samples, errors, reports: reporter.acknowledged.length, queries, resumes, eventsChecked };
}
