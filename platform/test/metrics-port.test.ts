import { createServer } from 'node:net';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { Counter } from 'prom-client';
import { createRegistry, DEFAULT_METRICS_PORT, listenForMetrics, metricsPortFromEnv } from '../src/index.ts';

/** A port that was free a moment ago (the servers under test cannot use 0 when they must share). */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

function registryWithRequests(service: string, requests: number) {
  const registry = createRegistry(service);
  new Counter({ name: 'graphql_operations_total', help: 'Operations.', registers: [registry] }).inc(requests);
  return registry;
}

describe('METRICS_PORT', () => {
  it('is 9464 in production and the service port elsewhere, unless set', () => {
    expect(metricsPortFromEnv({}, true)).toBe(DEFAULT_METRICS_PORT);
    expect(DEFAULT_METRICS_PORT).toBe(9464);
    expect(metricsPortFromEnv({}, false)).toBeNull();
    expect(metricsPortFromEnv({ METRICS_PORT: '9100' }, false)).toBe(9100);
    expect(metricsPortFromEnv({ METRICS_PORT: '9100' }, true)).toBe(9100);
    expect(() => metricsPortFromEnv({ METRICS_PORT: 'public' }, true)).toThrow(/METRICS_PORT/);
  });
});

describe('a metrics server', () => {
  it('answers only /metrics, on its own port', async () => {
    const server = await listenForMetrics(registryWithRequests('gateway', 3), 0, '127.0.0.1');
    try {
      const scraped = await fetch(server.url);
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toMatch(/^graphql_operations_total\{service="gateway"\} 3$/m);
      expect((await fetch(new URL('/graphql', server.url))).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('shared by services of one process, answers for all of them with one HELP and TYPE per metric', async () => {
    const port = await freePort();
    const gateway = await listenForMetrics(registryWithRequests('gateway', 2), port, '127.0.0.1');
    const contacts = await listenForMetrics(registryWithRequests('contacts', 5), port, '127.0.0.1');
    try {
      expect(contacts.url).toBe(gateway.url);
      const body = await (await fetch(gateway.url)).text();
      expect(body).toMatch(/^graphql_operations_total\{service="gateway"\} 2$/m);
      expect(body).toMatch(/^graphql_operations_total\{service="contacts"\} 5$/m);
      expect(body.match(/^# TYPE graphql_operations_total /gm)).toHaveLength(1);
      expect(body.match(/^# HELP process_cpu_seconds_total /gm)).toHaveLength(1);
      expect(body).toMatch(/^process_cpu_seconds_total\{service="contacts"\} /m);

      await gateway.close();
      const afterOneLeft = await (await fetch(contacts.url)).text();
      expect(afterOneLeft).not.toContain('service="gateway"');
      expect(afterOneLeft).toMatch(/^graphql_operations_total\{service="contacts"\} 5$/m);
    } finally {
      await gateway.close();
      await contacts.close();
    }
    // The last one out closes the server.
    await expect(fetch(contacts.url)).rejects.toThrow();
  });
});
