import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { performance } from 'node:perf_hooks';
import { DEFAULT_LIMITS, type OperationLimits } from '@cadg/gateway';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import {
  codesIn,
  errorProblems,
  hasFieldData,
  leaksIn,
  privateSchemaProblems,
  resultProblems,
} from './checks.ts';
import { generateHttpCase, type HttpCase } from './http-cases.ts';
import { Random } from './random.ts';
import { mintTokens, type TokenKit } from './tokens.ts';
import { vocabularyOf, type Vocabulary } from './vocabulary.ts';
import { generateWsCase, servesWebSocket, type WsCase } from './ws-cases.ts';

export { FUZZ_TARGETS } from './vocabulary.ts';

/** A running port to fuzz: the gateway, or one subgraph's own port. */
export interface FuzzTarget {
  /** `gateway`, or the subgraph's name (see FUZZ_TARGETS): picks the schema cases are made from. */
  name: string;
  /** The GraphQL endpoint fuzzed, e.g. `http://127.0.0.1:4001/graphql`. */
  url: string;
  /** The gateway's GraphQL endpoint, through which the data is read before and after the run. */
  gatewayUrl: string;
  /** Where the dev issuer keeps its key, to mint valid and hostile tokens. */
  keyDir: string;
  /** The limits the target enforces (the same on the gateway and subgraph ports). @default DEFAULT_LIMITS */
  limits?: OperationLimits | undefined;
}

/** A running graph, as `startStandaloneGraph` and the e2e harness give it. */
export interface FuzzableGraph {
  gatewayUrl: string;
  subgraphUrls: Readonly<Record<string, string>>;
  keyDir: string;
}

/** The target `name` (`gateway` or a subgraph's name) of a running graph. */
export function fuzzTarget(graph: FuzzableGraph, name: string, limits?: OperationLimits): FuzzTarget {
  const url = name === 'gateway' ? graph.gatewayUrl : graph.subgraphUrls[name];
  if (!url) throw new Error(`The graph has no port for "${name}".`);
  return { name, url, gatewayUrl: graph.gatewayUrl, keyDir: graph.keyDir, limits };
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
  /** The target's name. */
  target: string;
  stream: 'http' | 'ws' | 'after';
  index: number;
  kind: string;
  problems: string[];
  /** The request or conversation, abridged for reading. */
  request: string;
}

/** This process's memory at one point of a run (the graph runs in it under `npm run fuzz` and in tests). */
export interface MemorySample {
  /** Cases finished when it was taken. */
  cases: number;
  rssBytes: number;
  heapUsedBytes: number;
  /** Whether a full garbage collection ran first (only with `node --expose-gc`). */
  afterGc: boolean;
}

export interface FuzzReport {
  target: string;
  seed: number;
  httpCases: number;
  wsCases: number;
  failures: FuzzFailure[];
  /** Cases run per kind, by stream. */
  kinds: Record<string, number>;
  durationMs: number;
  /** Before the first case, after every tenth of the cases, and after the checks that end the run. */
  memory: MemorySample[];
}

const REQUEST_TIMEOUT_MS = 20_000;
/** How long a websocket step may wait for the server before the case fails. */
const WS_STEP_TIMEOUT_MS = 10_000;

/** The replay instructions for a failure. */
export function replayHint(seed: number, failure: FuzzFailure): string {
  return `npm run fuzz -- --target ${failure.target} --seed ${seed} --only ${failure.stream}:${failure.index}`;
}

export function formatFailure(seed: number, failure: FuzzFailure): string {
  return [
    `fuzz case ${failure.target} ${failure.stream}:${failure.index} (${failure.kind}), seed ${seed} — replay: ${replayHint(seed, failure)}`,
    ...failure.problems.map((problem) => `  - ${problem}`),
    `  request: ${failure.request}`,
  ].join('\n');
}

/**
 * Sends seeded malformed and hostile HTTP requests and websocket conversations to a running
 * gateway or subgraph port, made from that port's own schema, and checks every answer; then
 * checks the port still serves HTTP, `/healthz` and (where it serves it) graphql-ws, and that no
 * data changed (counts and record fingerprints read through the gateway by a SECRETARIAT and a
 * MEMBER before and after).
 */
