import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { performance } from 'node:perf_hooks';
import { DEFAULT_LIMITS, type OperationLimits } from '@cadg/gateway';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { codesIn, errorProblems, hasFieldData, leaksIn, resultProblems } from './checks.ts';
import { generateHttpCase, type HttpCase } from './http-cases.ts';
import { Random } from './random.ts';
import { mintTokens, type TokenKit } from './tokens.ts';
import { generateWsCase, type WsCase } from './ws-cases.ts';

/** A running gateway to fuzz. */
export interface FuzzTarget {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  gatewayUrl: string;
  /** Where the dev issuer keeps its key, to mint valid and hostile tokens. */
  keyDir: string;
  /** The limits the gateway was started with. @default DEFAULT_LIMITS */
  limits?: OperationLimits | undefined;
}

export interface FuzzOptions {
  seed: number;
  httpCases: number;
  wsCases: number;
  /** Requests (and websocket conversations) in flight at once. @default 8 */
  concurrency?: number | undefined;
  /** Run only these cases (`http:12`, `ws:3`), to replay failures. */
  only?: readonly string[] | undefined;
  /** Called once per failing case, as it fails. */
  onFailure?: ((failure: FuzzFailure) => void) | undefined;
}

/** A case that broke a rule, with what is needed to replay it. */
export interface FuzzFailure {
  stream: 'http' | 'ws' | 'after';
  index: number;
  kind: string;
  problems: string[];
  /** The request or conversation, abridged for reading. */
  request: string;
}

export interface FuzzReport {
  seed: number;
  httpCases: number;
  wsCases: number;
  failures: FuzzFailure[];
  /** Cases run per kind, by stream. */
  kinds: Record<string, number>;
  durationMs: number;
  /** Resident set size of this process after the run, in bytes (the gateway runs in it in tests). */
  rssBytes: number;
  heapUsedBytes: number;
}

const REQUEST_TIMEOUT_MS = 20_000;
/** How long a websocket step may wait for the server before the case fails. */
const WS_STEP_TIMEOUT_MS = 10_000;

/** The replay instructions for a failure. */
export function replayHint(seed: number, failure: FuzzFailure): string {
  return `npm run fuzz -- --seed ${seed} --only ${failure.stream}:${failure.index}`;
}

export function formatFailure(seed: number, failure: FuzzFailure): string {
  return [
    `fuzz case ${failure.stream}:${failure.index} (${failure.kind}), seed ${seed} — replay: ${replayHint(seed, failure)}`,
    ...failure.problems.map((problem) => `  - ${problem}`),
    `  request: ${failure.request}`,
  ].join('\n');
}

/**
 * Sends seeded malformed and hostile HTTP requests and websocket conversations to a running
 * gateway and checks every answer; then checks the gateway still serves HTTP, `/healthz` and
 * graphql-ws, and that no data changed (counts and record fingerprints read by a SECRETARIAT and a
 * MEMBER before and after).
 */
