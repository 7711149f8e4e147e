import { buildSchema, execute, GraphQLError, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  createErrorMasking,
  SERVICE_UNAVAILABLE_MESSAGE,
  UNEXPECTED_ERROR_MESSAGE,
} from '../src/error-masking.ts';

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

  it('keeps a GATEWAY_TIMEOUT coded, without the subgraph URL and request body it may carry', () => {
    const error = new GraphQLError('The operation was aborted due to timeout', {
      extensions: { code: 'GATEWAY_TIMEOUT', request: { url: 'http://10.0.0.7:4002/graphql', body: '{}' } },
    });
    const masked = maskError(error) as GraphQLError;
    expect(masked.extensions).toEqual({ code: 'GATEWAY_TIMEOUT' });
    expect(JSON.stringify(masked.toJSON())).not.toMatch(/10\.0\.0\.7|request/);
  });

  it('turns an unreachable subgraph into SERVICE_UNAVAILABLE at its path, without its address', () => {
    const error = new GraphQLError('connect ECONNREFUSED 10.0.0.7:4003', {
      path: ['country', 'dataFlowPolicy'],
      extensions: { code: 'SUBREQUEST_HTTP_ERROR', request: { method: 'POST', body: '{}' } },
      originalError: new Error('connect ECONNREFUSED 10.0.0.7:4003'),
    });
    const masked = maskError(error) as GraphQLError;
    expect(masked).toMatchObject({
      message: SERVICE_UNAVAILABLE_MESSAGE,
      path: ['country', 'dataFlowPolicy'],
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
    expect(JSON.stringify(masked.toJSON())).not.toMatch(/10\.0\.0\.7|ECONNREFUSED|request/);
  });

  it('keeps a malformed-request error the runtime raised with a 4xx status, coded BAD_REQUEST', () => {
    const error = new GraphQLError('Must provide query string.', { extensions: { http: { status: 400 } } });
    expect(maskError(error)).toMatchObject({
      message: 'Must provide query string.',
      extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
    });
  });

  it('keeps a variable that does not coerce as BAD_USER_INPUT, not as an unexpected error', async () => {
    const schema = buildSchema('type Query { f(x: [ID!]!): Int }');
    const { errors } = await execute({
      schema,
      document: parse('query ($x: [ID!]!) { f(x: $x) }'),
      variableValues: { x: [{ a: 1 }] },
    });
    // graphql-js wraps the scalar's uncoded error; the runtime marks the outer one 400.
    const [coercion] = errors ?? [];
    const error = new GraphQLError(coercion!.message, {
      nodes: coercion!.nodes ?? null,
      originalError: coercion!.originalError ?? null,
      extensions: { http: { status: 400 } },
    });
    expect(maskError(error)).toMatchObject({
      message: expect.stringContaining('ID cannot represent value'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it("keeps the runtime's refusal of an operationName that names no operation", () => {
    const error = new GraphQLError('Could not determine what operation to execute.', {
      extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } },
    });
    expect(maskError(error)).toBe(error);
  });

  it('still hides an error with a 4xx status that wraps an exception', () => {
    const error = new GraphQLError('boom', {
      originalError: new GraphQLError('inner', { originalError: new Error('connect ECONNREFUSED') }),
      extensions: { http: { status: 400 } },
    });
    expect(maskError(error).message).toBe(UNEXPECTED_ERROR_MESSAGE);
  });

  it('hides anything that is not a GraphQL error', () => {
    expect(maskError(new TypeError('x is undefined'))).toMatchObject({
      message: UNEXPECTED_ERROR_MESSAGE,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});
