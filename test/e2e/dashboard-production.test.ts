import { randomUUID } from 'node:crypto';
import { openTestDatabase } from '@cadg/db/testing';
import { readManifest } from '@cadg/gateway';
import { createTokenVerifier } from '@cadg/platform';
import { startStack, type Stack } from '@cadg/stack';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePorts } from '../cluster/processes.ts';
import {
  expectNoSeriousViolations,
  screenshots,
  startDashboardBrowser,
  type DashboardBrowser,
} from './dashboard-helpers.ts';
import { startOidcIssuer, type OidcIssuer } from './oidc-issuer.ts';

/**
 * The built dashboard against a production gateway (trusted documents enforced, signed subgraph
 * calls, no dev sign-in) whose tokens come from a real OpenID Connect provider started here: a
 * CERT analyst signs in with the authorization code flow and PKCE, reports an incident through the
 * form and acts on it, every operation sent by its id; axe-core and screenshots on every page.
 * The access token is renewed silently (a hidden frame, `prompt=none`) before it expires, and
 * signing out ends the session at the provider (RP-initiated logout).
 */
const CLIENT_ID = 'cadg-dashboard';
const AUDIENCE = 'urn:cadg:graph';
const SCOPE = 'graph';
const ACCESS_TOKEN_TTL_SECONDS = 80;
const SESSION_KEY = 'cadg.dashboard.session';

let chromium: DashboardBrowser;
let issuer: OidcIssuer;
let stack: Stack;
let disposeDatabase: () => Promise<void>;
let base: string;
let page: Page;
/** Operations the page sent to /graphql with their text: none may be, in production. */
const sentText: string[] = [];
/** The authorization requests the dashboard sent to the provider. */
const authorizeUrls: URL[] = [];

beforeAll(async () => {
  chromium = await startDashboardBrowser();
  const [issuerPort, gatewayPort] = await freePorts(2);
  base = `http://127.0.0.1:${gatewayPort}`;
  issuer = await startOidcIssuer({
    port: issuerPort!,
    clientId: CLIENT_ID,
    redirectUri: `${base}/dashboard/sign-in/callback`,
    silentRedirectUri: `${base}/dashboard/sign-in/silent`,
    postLogoutRedirectUri: `${base}/dashboard/`,
    // Short-lived, so the dashboard renews them silently during the test (60 s before expiry).
    accessTokenTtlSeconds: ACCESS_TOKEN_TTL_SECONDS,
    audience: AUDIENCE,
    scope: SCOPE,
    accounts: { 'analyst@mycert': { org: 'my-mycert', roles: ['MEMBER'] } },
  });
  const database = await openTestDatabase();
  disposeDatabase = () => database.dispose();
  stack = await startStack({
    database: database.database,
    databases: database.subgraphDatabases,
    // The gateway and the subgraphs accept only the provider's tokens, checked against its JWKS.
    verifier: await createTokenVerifier({
      issuer: issuer.issuer,
      audience: AUDIENCE,
      jwksUrl: issuer.jwksUrl,
    }),
    logging: false,
    ports: { gateway: gatewayPort! },
    protection: {
      production: true,
      rateLimit: null,
      subgraphSigningSecret: randomUUID(),
      trustedDocuments: { mode: 'enforce', manifest: await readManifest() },
    },
    dashboard: {
      oidc: { issuer: issuer.issuer, clientId: CLIENT_ID, scope: `openid ${SCOPE}`, resource: AUDIENCE },
    },
  });
  page = await chromium.context.newPage();
  page.on('request', (request) => {
    const body = request.postData();
    if (request.url().endsWith('/graphql') && body && /"query":"[^"]/.test(body)) sentText.push(body);
    if (request.url().startsWith(`${issuer.issuer}/auth`)) authorizeUrls.push(new URL(request.url()));
  });
}, 240_000);
afterAll(async () => {
  await page?.close();
  await stack?.close();
  await disposeDatabase?.();
  await issuer?.close();
  await chromium?.browser.close();
});

