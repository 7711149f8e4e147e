import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { documentId, readManifest, trustedDocumentsDir } from '@cadg/gateway';
import { Role } from '@cadg/platform';
import type { BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoSeriousViolations,
  screenshots,
  startDashboardBrowser,
  type DashboardBrowser,
} from './dashboard-helpers.ts';
import { startGraph, type Graph } from './harness.ts';

/**
 * The partner dashboard in Debian's Chromium, served by the gateway from its real build: sign-in,
 * the live major-incident list over graphql-ws (and its resumption after a dropped connection),
 * both languages, axe-core on every page, and the same pages against a production gateway that
 * runs trusted documents only.
 */
const REPORT_INCIDENT = (
  await readFile(join(trustedDocumentsDir, 'dashboard', 'ReportIncident.graphql'), 'utf8')
).trim();
const LIVE = 'Live major incidents';

let chromium: DashboardBrowser;
let browser: BrowserContext;
let buildInfo: DashboardBrowser['buildInfo'];

beforeAll(async () => {
  chromium = await startDashboardBrowser();
  ({ context: browser, buildInfo } = chromium);
}, 240_000);
afterAll(async () => {
  await chromium?.browser.close();
});

/**
 * Reports a major incident through the API: a registered document, sent by its id to a production
 * gateway and as text to the embedded default (whose trusted documents are off in the harness).
 */
async function reportIncident(
  graph: Graph,
  token: string,
  title: string,
  tlp: string,
  byId = false,
): Promise<void> {
  const response = await fetch(graph.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      ...(byId ? { documentId: documentId(REPORT_INCIDENT) } : { query: REPORT_INCIDENT }),
      variables: {
        input: {
          title,
          summary: 'Exercise scenario for the dashboard test (test data).',
          category: 'RANSOMWARE',
          severity: 'SEVERE',
          tlp,
          affectedCountryCodes: ['MY'],
        },
      },
    }),
  });
  const body = (await response.json()) as { errors?: unknown };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
}

/**
 * Lets the test drop the page's websocket and hold it off: while `refusing`, every new connection
 * is closed at once (1013 Try Again Later), so the dashboard keeps retrying.
 */
function controlWebSockets(page: Page) {
  let refusing = false;
  let current: { page: WebSocketRoute; server: WebSocketRoute } | undefined;
  const opened: number[] = [];
  const ready = page.routeWebSocket(
    (url) => url.pathname === '/graphql',
    (socket) => {
      if (refusing) return void socket.close({ code: 1013, reason: 'Try again later' });
      current = { page: socket, server: socket.connectToServer() };
      opened.push(Date.now());
    },
  );
  return {
    ready,
    opened,
    async drop() {
      refusing = true;
      await current?.server.close({ code: 1001, reason: 'Test drops the connection' });
      await current?.page.close({ code: 1012, reason: 'Test drops the connection' });
    },
    allow() {
      refusing = false;
    },
  };
}

