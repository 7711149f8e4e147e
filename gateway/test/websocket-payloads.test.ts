import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { MessageType, stringifyMessage, type FormattedExecutionResult } from 'graphql-ws';
import { graphqlWsPayload, SharedPayloads } from '../src/websocket-payloads.ts';

/** The text graphql-ws sends for a `next` message, serialised through `payloads` and filled as the socket would. */
function sent(payloads: SharedPayloads, id: string, payload: FormattedExecutionResult): string {
  return payloads.fill(stringifyMessage({ id, type: MessageType.Next, payload }, payloads.replacer));
}

/** What graphql-ws sends without SharedPayloads. */
const plain = (id: string, payload: FormattedExecutionResult) =>
  stringifyMessage({ id, type: MessageType.Next, payload });

describe('results serialised once for every subscriber', () => {
  it('sends each subscriber the text graphql-ws would, with its own id', () => {
    const payloads = new SharedPayloads();
    const result = { data: { majorIncidentUpdates: { cursor: 'WzFd', title: 'Ransomware "X" \u2028' } } };
    const first = payloads.payloadOf(result, graphqlWsPayload);
    const second = payloads.payloadOf(result, graphqlWsPayload);
    expect(second).toBe(first);
    expect(sent(payloads, 'a', first)).toBe(plain('a', first));
    expect(sent(payloads, 'b', second)).toBe(plain('b', second));
    expect(JSON.parse(sent(payloads, 'b', second))).toEqual({
      id: 'b',
      type: 'next',
      payload: { data: result.data },
    });
  });

  it('keeps results apart: another result is another payload', () => {
    const payloads = new SharedPayloads();
    const one = payloads.payloadOf({ data: { n: 1 } }, graphqlWsPayload);
    const two = payloads.payloadOf({ data: { n: 2 } }, graphqlWsPayload);
    expect(sent(payloads, 'x', one)).toBe(plain('x', { data: { n: 1 } }));
    expect(sent(payloads, 'x', two)).toBe(plain('x', { data: { n: 2 } }));
  });

  it('serialises errors as graphql-ws does', () => {
    const payloads = new SharedPayloads();
    const error = new GraphQLError('Not allowed', { path: ['a'], extensions: { code: 'FORBIDDEN' } });
    const payload = payloads.payloadOf({ data: null, errors: [error] }, graphqlWsPayload);
    expect(sent(payloads, '1', payload)).toBe(plain('1', { data: null, errors: [error.toJSON()] }));
  });

  it('leaves messages it did not serialise alone, whatever they hold', () => {
    const payloads = new SharedPayloads();
    const mark = '\u0000cadg:shared-payload\u0000';
    // A payload that is not one of ours, even one holding the mark, and an id holding it.
    const foreign = { data: { payload: mark } };
    expect(sent(payloads, mark, foreign)).toBe(plain(mark, foreign));
    const ours = payloads.payloadOf({ data: { payload: mark } }, graphqlWsPayload);
    expect(sent(payloads, mark, ours)).toBe(plain(mark, ours));
    const complete = stringifyMessage({ id: 'c', type: MessageType.Complete }, payloads.replacer);
    expect(payloads.fill(complete)).toBe(complete);
  });
});
