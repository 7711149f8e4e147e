/**
 * Every code block in README.md and docs/*.md is exercised: GraphQL blocks are validated against the
 * published API schema and run through the gateway (queries and mutations with a member's token,
 * subscriptions from a cursor so they deliver at once); shell blocks that talk to the gateway are run
 * as written, against this test's graph; the TypeScript client snippet runs; blocks that start
 * long-running services are exercised by CI itself (`npm ci`, `npm test`) and are listed here by hand,
 * so a new block cannot slip through unexercised.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildSchema, Kind, parse, validate, type OperationDefinitionNode } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSchemaFile, protectionFromEnv, repoRoot } from '@cadg/gateway';
import { Role } from '@cadg/platform';
import { startGraph, type Graph } from './harness.ts';

const run = promisify(execFile);

interface Block {
  file: string;
  lang: string;
  code: string;
}

// Markdown only: docs/ also holds images (the README's dashboard screenshot).
const documents = [
  'README.md',
  ...readdirSync(join(repoRoot, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
const blocks: Block[] = documents.flatMap((file) =>
  [...readFileSync(join(repoRoot, file), 'utf8').matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((match) => ({
    file,
    lang: match[1]!,
    code: match[2]!,
  })),
);
const graphqlBlocks = blocks.filter((block) => block.lang === 'graphql');
const shellBlocks = blocks.filter((block) => block.lang === 'sh');

/** Shell blocks that talk to a running gateway on :4000, as a reader pastes them. */
const talksToGateway = (block: Block) => block.code.includes('localhost:4000');

/**
 * Blocks that start services or install: CI runs `npm ci` and `npm test` (which starts every service
 * these commands start), so they are exercised there. Named by their first line.
 */
const STARTS_SERVICES = [
  'npm ci && npm start     # install, then run the whole graph on :4000 with seeded data',
  'export SUBGRAPH_SIGNING_SECRET=$(openssl rand -base64 32) GATEWAY_MODE=production',
  'npm start   # in another terminal',
  'DATABASE_URL=postgres://postgres@127.0.0.1:5432/cadg npm run start:cluster',
  // The alerts try-out: `npm run try:alerts` itself is run against a test graph by try-alerts.test.ts.
  'SMTP_URL=smtp://127.0.0.1:2525 npm start   # terminal 1',
];

async function post(url: string, token: string, query: string, operationName: string | undefined) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, operationName }),
  });
  return (await response.json()) as { data?: unknown; errors?: unknown };
}

const operationsOf = (code: string) =>
  parse(code).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);

