/**
 * Production entry (`npm start -w @cadg/gateway`): serves the committed supergraph.
 *
 * Environment: GATEWAY_PORT (4000), HOST (0.0.0.0), SUPERGRAPH_FILE (schema/supergraph.graphql),
 * <NAME>_URL per subgraph (e.g. CONTACTS_URL, default http://localhost:<port>/graphql),
 * DATA_DIR (./.data, where the dev issuer's key lives), the AUTH_* identity variables, and the
 * protections (GATEWAY_MODE, LIMIT_*, INTROSPECTION, TRUSTED_DOCUMENTS, RATE_LIMIT*: see config.ts).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createTokenVerifier, identityConfigFromEnv } from '@cadg/platform';
import { protectionFromEnv } from './config.ts';
import { createGateway } from './gateway.ts';
import { defaultUrlOf, subgraphs, supergraphFile, urlVariableOf } from './subgraphs.ts';

const env = process.env;
const port = Number(env['GATEWAY_PORT'] || 4000);
const host = env['HOST'] || '0.0.0.0';
const dataDir = resolve(env['DATA_DIR'] || './.data');

const supergraphSdl = await readFile(env['SUPERGRAPH_FILE'] || supergraphFile, 'utf8');
const subgraphUrls = Object.fromEntries(
  subgraphs.map((subgraph) => [subgraph.name, env[urlVariableOf(subgraph)] || defaultUrlOf(subgraph)]),
);
const verifier = await createTokenVerifier(identityConfigFromEnv(env, dataDir));

const gateway = createGateway({ supergraphSdl, subgraphUrls, verifier, ...(await protectionFromEnv(env)) });
const { url } = await gateway.listen(port, host);
console.log(`Gateway ready at ${url}`);

// The runtime listens for SIGTERM/SIGINT itself and then keeps the process alive, so shut down here.
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    gateway.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Gateway did not close cleanly', error);
        process.exit(1);
      },
    );
  });
}
