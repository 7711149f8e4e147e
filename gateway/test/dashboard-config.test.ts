import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createDashboardHandler,
  dashboardOidcFromEnv,
  type DashboardOptions,
} from '../src/dashboard-assets.ts';

/** What `/dashboard/config.json` tells the app about signing in, over a real HTTP server. */
let server: Server | undefined;
afterEach(async () => {
  if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
  server = undefined;
});

async function configWith(options: DashboardOptions): Promise<unknown> {
  const handler = createDashboardHandler(options);
  server = createServer((req, res) => {
    if (!handler(req, res, new URL(req.url ?? '/', 'http://x').pathname)) res.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const response = await fetch(`http://127.0.0.1:${port}/dashboard/config.json`);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return response.json();
}

describe('the dashboard sign-in configuration', () => {
  it('reads the OpenID Connect client from the environment, defaulting the issuer to AUTH_ISSUER', () => {
    expect(dashboardOidcFromEnv({})).toBeUndefined();
    expect(
      dashboardOidcFromEnv({ DASHBOARD_OIDC_CLIENT_ID: 'dash', AUTH_ISSUER: 'https://id.example.org' }),
    ).toEqual({ issuer: 'https://id.example.org', clientId: 'dash', scope: undefined, resource: undefined });
    expect(
      dashboardOidcFromEnv({
        DASHBOARD_OIDC_CLIENT_ID: 'dash',
        AUTH_ISSUER: 'https://id.example.org',
        DASHBOARD_OIDC_ISSUER: 'https://login.example.org',
        DASHBOARD_OIDC_SCOPE: 'openid graph',
        DASHBOARD_OIDC_RESOURCE: 'urn:cadg:graph',
      }),
    ).toEqual({
      issuer: 'https://login.example.org',
      clientId: 'dash',
      scope: 'openid graph',
      resource: 'urn:cadg:graph',
    });
    expect(() => dashboardOidcFromEnv({ DASHBOARD_OIDC_CLIENT_ID: 'dash' })).toThrow(/AUTH_ISSUER/);
  });

  it('tells the app to use the provider, or the dev sign-in, which wins in the embedded default', async () => {
    const oidc = dashboardOidcFromEnv({
      DASHBOARD_OIDC_CLIENT_ID: 'dash',
      AUTH_ISSUER: 'https://id.example.org',
    });
    expect(await configWith({ oidc })).toEqual({
      signIn: 'oidc',
      oidc: { issuer: 'https://id.example.org', clientId: 'dash', scope: 'openid' },
    });
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    expect(await configWith({ oidc, devKeyDir: '/nonexistent' })).toEqual({ signIn: 'dev' });
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    expect(await configWith({})).toEqual({ signIn: 'none' });
  });
});