// Each test drives a real browser (axe, screenshots at two widths) on a shared two-core machine.
describe('the dashboard in the embedded default', { timeout: 90_000 }, () => {
  let graph: Graph;
  let page: Page;
  let sockets: ReturnType<typeof controlWebSockets>;
  beforeAll(async () => {
    graph = await startGraph({ dashboard: true });
    page = await browser.newPage();
    sockets = controlWebSockets(page);
    await sockets.ready;
  });
  afterAll(async () => {
    await page?.close();
    await graph?.close();
  });

  it('is built within its initial JavaScript budget and served with cache headers', async () => {
    console.log(
      `dashboard initial JavaScript: ${(buildInfo.initialJsGzipBytes / 1024).toFixed(1)} kB gzipped`,
    );
    expect(buildInfo.initialJsGzipBytes).toBeLessThanOrEqual(250 * 1024);
    const index = await fetch(new URL('/dashboard/', graph.baseUrl));
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const script = /src="(\/dashboard\/assets\/[^"]+\.js)"/.exec(await index.text())?.[1];
    const asset = await fetch(new URL(script!, graph.baseUrl));
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // The app's own routes get the app.
    expect((await fetch(new URL('/dashboard/sign-in', graph.baseUrl))).status).toBe(200);
  });

  it('signs a CERT member in and shows a major incident reported through the API within 2 s', async () => {
    await page.goto(new URL('/dashboard/sign-in', graph.baseUrl).toString());
    await page.locator('option[value="my-mycert"]').waitFor({ state: 'attached' });
    await page.getByRole('combobox', { name: 'Organization' }).selectOption('my-mycert');
    await page.getByRole('combobox', { name: 'Role' }).selectOption('MEMBER');
    await expectNoSeriousViolations(page);
    await screenshots(page, 'sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();

    const live = page.getByRole('region', { name: LIVE });
    await expect.poll(() => live.getByRole('status').innerText()).toBe('Live');
    await expect.poll(() => page.getByText(/^Signed in: .+ \(Member\)$/).count()).toBe(1);

    const title = `Dashboard live test ${randomUUID()}`;
    const admin = await graph.token('my-mycert', [Role.OrgAdmin]);
    await reportIncident(graph, admin, title, 'GREEN');
    await live.getByRole('heading', { name: title }).waitFor({ timeout: 2_000 });
    // Newest first.
    await expect.poll(() => live.getByRole('heading', { level: 3 }).first().innerText()).toBe(title);
  });

  it('shows the reconnecting indicator when the websocket drops, then the event it missed', async () => {
    const live = page.getByRole('region', { name: LIVE });
    await expect.poll(() => live.getByRole('status').innerText()).toBe('Live');

    await sockets.drop();
    await expect.poll(() => live.getByRole('status').innerText()).toBe('Reconnecting…');
    const missed = `Dashboard missed-event test ${randomUUID()}`;
    await reportIncident(graph, await graph.token('my-mycert', [Role.OrgAdmin]), missed, 'GREEN');
    const connectionsBefore = sockets.opened.length;
    sockets.allow();

    await live.getByRole('heading', { name: missed }).waitFor({ timeout: 15_000 });
    expect(sockets.opened.length).toBeGreaterThan(connectionsBefore);
    await expect.poll(() => live.getByRole('status').innerText()).toBe('Live');
    // Replayed once, not twice.
    expect(await live.getByRole('heading', { name: missed }).count()).toBe(1);
  });

  it('shows the situation page without errors for axe, at both widths, and measures time to first data', async () => {
    await page.goto(new URL('/dashboard/', graph.baseUrl).toString());
    await page.getByRole('region', { name: LIVE }).waitFor();
    // The page marks when its data is on screen; the mark's time counts from the navigation's start.
    const firstData = (await page.evaluate(
      "performance.getEntriesByName('cadg:situation-first-data')[0].startTime",
    )) as number;
    const resources = (await page.evaluate(
      "performance.getEntriesByType('resource').map((e) => `${new URL(e.name).pathname} ${Math.round(e.startTime)}-${Math.round(e.responseEnd)} ms`)",
    )) as string[];
    console.log(
      `dashboard situation page: first data on screen ${Math.round(firstData)} ms after navigation (${resources.join(', ')})`,
    );
    expect(firstData).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('img', { name: /Open incidents by severity/ }).count()).toBe(1);
    await expect.poll(() => page.getByRole('img', { name: /Open incidents by country/ }).count()).toBe(1);
    await expectNoSeriousViolations(page);
    await screenshots(page, 'situation');
  });

  it('finds an organization in the directory, with its contacts and their verification status', async () => {
    await page.getByRole('link', { name: 'Directory' }).click();
    await page.getByRole('heading', { name: 'Directory', level: 1 }).waitFor();
    await page.getByRole('searchbox', { name: 'Search' }).fill('MyCERT');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toMatch(/^\d+ organizations?$/);
    const card = page.getByRole('article', { name: /\(MyCERT\)$/ });
    const contacts = card.getByRole('table');
    await contacts.waitFor();
    // A signed-in member sees how to reach each contact, and whether it was verified.
    expect(await contacts.getByRole('link', { name: /@/ }).count()).toBeGreaterThan(0);
    expect(await contacts.getByText(/^(Verified|Stale|Unverified)$/).count()).toBeGreaterThan(0);
    await expectNoSeriousViolations(page);
    await screenshots(page, 'directory');
    await page.getByRole('link', { name: 'Situation' }).click();
  });

  it('switches to 中文, remembers it, and switches back', async () => {
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('region', { name: '实时重大事件' }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');
    await page.reload();
    await page.getByRole('heading', { name: '态势', level: 1 }).waitFor();
    await page.getByRole('region', { name: '实时重大事件' }).waitFor();
    await expectNoSeriousViolations(page);
    await screenshots(page, 'situation-zh');
    // The directory in 中文: an organization's published Chinese name beside the stored one.
    await page.locator('nav a[href$="/directory"]').click();
    await page.getByRole('searchbox').fill('CNCERT');
    await page.locator('form.directory-search button').click();
    await expect
      .poll(() =>
        page
          .getByRole('article', { name: /\(CNCERT\/CC\)$/ })
          .getByRole('heading')
          .innerText(),
      )
      .toBe(
        '国家计算机网络应急技术处理协调中心 · National Computer Network Emergency Response Technical Team/Coordination Center of China (CNCERT/CC)',
      );
    await page.getByRole('link', { name: '态势' }).click();
    await page.getByRole('region', { name: '实时重大事件' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('region', { name: LIVE }).waitFor();
  });
});

describe(
  'the dashboard against a production gateway (trusted documents enforced)',
  { timeout: 90_000 },
  () => {
    let graph: Graph;
    let page: Page;
    beforeAll(async () => {
      graph = await startGraph({
        dashboard: true,
        protection: {
          production: true,
          rateLimit: null,
          subgraphSigningSecret: randomUUID(),
          trustedDocuments: { mode: 'enforce', manifest: await readManifest() },
        },
      });
      page = await browser.newPage();
    });
    afterAll(async () => {
      await page?.close();
      await graph?.close();
    });

    it('offers no dev sign-in: the endpoint does not mint tokens', async () => {
      const response = await fetch(new URL('/dashboard/dev-token', graph.baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ organizationId: 'my-mycert', role: 'SECRETARIAT' }),
      });
      expect(response.status).toBe(405);
      expect(await response.text()).not.toContain('token');
      await page.goto(new URL('/dashboard/sign-in', graph.baseUrl).toString());
      await page.getByText('Sign-in through your identity provider').waitFor();
      expect(await page.getByRole('combobox', { name: 'Organization' }).count()).toBe(0);
    });

    it('shows anonymous visitors CLEAR major incidents live, every operation sent by id', async () => {
      const sentText: string[] = [];
      page.on('request', (request) => {
        const body = request.postData();
        if (request.url().endsWith('/graphql') && body && /"query":"[^"]/.test(body)) sentText.push(body);
      });
      await page.goto(new URL('/dashboard/', graph.baseUrl).toString());
      const live = page.getByRole('region', { name: LIVE });
      await expect.poll(() => live.getByRole('status').innerText()).toBe('Live');
      await expect.poll(() => page.getByRole('img', { name: /Open incidents by severity/ }).count()).toBe(1);

      const title = `Dashboard production test ${randomUUID()}`;
      await reportIncident(graph, await graph.token('my-mycert', [Role.OrgAdmin]), title, 'CLEAR', true);
      await live.getByRole('heading', { name: title }).waitFor({ timeout: 2_000 });
      expect(sentText).toEqual([]);
      await expectNoSeriousViolations(page);
      await screenshots(page, 'situation-production');
    });

    it('shows anonymous visitors the directory without personal details', async () => {
      await page.getByRole('link', { name: 'Directory' }).click();
      const card = page.getByRole('article', { name: /\(MyCERT\)$/ });
      await card.getByRole('table').waitFor();
      expect(await card.getByText('Members only').count()).toBeGreaterThan(0);
      expect(await card.getByRole('link', { name: /@/ }).count()).toBe(0);
      await expectNoSeriousViolations(page);
      await screenshots(page, 'directory-production');
    });
  },
);
