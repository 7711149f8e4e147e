/**
 * Child process: one gateway in front of the bench subgraphs, on a free port.
 * `node --import tsx gateway-process.ts <kind>`; env SUPERGRAPH_FILE (composed with the subgraphs'
 * real URLs), KEY_DIR (the dev issuer's key, for ours).
 *
 * - `ours`: `createGateway` from @cadg/gateway as shipped (its default, the Rust query planner of
 *   `@graphql-hive/router-runtime`).
 * - `ours-js`: the same with `queryPlanner: 'javascript'` (the Hive Gateway runtime's own planner).
 * - `apollo`: `@apollo/gateway` 2.14 under Apollo Server 5's standalone server.
 * - `hive`: the stock Hive Gateway runtime, defaults plus the HTTP transport and the one header rule
 *   that forwards the caller's Authorization (without it the subgraphs would answer anonymously).
 *
 * All forward the caller's Authorization header to the subgraphs, which check it themselves.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import httpTransport from '@graphql-mesh/transport-http';
import { createGateway, DEFAULT_LIMITS } from '@cadg/gateway';
import { createTokenVerifier, DEFAULT_AUDIENCE, DEV_ISSUER } from '@cadg/platform';
import { serveParent } from './ipc.ts';

const GATEWAY_KINDS = ['ours', 'ours-js', 'apollo', 'hive'] as const;
type GatewayKind = (typeof GATEWAY_KINDS)[number];

const kind = process.argv[2] as GatewayKind;
const supergraphSdl = await readFile(process.env['SUPERGRAPH_FILE'] ?? '', 'utf8');

async function start(): Promise<{ url: string; close: () => Promise<void> }> {
  switch (kind) {
    case 'ours':
    case 'ours-js': {
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
        ...(kind === 'ours-js' ? { queryPlanner: 'javascript' as const } : {}),
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
    case 'hive': {
      const runtime = createGatewayRuntime({
        supergraph: supergraphSdl,
        logging: false,
        transports: { http: httpTransport },
        transportEntries: { '*': { headers: [['authorization', '{context.headers.authorization}']] } },
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
serveParent({}, gateway.close);
process.send?.({ type: 'ready', url: gateway.url });
