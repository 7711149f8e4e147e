/**
 * Child process: one gateway in front of the bench subgraphs, on a free port.
 * `node --import tsx gateway-process.ts <kind>`; env SUPERGRAPH_FILE (composed with the subgraphs'
 * real URLs), KEY_DIR (the dev issuer's key, for ours), BENCH_SIGNING_SECRET (the subgraphs'
 * signing secret, for `ours-cached`).
 *
 * - `ours`: `createGateway` from @cadg/gateway as shipped (the Rust query planner of
 *   `@graphql-hive/router-runtime`), with its response cache off.
 * - `ours-cached`: the same with its response cache on (in memory). It signs its subgraph calls
 *   and change-feed requests with BENCH_SIGNING_SECRET, the subgraphs' secret, as a deployed
 *   gateway does: the subgraphs serve their change feeds (`/changes`) to signed requests only, and
 *   without a feed the cache never knows the data versions and never serves an answer.
 * - `peer`: the fair peer, what a user of stock Hive Gateway would run: the runtime with the Rust
 *   query planner (`unifiedGraphHandler` from `@graphql-hive/router-runtime`, as Hive's docs
 *   configure it), the HTTP transport and the one header rule that forwards the caller's
 *   Authorization (without it the subgraphs would answer anonymously). Nothing else.
 * - `peer-cached`: the same plus the response cache Hive Gateway users reach for
 *   (`useResponseCache`, in memory), one session per Authorization header, entries kept 1 s.
 * - `apollo`: `@apollo/gateway` 2.14 under Apollo Server 5's standalone server.
 *
 * All forward the caller's Authorization header to the subgraphs, which check it themselves.
 * Besides `close`, the process answers `cpu` with its CPU time so far (`process.cpuUsage()`), and
 * `record` / `windows`: while recording, it stamps every HTTP request its server answers (arrival of
 * the headers to the last byte handed to the socket, and the process's CPU time over that span),
 * so the overhead section measures the gateway where it runs, without the client's share.
 */
import { readFile } from 'node:fs/promises';
import { createServer, Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import httpTransport from '@graphql-mesh/transport-http';
import { useResponseCache } from '@graphql-yoga/plugin-response-cache';
import { createGateway, DEFAULT_LIMITS } from '@cadg/gateway';
import { createTokenVerifier, DEFAULT_AUDIENCE, DEV_ISSUER } from '@cadg/platform';
import { serveParent } from './ipc.ts';

const GATEWAY_KINDS = ['ours', 'ours-cached', 'peer', 'peer-cached', 'apollo'] as const;
type GatewayKind = (typeof GATEWAY_KINDS)[number];
/** How long the fair peer's response cache keeps an entry. */
export const PEER_CACHE_TTL_MS = 1000;

const kind = process.argv[2] as GatewayKind;

/** A request this gateway answered: [start, end] in epoch ms, and the process's CPU µs over it. */
type Window = [start: number, end: number, cpuMicros: number];
const windows: Window[] = [];
let recording = false;
const now = () => performance.timeOrigin + performance.now();
const cpuMicros = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
// Every node:http server in this process is the gateway's (whichever kind it is).
const emit = Server.prototype.emit;
Server.prototype.emit = function (this: Server, event: string, ...args: unknown[]) {
  if (recording && event === 'request') {
    const [start, cpu] = [now(), cpuMicros()];
    (args[1] as ServerResponse).once('finish', () => windows.push([start, now(), cpuMicros() - cpu]));
  }
  return emit.apply(this, [event, ...args] as Parameters<Server['emit']>);
} as Server['emit'];
const supergraphSdl = await readFile(process.env['SUPERGRAPH_FILE'] ?? '', 'utf8');

async function start(): Promise<{ url: string; close: () => Promise<void> }> {
  switch (kind) {
    case 'ours':
    case 'ours-cached': {
      const verifier = await createTokenVerifier({
        issuer: DEV_ISSUER,
        audience: DEFAULT_AUDIENCE,
        devKeyDir: process.env['KEY_DIR'],
      });
      const gateway = createGateway({
        supergraphSdl,
        verifier,
        logging: false,
        // A load generator is one caller sending thousands of requests a second from one address
        // (and thousands of subscribers under a handful of tokens), and the largest dashboard page
        // costs more than the default limit: these protections are off here.
        rateLimit: null,
        webSocketCaps: null,
        limits: { ...DEFAULT_LIMITS, maxCost: 10_000_000 },
        ...oursResponseCache(kind === 'ours-cached'),
      });
      const { url } = await gateway.listen(0, '127.0.0.1');
      return { url, close: () => gateway.close() };
    }
    case 'apollo': {
      interface Context {
        authorization?: string | undefined;
      }
      const gateway = new ApolloGateway({
        supergraphSdl,
        buildService: ({ url }) =>
          new RemoteGraphQLDataSource<Context>({
            ...(url ? { url } : {}),
            willSendRequest({ request, context }) {
              if (context.authorization) request.http?.headers.set('authorization', context.authorization);
            },
          }),
      });
      const server = new ApolloServer<Context>({ gateway });
      const { url } = await startStandaloneServer(server, {
        listen: { port: 0, host: '127.0.0.1' },
        context: async ({ req }) => ({ authorization: req.headers.authorization }),
      });
      return { url: new URL('/graphql', url).toString(), close: () => server.stop() };
    }
    case 'peer':
    case 'peer-cached': {
      const runtime = createGatewayRuntime({
        supergraph: supergraphSdl,
        logging: false,
        unifiedGraphHandler,
        transports: { http: httpTransport },
        transportEntries: { '*': { headers: [['authorization', '{context.headers.authorization}']] } },
        ...(kind === 'peer-cached'
          ? {
              plugins: () => [
                useResponseCache({
                  session: (request) => request.headers.get('authorization'),
                  ttl: PEER_CACHE_TTL_MS,
                }),
              ],
            }
          : {}),
      });
      const server: Server = createServer(runtime);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      return {
        url: `http://127.0.0.1:${port}/graphql`,
        async close() {
          await runtime.dispose();
          server.closeAllConnections();
          await new Promise((resolve) => server.close(resolve));
        },
      };
    }
    default:
      throw new Error(`Unknown gateway kind "${String(kind)}"; one of ${GATEWAY_KINDS.join(', ')}.`);
  }
}

const gateway = await start();
serveParent(
  {
    cpu: async () => {
      const { user, system } = process.cpuUsage();
      return { type: 'cpu', micros: user + system };
    },
    record: async (message) => {
      recording = Boolean(message['on']);
      windows.splice(0);
      return { type: 'recording' };
    },
    windows: async () => ({ type: 'windows', windows: windows.splice(0) }),
  },
  gateway.close,
);
process.send?.({ type: 'ready', url: gateway.url });

/**
 * Our gateway's response cache (gateway/src/response-cache/): in memory for `ours-cached`, off for
 * `ours` (RESPONSE_CACHE=memory and off in a deployment). The cached one signs with the subgraphs'
 * secret, which its change feeds need; `ours` calls unsigned like the other gateways.
 */
function oursResponseCache(on: boolean) {
  if (!on) return { responseCache: null };
  const subgraphSigningSecret = process.env['BENCH_SIGNING_SECRET'];
  if (!subgraphSigningSecret)
    throw new Error('ours-cached needs BENCH_SIGNING_SECRET (its change feeds are signed).');
  return { responseCache: { mode: 'memory' as const }, subgraphSigningSecret };
}
