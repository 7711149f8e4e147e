import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '@cadg/gateway';
import { formatFailure, fuzzTarget, runFuzz, type FuzzReport } from '../fuzz/fuzzer.ts';
import { startGraph, type Graph } from './harness.ts';

/**
 * The runs are seeded so a failure replays exactly:
 * `npm run fuzz -- --target <target> --seed <seed> --only http:<index>`.
 */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_261_127);
const HTTP_CASES = Number(process.env['FUZZ_CASES'] ?? 1500);
const WS_CASES = Number(process.env['FUZZ_WS_CASES'] ?? 200);
/** Each subgraph port gets fewer cases: four of them, on a shared 2-core machine. */
const SUBGRAPH_HTTP_CASES = Number(process.env['FUZZ_SUBGRAPH_CASES'] ?? 1000);
const SUBGRAPH_WS_CASES = Number(process.env['FUZZ_SUBGRAPH_WS_CASES'] ?? 100);

function logged(report: FuzzReport): FuzzReport {
  console.log(
    `fuzz ${report.target}: ${report.httpCases} HTTP + ${report.wsCases} websocket cases, seed ${report.seed}, ` +
      `${report.failures.length} failing, ${(report.durationMs / 1000).toFixed(1)} s`,
  );
  return report;
}

describe('the gateway and every subgraph port under fuzzed hostile input', () => {
  let graph: Graph;
  beforeAll(async () => {
    // Rate limiting would answer most cases with RATE_LIMITED before they reach anything else.
    graph = await startGraph({ protection: { rateLimit: null } });
  });
  afterAll(() => graph?.close());

  it('the gateway answers every malformed request with coded GraphQL errors and no internals, keeps serving, and changes no data', async () => {
    const report = logged(
      await runFuzz(fuzzTarget(graph, 'gateway', DEFAULT_LIMITS), {
        seed: SEED,
        httpCases: HTTP_CASES,
        wsCases: WS_CASES,
        concurrency: 8,
      }),
    );
    expect(report.failures.map((failure) => formatFailure(report.seed, failure))).toEqual([]);
  }, 180_000);

  it.each(['contacts', 'incidents', 'dataflows', 'aipolicy'])(
    'the %s subgraph port, reached directly, answers hostile input made from its own schema with coded errors, never INTERNAL_SERVER_ERROR, shows neither internals nor its schema, keeps serving, and changes no data',
    async (name) => {
      const report = logged(
        await runFuzz(fuzzTarget(graph, name, DEFAULT_LIMITS), {
          seed: SEED,
          httpCases: SUBGRAPH_HTTP_CASES,
          wsCases: SUBGRAPH_WS_CASES,
          concurrency: 8,
        }),
      );
      expect(report.failures.map((failure) => formatFailure(report.seed, failure))).toEqual([]);
    },
    120_000,
  );
});