describe('the code blocks in README.md and docs/', () => {
  let graph: Graph;
  let token: string;
  beforeAll(async () => {
    // Protected as `npm start` is (the docs describe it), without the rate limit this test would meet.
    graph = await startGraph({ protection: { ...(await protectionFromEnv({})), rateLimit: null } });
    token = await graph.token('my-mycert', [Role.OrgAdmin, Role.Member]);
  });
  afterAll(() => graph?.close());

  it('are all of a kind this test exercises', () => {
    expect(graphqlBlocks.length).toBeGreaterThanOrEqual(6);
    const unexercised = shellBlocks
      .filter((block) => !talksToGateway(block))
      .map((block) => block.code.split('\n')[0]);
    expect(unexercised.sort()).toEqual([...STARTS_SERVICES].sort());
    expect(new Set(blocks.map((block) => block.lang))).toEqual(new Set(['sh', 'graphql', 'ts']));
  });

  it('hold GraphQL that is valid against the published API schema', async () => {
    const schema = buildSchema(readFileSync(apiSchemaFile, 'utf8'));
    for (const block of graphqlBlocks) {
      expect(validate(schema, parse(block.code)), `${block.file}: ${block.code.split('\n')[0]}`).toEqual([]);
    }
  });

  it('run their queries, mutations and subscriptions through the gateway without errors', async () => {
    const before = await graph.query<{ incidentEventCursor: string | null }>(
      '{ incidentEventCursor }',
      {},
      token,
    );
    const subscriptions: { block: Block; operation: OperationDefinitionNode }[] = [];
    for (const block of graphqlBlocks) {
      for (const operation of operationsOf(block.code)) {
        if (operation.operation === 'subscription') {
          subscriptions.push({ block, operation });
          continue;
        }
        const answer = await post(graph.gatewayUrl, token, block.code, operation.name?.value);
        expect(
          answer.errors,
          `${block.file}: ${operation.name?.value ?? 'anonymous operation'}`,
        ).toBeUndefined();
        expect(answer.data).toBeTruthy();
      }
    }
    // The mutations above reported a HIGH incident affecting MY and SG: each subscription, resumed
    // from the cursor read before them, delivers it at once.
    for (const { block } of subscriptions) {
      const client = createClient({
        url: graph.wsUrl,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: { authorization: `Bearer ${token}` },
      });
      const first = await new Promise<unknown>((resolve, reject) => {
        const stop = client.subscribe(
          { query: block.code, variables: { after: before.data?.incidentEventCursor ?? null } },
          {
            next: (result) => {
              stop();
              resolve(result);
            },
            error: reject,
            complete: () => reject(new Error('completed without an event')),
          },
        );
      }).finally(() => client.dispose());
      expect(first, block.file).toMatchObject({ data: expect.any(Object) });
      expect((first as { errors?: unknown }).errors, block.file).toBeUndefined();
    }
  });

  it('run their shell commands against the gateway as written', async () => {
    const port = new URL(graph.gatewayUrl).port;
    for (const file of documents) {
      const script = shellBlocks
        .filter((block) => block.file === file && talksToGateway(block))
        .map((block) => block.code)
        .join('\n');
      if (!script) continue;
      // One shell per page, as a reader runs its blocks in one terminal (later ones use $TOKEN).
      // curl prints no newline after a body; the wrapper adds one, so answers can be told apart.
      const wrapped = `curl() { command curl "$@"; echo; }\n${script.replaceAll('localhost:4000', `127.0.0.1:${port}`)}`;
      const { stdout } = await run('sh', ['-ec', wrapped], {
        cwd: repoRoot,
        env: { ...process.env, DATA_DIR: graph.keyDir },
      });
      const answers = stdout
        .trim()
        .split('\n')
        .map((text) => JSON.parse(text) as { errors?: unknown });
      expect(answers.length, file).toBeGreaterThan(0);
      for (const answer of answers)
        expect(answer.errors, `${file}: ${JSON.stringify(answer)}`).toBeUndefined();
    }
  }, 60_000);

  it('run the TypeScript client snippet against the gateway', async () => {
    const snippets = blocks.filter((block) => block.lang === 'ts');
    expect(snippets.length).toBeGreaterThan(0);
    const dir = await mkdtemp(join(repoRoot, 'test', '.docs-snippet-'));
    try {
      for (const snippet of snippets) {
        const file = join(dir, 'snippet.ts');
        await writeFile(
          file,
          [
            `const token = ${JSON.stringify(token)};`,
            snippet.code.replace('ws://localhost:4000/graphql', graph.wsUrl),
            // What a reader does next with the client: one operation, printed.
            `for await (const result of client.iterate({ query: '{ countries { code } }' })) {`,
            `  console.log(JSON.stringify(result));`,
            `  break;`,
            `}`,
            `await client.dispose();`,
          ].join('\n'),
        );
        const { stdout } = await run(process.execPath, ['--import', 'tsx', file], {
          cwd: join(repoRoot, 'test'),
        });
        const result = JSON.parse(stdout) as { data?: { countries: unknown[] }; errors?: unknown };
        expect(result.errors).toBeUndefined();
        expect(result.data?.countries.length).toBeGreaterThan(0);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
