import { CloseCode } from 'graphql-ws';
import { federationOperation, wrongTypeMutation } from './documents.ts';
import {
  aliasBomb,
  deepQuery,
  directiveFlood,
  fragmentTrouble,
  tokenSoup,
  unknownNames,
} from './hostile-text.ts';
import type { Random } from './random.ts';
import type { TokenKit } from './tokens.ts';
import type { Vocabulary } from './vocabulary.ts';

/** One step of a websocket case. */
export type WsStep =
  /** A text frame. */
  | { send: string }
  /** A binary frame. */
  | { sendBinary: Uint8Array }
  /** A text frame whose bytes are not UTF-8. */
  | { sendInvalidUtf8: Uint8Array }
  /** Waits for the server's `connection_ack`. */
  | { awaitAck: true }
  /** Waits until the operation `id` has ended (`complete` or `error`). */
  | { awaitDone: string }
  /** Waits for a `pong`. */
  | { awaitPong: true }
  /** Cuts the TCP connection without a close frame. */
  | { terminate: true };

/** A websocket conversation with a target and how it must end. */
export interface WsCase {
  kind: string;
  /** Subprotocols offered in the handshake. @default ['graphql-transport-ws'] */
  protocols?: string[];
  steps: WsStep[];
  /**
   * How the conversation ends: the server closes the socket with one of `close`, or (`open`) the
   * socket is still open after the last step and the client closes it (`orOpen`: either); `cut`
   * when the client terminates it.
   */
  expect:
    | { close: readonly number[]; orOpen?: true; orRefusedHandshake?: true }
    | { open: true }
    | { cut: true }
    /** A port without graphql-ws: the handshake is answered with a client error, not 101 or 5xx. */
    | { refusedHandshake: true };
}

const init = (payload?: unknown): WsStep => ({
  send: JSON.stringify(
    payload === undefined ? { type: 'connection_init' } : { type: 'connection_init', payload },
  ),
});
const subscribe = (id: string, payload: unknown): WsStep => ({
  send: JSON.stringify({ id, type: 'subscribe', payload }),
});
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

type Generator = (rng: Random, tokens: TokenKit, vocabulary: Vocabulary) => WsCase;

/** A live subscription that stays open until completed (no events arrive during a fuzz run). */
const live = (vocabulary: Vocabulary) => ({ query: vocabulary.liveSubscription ?? '' });

const encoder = new TextEncoder();

