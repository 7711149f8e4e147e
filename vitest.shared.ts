import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/** Settings every package's Vitest config starts from. */
export default defineConfig({
  resolve: {
    // graphql 16 ships a CommonJS build (`main`) and an ESM build (`module`). Node, and so Apollo
    // Server and the Hive runtime in production, loads the CommonJS one; Vite would hand our sources
    // the ESM one, and two GraphQLError classes break every `instanceof` check between them.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
});
