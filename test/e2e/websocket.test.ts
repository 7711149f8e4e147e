import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Role } from '@cadg/platform';
import { startGraph, type Graph } from './harness.ts';

let graph: Graph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(() => graph?.close());

function client(authorization?: string, key = 'authorization'): Client {
  return createClient({
    url: graph.wsUrl,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: authorization ? { [key]: authorization } : {},
  });
}

function once<T>(
  c: Client,
  query: string,
): Promise<{ data?: T; errors?: { extensions?: Record<string, unknown> }[] }> {
  return new Promise((resolve, reject) => {
    let result: { data?: T } | undefined;
    c.subscribe<T>(
      { query },
      {
        next: (value) => {
          result = value as { data?: T };
        },
        error: (error) => {
          // graphql-ws reports GraphQL errors as an array and a closed socket as its CloseEvent.
          if (Array.isArray(error)) resolve({ errors: error as { extensions?: Record<string, unknown> }[] });
          else reject(error as Error);
        },
        complete: () => resolve(result ?? {}),
      },
    );
  });
}

describe('graphql-ws on the gateway', () => {
  it.each([
    [
      'answers queries over graphql-ws on the same path, with the token from connectionParams',
      'authorization',
    ],
    ['takes the token under `Authorization` too, and forwards it to the subgraphs', 'Authorization'],
  ])('%s', async (_title, key) => {
    const token = await graph.token('my-mycert', [Role.Member]);
    const c = client(`Bearer ${token}`, key);
    try {
      const result = await once<{ contacts: { edges: { node: { email: string | null } }[] } }>(
        c,
        `{ contacts(first: 2) { edges { node { email } } } }`,
      );
      expect(result.errors).toBeUndefined();
      for (const { node } of result.data!.contacts.edges) expect(node.email).toMatch(/\.example$/);
    } finally {
      await c.dispose();
    }
  });

  it('serves anonymous callers without personal details', async () => {
    const c = client();
    try {
      const result = await once<{ contacts: { edges: { node: { email: string | null } }[] } }>(
        c,
        `{ contacts(first: 2) { edges { node { email } } } }`,
      );
      for (const { node } of result.data!.contacts.edges) expect(node.email).toBeNull();
    } finally {
      await c.dispose();
    }
  });

  it('refuses a forged token instead of downgrading the connection to anonymous', async () => {
    const token = await graph.token('my-mycert', [Role.Member]);
    const c = client(`Bearer ${token}tampered`);
    try {
      const closed = await once(c, `{ countries { code } }`).then(
        () => null,
        (error: unknown) => error as { code?: number; reason?: string },
      );
      expect(closed?.code).toBe(4403);
    } finally {
      await c.dispose();
    }
  });
});
