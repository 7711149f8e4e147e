import WebSocket from 'ws';
import { abridge, errorProblems, leaksIn, privateSchemaProblems, resultProblems } from './checks.ts';
import type { Vocabulary } from './vocabulary.ts';
import type { WsCase } from './ws-cases.ts';

// Playing one websocket fuzz conversation and judging the server's side of it.

/** How long a websocket step may wait for the server before the case fails. */
const WS_STEP_TIMEOUT_MS = 10_000;

export function describeWs(fuzzCase: WsCase): string {
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
