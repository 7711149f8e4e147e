import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDashboardBuilt } from '@cadg/dashboard';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchChromium, type Browser } from './browser.ts';

/** What the dashboard's browser tests share: the build, Chromium, axe-core and screenshots. */

/** Screenshots for people to look at (gitignored; CI keeps them as artifacts). */
export const ARTIFACTS = fileURLToPath(new URL('../../test-results/dashboard/', import.meta.url));
export const WIDTHS = [390, 1440] as const;
const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface DashboardBrowser {
  browser: Browser;
  context: BrowserContext;
  buildInfo: Awaited<ReturnType<typeof ensureDashboardBuilt>>;
}

/** Builds the dashboard when its sources changed (as `npm start` does) and starts Chromium. */
export async function startDashboardBrowser(): Promise<DashboardBrowser> {
  const buildInfo = await ensureDashboardBuilt(() => undefined);
  const browser = await launchChromium();
  await mkdir(ARTIFACTS, { recursive: true });
  return { browser, context: browser.context, buildInfo };
}

/** axe-core in the page: no serious or critical violation. */
export async function expectNoSeriousViolations(page: Page): Promise<void> {
  if (!(await page.evaluate("typeof axe !== 'undefined'"))) await page.addScriptTag({ content: AXE_SOURCE });
  const result = (await page.evaluate('axe.run()')) as {
    violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[];
  };
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  expect(serious).toEqual([]);
}

/** Elements that stick out of the viewport on the right, outside boxes that scroll sideways. */
const WIDER_THAN_VIEWPORT = `[...document.querySelectorAll('body *')]
  .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
  .filter((e) => !e.closest('.table-scroll') && !e.closest('.visually-hidden') && !e.closest('.skip-link'))
  .map((e) => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '') + ' ' + Math.round(e.getBoundingClientRect().right))
  .slice(0, 10)`;

/**
 * Full-page screenshots at 390 px and 1440 px, after checking at each width that the page itself
 * does not scroll sideways (wide tables scroll inside their own box).
 */
export async function screenshots(page: Page, name: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await expect.poll(() => page.evaluate(WIDER_THAN_VIEWPORT)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${width}.png`), fullPage: true });
  }
}

/** Signs in through the embedded default's dev sign-in as an organization and role. */
export async function devSignIn(
  page: Page,
  baseUrl: string,
  organizationId: string,
  role: string,
): Promise<void> {
  await page.goto(new URL('/dashboard/sign-in', baseUrl).toString());
  await page.locator(`option[value="${organizationId}"]`).waitFor({ state: 'attached' });
  await page.getByRole('combobox', { name: 'Organization' }).selectOption(organizationId);
  await page.getByRole('combobox', { name: 'Role' }).selectOption(role);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(/^Signed in: /).waitFor();
}
