import { subgraphs as composedSubgraphs } from '@cadg/gateway';
import { startProcess, type BenchProcess, type Message } from './ipc.ts';

/**
 * How the bench runs the subgraphs. `production`: one process per subgraph, as the Docker image
 * (deploy/docker/start.sh runs one service per container) and `npm run start:cluster` run them, so
 * the four use the machine's cores as they would there. `single`: all four in one process, as
 * `npm start`'s all-in-one runner does (the bench's topology before issue #23; one thread for all).
 */
export type Topology = 'production' | 'single';
export const TOPOLOGIES: readonly Topology[] = ['production', 'single'];

export function parseTopology(value: string): Topology {
  if ((TOPOLOGIES as readonly string[]).includes(value)) return value as Topology;
  throw new Error(`--topology must be one of ${TOPOLOGIES.join(', ')} (got "${value}").`);
}

/**
 * What every subgraph process gets besides the caller's variables: NODE_ENV=production, as the
 * Docker image sets it (Dockerfile; graphql-js skips its development checks), and its `/metrics`
 * on a port of its own as in production, a free one (production's 9464 would clash between them).
 * Their security comes from subgraphs-process.ts either way.
 */
const PRODUCTION_ENV = { NODE_ENV: 'production', METRICS_PORT: '0' };

/**
 * The PostgreSQL pool of each process in the production topology: what `npm run start:cluster`
 * gives its subgraph processes (test/cluster/cluster.ts) and docs/operations.md advises for a
 * replica on a small machine. Ten connections per process (the default, which `npm start`'s single
 * process keeps) is forty backends for four single-threaded processes on a machine this size: more
 * PostgreSQL processes competing for the same cores than there are queries to run at once.
 */
const CLUSTER_POOL = { DATABASE_POOL_SIZE: '4' };

/** The subgraphs, however many processes they run in: one BenchProcess to the sections. */
export interface SubgraphProcesses {
  /**
   * Answers what a single subgraphs-process.ts answers: `counters` summed over the processes,
   * `intervals` joined, `profile` windows named `<name>-<subgraph>` per process; `rss()` summed.
   * `child` is the first process (contacts in the production topology).
   */
  process: BenchProcess;
  /** Each subgraph's GraphQL endpoint, by name. */
  subgraphUrls: Record<string, string>;
  /** Process ids by label (`subgraphs`, or `subgraphs:<name>` per process), to tell whose warnings are whose. */
  pids: Record<string, number | undefined>;
}

/**
 * Starts the subgraphs of `script` (a subgraphs-process.ts, this checkout's by default) in the
 * given topology with `env` (DATABASE_URL, KEY_DIR, BENCH_SIGNING_SECRET). In production topology
 * contacts starts first, and incidents gets its URL as CONTACTS_URL, as deployed.
 */
export async function startSubgraphs(
  topology: Topology,
  env: NodeJS.ProcessEnv,
  script = './subgraphs-process.ts',
): Promise<SubgraphProcesses> {
  const base = { ...env, ...PRODUCTION_ENV };
  if (topology === 'single') {
    const { process, ready } = await startProcess(script, [], base);
    return {
      process,
      subgraphUrls: ready['subgraphUrls'] as Record<string, string>,
      pids: { subgraphs: process.child.pid },
    };
  }
  const started: { name: string; process: BenchProcess }[] = [];
  const subgraphUrls: Record<string, string> = {};
  const startOne = async (name: string, extra: NodeJS.ProcessEnv = {}) => {
    const { process, ready } = await startProcess(script, [name], { ...base, ...CLUSTER_POOL, ...extra });
    started.push({ name, process });
    Object.assign(subgraphUrls, ready['subgraphUrls']);
  };
  try {
    await startOne('contacts');
    const others = composedSubgraphs.map((s) => s.name).filter((name) => name !== 'contacts');
    const outcomes = await Promise.allSettled(
      others.map((name) => startOne(name, { CONTACTS_URL: subgraphUrls['contacts'] })),
    );
    for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason;
  } catch (error) {
    await Promise.allSettled(started.map((s) => s.process.stop()));
    throw error;
  }
  return {
    process: combined(started),
    subgraphUrls,
    pids: Object.fromEntries(started.map((s) => [`subgraphs:${s.name}`, s.process.child.pid])),
  };
}

/** Several subgraph processes answering as one (see SubgraphProcesses.process). */
function combined(parts: readonly { name: string; process: BenchProcess }[]): BenchProcess {
  const request = async <T extends Message>(message: Message, reply: string, timeoutMs?: number) => {
    const replies = await Promise.all(
      parts.map(({ name, process }) =>
        process.request<Message>(
          message.type === 'profile' && message['name'] !== undefined
            ? { ...message, name: `${String(message['name'])}-${name}` }
            : message,
          reply,
          timeoutMs,
        ),
      ),
    );
    if (reply === 'counters') {
      const sum = (key: string) => replies.reduce((total, r) => total + Number(r[key]), 0);
      return {
        type: reply,
        cpuMicros: sum('cpuMicros'),
        requests: sum('requests'),
        connections: sum('connections'),
      } as never as T;
    }
    if (reply === 'intervals')
      return { type: reply, intervals: replies.flatMap((r) => r['intervals'] as unknown[]) } as never as T;
    return replies[0] as T;
  };
  return {
    child: parts[0]!.process.child,
    request,
    rss() {
      const sizes = parts.map((p) => p.process.rss());
      return sizes.some((size) => size === null) ? null : sizes.reduce((a, b) => a! + b!, 0);
    },
    async stop() {
      await Promise.all(parts.map((p) => p.process.stop()));
    },
  };
}
