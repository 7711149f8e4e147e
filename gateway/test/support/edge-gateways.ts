/**
 * What the edge-hardening test files share: a real echo subgraph and a test identity, started once
 * per file by `useEdgeGateways()` (the `let` bindings are live for importers), and real gateways in
 * front of it, closed after the file.
 */
import { afterAll, beforeAll } from 'vitest';
import { composeSupergraph, createGateway, type Gateway, type GatewayOptions } from '../../src/index.ts';
import { echoTypeDefs, startEchoSubgraph, type EchoSubgraph } from './echo-subgraph.ts';
import { createTestIdentity, type TestIdentity } from './identity.ts';

export let identity: TestIdentity;
export let subgraph: EchoSubgraph;
let supergraphSdl: string;
const running: Gateway[] = [];

/** Production gateways sign their subgraph calls; the echo subgraph does not check. */
export const SIGNING_SECRET = 'edge-hardening-test-secret-of-32-characters';
export const PRODUCTION = { production: true, subgraphSigningSecret: SIGNING_SECRET } as const;

/** Starts the subgraph and identity before the file's tests; closes them and every gateway after. */
export function useEdgeGateways(): void {
  beforeAll(async () => {
    identity = await createTestIdentity();
    subgraph = await startEchoSubgraph();
    supergraphSdl = composeSupergraph([{ name: 'echo', url: subgraph.url, typeDefs: echoTypeDefs }]);
  });

  afterAll(async () => {
    await Promise.all(running.map((gateway) => gateway.close()));
    await subgraph?.stop();
    await identity?.cleanUp();
  });
}

/** A gateway on a free port in front of the echo subgraph; closed after the file. */
export async function startGateway(options: Partial<GatewayOptions> = {}) {
  const gateway = createGateway({
    supergraphSdl,
    verifier: identity.verifier,
    graphiql: false,
    logging: false,
    ...options,
  });
  running.push(gateway);
  return { gateway, ...(await gateway.listen(0, '127.0.0.1')) };
}

export const QUERY_BODY = JSON.stringify({ query: '{ whoami }' });

export function postFrom(url: string, headers: Record<string, string>, body = QUERY_BODY) {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

export function preflight(url: string, origin: string) {
  return fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    },
  });
}
