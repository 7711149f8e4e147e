import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { composeSupergraph, createGateway, type Gateway, type GatewayOptions } from '@cadg/gateway';
import { createSubgraphServer, createTokenVerifier, DEFAULT_AUDIENCE, DEV_ISSUER } from '@cadg/platform';

/**
 * Small subgraphs made for one behaviour each, behind the real gateway: a ticker that streams as
 * many subscription events as asked (each event needs an entity call to a second subgraph), and a
 * bare node:http subgraph whose answers the test controls (hold a request, drop a connection).
 */

/** The ticker: `ticks(count)` streams Tick 1..count; `Tick.double` lives in the doubler subgraph. */
const TICKER_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query { tick(n: Int!): Tick! }
  type Subscription { ticks(count: Int!): Tick! }
  type Tick @key(fields: "id") { id: ID! n: Int! }
`;
const DOUBLER_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query { doublerVersion: Int! }
  type Tick @key(fields: "id") { id: ID! double: Int! }
`;

/** The scripted subgraph: `fast` answers at once; `slow` and the mutation `touch` as the script says. */
export const SCRIPTED_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query { fast: Int! slow: Int! }
  type Mutation { touch: Int! }
`;

interface Tick {
  id: string;
  n: number;
}

const tickOf = (n: number): Tick => ({ id: String(n), n });

/** Two real Apollo subgraphs (the platform's subgraph server) for the ticker and the doubler. */
export async function startTickerSubgraphs() {
  const keyDir = await mkdtemp(join(tmpdir(), 'cadg-fixture-keys-'));
  const verifier = await createTokenVerifier({
    issuer: DEV_ISSUER,
    audience: DEFAULT_AUDIENCE,
    devKeyDir: keyDir,
  });
  const ticker = await createSubgraphServer({
    name: 'ticker',
    verifier,
    subscriptions: true,
    metricsPort: null,
    createContext: () => ({}),
    schema: buildSubgraphSchema({
      typeDefs: parse(TICKER_SDL),
      resolvers: {
        Query: { tick: (_: unknown, { n }: { n: number }) => tickOf(n) },
        Subscription: {
          ticks: {
            async *subscribe(_: unknown, { count }: { count: number }) {
              for (let n = 1; n <= count; n++) yield { ticks: tickOf(n) };
            },
          },
        },
      },
    }),
  });
  const doubler = await createSubgraphServer({
    name: 'doubler',
    verifier,
    metricsPort: null,
    createContext: () => ({}),
    schema: buildSubgraphSchema({
      typeDefs: parse(DOUBLER_SDL),
      resolvers: {
        Query: { doublerVersion: () => 1 },
        Tick: { __resolveReference: ({ id }: { id: string }) => ({ id, double: Number(id) * 2 }) },
      },
    }),
  });
  const tickerUrl = (await ticker.listen(0)).url;
  const doublerUrl = (await doubler.listen(0)).url;
  return {
    verifier,
    services: [
      { name: 'ticker', url: tickerUrl, typeDefs: TICKER_SDL },
      { name: 'doubler', url: doublerUrl, typeDefs: DOUBLER_SDL },
    ],
    async close() {
      await Promise.all([ticker.close(), doubler.close()]);
      await rm(keyDir, { recursive: true, force: true });
    },
  };
}

/** What the scripted subgraph does with one request, given its parsed GraphQL body. */
export type Script = (body: { query: string }, req: IncomingMessage, res: ServerResponse) => void;

/**
 * A subgraph that is only node:http: every request is handed to `script`, which may answer, hold
 * the request, or destroy the connection. `requests` counts what arrived; `aborted` resolves the
 * next time the gateway gives up on a request it held.
 */
export async function startScriptedSubgraph(script: Script) {
  let requests = 0;
  const aborts: Array<() => void> = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      requests++;
      res.on('close', () => {
        if (!res.writableFinished) aborts.splice(0).forEach((resolve) => resolve());
      });
      script(JSON.parse(raw) as { query: string }, req, res);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    get requests() {
      return requests;
    },
    /** Resolves when a request the subgraph has not answered is closed by the gateway. */
    nextAbort: () => new Promise<void>((resolve) => aborts.push(resolve)),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Answers a GraphQL result as JSON. */
export function answer(res: ServerResponse, data: Record<string, unknown>): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ data }));
}

/** The real gateway in front of fixture subgraphs, listening on a free port. */
export async function startFixtureGateway(
  services: ReadonlyArray<{ name: string; url: string; typeDefs: string }>,
  options: Omit<GatewayOptions, 'supergraphSdl' | 'verifier'> &
    Partial<Pick<GatewayOptions, 'verifier'>> = {},
): Promise<{ gateway: Gateway; url: string; close(): Promise<void>; dispose(): Promise<void> }> {
  const keyDir = await mkdtemp(join(tmpdir(), 'cadg-fixture-gw-keys-'));
  const verifier =
    options.verifier ??
    (await createTokenVerifier({ issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, devKeyDir: keyDir }));
  const gateway = createGateway({
    logging: false,
    ...options,
    verifier,
    supergraphSdl: composeSupergraph(services),
  });
  const { url } = await gateway.listen(0, '127.0.0.1');
  const close = async () => {
    await gateway.close();
    await rm(keyDir, { recursive: true, force: true });
  };
  return { gateway, url, close, dispose: close };
}
