import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createServiceLogger,
  createSubgraphServer,
  createTokenVerifier,
  DEFAULT_AUDIENCE,
  DEV_ISSUER,
  type SubgraphServer,
} from '../src/index.ts';

/**
 * A subgraph's request id without AsyncLocalStorage: the id travels with the request (context,
 * Apollo's hooks), so the masked answer of an unexpected error, the log line about it and the
 * context all name the request it arose in, even with requests of other ids in flight.
 */
describe('a subgraph request id', () => {
  const lines: Record<string, unknown>[] = [];
  const seen: (string | undefined)[] = [];
  let keyDir: string;
  let server: SubgraphServer<{ requestId: string | undefined }>;
  let url: string;

  beforeAll(async () => {
    keyDir = await mkdtemp(join(tmpdir(), 'cadg-request-ids-'));
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
        done();
      },
    });
    const schema = buildSubgraphSchema({
      typeDefs: parse('type Query { broken(delayMs: Int!): String }'),
      resolvers: {
        Query: {
          broken: async (_: unknown, { delayMs }: { delayMs: number }, context: unknown) => {
            seen.push((context as { requestId?: string }).requestId);
            // Both requests are in flight at once: the second fails while the first still waits.
            await new Promise((resolve) => setImmediate(resolve));
            if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
            throw new Error('relation "internal_table" does not exist');
          },
        },
      },
    });
    server = await createSubgraphServer({
      name: 'probe',
      schema,
      verifier: await createTokenVerifier({
        issuer: DEV_ISSUER,
        audience: DEFAULT_AUDIENCE,
        devKeyDir: keyDir,
      }),
      createContext: (_caller, _transport, requestId) => ({ requestId }),
      logger: createServiceLogger('probe', { level: 'info', destination }),
      metricsPort: null,
    });
    ({ url } = await server.listen(0));
  });
  afterAll(async () => {
    await server.close();
    await rm(keyDir, { recursive: true, force: true });
  });

  const ask = async (requestId: string, delayMs: number) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify({ query: `{ broken(delayMs: ${delayMs}) }` }),
    });
    return {
      header: response.headers.get('x-request-id'),
      body: (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] },
    };
  };

  it('is the one the masked answer, its log line and the context name, request by request', async () => {
    const [slow, fast] = await Promise.all([ask('req-slow', 30), ask('req-fast', 0)]);
    for (const [answer, id] of [
      [slow, 'req-slow'],
      [fast, 'req-fast'],
    ] as const) {
      expect(answer.header).toBe(id);
      expect(answer.body.errors).toEqual([
        expect.objectContaining({
          message: 'Internal server error.',
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: id },
        }),
      ]);
      const logged = lines.filter((line) => line['requestId'] === id);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ level: 'error', msg: 'unexpected error', service: 'probe' });
      expect(String(logged[0]!['error'])).toContain('internal_table');
    }
    expect(seen.sort()).toEqual(['req-fast', 'req-slow']);
    expect(JSON.stringify([slow.body, fast.body])).not.toContain('internal_table');
  });
});
