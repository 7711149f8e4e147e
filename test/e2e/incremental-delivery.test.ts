import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { Defer20220824Handler } from '@apollo/client/incremental';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { buildManifest, type GatewayOptions } from '@cadg/gateway';
import { startFixtureGateway, startTickerSubgraphs } from './fixture-subgraphs.ts';

const DEFERRED = 'query DeferredTick { tick(n: 21) { n ... @defer { double } } }';
const TICKS = 'subscription Ticks { ticks(count: 3) { n double } }';

/** The test's documents registered as the gateway registers every client's (all printed forms). */
async function manifestOf(documents: readonly string[]): Promise<Record<string, string>> {
  const dir = await mkdtemp(join(tmpdir(), 'cadg-documents-'));
  try {
    await mkdir(join(dir, 'test-client'));
    for (const [i, text] of documents.entries())
      await writeFile(join(dir, 'test-client', `${i}.graphql`), text);
    return await buildManifest(dir, []);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Apollo Client with its defaults over HTTP (persisted queries as production needs them). */
const apolloClient = (url: string) =>
  new ApolloClient({
    link: new PersistedQueryLink({ sha256 }).concat(new HttpLink({ uri: url })),
    cache: new InMemoryCache(),
    incrementalHandler: new Defer20220824Handler(),
  });

interface Tick {
  n: number;
  double?: number | undefined;
}

const modes = [
  { mode: 'the embedded default', production: false },
  { mode: 'production mode', production: true },
];

describe.each(modes)('Apollo Client over HTTP in $mode', ({ production }) => {
  let subgraphs: Awaited<ReturnType<typeof startTickerSubgraphs>>;
  const gateways: Array<Awaited<ReturnType<typeof startFixtureGateway>>> = [];
  let options: Omit<GatewayOptions, 'supergraphSdl' | 'verifier'>;

  beforeAll(async () => {
    subgraphs = await startTickerSubgraphs();
    options = production
      ? {
          production: true,
          subgraphSigningSecret: randomBytes(32).toString('base64url'),
          trustedDocuments: { mode: 'enforce', manifest: await manifestOf([DEFERRED, TICKS]) },
        }
      : {};
  });
  afterAll(async () => {
    await Promise.all(gateways.map((gateway) => gateway.close()));
    await subgraphs?.close();
  });

  const gateway = async (queryPlanner: 'rust' | 'javascript') => {
    const started = await startFixtureGateway(subgraphs.services, {
      ...options,
      verifier: subgraphs.verifier,
      queryPlanner,
    });
    gateways.push(started);
    return started.url;
  };

  /** Every result Apollo Client hands out for the deferred query, until it is complete. */
  async function deferredResults(url: string): Promise<Array<{ tick?: Tick } | undefined>> {
    const client = apolloClient(url);
    const results: Array<{ tick?: Tick } | undefined> = [];
    await new Promise<void>((resolve, reject) => {
      const watched = client.watchQuery<{ tick: Tick }>({
        query: gql(DEFERRED),
        fetchPolicy: 'network-only',
      });
      const subscription = watched.subscribe({
        next: (result) => {
          if (result.error) return reject(result.error);
          // Parts as they arrive: 'streaming' until the last one, then 'complete'.
          if (result.dataState !== 'streaming' && result.dataState !== 'complete') return;
          results.push(structuredClone(result.data) as { tick?: Tick } | undefined);
          if (result.dataState === 'complete') {
            subscription.unsubscribe();
            resolve();
          }
        },
        error: reject,
      });
    });
    client.stop();
    return results;
  }

  it('receives the deferred fragment in a later part of a multipart/mixed answer (JavaScript planner)', async () => {
    const results = await deferredResults(await gateway('javascript'));
    expect(results[0]?.tick).toMatchObject({ n: 21 });
    expect(results[0]?.tick?.double).toBeUndefined();
    expect(results.at(-1)?.tick).toMatchObject({ n: 21, double: 42 });
  });

  it('accepts @defer with the default Rust planner, which delivers the fragment with the rest', async () => {
    const results = await deferredResults(await gateway('rust'));
    expect(results.at(-1)?.tick).toMatchObject({ n: 21, double: 42 });
  });

  it('streams a subscription as multipart HTTP (subscriptionSpec=1.0), every event joined across subgraphs', async () => {
    const client = apolloClient(await gateway('rust'));
    const events: Tick[] = [];
    await new Promise<void>((resolve, reject) => {
      client.subscribe<{ ticks: Tick }>({ query: gql(TICKS) }).subscribe({
        next: (result) => {
          if (result.error) return reject(result.error);
          if (result.data) events.push({ n: result.data.ticks.n, double: result.data.ticks.double });
        },
        error: reject,
        complete: resolve,
      });
    });
    client.stop();
    expect(events).toEqual([
      { n: 1, double: 2 },
      { n: 2, double: 4 },
      { n: 3, double: 6 },
    ]);
  });
});