export async function runFuzz(target: FuzzTarget, options: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const limits = target.limits ?? DEFAULT_LIMITS;
  const tokens = await mintTokens(target.keyDir);
  const concurrency = options.concurrency ?? 8;
  // No keep-alive: a refused body (413, 411) ends its connection, and a reused one would fail the next case.
  const agent = new Agent({ keepAlive: false, maxSockets: concurrency });
  const failures: FuzzFailure[] = [];
  const kinds: Record<string, number> = {};
  const fail = (failure: FuzzFailure) => {
    failures.push(failure);
    options.onFailure?.(failure);
  };
  const selected = (stream: string, index: number) =>
    !options.only || options.only.includes(`${stream}:${index}`);

  try {
    const before = await snapshot(target.gatewayUrl, tokens);

    const httpIndexes = range(options.httpCases).filter((i) => selected('http', i));
    await pool(httpIndexes, concurrency, async (index) => {
      const rng = Random.forCase(options.seed, 'http', index);
      const fuzzCase = generateHttpCase(rng, { tokens, limits });
      kinds[`http ${fuzzCase.kind}`] = (kinds[`http ${fuzzCase.kind}`] ?? 0) + 1;
      const problems = await runHttpCase(target.gatewayUrl, fuzzCase, agent);
      if (problems.length)
        fail({ stream: 'http', index, kind: fuzzCase.kind, problems, request: describeHttp(fuzzCase) });
    });

    const wsUrl = target.gatewayUrl.replace(/^http/, 'ws');
    const wsIndexes = range(options.wsCases).filter((i) => selected('ws', i));
    await pool(wsIndexes, concurrency, async (index) => {
      const rng = Random.forCase(options.seed, 'ws', index);
      const fuzzCase = generateWsCase(rng, tokens);
      kinds[`ws ${fuzzCase.kind}`] = (kinds[`ws ${fuzzCase.kind}`] ?? 0) + 1;
      const problems = await runWsCase(wsUrl, fuzzCase);
      if (problems.length)
        fail({ stream: 'ws', index, kind: fuzzCase.kind, problems, request: describeWs(fuzzCase) });
    });

    const afterProblems = await stillServing(target.gatewayUrl, tokens);
    const after = await snapshot(target.gatewayUrl, tokens);
    if (after !== before)
      afterProblems.push(`data changed during the run:\n    before ${before}\n    after  ${after}`);
    if (afterProblems.length)
      fail({
        stream: 'after',
        index: 0,
        kind: 'after the run',
        problems: afterProblems,
        request: '(checks after the run)',
      });
  } finally {
    agent.destroy();
  }
  const memory = process.memoryUsage();
  return {
    seed: options.seed,
    httpCases: options.only ? options.only.filter((c) => c.startsWith('http:')).length : options.httpCases,
    wsCases: options.only ? options.only.filter((c) => c.startsWith('ws:')).length : options.wsCases,
    failures,
    kinds,
    durationMs: Math.round(performance.now() - started),
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
  };
}

const range = (count: number) => Array.from({ length: count }, (_, i) => i);

async function pool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

function send(url: string, fuzzCase: HttpCase, agent: Agent): Promise<HttpAnswer> {
  const target = new URL(url);
  if (fuzzCase.search !== undefined) target.search = fuzzCase.search;
  const body = fuzzCase.body === undefined ? undefined : Buffer.from(fuzzCase.body);
  const headers: Record<string, string | number> = { ...fuzzCase.headers };
  if (body && !fuzzCase.chunked) headers['content-length'] = body.byteLength;
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      { method: fuzzCase.method, headers, agent, timeout: REQUEST_TIMEOUT_MS },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
    req.on('error', reject);
    if (body && fuzzCase.chunked) {
      // Two writes without a length make node send the body chunked.
      req.write(body.subarray(0, 1));
      req.end(body.subarray(1));
    } else req.end(body);
  });
}

/** Sends one case and returns what was wrong with the answer (nothing, for a good one). */
export async function runHttpCase(url: string, fuzzCase: HttpCase, agent: Agent): Promise<string[]> {
  let answer: HttpAnswer;
  try {
    answer = await send(url, fuzzCase, agent);
  } catch (error) {
    return [`the request failed: ${error instanceof Error ? error.message : String(error)}`];
  }
  return httpProblems(fuzzCase, answer);
}

