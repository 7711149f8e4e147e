import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';

/**
 * A real Apollo subgraph over HTTP with one Subscription over graphql-ws, that tells the test what
 * identity reached it: `whoami` echoes the Authorization header of the HTTP call, `ticks` the
 * `connectionParams.authorization` of the websocket it was subscribed over.
 */
export const echoTypeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  type Query {
    "The Authorization header this subgraph received, or null."
    whoami: String
    "Fails with a coded error the gateway must pass through."
    forbidden: String
    "Fails with an unexpected error the gateway must mask."
    broken: String
    "Answers only once the test opens the gate."
    gated: String
  }

  type Subscription {
    ticks(count: Int!): Tick!
    "Sends 1 at once and 2 once the test opens the gate."
    gatedTicks: Int!
  }

  type Tick {
    n: Int!
    "The connectionParams.authorization of the upstream websocket."
    authorization: String
  }
`;

interface EchoContext {
  authorization: string | null;
}

/** A promise the test resolves by hand: events happen when the test says so, never after a sleep. */
function createGate(): { opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const createResolvers = (gate: { opened: Promise<void> }) => ({
  Query: {
    whoami: (_: unknown, __: unknown, context: EchoContext) => context.authorization,
    forbidden: () => {
      throw new GraphQLError('Only the originator may read this.', { extensions: { code: 'FORBIDDEN' } });
    },
    broken: () => {
      throw new Error('database password is hunter2');
    },
    gated: async () => {
      await gate.opened;
      return 'opened';
    },
  },
  Subscription: {
    ticks: {
      async *subscribe(_: unknown, { count }: { count: number }, context: EchoContext) {
        for (let n = 1; n <= count; n += 1) yield { ticks: { n, authorization: context.authorization } };
      },
    },
    gatedTicks: {
      async *subscribe() {
        yield { gatedTicks: 1 };
        await gate.opened;
        yield { gatedTicks: 2 };
      },
    },
  },
});

export interface EchoSubgraph {
  readonly url: string;
  /** Authorization headers of the websocket upgrade requests this subgraph accepted. */
  readonly upgradeAuthorizations: (string | undefined)[];
  /** Lets `gated` answer and `gatedTicks` send its second event. */
  openGate(): void;
  stop(): Promise<void>;
}

export async function startEchoSubgraph(): Promise<EchoSubgraph> {
  const gate = createGate();
  const schema = buildSubgraphSchema([{ typeDefs: parse(echoTypeDefs), resolvers: createResolvers(gate) }]);
  const apollo = new ApolloServer<EchoContext>({
    schema,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();

  // Apollo Server 5 has no node:http integration built in; this is the minimal one.
  const httpServer = createServer((req, res) => {
    void (async () => {
      const body = await readJson(req);
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const url = new URL(req.url ?? '/', 'http://localhost');
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: async () => ({ authorization: req.headers.authorization ?? null }),
      });
      res.statusCode = response.status ?? 200;
      for (const [name, value] of response.headers) res.setHeader(name, value);
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });

  const upgradeAuthorizations: (string | undefined)[] = [];
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  wsServer.on('connection', (_socket, request) => upgradeAuthorizations.push(request.headers.authorization));
  const wsDisposable = useServer(
    {
      schema,
      context: (ctx): EchoContext => {
        const authorization = ctx.connectionParams?.['authorization'];
        return { authorization: typeof authorization === 'string' ? authorization : null };
      },
    },
    wsServer,
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(0, '127.0.0.1', resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  let stopped: Promise<void> | undefined;

  return {
    url: `http://127.0.0.1:${port}/graphql`,
    upgradeAuthorizations,
    openGate: gate.open,
    stop() {
      stopped ??= (async () => {
        gate.open();
        await wsDisposable.dispose();
        httpServer.closeAllConnections();
        await new Promise<void>((resolve) => httpServer.close(() => resolve()));
        await apollo.stop();
      })();
      return stopped;
    },
  };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return undefined;
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
}