export async function runFuzz(target: FuzzTarget, options: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const limits = target.limits ?? DEFAULT_LIMITS;
  const vocabulary = vocabularyOf(target.name);
  const tokens = await mintTokens(target.keyDir);
  const concurrency = options.concurrency ?? 8;
  // No keep-alive: a refused body (413, 411) ends its connection, and a reused one would fail the next case.
  const agent = new Agent({ keepAlive: false, maxSockets: concurrency });
  const failures: FuzzFailure[] = [];
  const kinds: Record<string, number> = {};
  const fail = (failure: Omit<FuzzFailure, 'target'>) => {
    const named = { target: target.name, ...failure };
    failures.push(named);
    options.onFailure?.(named);
  };
  const selected = (stream: string, index: number) =>
    !options.only || options.only.includes(`${stream}:${index}`);
  const httpIndexes = range(options.httpCases).filter((i) => selected('http', i));
  const wsIndexes = range(options.wsCases).filter((i) => selected('ws', i));
  const memory = memorySampler(httpIndexes.length + wsIndexes.length);

  try {
    const before = await snapshot(target.gatewayUrl, tokens);
    memory.start();

    await pool(httpIndexes, concurrency, async (index) => {
      const rng = Random.forCase(options.seed, 'http', index);
      const fuzzCase = generateHttpCase(rng, { tokens, limits, vocabulary });
      kinds[`http ${fuzzCase.kind}`] = (kinds[`http ${fuzzCase.kind}`] ?? 0) + 1;
      const problems = await runHttpCase(target.url, fuzzCase, agent, vocabulary);
      if (problems.length)
        fail({ stream: 'http', index, kind: fuzzCase.kind, problems, request: describeHttp(fuzzCase) });
      memory.caseDone();
    });

    const wsUrl = target.url.replace(/^http/, 'ws');
    await pool(wsIndexes, concurrency, async (index) => {
      const rng = Random.forCase(options.seed, 'ws', index);
      const fuzzCase = generateWsCase(rng, tokens, vocabulary);
      kinds[`ws ${fuzzCase.kind}`] = (kinds[`ws ${fuzzCase.kind}`] ?? 0) + 1;
      const problems = await runWsCase(wsUrl, fuzzCase, vocabulary);
      if (problems.length)
        fail({ stream: 'ws', index, kind: fuzzCase.kind, problems, request: describeWs(fuzzCase) });
      memory.caseDone();
    });

    const afterProblems = await stillServing(target, vocabulary, tokens);
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
  memory.end();
  return {
    target: target.name,
    seed: options.seed,
    httpCases: httpIndexes.length,
    wsCases: wsIndexes.length,
    failures,
    kinds,
    durationMs: Math.round(performance.now() - started),
    memory: memory.samples,
  };
}

/**
 * Samples this process's memory before the first case, after every tenth of `total` cases and at
 * the end, after a full garbage collection when node runs with `--expose-gc` (`npm run fuzz`
 * does): heap that survives collection and keeps growing is a leak, garbage is not.
 */
function memorySampler(total: number) {
  const samples: MemorySample[] = [];
  let done = 0;
  const sample = () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    samples.push({ cases: done, rssBytes: rss, heapUsedBytes: heapUsed, afterGc: gc !== undefined });
  };
  const step = Math.max(1, Math.ceil(total / 10));
  return {
    samples,
    start: sample,
    caseDone() {
      done++;
      if (done % step === 0 && done < total) sample();
    },
    end: sample,
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
export async function runHttpCase(
  url: string,
  fuzzCase: HttpCase,
  agent: Agent,
  vocabulary: Vocabulary,
): Promise<string[]> {
  let answer: HttpAnswer;
  try {
    answer = await send(url, fuzzCase, agent);
  } catch (error) {
    return [`the request failed: ${error instanceof Error ? error.message : String(error)}`];
  }
  return httpProblems(fuzzCase, answer, vocabulary);
}

function httpProblems(
  fuzzCase: HttpCase,
  { status, headers, text }: HttpAnswer,
  vocabulary: Vocabulary,
): string[] {
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
    if (vocabulary.subgraph) problems.push(...privateSchemaProblems(result, where, expect?.nullFields));
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
function messageProblems(raw: string, vocabulary: Vocabulary): string[] {
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
    case 'next': {
      const where = `next(${String(message.id)}).payload`;
      return [
        ...problems,
        ...resultProblems(message.payload, where),
        ...(vocabulary.subgraph ? privateSchemaProblems(message.payload, where) : []),
      ];
    }
    case 'error': {
      if (!Array.isArray(message.payload) || message.payload.length === 0)
        return [...problems, `error(${String(message.id)}).payload is not a non-empty list`];
      return [
        ...problems,
        ...message.payload.flatMap((error, i) =>
          errorProblems(error, `error(${String(message.id)}).payload[${i}]`),
        ),
        ...(vocabulary.subgraph
          ? privateSchemaProblems({ errors: message.payload }, `error(${String(message.id)}).payload`)
          : []),
      ];
    }
    default:
      return [...problems, `unexpected message: ${abridge(raw, 200)}`];
  }
}

/** Plays one websocket conversation and returns what was wrong with the server's side of it. */
export async function runWsCase(url: string, fuzzCase: WsCase, vocabulary: Vocabulary): Promise<string[]> {
  if ('refusedHandshake' in fuzzCase.expect) return refusedHandshakeProblems(url, fuzzCase);
  const problems: string[] = [];
  const received: Received[] = [];
  const socket = new WebSocket(url, fuzzCase.protocols ?? ['graphql-transport-ws']);
  let waiter: (() => void) | undefined;
  const wake = () => waiter?.();
  socket.on('message', (data: Buffer, isBinary: boolean) => {
    const raw = data.toString('utf8');
    if (isBinary) problems.push('the server sent a binary frame');
    problems.push(...messageProblems(raw, vocabulary));
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

/**
 * After the run: the target still answers `/healthz`, a normal query over HTTP and, where it
 * serves graphql-ws, a normal query over it.
 */
async function stillServing(target: FuzzTarget, vocabulary: Vocabulary, tokens: TokenKit): Promise<string[]> {
  const problems: string[] = [];
  const query = vocabulary.controls.find((control) => control !== '{ __typename }') ?? '{ __typename }';
  const answered = (result: unknown) => {
    const { data, errors } = (result ?? {}) as { data?: Record<string, unknown> | null; errors?: unknown };
    return !errors && data !== null && data !== undefined && Object.values(data).every((v) => v !== null);
  };
  try {
    const health = await fetch(new URL('/healthz', target.url));
    if (health.status !== 200) problems.push(`/healthz answered ${health.status}`);
    const response = await fetch(target.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.valid.member}` },
      body: JSON.stringify({ query }),
    });
    const body: unknown = await response.json();
    if (!answered(body)) problems.push(`a normal query failed: ${JSON.stringify(body)}`);
  } catch (error) {
    problems.push(`${target.name} does not answer HTTP: ${String(error)}`);
  }
  if (!servesWebSocket(vocabulary)) return problems;
  const client = createClient({
    url: target.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${tokens.valid.member}` },
  });
  try {
    const result = await new Promise<unknown>((resolve, reject) => {
      let value: unknown;
      client.subscribe(
        { query },
        { next: (v) => (value = v), error: reject, complete: () => resolve(value) },
      );
    });
    if (!answered(result)) problems.push(`a normal graphql-ws query failed: ${JSON.stringify(result)}`);
  } catch (error) {
    problems.push(`a normal graphql-ws client cannot run a query: ${JSON.stringify(error) ?? String(error)}`);
  } finally {
    await client.dispose();
  }
  return problems;
}

/**
 * A port without graphql-ws must refuse the upgrade with a client error and nothing internal in
 * it (or by closing the connection), never accept it or answer 5xx.
 */
function refusedHandshakeProblems(url: string, fuzzCase: WsCase): Promise<string[]> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, fuzzCase.protocols ?? ['graphql-transport-ws']);
    let settled = false;
    const settle = (problems: string[]) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.terminate();
      resolve(problems);
    };
    const timer = setTimeout(
      () => settle([`no answer to the upgrade within ${WS_STEP_TIMEOUT_MS} ms`]),
      WS_STEP_TIMEOUT_MS,
    );
    socket.on('open', () => settle(['the port accepted a websocket though it serves no graphql-ws']));
    // A connection closed without an answer is a refusal too; a crash would show in the checks after the run.
    socket.on('error', () => settle([]));
    socket.on('unexpected-response', (_request, response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', () => settle([]));
      response.on('end', () => {
        const status = response.statusCode ?? 0;
        const text = `${JSON.stringify(response.headers)}\n${Buffer.concat(chunks).toString('utf8')}`;
        const leaks = leaksIn(text);
        settle([
          ...(status >= 400 && status < 500 ? [] : [`the upgrade was answered ${status}, not a 4xx`]),
          ...(leaks.length
            ? [`the refusal shows internals (${leaks.join(', ')}): ${abridge(text, 400)}`]
            : []),
        ]);
      });
    });
  });
}
