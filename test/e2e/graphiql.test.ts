import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from './browser.ts';
import { startGraph, type Graph } from './harness.ts';

/** Where the screenshot is left for people to look at (gitignored). */
const ARTIFACTS = fileURLToPath(new URL('../../test-results/', import.meta.url));
const QUERY = '{ country(code: "SG") { name aseanMemberSince } }';

let graph: Graph;
let chromiumBrowser: Browser;
let browser: BrowserContext;
/** Requests the page tried to send anywhere but the gateway: refused, and must stay none. */
const offHost: string[] = [];

beforeAll(async () => {
  graph = await startGraph();
  chromiumBrowser = await launchChromium();
  browser = chromiumBrowser.context;
  const gatewayHost = new URL(graph.gatewayUrl).host;
  await browser.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.host === gatewayHost || url.protocol === 'blob:' || url.protocol === 'data:')
      return route.continue();
    offHost.push(url.href);
    return route.abort('internetdisconnected');
  });
});
afterAll(async () => {
  await chromiumBrowser?.close();
  await graph?.close();
});

describe('GraphiQL in a browser', () => {
  it('loads from the gateway without the network, runs a typed query and shows the result', async () => {
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(graph.gatewayUrl);
    const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
    await editor.waitFor({ state: 'visible' });

    // Replace the welcome text with our query, typed as a person would.
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type(QUERY);
    await page.keyboard.press('Escape'); // closes any suggestion list before running
    await page.keyboard.press('Home'); // scrolls back to the start of the line for the screenshot

    await page.locator('.graphiql-execute-button').click();
    const response = page.locator('.graphiql-response');
    await expect
      .poll(() => response.innerText(), { timeout: 15_000 })
      .toMatch(/"name":\s*"Singapore"[\s\S]*"aseanMemberSince":\s*"1967-08-08"/);

    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'graphiql.png') });
    expect(offHost).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
