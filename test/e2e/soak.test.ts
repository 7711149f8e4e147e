import { afterAll, beforeAll, expect, it } from 'vitest';
import { startGraph, type Graph } from './harness.ts';
import { runSoak } from '../soak/soak.ts';

const SOAK_MS = 120_000;

let graph: Graph;

beforeAll(async () => {
  graph = await startGraph();
});
afterAll(async () => {
  await graph?.close();
});

it('runs two minutes of mixed load with resuming subscribers without an error or a lost event', async () => {
  const result = await runSoak(
    { gatewayUrl: graph.gatewayUrl, token: (org, roles, expiresIn) => graph.token(org, roles, expiresIn) },
    { durationMs: SOAK_MS, log: (line) => console.log(line) },
  );
  expect(result.errors).toEqual([]);
  expect(result.reports).toBeGreaterThan(100);
  expect(result.resumes).toBeGreaterThanOrEqual(4);
  expect(result.eventsChecked).toBe(result.reports * 4);
}, 150_000);
