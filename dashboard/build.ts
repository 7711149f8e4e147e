import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The dashboard workspace's folder. */
export const dashboardDir = fileURLToPath(new URL('./', import.meta.url));
/** Where the build goes; the gateway serves it at /dashboard/. */
export const distDir = join(dashboardDir, 'dist');
/** Written last by a build: what was built, and the initial JavaScript's size. */
const stampFile = join(distDir, 'build-info.json');
/** The budget for JavaScript loaded before the first page renders, gzipped. */
export const INITIAL_JS_BUDGET_BYTES = 250 * 1024;
/** What a build reads: when any of it is newer than the last build, the build is stale. */
const inputs = ['src', 'index.html', 'vite.config.ts', 'codegen.ts', 'package.json', '../schema/api.graphql'];

export interface BuildInfo {
  builtAt: string;
  /** Gzipped bytes of the entry script and the modules it preloads. */
  initialJsGzipBytes: number;
}

/**
 * Builds the dashboard when there is no build or it is older than its sources (`npm start` and the
 * dashboard's end-to-end test call this), and returns what the build recorded.
 */
export async function ensureDashboardBuilt(log: (line: string) => void = console.log): Promise<BuildInfo> {
  const built = await stat(stampFile).catch(() => null);
  if (built && (await newestInput()) <= built.mtimeMs) {
    return JSON.parse(await readFile(stampFile, 'utf8')) as BuildInfo;
  }
  log('Building the dashboard (its sources changed since the last build)…');
  return buildDashboard(log);
}

/** Generates the typed operations, builds with Vite, and checks the initial JavaScript's size. */
export async function buildDashboard(log: (line: string) => void = console.log): Promise<BuildInfo> {
  const started = performance.now();
  const { generate } = await import('@graphql-codegen/cli');
  const { default: codegenConfig } = await import('./codegen.ts');
  await generate({ ...codegenConfig, silent: true }, true);
  const { build } = await import('vite');
  // Vite takes NODE_ENV from the environment when it is set: under Vitest (NODE_ENV=test) it would
  // bundle React's development build. What the gateway serves is always the production build.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({ root: dashboardDir, configFile: join(dashboardDir, 'vite.config.ts'), logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  }
  const initialJsGzipBytes = await initialJsSize();
  const info: BuildInfo = { builtAt: new Date().toISOString(), initialJsGzipBytes };
  await writeFile(stampFile, `${JSON.stringify(info, null, 2)}\n`);
  log(
    `Dashboard built in ${Math.round(performance.now() - started)} ms: initial JavaScript ` +
      `${(initialJsGzipBytes / 1024).toFixed(1)} kB gzipped (budget ${INITIAL_JS_BUDGET_BYTES / 1024} kB)`,
  );
  if (initialJsGzipBytes > INITIAL_JS_BUDGET_BYTES) {
    throw new Error(
      `The dashboard's initial JavaScript is over budget: ${initialJsGzipBytes} bytes gzipped.`,
    );
  }
  return info;
}

/** The entry script and the chunks `index.html` preloads: what a first visit downloads before rendering. */
async function initialJsSize(): Promise<number> {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const scripts = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g),
  ];
  let total = 0;
  for (const [, src] of scripts) {
    const file = join(distDir, src!.replace(/^\/dashboard\//, ''));
    total += gzipSync(await readFile(file), { level: 9 }).length;
  }
  return total;
}

async function newestInput(): Promise<number> {
  let newest = 0;
  for (const input of inputs) {
    const path = join(dashboardDir, input);
    const info = await stat(path);
    if (info.isFile()) newest = Math.max(newest, info.mtimeMs);
    else {
      for (const entry of await readdir(path, { recursive: true, withFileTypes: true })) {
        if (entry.isFile())
          newest = Math.max(newest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
      }
    }
  }
  return newest;
}

// `npm run build -w @cadg/dashboard`
if (process.argv[1] === fileURLToPath(import.meta.url)) await buildDashboard();
