import { randomUUID } from 'node:crypto';
import type { Caller, Role } from '@cadg/platform';
import { openTestDatabase, type TestDatabase } from '@cadg/db/testing';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError } from 'graphql';
import { createContext, schema, type ContactsContext } from '../src/server.ts';

export interface Result<T = Record<string, unknown>> {
  data?: T | null;
  errors?: readonly GraphQLFormattedError[];
}

/** The contacts subgraph in process, on a private copy of the seeded test database. */
export async function startContacts() {
  const testDb: TestDatabase = await openTestDatabase();
  const apollo = new ApolloServer<ContactsContext>({
    schema,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();
  return {
    db: testDb.database.db,
    async exec<T = Record<string, unknown>>(
      query: string,
      variables: Record<string, unknown> = {},
      caller: Caller = null,
    ): Promise<Result<T>> {
      const response = await apollo.executeOperation<T>(
        { query, variables },
        { contextValue: createContext(testDb.database.db, caller) },
      );
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return response.body.singleResult as Result<T>;
    },
    async close() {
      await apollo.stop();
      await testDb.dispose();
    },
  };
}

export const as = (org: string | null, ...roles: Role[]): Caller => ({
  sub: `user-${randomUUID()}`,
  org,
  roles,
});

export function errorCodes(result: Result<unknown>): unknown[] {
  return (result.errors ?? []).map((error) => error.extensions?.['code']);
}
