import { fileURLToPath } from 'node:url';
import type { CodegenConfig } from '@graphql-codegen/cli';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Typed operations for the dashboard (GraphQL Code Generator's client preset), against the public
 * API schema that `npm run compose` writes. Operations live as `.graphql` files in
 * `src/operations/`: the same files are the `dashboard` client's trusted documents (see the
 * gateway's trusted-documents.ts), so what the dashboard sends is exactly what a production
 * gateway runs. Paths are absolute so `build.ts` can run it from any working directory.
 */
const config: CodegenConfig = {
  schema: here('../schema/api.graphql'),
  documents: [here('src/operations/*.graphql')],
  ignoreNoDocuments: false,
  generates: {
    [here('src/gql/')]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Date: 'string' },
      },
    },
  },
};
export default config;
