/**
 * `npm run bench:documents [-- --count 1200]`
 *
 * How much memory distinct GraphQL documents leave behind in the gateway. The runtime caches
 * parsed documents and parse errors by their text (1,024 of each), so a caller who sends many
 * different large documents fills those caches; `maxDocumentBytes` bounds what one entry can be.
 * The whole graph runs in this process on an in-memory PGlite; each phase sends `count` distinct
 * documents of one kind, then forces a garbage collection and prints heap and resident memory.
 */
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DEFAULT_LIMITS } from '@cadg/gateway';
import { startStandaloneGraph } from '@cadg/stack';

const { values } = parseArgs({ options: { count: { type: 'string', default: '1200' } } });
const count = Number(values.count);
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const limit = DEFAULT_LIMITS.maxDocumentBytes;
// Each document differs from the others by its first comment; sizes relative to the limit.
const PHASES = [
  { name: 'over the limit, 200 kB, comment-padded', body: (i: number) => padded(i, 200_000, 'comment') },
  { name: 'just under the limit, too many tokens', body: (i: number) => padded(i, limit - 64, 'tokens') },
  {
    name: '2,500 tokens, then a syntax error',
    body: (i: number) => `# ${i}\n{ countries { code${' code'.repeat(2_500)} ) } }`,
  },
  {
    name: 'just under the limit, valid (comment-padded)',
    body: (i: number) => padded(i, limit - 64, 'comment'),
  },
  { name: 'small and valid', body: (i: number) => padded(i, 0, 'comment') },
];

function padded(i: number, bytes: number, kind: 'comment' | 'tokens'): string {
  const head = `# ${i}\n`;
  const query = '{ countries { code } }';
  const room = bytes - head.length - query.length;
  if (room <= 0) return head + query;
  return kind === 'comment'
    ? `${head}${query}\n# ${'c'.repeat(room - 3)}`
    : `${head}{ countries { code${' code'.repeat(Math.floor(room / 5) - 1)} } }`;
}

const mib = (n: number) => `${Math.round(n / 1_048_576)} MiB`;
function reading() {
  gc();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}

const graph = await startStandaloneGraph({ protection: { rateLimit: null } });
try {
  const start = reading();
  console.log(`maxDocumentBytes ${limit}; ${count} distinct documents per phase\n`);
  console.log(`| phase | answered | heap | RSS |\n| --- | --- | --- | --- |`);
  console.log(`| start | | ${mib(start.heapUsed)} | ${mib(start.rss)} |`);
  for (const phase of PHASES) {
    const outcomes = new Map<string, number>();
    for (let i = 0; i < count; i++) {
      const response = await fetch(graph.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: phase.body(i) }),
      });
      const body = (await response.json()) as {
        errors?: { extensions?: { code?: string; limit?: string } }[];
      };
      const refusal = body.errors?.[0]?.extensions;
      const outcome = body.errors ? `refused (${refusal?.limit ?? refusal?.code ?? 'error'})` : 'ok';
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    const after = reading();
    const answered = [...outcomes].map(([outcome, n]) => `${n} ${outcome}`).join(', ');
    console.log(`| ${phase.name} | ${answered} | ${mib(after.heapUsed)} | ${mib(after.rss)} |`);
  }
} finally {
  await graph.close();
}
