import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { FuzzTarget } from './fuzzer.ts';
import type { TokenKit } from './tokens.ts';
import type { Vocabulary } from './vocabulary.ts';
import { servesWebSocket } from './ws-cases.ts';

// The checks before and after a fuzz run: the data unchanged, the port still serving.

const COUNTS_QUERY = `{
  organizations { totalCount }
  contacts { totalCount }
  activities { totalCount }
  dataFlowPilots { totalCount edges { node { id status } } }
  positions { totalCount }
  instruments { totalCount }
  advisories { totalCount }
  incidents(first: 100) { totalCount edges { node { id status severity tlp version } } }
}`;
const MEMBER_COUNTS_QUERY = `{ incidents { totalCount } contacts(first: 100) { totalCount edges { node { id email } } } }`;

/** What the data looks like to a SECRETARIAT and a MEMBER of my-mycert, as one string to compare. */
export async function snapshot(gatewayUrl: string, tokens: TokenKit): Promise<string> {
  const read = async (query: string, token: string) => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    if (body.errors) throw new Error(`The data snapshot failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  return JSON.stringify({
    secretariat: await read(COUNTS_QUERY, tokens.valid.secretariat),
    member: await read(MEMBER_COUNTS_QUERY, tokens.valid.member),
  });
}

/**
 * After the run: the target still answers `/healthz`, a normal query over HTTP and, where it
 * serves graphql-ws, a normal query over it.
 */
export async function stillServing(
  target: FuzzTarget,
  vocabulary: Vocabulary,
  tokens: TokenKit,
): Promise<string[]> {
  const problems: string[] = [];
  const query = vocabulary.controls.find((control) => control !== '{ __typename }') ?? '{ __typename }';
  const answered = (result: unknown) => {
    const { data, errors } = (result ?? {}) as { data?: Record<string, unknown> | null; errors?: unknown };
    return !errors && data !== null && data !== undefined && Object.values(data).every((v) => v !== null);
  };
  try {
    const health = await fetch(new URL('/healthz', target.url));
    if (health.status !== 200) problems.push(`/healthz answered ${health.status}`);
    const response = await fetch(target.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.valid.member}` },
      body: JSON.stringify({ query }),
    });
    const body: unknown = await response.json();
    if (!answered(body)) problems.push(`a normal query failed: ${JSON.stringify(body)}`);
  } catch (error) {
    problems.push(`${target.name} does not answer HTTP: ${String(error)}`);
  }
  if (!servesWebSocket(vocabulary)) return problems;
  const client = createClient({
    url: target.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${tokens.valid.member}` },
  });
  try {
    const result = await new Promise<unknown>((resolve, reject) => {
      let value: unknown;
      client.subscribe(
        { query },
        { next: (v) => (value = v), error: reject, complete: () => resolve(value) },
      );
    });
    if (!answered(result)) problems.push(`a normal graphql-ws query failed: ${JSON.stringify(result)}`);
  } catch (error) {
    problems.push(`a normal graphql-ws client cannot run a query: ${JSON.stringify(error) ?? String(error)}`);
  } finally {
    await client.dispose();
  }
  return problems;
}