function httpProblems(fuzzCase: HttpCase, { status, headers, text }: HttpAnswer): string[] {
  const problems: string[] = [];
  const preview = abridge(text, 600);
  if (status >= 500) problems.push(`status ${status}`);
  const leaks = leaksIn(`${JSON.stringify(headers)}\n${text}`);
  if (leaks.length) problems.push(`the response shows internals (${leaks.join(', ')}): ${preview}`);
  // Content negotiation: a client that accepts no JSON type may be told 406 with nothing to parse.
  if (status === 406 && !acceptsJson(fuzzCase.headers['accept'])) return problems;
  const expect = fuzzCase.expect;
  if (expect?.status && !expect.status.includes(status))
    problems.push(`status ${status}, expected ${expect.status.join(' or ')}`);
  const contentType = String(headers['content-type'] ?? '');
  if (!/json/.test(contentType)) problems.push(`content-type is "${contentType}", not JSON: ${preview}`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    problems.push(`the body is not JSON: ${preview}`);
    return problems;
  }
  // Only a batch (a JSON array that parses as one) may be answered with a list of results.
  const results = Array.isArray(body) && isJsonArray(fuzzCase.body) ? body : [body];
  results.forEach((result, i) => {
    const where = results.length === 1 && !Array.isArray(body) ? 'response' : `response[${i}]`;
    problems.push(...resultProblems(result, where));
    if (expect?.codes) {
      const codes = codesIn(result);
      if (codes.length === 0 || codes.some((code) => !expect.codes!.includes(code)))
        problems.push(`${where} codes [${codes.join(', ')}], expected only ${expect.codes.join(' or ')}`);
    }
    if (expect?.noData && hasFieldData(result))
      problems.push(`${where} has data where none may be: ${preview}`);
    if (expect?.noErrors && (codesIn(result).length > 0 || !hasFieldData(result)))
      problems.push(`${where} is not a clean result: ${preview}`);
  });
  if (problems.length && !problems.some((p) => p.includes(preview))) problems.push(`body: ${preview}`);
  return problems;
}

