import { Agent, request } from 'node:http';
import { percentile } from './stats.ts';

/**
 * A closed-loop load generator: `connections` clients, each sending its next request as soon as
 * the previous one is answered, over keep-alive connections, for a time or a number of requests.
 *
 * Written here rather than using autocannon: each request is planned when it is sent (its token,
 * its body: a read or a write) and its answer read in full, so reads can be checked against the
 * writes acknowledged before they started (stale reads, see traffic.ts). autocannon builds its
 * requests ahead and only counts answers.
 */
export interface PlannedRequest {
  headers: Readonly<Record<string, string>>;
  body: string;
  /** Called with the answer; false counts the request as failed (e.g. a GraphQL error in a 200). */
  check(status: number, body: string): boolean;
}

export interface LoadResult {
  requests: number;
  /** Requests without an answer (connection errors) or with a non-2xx status. */
  errors: number;
  /** Answered requests whose `check` said no. */
  failed: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
}

export async function load(
  url: string,
  next: (client: number) => PlannedRequest,
  options: { connections: number; seconds?: number; amount?: number },
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const target = new URL(url);
  const latencies: number[] = [];
  let errors = 0;
  let failed = 0;
  let sent = 0;
  const started = performance.now();
  const deadline = options.seconds === undefined ? Infinity : started + options.seconds * 1000;
  const more = () => performance.now() < deadline && (options.amount === undefined || sent < options.amount);

  async function client(index: number) {
    while (more()) {
      sent += 1;
      const planned = next(index);
      const begin = performance.now();
      const answer = await post(agent, target, planned).catch(() => null);
      latencies.push(performance.now() - begin);
      if (!answer || answer.status < 200 || answer.status >= 300) errors += 1;
      else if (!planned.check(answer.status, answer.body)) failed += 1;
    }
  }
  await Promise.all(Array.from({ length: options.connections }, (_, i) => client(i)));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    requests: latencies.length,
    errors,
    failed,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

/** One JSON POST over `agent`, its answer read in full. */
export function post(
  agent: Agent,
  url: URL,
  planned: Pick<PlannedRequest, 'headers' | 'body'>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'content-length': Buffer.byteLength(planned.body),
          ...planned.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(planned.body);
  });
}
