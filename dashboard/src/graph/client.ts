import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { OperationTypeNode } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { ConnectionStatus } from './connection.ts';
import { TrustedWebSocketLink } from './ws-link.ts';

/** The gateway's GraphQL path, on the origin that served the dashboard. */
const GRAPHQL_PATH = '/graphql';
/** Longest wait between reconnection attempts. */
const MAX_RETRY_WAIT_MS = 5_000;

export interface Graph {
  apollo: ApolloClient;
  /** The graphql-ws client: live updates, and its connection events for the indicator. */
  socket: Client;
  status: ConnectionStatus;
  dispose(): void;
}

/**
 * One Apollo Client per session (token): queries and mutations over HTTP, subscriptions over
 * graphql-ws, every operation sent as a trusted document's id (SHA-256 of its printed text, as the
 * gateway's manifest registers it). The hash is computed in JavaScript rather than with
 * `crypto.subtle`, which browsers offer only on https and localhost origins.
 */
export function createGraph(currentToken: () => string | null): Graph {
  const status = new ConnectionStatus();
  const httpUrl = new URL(GRAPHQL_PATH, location.href).toString();
  const socket = createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    connectionParams: () => {
      const token = currentToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    // Always connected, so the indicator tells the truth even between subscriptions.
    lazy: false,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) =>
      new Promise((resolve) =>
        setTimeout(resolve, Math.min(MAX_RETRY_WAIT_MS, 250 * 2 ** retries) + Math.random() * 250),
      ),
  });
  let everConnected = false;
  socket.on('connected', () => {
    everConnected = true;
    status.set('live');
  });
  socket.on('closed', () => status.set(everConnected ? 'reconnecting' : 'connecting'));

  const persisted = new PersistedQueryLink({
    sha256: (text: string) => bytesToHex(sha256(utf8ToBytes(text))),
  });
  // The token as it is now, on every request: a renewed one is used without a new client.
  const authorization = new ApolloLink((operation, forward) => {
    const token = currentToken();
    if (token) {
      operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({
        headers: { ...headers, authorization: `Bearer ${token}` },
      }));
    }
    return forward(operation);
  });
  const http = authorization.concat(new HttpLink({ uri: httpUrl }));
  const transport = ApolloLink.split(
    ({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION,
    new TrustedWebSocketLink(socket),
    http,
  );
  const apollo = new ApolloClient({ link: persisted.concat(transport), cache: new InMemoryCache() });
  return {
    apollo,
    socket,
    status,
    dispose() {
      apollo.stop();
      void socket.dispose();
    },
  };
}
