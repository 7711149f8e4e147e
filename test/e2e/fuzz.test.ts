import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '@cadg/gateway';
import { formatFailure, runFuzz } from '../fuzz/fuzzer.ts';
import { startGraph, type Graph } from './harness.ts';

/** The run is seeded so a failure replays exactly: `npm run fuzz -- --seed <seed> --only http:<index>`. */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_261_127);
const HTTP_CASES = Number(process.env['FUZZ_CASES'] ?? 1500);
const WS_CASES = Number(process.env['FUZZ_WS_CASES'] ?? 200);

describe('the gateway under fuzzed hostile input', () => {
  let graph: Graph;
  beforeAll(async () => {
    // Rate limiting would answer most cases with RATE_LIMITED before they reach anything else.
    graph = await startGraph({ protection: { rateLimit: null } });
  });
  afterAll(() => graph?.close());

  it('answers every malformed request with coded GraphQL errors and no internals, keeps serving, and changes no data', async () => {
    const report = await runFuzz(
      { gatewayUrl: graph.gatewayUrl, keyDir: graph.keyDir, limits: DEFAULT_LIMITS },
      { seed: SEED, httpCases: HTTP_CASES, wsCases: WS_CASES, concurrency: 8 },
    );
    console.log(
      `fuzz: ${report.httpCases} HTTP + ${report.wsCases} websocket cases, seed ${report.seed}, ` +
        `${report.failures.length} failing, ${(report.durationMs / 1000).toFixed(1)} s`,
    );
    expect(report.failures.map((failure) => formatFailure(report.seed, failure))).toEqual([]);
  }, 180_000);
});
