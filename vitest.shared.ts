import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/** Settings every package's Vitest config starts from. */
const shared = defineConfig({
  resolve: {
    // graphql 16 ships a CommonJS build (`main`) and an ESM build (`module`). Node, and so Apollo
    // Server and the Hive runtime in production, loads the CommonJS one; Vite would hand our sources
    // the ESM one, and two GraphQLError classes break every `instanceof` check between them.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
});

export default shared;

/**
 * A subgraph package's config: its tests start from the migrated, seeded database that db's global
 * setup makes once a run (db/src/testing/global-setup.ts), hence the longer timeouts.
 */
export const subgraphConfig = mergeConfig(
  shared,
  defineConfig({
    test: {
      globalSetup: [fileURLToPath(new URL('./db/src/testing/global-setup.ts', import.meta.url))],
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  }),
);
