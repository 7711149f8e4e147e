import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The path the gateway serves the dashboard under (see gateway/src/dashboard-assets.ts). */
export const DASHBOARD_BASE = '/dashboard/';

export default defineConfig({
  base: DASHBOARD_BASE,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No source maps in what the gateway serves: smaller, and nothing extra to cache.
    sourcemap: false,
    reportCompressedSize: false,
  },
});