const visit = (path: string) => page.goto(`${base}/dashboard${path}`);
const sessionToken = () =>
  page.evaluate(
    (key) => (JSON.parse(sessionStorage.getItem(key) ?? 'null') as { token?: string } | null)?.token ?? null,
    SESSION_KEY,
  );
let firstToken: string | null = null;

describe(
  'the dashboard against a production gateway with OpenID Connect sign-in',
  { timeout: 120_000 },
  () => {
    it('tells the app where to sign in, and mints no dev tokens', async () => {
      const config = (await (await fetch(`${base}/dashboard/config.json`)).json()) as Record<string, unknown>;
      expect(config).toEqual({
        signIn: 'oidc',
        oidc: { issuer: issuer.issuer, clientId: CLIENT_ID, scope: `openid ${SCOPE}`, resource: AUDIENCE },
      });
      const devToken = await fetch(`${base}/dashboard/dev-token`, { method: 'POST', body: '{}' });
      expect(devToken.status).toBe(405);
    });

    it('signs a CERT member in at the provider with the authorization code flow and PKCE', async () => {
      await visit('/sign-in');
      await expectNoSeriousViolations(page);
      await screenshots(page, 'sign-in-production');
      await page.getByRole('button', { name: 'Sign in with your identity provider' }).click();
      // The provider's own login page.
      await page.locator('input[name="login"]').fill('analyst@mycert');
      await page.locator('input[name="password"]').fill('any password');
      await page.getByRole('button', { name: 'Sign-in' }).click();
      await page.getByText('Signed in: Malaysia Computer Emergency Response Team (Member)').waitFor();
      const authorize = authorizeUrls[0]!;
      expect(authorize.searchParams.get('response_type')).toBe('code');
      expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
      expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(authorize.searchParams.get('resource')).toBe(AUDIENCE);
      // The tokens stay in the tab's session storage, not in the URL.
      expect(page.url()).toBe(`${base}/dashboard/`);
      firstToken = await sessionToken();
      expect(firstToken).toMatch(/^ey/);
      const live = page.getByRole('region', { name: 'Live major incidents' });
      await expect.poll(() => live.getByRole('status').innerText()).toBe('Live');
      await page
        .getByRole('region', { name: 'Assistance requests waiting for an answer' })
        .getByText('Asked of your organization')
        .waitFor();
      await expectNoSeriousViolations(page);
      await screenshots(page, 'situation-signed-in-production');
    });

    const title = `Dashboard production report ${randomUUID()}`;
    it('reports an incident through the form (a refusal at its field first) and acts on it', async () => {
      await page.getByRole('link', { name: 'Report an incident' }).click();
      await page.getByLabel('Title', { exact: true }).fill(title);
      await page.getByLabel('Summary', { exact: true }).fill('DDoS against a national portal (test data).');
      await page.getByLabel('Category').selectOption('DDOS');
      await page.getByLabel('Severity', { exact: true }).selectOption('HIGH');
      await page.getByLabel('TLP marking').selectOption('GREEN');
      await page.getByLabel(/^Indicators/).fill('not a valid indicator!');
      await page.getByRole('listbox', { name: 'Affected countries' }).selectOption(['MY']);
      await page.getByRole('button', { name: 'Report incident' }).click();
      const indicators = page.getByLabel(/^Indicators/);
      await expect.poll(() => indicators.getAttribute('aria-invalid')).toBe('true');
      await expectNoSeriousViolations(page);
      await screenshots(page, 'report-form-production');
      await indicators.fill('portal-ddos.example.invalid');
      await page.getByRole('button', { name: 'Report incident' }).click();
      await page.getByRole('heading', { name: title, level: 1 }).waitFor();
      const banner = page.getByRole('complementary', { name: 'Traffic Light Protocol' });
      expect(await banner.innerText()).toMatch(
        /^TLP:GREEN\s+Limited disclosure, recipients can spread this within their community\.$/,
      );

      const update = page.getByRole('form', { name: 'Post an update' });
      await update.getByLabel('Update').fill('Traffic scrubbing enabled upstream.');
      await update.getByRole('button', { name: 'Post update' }).click();
      await page
        .getByRole('region', { name: 'Timeline' })
        .getByText('Traffic scrubbing enabled upstream.')
        .waitFor();
      const status = page.getByRole('form', { name: 'Change status' });
      await status.getByLabel('New status').selectOption('TRIAGED');
      await status.getByRole('button', { name: 'Change status' }).click();
      await page.getByRole('region', { name: 'Timeline' }).getByText('Status Reported → Triaged').waitFor();
      await expectNoSeriousViolations(page);
      await screenshots(page, 'incident-production');
      // It is a major incident: the situation page lists it.
      await page.getByRole('link', { name: 'Situation' }).click();
      await page
        .getByRole('region', { name: 'Live major incidents' })
        .getByRole('link', { name: title })
        .waitFor();
    });

    it('shows every other page without serious accessibility violations', async () => {
      for (const [link, heading, name] of [
        ['Directory', 'Directory', 'directory-signed-in-production'],
        ['AI policy', 'AI policy', 'ai-policy-production'],
        ['Data flows', 'Data flows', 'data-flows-production'],
      ] as const) {
        await page.getByRole('link', { name: link, exact: true }).click();
        await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
        await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
        await expectNoSeriousViolations(page);
        await screenshots(page, name);
      }
      await page
        .getByRole('region', { name: 'Transfer-requirements checker' })
        .getByRole('button', { name: 'Check requirements' })
        .click();
      await page.getByRole('article', { name: 'What applies to this transfer' }).waitFor();
    });

    it('renews the access token silently before it expires, and the gateway accepts the new one', async () => {
      // The renewal is due 60 s before expiry: within the first token's lifetime.
      await expect
        .poll(sessionToken, { timeout: ACCESS_TOKEN_TTL_SECONDS * 1000, interval: 500 })
        .not.toBe(firstToken);
      expect(await sessionToken()).toMatch(/^ey/);
      const silent = authorizeUrls.filter((url) => url.searchParams.get('prompt') === 'none');
      expect(silent.length).toBeGreaterThan(0);
      expect(silent[0]!.searchParams.get('redirect_uri')).toBe(`${base}/dashboard/sign-in/silent`);
      // Still signed in, and the graph answers with the renewed token (no UNAUTHENTICATED).
      await page.getByRole('link', { name: 'Situation' }).click();
      await page.getByText('Signed in: Malaysia Computer Emergency Response Team (Member)').waitFor();
      // `assistanceRequests` answered (a list, or the sentence saying none is waiting), no error.
      const waiting = page.getByRole('region', { name: 'Assistance requests waiting for an answer' });
      await waiting
        .getByRole('list')
        .or(waiting.getByText('No assistance request is waiting for an answer.'))
        .first()
        .waitFor();
      expect(await page.getByRole('alert').count()).toBe(0);
    });

    it('signs out at the provider too, so signing in again asks for the password', async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      // The provider's end-session confirmation, then back to the dashboard, anonymous.
      await page.getByRole('button', { name: /Yes, sign me out/i }).click();
      await page.getByText('Not signed in').waitFor();
      expect(page.url()).toBe(`${base}/dashboard/`);
      expect(await sessionToken()).toBeNull();
      await visit('/sign-in');
      await page.getByRole('button', { name: 'Sign in with your identity provider' }).click();
      await page.locator('input[name="login"]').waitFor();
      expect(new URL(page.url()).origin).toBe(issuer.issuer);
    });

    it('sent every operation by its id, none as text', () => {
      expect(sentText).toEqual([]);
    });
  },
);