/** True when an Accept header admits a JSON response (no header admits anything). */
function acceptsJson(accept: string | undefined): boolean {
  if (accept === undefined) return true;
  return accept.split(',').some((range) => {
    const [type = '', ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
    const refused = parameters.some((parameter) => /^q=0(\.0*)?$/.test(parameter));
    return (
      !refused &&
      /^(\*\/\*|application\/\*|application\/json|application\/graphql-response\+json)$/.test(type)
    );
  });
}

function isJsonArray(body: HttpCase['body']): boolean {
  if (typeof body !== 'string') return false;
  try {
    return Array.isArray(JSON.parse(body));
  } catch {
    return false;
  }
}

const abridge = (text: string, max: number) =>
  text.length <= max
    ? JSON.stringify(text)
    : `${JSON.stringify(text.slice(0, max))}… (${text.length} characters)`;

function describeHttp(fuzzCase: HttpCase): string {
  const headers = Object.fromEntries(
    Object.entries(fuzzCase.headers).map(([name, value]) => [name, abridge(value, 120)]),
  );
  const body =
    fuzzCase.body === undefined
      ? 'none'
      : typeof fuzzCase.body === 'string'
        ? abridge(fuzzCase.body, 800)
        : `${fuzzCase.body.byteLength} bytes`;
  return `${fuzzCase.method} ?${abridge(fuzzCase.search ?? '', 400)} headers ${JSON.stringify(headers)}${fuzzCase.chunked ? ' (chunked)' : ''} body ${body}`;
}

function describeWs(fuzzCase: WsCase): string {
  const steps = fuzzCase.steps.map((step) => {
    if ('send' in step) return `send ${abridge(step.send, 200)}`;
    if ('sendBinary' in step) return `binary ${step.sendBinary.byteLength} bytes`;
    if ('sendInvalidUtf8' in step) return `invalid UTF-8 text ${step.sendInvalidUtf8.byteLength} bytes`;
    return Object.keys(step)[0] ?? '?';
  });
  return `protocols ${JSON.stringify(fuzzCase.protocols ?? ['graphql-transport-ws'])}; ${steps.join('; ')}; expect ${JSON.stringify(fuzzCase.expect)}`;
}

interface Received {
  type?: unknown;
  id?: unknown;
  payload?: unknown;
}

/** Problems with one message the server sent. */
function messageProblems(raw: string): string[] {
  const leaks = leaksIn(raw);
  const problems = leaks.length
    ? [`a message shows internals (${leaks.join(', ')}): ${abridge(raw, 400)}`]
    : [];
  let message: Received;
  try {
    message = JSON.parse(raw) as Received;
  } catch {
    return [...problems, `a message is not JSON: ${abridge(raw, 200)}`];
  }
  switch (message.type) {
    case 'connection_ack':
    case 'ping':
    case 'pong':
      return problems;
    case 'complete':
      return typeof message.id === 'string' ? problems : [...problems, 'complete without an id'];
    case 'next':
      return [...problems, ...resultProblems(message.payload, `next(${String(message.id)}).payload`)];
    case 'error': {
      if (!Array.isArray(message.payload) || message.payload.length === 0)
        return [...problems, `error(${String(message.id)}).payload is not a non-empty list`];
      return [
        ...problems,
        ...message.payload.flatMap((error, i) =>
          errorProblems(error, `error(${String(message.id)}).payload[${i}]`),
        ),
      ];
    }
    default:
      return [...problems, `unexpected message: ${abridge(raw, 200)}`];
  }
}

/** Plays one websocket conversation and returns what was wrong with the server's side of it. */
export async function runWsCase(url: string, fuzzCase: WsCase): Promise<string[]> {
  const problems: string[] = [];
  const received: Received[] = [];
  const socket = new WebSocket(url, fuzzCase.protocols ?? ['graphql-transport-ws']);
  let waiter: (() => void) | undefined;
  const wake = () => waiter?.();
  socket.on('message', (data: Buffer, isBinary: boolean) => {
    const raw = data.toString('utf8');
    if (isBinary) problems.push('the server sent a binary frame');
    problems.push(...messageProblems(raw));
    try {
      received.push(JSON.parse(raw) as Received);
    } catch {
      // Reported above.
    }
    wake();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code: number, reason: Buffer) => {
      resolve({ code, reason: reason.toString() });
      wake();
    }),
  );
  socket.on('open', () => wake());
  socket.on('error', () => wake());
  let closedBy: { code: number; reason: string } | undefined;
  void closed.then((c) => (closedBy = c));

  /** Resolves true once `done()` holds, false when the socket closed or time ran out first. */
  const until = (done: () => boolean): Promise<boolean> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => finish(false), WS_STEP_TIMEOUT_MS);
      const finish = (value: boolean) => {
        clearTimeout(timer);
        waiter = undefined;
        resolve(value);
      };
      const check = () => {
        if (done()) finish(true);
        else if (socket.readyState === WebSocket.CLOSED) finish(false);
      };
      waiter = check;
      check();
    });

  const opened = await until(() => socket.readyState === WebSocket.OPEN);
  if (!opened) {
    if (socket.readyState !== WebSocket.CLOSED) socket.terminate();
    const close = await closed;
    if ('orRefusedHandshake' in fuzzCase.expect && close.code === 1006) return problems;
    return [`the websocket did not open (closed ${close.code} "${close.reason}")`];
  }

  let cut = false;
  for (const step of fuzzCase.steps) {
    if (socket.readyState !== WebSocket.OPEN) break;
    if ('send' in step) socket.send(step.send);
    else if ('sendBinary' in step) socket.send(step.sendBinary, { binary: true });
    else if ('sendInvalidUtf8' in step) socket.send(Buffer.from(step.sendInvalidUtf8), { binary: false });
    else if ('terminate' in step) {
      socket.terminate();
      cut = true;
      break;
    } else {
      const done =
        'awaitAck' in step
          ? () => received.some((m) => m.type === 'connection_ack')
          : 'awaitPong' in step
            ? () => received.some((m) => m.type === 'pong')
            : () =>
                received.some(
                  (m) => m.id === step.awaitDone && (m.type === 'complete' || m.type === 'error'),
                );
      if (!(await until(done))) {
        if (socket.readyState === WebSocket.OPEN)
          problems.push(`no answer within ${WS_STEP_TIMEOUT_MS} ms waiting for ${Object.keys(step)[0]}`);
        break;
      }
    }
  }

  const { expect } = fuzzCase;
  if ('cut' in expect || cut) {
    if (!cut) problems.push(`the server closed the socket (${closedBy?.code}) before the client cut it`);
    await closed;
    return problems;
  }
  if ('open' in expect || ('orOpen' in expect && socket.readyState === WebSocket.OPEN)) {
    if (socket.readyState !== WebSocket.OPEN) {
      const close = await closed;
      problems.push(
        `the server closed the socket with ${close.code} "${close.reason}"; expected it to stay open`,
      );
      return problems;
    }
    socket.close(1000);
    const fuse = setTimeout(() => socket.terminate(), WS_STEP_TIMEOUT_MS);
    await closed;
    clearTimeout(fuse);
    return problems;
  }
  // The server must close the socket, with one of the expected codes, within the step timeout.
  const fuse = setTimeout(() => socket.terminate(), WS_STEP_TIMEOUT_MS);
  const close = await closed;
  clearTimeout(fuse);
  if (!expect.close.includes(close.code))
    problems.push(`closed with ${close.code} "${close.reason}", expected ${expect.close.join(' or ')}`);
  const leaks = leaksIn(close.reason);
  if (leaks.length) problems.push(`the close reason shows internals (${leaks.join(', ')}): ${close.reason}`);
  return problems;
}

