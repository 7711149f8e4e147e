import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSubgraphServer,
  createTokenVerifier,
  DEFAULT_AUDIENCE,
  DEV_ISSUER,
  listen,
  type SubgraphServer,
} from '../src/index.ts';

/**
 * What a subgraph's HTTP port answers besides data. A subgraph sets a single result's content type from a memo of `accept` headers instead of
 * letting Apollo Server parse the header for every response. What it answers must be what Apollo
 * Server alone answers: here a stock Apollo Server on the same schema, over plain node:http, gets
 * the same requests, and status and content type are compared header by header.
 */
describe("a subgraph's HTTP answers", () => {
  const schema = buildSubgraphSchema({
    typeDefs: parse('type Query { hello: String } type Subscription { ticks: Int }'),
    resolvers: {
      Query: { hello: () => 'world' },
      Subscription: { ticks: { subscribe: () => (async function* () {})() } },
    },
  });
  let keyDir: string;
  let ours: SubgraphServer<object>;
  let stock: ApolloServer;
  let stockServer: Server;
  const urls = { ours: '', stock: '' };

  beforeAll(async () => {
    keyDir = await mkdtemp(join(tmpdir(), 'cadg-content-type-'));
    ours = await createSubgraphServer({
      name: 'probe',
      schema,
      verifier: await createTokenVerifier({
        issuer: DEV_ISSUER,
        audience: DEFAULT_AUDIENCE,
        devKeyDir: keyDir,
      }),
      createContext: () => ({}),
      metricsPort: null,
    });
    urls.ours = (await ours.listen(0)).url;
    stock = new ApolloServer({ schema });
    await stock.start();
    stockServer = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const headers = new HeaderMap();
        for (const [key, value] of Object.entries(req.headers))
          if (typeof value === 'string') headers.set(key, value);
        stock
          .executeHTTPGraphQLRequest({
            httpGraphQLRequest: {
              method: req.method ?? 'POST',
              headers,
              search: '',
              body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown,
            },
            context: async () => ({}),
          })
          .then(
            (response) => {
              res.statusCode = response.status ?? 200;
              for (const [key, value] of response.headers) res.setHeader(key, value);
              res.end(response.body.kind === 'complete' ? response.body.string : '');
            },
            (error: unknown) => res.destroy(error as Error),
          );
      });
    });
    urls.stock = (await listen(stockServer, 0, '127.0.0.1')).url;
  });
  afterAll(async () => {
    await ours?.close();
    await new Promise((resolve) => stockServer?.close(resolve));
    await stock?.stop();
    await rm(keyDir, { recursive: true, force: true });
  });

  const answer = async (url: string, accept: string | undefined, query = '{ hello }') => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (accept !== undefined) headers['accept'] = accept;
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query }),
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: await response.text(),
    };
  };

  it.each([
    undefined,
    '',
    'application/json',
    'application/graphql-response+json, application/json;q=0.9',
    'application/graphql-response+json;charset=utf-8, application/json;charset=utf-8;q=0.9',
    'application/json;q=0.5, application/graphql-response+json',
    '*/*',
    'text/html',
    'multipart/mixed;deferSpec=20220824, application/json',
  ])('have the content type Apollo Server gives for accept %j', async (accept) => {
    // Twice: the second answer comes from the memo.
    for (let round = 0; round < 2; round += 1) {
      const [fromOurs, fromStock] = await Promise.all([
        answer(urls.ours, accept),
        answer(urls.stock, accept),
      ]);
      expect({ status: fromOurs.status, type: fromOurs.type }).toEqual({
        status: fromStock.status,
        type: fromStock.type,
      });
      if (fromStock.status === 200) expect(JSON.parse(fromOurs.body)).toEqual({ data: { hello: 'world' } });
    }
  });

  it("refuses a subscription over HTTP as the caller's mistake, saying where to send it", async () => {
    const refused = await answer(urls.ours, 'application/json', 'subscription { ticks }');
    expect(refused.status).toBe(400);
    expect(refused.type).toBe('application/json; charset=utf-8');
    expect(JSON.parse(refused.body)).toMatchObject({
      errors: [{ message: expect.stringMatching(/graphql-ws/), extensions: { code: 'BAD_REQUEST' } }],
    });
  });
});
