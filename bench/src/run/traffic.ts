import { Role, signDevToken } from '@cadg/platform';
import { dashboardBody } from '../dashboard.ts';
import type { PlannedRequest } from '../load.ts';

// What the throughput section sends: the dashboard with one token, with many users' tokens, and
// with many users plus 5% writes whose effects every later read must show (stale reads counted).

export const MODES = {
  'one-token': 'one token',
  'many-users': 'many users',
  writes: 'many users, 5% writes',
} as const;
export type TrafficMode = keyof typeof MODES;
export const TRAFFIC_MODES = Object.keys(MODES) as TrafficMode[];

/** The share of requests that are writes in the `writes` mode. */
export const WRITE_SHARE = 0.05;

/** The roles reader tokens are dealt over, one per organization in turn (see `readerTokens`). */
export const READER_ROLES = [Role.Member, Role.OrgAdmin, Role.Secretariat] as const;

/**
 * Readers as partner dashboards are: `count` distinct users dealt over every organization and
 * role (member, organization admin, secretariat), so many users share an organization's view: the
 * first organizations × roles tokens are one of each.
 */
export async function readerTokens(keyDir: string, organizations: readonly string[], count: number) {
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      signDevToken(keyDir, {
        sub: `bench-reader-${i}`,
        org: organizations[i % organizations.length]!,
        roles: [READER_ROLES[Math.floor(i / organizations.length) % READER_ROLES.length]!],
        expiresIn: '2h',
      }),
    ),
  );
}

/** What each write asks back: a `WrittenIncident`. */
const WRITTEN = 'id version title reportedAt';
const REPORT = /* GraphQL */ `
  mutation BenchReport($input: ReportIncidentInput!) {
    reportIncident(input: $input) { ${WRITTEN} }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation BenchUpdate($input: UpdateIncidentInput!) {
    updateIncident(input: $input) { ${WRITTEN} }
  }
`;

interface WrittenIncident {
  id: string;
  version: number;
  title: string;
  reportedAt: string;
}
/** A write the gateway acknowledged: a report (which must head the list) or a title change. */
type Ack = { kind: 'report'; id: string; reportedAt: number } | { kind: 'update'; id: string; rev: number };

interface DashboardAnswer {
  data?: {
    incidents?: { edges: { node: { id: string; title: string; reportedAt: string } }[] };
  } | null;
  errors?: unknown;
}

/** The revision a bench write put in a title (`… rev N`), or null for incidents it never wrote. */
const revisionOf = (title: string): number | null => {
  const match = / rev (\d+)$/.exec(title);
  return match ? Number(match[1]) : null;
};

/**
 * The requests of one traffic mode, and what their answers showed. Writes are CLEAR incidents
 * reported by the writer's organization (so every reader may see them) and title changes of the
 * incidents each client reported itself (so their versions are known and never conflict).
 *
 * A stale read is a dashboard answer older than a write acknowledged before the read was sent:
 * a report newer than the answer's oldest incident missing from it, or a title with an older
 * revision than one acknowledged.
 */
export class Traffic {
  readonly #mode: TrafficMode;
  readonly #readers: readonly string[];
  readonly #writers: readonly string[];
  readonly #body: string;
  /** Every acknowledged write, in order, over the whole bench (the database is shared). */
  readonly #acked: Ack[] = [];
  readonly #mine = new Map<number, WrittenIncident>();
  readonly #alternate: boolean;
  #sent = 0;
  #writes = 0;
  reads = 0;
  staleReads = 0;
  readonly staleSamples: string[] = [];

  constructor(
    mode: TrafficMode,
    tokens: { one: string; readers: readonly string[]; writers: readonly string[] },
    pageSize: number,
    /** Every other request a write (from the second on), each read right after one: the read-your-writes probe. */
    { alternate = false }: { alternate?: boolean } = {},
  ) {
    this.#mode = mode;
    this.#alternate = alternate;
    this.#readers = mode === 'one-token' ? [tokens.one] : tokens.readers;
    this.#writers = tokens.writers;
    this.#body = dashboardBody(pageSize);
  }

  /** Counters back to zero for the next run (acknowledged writes stay: the data still holds them). */
  reset() {
    this.reads = 0;
    this.staleReads = 0;
    this.staleSamples.splice(0);
  }

  get writes() {
    return this.#writes;
  }

  next = (client: number): PlannedRequest => {
    const write = this.#alternate ? this.#sent++ % 2 === 1 : Math.random() < WRITE_SHARE;
    if (this.#mode === 'writes' && write) return this.#write(client);
    const token = this.#readers[Math.floor(Math.random() * this.#readers.length)]!;
    const seen = this.#acked.length;
    return {
      headers: { authorization: `Bearer ${token}` },
      body: this.#body,
      check: (_status, body) => {
        if (!body.startsWith('{"data":{') || body.includes('"errors":')) return false;
        this.reads += 1;
        if (seen > 0) this.#checkFresh(JSON.parse(body) as DashboardAnswer, seen);
        return true;
      },
    };
  };

  #write(client: number): PlannedRequest {
    const mine = this.#mine.get(client);
    const n = ++this.#writes;
    const token = this.#writers[client % this.#writers.length]!;
    const update = mine && n % 2 === 0;
    const rev = update ? (revisionOf(mine.title) ?? 0) + 1 : 0;
    const variables = update
      ? {
          input: {
            id: mine.id,
            expectedVersion: mine.version,
            title: `${mine.title.replace(/ rev \d+$/, '')} rev ${rev}`,
          },
        }
      : {
          input: {
            title: `Bench write ${client}-${n} rev 0`,
            summary: 'Written by npm run bench to measure reads after writes.',
            category: 'PHISHING',
            severity: 'LOW',
            tlp: 'CLEAR',
            affectedCountryCodes: ['MY'],
          },
        };
    return {
      headers: { authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: update ? UPDATE : REPORT, variables }),
      check: (_status, body) => {
        const answer = JSON.parse(body) as {
          data?: { reportIncident?: WrittenIncident; updateIncident?: WrittenIncident } | null;
        };
        const written = answer.data?.reportIncident ?? answer.data?.updateIncident;
        if (!written) return false;
        this.#mine.set(client, written);
        this.#acked.push(
          update
            ? { kind: 'update', id: written.id, rev }
            : { kind: 'report', id: written.id, reportedAt: Date.parse(written.reportedAt) },
        );
        return true;
      },
    };
  }

  #checkFresh(answer: DashboardAnswer, seen: number) {
    const edges = answer.data?.incidents?.edges ?? [];
    const shown = new Map(edges.map(({ node }) => [node.id, node]));
    const oldest = Math.min(...edges.map(({ node }) => Date.parse(node.reportedAt)));
    for (let i = 0; i < seen; i++) {
      const ack = this.#acked[i]!;
      const node = shown.get(ack.id);
      let stale: string | null = null;
      if (ack.kind === 'report' && !node && ack.reportedAt > oldest)
        stale = `report ${ack.id} missing from a list down to ${new Date(oldest).toISOString()}`;
      else if (ack.kind === 'update' && node && (revisionOf(node.title) ?? 0) < ack.rev)
        stale = `${ack.id} shown as "${node.title}" after rev ${ack.rev}`;
      if (stale) {
        this.staleReads += 1;
        if (this.staleSamples.length < 5) this.staleSamples.push(stale);
        return;
      }
    }
  }
}