const COUNTS_QUERY = `{
  organizations { totalCount }
  contacts { totalCount }
  activities { totalCount }
  dataFlowPilots { totalCount edges { node { id status } } }
  positions { totalCount }
  instruments { totalCount }
  advisories { totalCount }
  incidents(first: 100) { totalCount edges { node { id status severity tlp version } } }
}`;
const MEMBER_COUNTS_QUERY = `{ incidents { totalCount } contacts(first: 100) { totalCount edges { node { id email } } } }`;

/** What the data looks like to a SECRETARIAT and a MEMBER of my-mycert, as one string to compare. */
async function snapshot(gatewayUrl: string, tokens: TokenKit): Promise<string> {
  const read = async (query: string, token: string) => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    if (body.errors) throw new Error(`The data snapshot failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  return JSON.stringify({
    secretariat: await read(COUNTS_QUERY, tokens.valid.secretariat),
    member: await read(MEMBER_COUNTS_QUERY, tokens.valid.member),
  });
}

/** After the run: a normal query over HTTP, `/healthz`, and a query over graphql-ws still work. */
async function stillServing(gatewayUrl: string, tokens: TokenKit): Promise<string[]> {
  const problems: string[] = [];
  try {
    const health = await fetch(new URL('/healthz', gatewayUrl));
    if (health.status !== 200) problems.push(`/healthz answered ${health.status}`);
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.valid.member}` },
      body: JSON.stringify({ query: '{ countries { code } }' }),
    });
    const body = (await response.json()) as { data?: { countries?: unknown[] }; errors?: unknown };
    if (!body.data?.countries?.length || body.errors)
      problems.push(`a normal query failed: ${JSON.stringify(body)}`);
  } catch (error) {
    problems.push(`the gateway does not answer HTTP: ${String(error)}`);
  }
  const client = createClient({
    url: gatewayUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${tokens.valid.member}` },
  });
  try {
    const result = await new Promise<unknown>((resolve, reject) => {
      let value: unknown;
      client.subscribe(
        { query: '{ countries { code } }' },
        { next: (v) => (value = v), error: reject, complete: () => resolve(value) },
      );
    });
    const countries = (result as { data?: { countries?: unknown[] } }).data?.countries;
    if (!countries?.length) problems.push(`a normal graphql-ws query failed: ${JSON.stringify(result)}`);
  } catch (error) {
    problems.push(`a normal graphql-ws client cannot run a query: ${JSON.stringify(error) ?? String(error)}`);
  } finally {
    await client.dispose();
  }
  return problems;
}
