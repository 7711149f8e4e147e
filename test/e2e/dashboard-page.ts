/**
 * The page tests' fixture: a graph with the dashboard and one Chromium page on it. A test file calls
 * `useDashboardPage()` once at its top; `graph` and `page` are set by its beforeAll (ES module
 * bindings are live for importers).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startDashboardBrowser, type DashboardBrowser } from './dashboard-helpers.ts';
import { startGraph, type Graph } from './harness.ts';

export let graph: Graph;
export let page: Page;

/**
 * Before the file's tests: starts Chromium and a graph with the dashboard, runs `prepare` on the
 * graph (the records the pages need) and opens `page`; closes all after.
 */
export function useDashboardPage(prepare: (graph: Graph) => Promise<void> = async () => {}): void {
  let chromium: DashboardBrowser;
  beforeAll(async () => {
    chromium = await startDashboardBrowser();
    graph = await startGraph({ dashboard: true });
    await prepare(graph);
    page = await chromium.context.newPage();
  }, 240_000);
  afterAll(async () => {
    await page?.close();
    await graph?.close();
    await chromium?.browser.close();
  });
}
