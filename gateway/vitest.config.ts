import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../vitest.shared.ts';

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      include: ['test/**/*.test.ts'],
      // Real servers start per file; the first request through a new runtime plans the supergraph.
      testTimeout: 15_000,
      hookTimeout: 30_000,
    },
  }),
);
