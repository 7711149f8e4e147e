import { performance } from 'node:perf_hooks';
import { signedExtensions } from '@cadg/platform';

/** How one subgraph answered the readiness probe. */
export interface SubgraphReadiness {
  readonly name: string;
  readonly ok: boolean;
  /** Time to the answer (or to the failure), in whole milliseconds. */
  readonly latencyMs: number;
  /** Why the subgraph counts as not ready; absent when `ok`. */
  readonly error?: string;
}

/** The `/readyz` body. Subgraph URLs stay out of it: the endpoint is as public as the gateway. */
export interface Readiness {
  readonly status: 'ready' | 'unavailable';
  readonly subgraphs: readonly SubgraphReadiness[];
}

/** How long a subgraph may take to answer the probe before it counts as not ready. @default 2000 */
export const READINESS_TIMEOUT_MS = 2000;

const PROBE_QUERY = '{ __typename }';
const PROBE_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

/**
 * Asks every subgraph `{ __typename }` over HTTP, all at once. The gateway is ready only when each
 * answers with data within the timeout; a load balancer then routes to it.
 */
export async function checkReadiness(
  subgraphUrls: Readonly<Record<string, string>>,
  {
    timeoutMs = READINESS_TIMEOUT_MS,
    signingSecret,
  }: {
    /** @default READINESS_TIMEOUT_MS */
    timeoutMs?: number | undefined;
    /** Signs the probe as the gateway signs its calls (production subgraphs refuse unsigned ones). */
    signingSecret?: string | undefined;
  } = {},
): Promise<Readiness> {
  const body = JSON.stringify({
    query: PROBE_QUERY,
    ...(signingSecret ? { extensions: signedExtensions(signingSecret, { query: PROBE_QUERY }) } : {}),
  });
  const results = await Promise.all(
    Object.entries(subgraphUrls).map(([name, url]) => probe(name, url, body, timeoutMs)),
  );
  return { status: results.every((r) => r.ok) ? 'ready' : 'unavailable', subgraphs: results };
}

async function probe(name: string, url: string, body: string, timeoutMs: number): Promise<SubgraphReadiness> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: PROBE_HEADERS,
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const answer = (await response.json()) as { data?: { __typename?: unknown } };
    if (!response.ok || typeof answer.data?.__typename !== 'string') {
      return { name, ok: false, latencyMs: elapsed(), error: `unexpected answer (HTTP ${response.status})` };
    }
    return { name, ok: true, latencyMs: elapsed() };
  } catch (error) {
    return { name, ok: false, latencyMs: elapsed(), error: describe(error) };
  }
}

/** A short reason without addresses, which would tell strangers about the internal network. */
function describe(error: unknown): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') return 'timed out';
  if (error instanceof SyntaxError) return 'unexpected answer (not JSON)';
  // undici reports "fetch failed" and keeps the reason (ECONNREFUSED, ...) in the cause's code.
  const cause = error instanceof Error ? error.cause : undefined;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? cause.code : undefined;
  return typeof code === 'string' ? `unreachable (${code})` : 'unreachable';
}
