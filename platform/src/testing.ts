import { randomUUID } from 'node:crypto';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { Caller, Role } from './identity.ts';

export interface OperationResult<T> {
  data?: T | null;
  errors?: readonly GraphQLFormattedError[];
}

/**
 * A subgraph schema executed in process with `executeOperation`: the cheapest way to test
 * resolvers, permissions and `_entities` without a network hop. The caller is passed per operation.
 */
export async function inProcessSubgraph<TContext extends BaseContext>(
  schema: GraphQLSchema,
  contextFor: (caller: Caller) => TContext,
) {
  const apollo = new ApolloServer<TContext>({ schema, plugins: [ApolloServerPluginInlineTraceDisabled()] });
  await apollo.start();
  return {
    async exec<T = Record<string, unknown>>(
      query: string,
      variables: Record<string, unknown> = {},
      caller: Caller = null,
    ): Promise<OperationResult<T>> {
      const response = await apollo.executeOperation<T>(
        { query, variables },
        { contextValue: contextFor(caller) },
      );
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return response.body.singleResult as OperationResult<T>;
    },
    stop: () => apollo.stop(),
  };
}

/** A caller with a fresh subject, for tests. */
export const callerOf = (org: string | null, ...roles: Role[]): Caller => ({
  sub: `user-${randomUUID()}`,
  org,
  roles,
});

/** The `extensions.code` of each error of a result. */
export const errorCodes = (result: { errors?: readonly GraphQLFormattedError[] | undefined }): unknown[] =>
  (result.errors ?? []).map((error) => error.extensions?.['code']);

/**
 * A subgraph in process on a test database it owns (each subgraph's `test/harness.ts`): `exec` as
 * `inProcessSubgraph`'s, and `close()` stops the server, then whatever else the harness started
 * (`alsoStop`, in order), then disposes the database.
 */
export async function inProcessOn<TContext extends BaseContext>(
  testDatabase: { dispose(): Promise<void> },
  schema: GraphQLSchema,
  contextFor: (caller: Caller) => TContext,
  alsoStop: readonly (() => Promise<void>)[] = [],
) {
  const subgraph = await inProcessSubgraph(schema, contextFor);
  return {
    exec: subgraph.exec,
    async close() {
      await subgraph.stop();
      for (const stop of alsoStop) await stop();
      await testDatabase.dispose();
    },
  };
}

/**
 * The `extensions.code` of the GraphQL error `fn` throws, `'no error'` when it throws none, for
 * checking validation in unit tests without a server.
 */
export const codeOf = (fn: () => unknown): unknown => {
  try {
    fn();
    return 'no error';
  } catch (error) {
    return (error as { extensions?: Record<string, unknown> }).extensions?.['code'];
  }
};
