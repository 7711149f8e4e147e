import { CloseCode } from 'graphql-ws';
import {
  aliasBomb,
  deepQuery,
  directiveFlood,
  fragmentTrouble,
  tokenSoup,
  unknownNames,
  VALID_QUERIES,
} from './documents.ts';
import type { Random } from './random.ts';
import type { TokenKit } from './tokens.ts';

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

/** A websocket conversation with the gateway and how it must end. */
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
    { close: readonly number[]; orOpen?: true; orRefusedHandshake?: true } | { open: true } | { cut: true };
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

/** A live subscription that stays open until completed (no events arrive during a fuzz run). */
const LIVE = { query: 'subscription { majorIncidentUpdates(minSeverity: EMERGENCY) { cursor } }' };

type Generator = (rng: Random, tokens: TokenKit) => WsCase;

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
    (rng) => ({
      kind: 'subscribe-before-init',
      steps: [subscribe(rng.string(4), { query: rng.pick(VALID_QUERIES) })],
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
    (rng, tokens) => ({
      kind: 'duplicate-subscription-id',
      steps: [
        init(bearer(tokens.valid.member)),
        { awaitAck: true },
        subscribe('dup', LIVE),
        subscribe('dup', rng.chance(0.5) ? LIVE : { query: '{ __typename }' }),
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
    (rng, tokens) => {
      const query = rng.pick([
        () => tokenSoup(rng, rng.int(1, 40)),
        () => deepQuery(rng, rng.int(13, 60)),
        () => aliasBomb(rng, rng.int(21, 300)),
        () => directiveFlood(rng, rng.int(21, 300)),
        () => unknownNames(rng),
        () => fragmentTrouble(rng),
        () => 'mutation { createOrganization(input: { countryCode: "MY", name: 42, kind: CERT }) { id } }',
        () =>
          'mutation { createOrganization(input: { countryCode: "MY", name: "Fuzz", kind: CERT }) { id } }',
        () => 'query A { __typename } query A { __typename }',
        () => '{ __typename } { __typename }',
        () => 'subscription { majorIncidentUpdates(minSeverity: NOPE) { cursor } }',
        () => 'subscription { majorIncidentUpdates(after: "not a cursor") { cursor } }',
        () => 'subscription { a: majorIncidentUpdates { cursor } b: majorIncidentUpdates { cursor } }',
        () => 'query ($n: Int!) { organizations(first: $n) { totalCount } }',
      ])();
      // A mutation that would run goes out anonymously: it must be refused, never executed.
      const anonymous = query.startsWith('mutation') || rng.chance(0.5);
      return {
        kind: 'hostile-operation',
        steps: [
          init(anonymous ? undefined : bearer(rng.pick(Object.values(tokens.valid)))),
          { awaitAck: true },
          subscribe('q', {
            query,
            variables: rng.pick<unknown>([{}, { n: 'x' }, { n: 2 ** 40 }, undefined]),
          }),
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
    (rng, tokens) => {
      const at = rng.int(0, 3);
      const steps: WsStep[] = [
        init(bearer(tokens.valid.member)),
        { awaitAck: true },
        subscribe('live', LIVE),
        subscribe('q', { query: rng.pick(VALID_QUERIES) }),
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
    (rng, tokens) => {
      const count = rng.int(10, 60);
      return {
        kind: 'subscription-flood',
        steps: [
          init(bearer(tokens.valid.member)),
          { awaitAck: true },
          ...Array.from({ length: count }, (_, i) => subscribe(`s${i}`, LIVE)),
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
    (rng, tokens) => ({
      kind: 'valid-operation',
      steps: [
        init(rng.chance(0.5) ? bearer(rng.pick(Object.values(tokens.valid))) : undefined),
        { awaitAck: true },
        subscribe('q', { query: rng.pick(VALID_QUERIES) }),
        { awaitDone: 'q' },
      ],
      expect: { open: true },
    }),
  ],
];

export function generateWsCase(rng: Random, tokens: TokenKit): WsCase {
  return rng.weighted(generators)(rng, tokens);
}
