import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createErrorMasking, UNEXPECTED_ERROR_MESSAGE } from '../src/error-masking.ts';

const { maskError } = createErrorMasking();

describe('error masking', () => {
  it('keeps a coded error raised on purpose as it is', () => {
    const error = new GraphQLError('Not yours.', { extensions: { code: 'FORBIDDEN' } });
    expect(maskError(error)).toBe(error);
  });

  it('drops stack traces a subgraph put into a coded error', () => {
    const error = new GraphQLError('Not found.', {
      extensions: { code: 'NOT_FOUND', stacktrace: ['at secret.ts:1'], what: 'Incident' },
    });
    expect(maskError(error)).toMatchObject({
      message: 'Not found.',
      extensions: { code: 'NOT_FOUND', what: 'Incident' },
    });
    expect((maskError(error) as GraphQLError).extensions).not.toHaveProperty('stacktrace');
  });

  it('hides an error that wraps an exception behind a generic INTERNAL_SERVER_ERROR', () => {
    const error = new GraphQLError('connect ECONNREFUSED 10.0.0.7:4001', {
      path: ['incidents'],
      originalError: new Error('connect ECONNREFUSED 10.0.0.7:4001'),
    });
    expect(maskError(error)).toMatchObject({
      message: UNEXPECTED_ERROR_MESSAGE,
      path: ['incidents'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('hides the message of an INTERNAL_SERVER_ERROR a subgraph let through', () => {
    const error = new GraphQLError('relation "contacts.secret" does not exist', {
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(maskError(error).message).toBe(UNEXPECTED_ERROR_MESSAGE);
  });

  it('hides a subgraph timeout, which carries the subgraph URL and request body', () => {
    const error = new GraphQLError('The operation was aborted due to timeout', {
      extensions: { code: 'GATEWAY_TIMEOUT', request: { url: 'http://10.0.0.7:4002/graphql', body: '{}' } },
    });
    expect(maskError(error)).toMatchObject({
      message: UNEXPECTED_ERROR_MESSAGE,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('keeps a malformed-request error the runtime raised with a 4xx status', () => {
    const error = new GraphQLError('Must provide query string.', { extensions: { http: { status: 400 } } });
    expect(maskError(error)).toBe(error);
  });

  it('hides anything that is not a GraphQL error', () => {
    expect(maskError(new TypeError('x is undefined'))).toMatchObject({
      message: UNEXPECTED_ERROR_MESSAGE,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});