const generators: readonly (readonly [number, Generator])[] = [
  [
    4,
    (rng) => ({
      kind: 'non-json-frame',
      steps: [
        ...(rng.chance(0.5) ? [init(), { awaitAck: true } as const] : []),
        { send: rng.pick(['{', 'hello', '', '{"type":', 'null}', '\u0000', tokenSoup(rng, 10)]) },
      ],
      expect: { close: [CloseCode.BadRequest] },
    }),
  ],
  [
    4,
    (rng) => ({
      kind: 'wrong-message-shape',
      steps: [
        ...(rng.chance(0.5) ? [init(), { awaitAck: true } as const] : []),
        {
          send: JSON.stringify(
            rng.pick<unknown>([
              42,
              null,
              [],
              ['connection_init'],
              'connection_init',
              {},
              { type: 42 },
              { type: 'hello' },
              { type: 'CONNECTION_INIT' },
              { type: 'connection_terminate' },
              { type: 'start', id: '1', payload: { query: '{ __typename }' } },
              { type: 'subscribe' },
              { type: 'subscribe', id: 1, payload: { query: '{ __typename }' } },
              { type: 'subscribe', id: '', payload: { query: '{ __typename }' } },
              { type: 'subscribe', id: 'q', payload: null },
              { type: 'subscribe', id: 'q', payload: { query: 42 } },
              { type: 'subscribe', id: 'q', payload: { query: '{ __typename }', variables: 'x' } },
              { type: 'subscribe', id: 'q', payload: { query: '{ __typename }', operationName: 5 } },
              { type: 'subscribe', id: 'q', payload: { query: '{ __typename }', extensions: [] } },
              { type: 'complete' },
              { type: 'complete', id: 5 },
              { type: 'ping', payload: 'not an object' },
              { type: 'connection_init', payload: 42 },
              { type: 'connection_init', payload: [] },
            ]),
          ),
        },
      ],
      expect: { close: [CloseCode.BadRequest] },
    }),
  ],
  [
    3,
    (rng) => ({
      kind: 'server-message-from-client',
      steps: [
        init(),
        { awaitAck: true },
        {
          send: JSON.stringify(
            rng.pick<unknown>([
              { type: 'connection_ack' },
              { type: 'next', id: 'q', payload: { data: {} } },
              { type: 'error', id: 'q', payload: [{ message: 'x' }] },
            ]),
          ),
        },
      ],
      expect: { close: [CloseCode.BadRequest] },
    }),
  ],
  [
    3,
    (rng, _tokens, vocabulary) => ({
      kind: 'subscribe-before-init',
      steps: [subscribe(rng.string(4), { query: rng.pick(vocabulary.controls) })],
      expect: { close: [CloseCode.Unauthorized] },
    }),
  ],
  [
    3,
    (rng, tokens) => ({
      kind: 'duplicate-init',
      steps: [init(rng.chance(0.5) ? bearer(tokens.valid.member) : undefined), { awaitAck: true }, init()],
      expect: { close: [CloseCode.TooManyInitialisationRequests] },
    }),
  ],
  [
    3,
    (rng, tokens, vocabulary) => ({
      kind: 'duplicate-subscription-id',
      steps: [
        init(bearer(tokens.valid.member)),
        { awaitAck: true },
        subscribe('dup', live(vocabulary)),
        subscribe('dup', rng.chance(0.5) ? live(vocabulary) : { query: '{ __typename }' }),
      ],
      expect: { close: [CloseCode.SubscriberAlreadyExists] },
    }),
  ],
  [
    4,
    (rng, tokens) => {
      const payload = rng.pick<unknown>([
        { authorization: 42 },
        { authorization: { token: tokens.valid.member } },
        { authorization: [tokens.valid.member] },
        { Authorization: true },
        ...tokens.refused.filter((value) => value !== '').map((authorization) => ({ authorization })),
      ]);
      return {
        kind: 'refused-connection-params',
        steps: [init(payload)],
        expect: { close: [CloseCode.Forbidden] },
      };
    },
  ],
  [
    2,
    (rng) => ({
      kind: 'odd-init-payload',
      steps: [
        init(rng.pick<unknown>([null, {}, { authorization: null }, { nested: { deep: [1, 2, 3] } }])),
        { awaitAck: true },
        subscribe('q', { query: '{ __typename }' }),
        { awaitDone: 'q' },
      ],
      expect: { open: true },
    }),
  ],
  [
    8,
    (rng, tokens, vocabulary) => {
      let variables = rng.pick<unknown>([{}, { n: 'x' }, { n: 2 ** 40 }, undefined]);
      const query = rng.pick([
        () => tokenSoup(rng, rng.int(1, 40)),
        () => deepQuery(rng, vocabulary, rng.int(13, 60)),
        () => vocabulary.deepQuery(rng.int(3, 12), rng.pick([100, 500])),
        () => aliasBomb(rng, vocabulary, rng.int(21, 300)),
        () => directiveFlood(rng, vocabulary, rng.int(21, 300)),
        () => unknownNames(rng, vocabulary),
        () => fragmentTrouble(rng, vocabulary),
        () => {
          const { operation } = wrongTypeMutation(rng, vocabulary);
          variables = operation.variables;
          return operation.query;
        },
        () => {
          const operation = rng.pick(vocabulary.mutations);
          variables = operation.variables;
          return operation.query;
        },
        () => {
          const operation = federationOperation(rng, vocabulary);
          variables = operation.variables;
          return operation.query;
        },
        () => 'query A { __typename } query A { __typename }',
        () => '{ __typename } { __typename }',
        () => 'subscription { majorIncidentUpdates(minSeverity: NOPE) { cursor } }',
        () => 'subscription { majorIncidentUpdates(after: "not a cursor") { cursor } }',
        () => 'subscription { a: majorIncidentUpdates { cursor } b: majorIncidentUpdates { cursor } }',
        () => 'query ($n: Int!) { organizations(first: $n) { totalCount } }',
      ])();
      // Any mutation goes out anonymously: it must be refused, never executed.
      const anonymous = query.startsWith('mutation') || rng.chance(0.5);
      return {
        kind: 'hostile-operation',
        steps: [
          init(anonymous ? undefined : bearer(rng.pick(Object.values(tokens.valid)))),
          { awaitAck: true },
          subscribe('q', { query, variables }),
          { awaitDone: 'q' },
        ],
        expect: { open: true },
      };
    },
  ],
  [
    3,
    (rng) => {
      const size = rng.int(300_000, 2_000_000);
      const query = `{ __typename } # ${'x'.repeat(size)}`;
      return {
        kind: 'oversized-message',
        steps: [init(), { awaitAck: true }, subscribe('q', { query }), { awaitDone: 'q' }],
        // Refused with 1009 Message Too Big where a size limit applies, else parsed and answered.
        expect: { close: [1009], orOpen: true },
      };
    },
  ],
  [
    3,
    (rng) => ({
      kind: 'binary-frame',
      steps: [
        ...(rng.chance(0.5) ? [init(), { awaitAck: true } as const] : []),
        {
          sendBinary: rng.chance(0.5)
            ? rng.bytes(rng.int(1, 2048))
            : encoder.encode(`\u0000${'{"type":"ping"}'}`),
        },
      ],
      expect: { close: [CloseCode.BadRequest] },
    }),
  ],
  [
    2,
    (rng) => ({
      kind: 'invalid-utf8',
      steps: [
        init(),
        { awaitAck: true },
        { sendInvalidUtf8: new Uint8Array([0x7b, 0xff, 0xfe, 0xc3, 0x28, ...rng.bytes(8)]) },
      ],
      expect: { close: [1007] },
    }),
  ],
  [
    4,
    (rng, tokens, vocabulary) => {
      const at = rng.int(0, 3);
      const steps: WsStep[] = [
        init(bearer(tokens.valid.member)),
        { awaitAck: true },
        subscribe('live', live(vocabulary)),
        subscribe('q', { query: rng.pick(vocabulary.controls) }),
      ];
      return {
        kind: 'abrupt-disconnect',
        steps: [...steps.slice(0, at), { terminate: true }],
        expect: { cut: true },
      };
    },
  ],
  [
    2,
    (rng) => ({
      kind: 'wrong-subprotocol',
      // With none offered the server accepts the socket and graphql-ws closes it; with others offered
      // it selects none, which the ws client itself treats as a failed handshake.
      protocols: rng.pick([['graphql-ws'], ['graphql-transport-wss'], ['x', 'y'], []]),
      steps: [init()],
      expect: { close: [CloseCode.SubprotocolNotAcceptable], orRefusedHandshake: true },
    }),
  ],
  [
    3,
    (rng) => ({
      kind: 'ping-pong',
      steps: [
        ...(rng.chance(0.5) ? [init(), { awaitAck: true } as const] : []),
        { send: JSON.stringify({ type: 'pong', payload: { unsolicited: true } }) },
        { send: JSON.stringify({ type: 'complete', id: 'never-started' }) },
        {
          send: JSON.stringify(
            rng.chance(0.5) ? { type: 'ping' } : { type: 'ping', payload: { n: rng.int(0, 9) } },
          ),
        },
        { awaitPong: true },
      ],
      expect: { open: true },
    }),
  ],
  [
    2,
    (rng, tokens, vocabulary) => {
      const count = rng.int(10, 60);
      return {
        kind: 'subscription-flood',
        steps: [
          init(bearer(tokens.valid.member)),
          { awaitAck: true },
          ...Array.from({ length: count }, (_, i) => subscribe(`s${i}`, live(vocabulary))),
          ...Array.from({ length: count }, (_, i) => ({
            send: JSON.stringify({ type: 'complete', id: `s${i}` }),
          })),
          { send: JSON.stringify({ type: 'ping' }) },
          { awaitPong: true },
        ],
        expect: { open: true },
      };
    },
  ],
  [
    4,
    (rng, tokens, vocabulary) => ({
      kind: 'valid-operation',
      steps: [
        init(rng.chance(0.5) ? bearer(rng.pick(Object.values(tokens.valid))) : undefined),
        { awaitAck: true },
        subscribe('q', { query: rng.pick(vocabulary.controls) }),
        { awaitDone: 'q' },
      ],
      expect: { open: true },
    }),
  ],
];

/**
 * A websocket conversation for the target. A target without subscriptions (every subgraph but
 * incidents) serves no graphql-ws: its cases check that the handshake is refused cleanly.
 */
export function generateWsCase(rng: Random, tokens: TokenKit, vocabulary: Vocabulary): WsCase {
  if (!servesWebSocket(vocabulary))
    return {
      kind: 'no-websocket',
      protocols: rng.pick([['graphql-transport-ws'], ['graphql-ws'], ['x'], []]),
      steps: [init(rng.chance(0.5) ? bearer(tokens.valid.member) : undefined)],
      expect: { refusedHandshake: true },
    };
  return rng.weighted(generators)(rng, tokens, vocabulary);
}

/** Whether the target serves graphql-ws: the gateway does, and a subgraph with subscriptions. */
export const servesWebSocket = (vocabulary: Vocabulary) =>
  !vocabulary.subgraph || vocabulary.liveSubscription !== null;
