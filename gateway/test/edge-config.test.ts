import { describe, expect, it } from 'vitest';
import { DEFAULT_WEBSOCKET_CAPS, protectionFromEnv } from '../src/index.ts';

const PRODUCTION = {
  GATEWAY_MODE: 'production',
  SUBGRAPH_SIGNING_SECRET: 'config-test-secret-of-32-characters!',
};

describe('the edge settings from the environment', () => {
  it('allow any origin, serve /metrics on the public port and trust no proxy in the embedded default', async () => {
    const protection = await protectionFromEnv({});
    expect(protection).toMatchObject({
      corsOrigins: '*',
      metricsPort: null,
      trustProxy: [],
      webSocketCaps: {
        maxConnectionsPerAddress: 50,
        maxConnectionsPerSubject: 500,
        maxSubscriptionsPerConnection: 100,
      },
    });
    expect(protection.publicUrl).toBeUndefined();
    expect(protection.webSocketCaps).toEqual(DEFAULT_WEBSOCKET_CAPS);
  });

  it('allow no origin and move /metrics to port 9464 in production', async () => {
    expect(await protectionFromEnv(PRODUCTION)).toMatchObject({ corsOrigins: [], metricsPort: 9464 });
  });

  it('read CORS_ORIGINS, PUBLIC_URL, TRUST_PROXY, WS_MAX_* and METRICS_PORT', async () => {
    const protection = await protectionFromEnv({
      ...PRODUCTION,
      CORS_ORIGINS: 'https://dashboard.example.org, http://localhost:5173',
      PUBLIC_URL: 'https://graph.example.org/cadg/',
      TRUST_PROXY: '10.0.0.0/8, 127.0.0.1, fd00::/8',
      WS_MAX_CONNECTIONS_PER_ADDRESS: '5',
      WS_MAX_CONNECTIONS_PER_SUBJECT: '20',
      WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: '7',
      METRICS_PORT: '9100',
    });
    expect(protection).toMatchObject({
      corsOrigins: ['https://dashboard.example.org', 'http://localhost:5173'],
      publicUrl: 'https://graph.example.org/cadg',
      trustProxy: ['10.0.0.0/8', '127.0.0.1', 'fd00::/8'],
      webSocketCaps: {
        maxConnectionsPerAddress: 5,
        maxConnectionsPerSubject: 20,
        maxSubscriptionsPerConnection: 7,
      },
      metricsPort: 9100,
    });
  });

  it.each([
    [{ CORS_ORIGINS: 'null' }, /null/],
    [{ CORS_ORIGINS: 'https://dashboard.example.org/path' }, /CORS_ORIGINS/],
    [{ CORS_ORIGINS: '*.example.org' }, /CORS_ORIGINS/],
    [{ PUBLIC_URL: 'graph.example.org' }, /PUBLIC_URL/],
    [{ PUBLIC_URL: 'https://graph.example.org/?x=1' }, /PUBLIC_URL/],
    [{ TRUST_PROXY: '10.0.0.0/33' }, /TRUST_PROXY/],
    [{ TRUST_PROXY: 'ingress.local' }, /TRUST_PROXY/],
    [{ WS_MAX_CONNECTIONS_PER_ADDRESS: '0' }, /WS_MAX_CONNECTIONS_PER_ADDRESS/],
    [{ METRICS_PORT: '70000' }, /METRICS_PORT/],
  ])('refuse %o at start', async (env, message) => {
    await expect(protectionFromEnv(env)).rejects.toThrow(message);
  });
});
