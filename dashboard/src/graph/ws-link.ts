import { ApolloLink, CombinedGraphQLErrors, type FetchResult } from '@apollo/client';
import { print } from '@apollo/client/utilities';
import type { GraphQLFormattedError } from 'graphql';
import type { Client } from 'graphql-ws';
import { Observable } from 'rxjs';

/**
 * A terminating link for graphql-ws that sends trusted documents by id. Apollo's `GraphQLWsLink`
 * always sends the query text, which a production gateway refuses; this one sends the text only
 * when the persisted-query link asks for it (`http.includeQuery`, set after the gateway answered
 * PERSISTED_QUERY_NOT_FOUND), and an empty `query` otherwise, as graphql-ws requires a string.
 * GraphQL errors are passed on as a result, not as an error, so that persisted-query link sees
 * them and can retry with the text.
 */
export class TrustedWebSocketLink extends ApolloLink {
  constructor(private readonly client: Client) {
    super();
  }

  override request(operation: ApolloLink.Operation): Observable<FetchResult> {
    return new Observable<FetchResult>((observer) => {
      const { query, variables, operationName, extensions } = operation;
      const includeQuery = (operation.getContext()['http'] as { includeQuery?: boolean } | undefined)
        ?.includeQuery;
      return this.client.subscribe<Record<string, unknown>>(
        { query: includeQuery === false ? '' : print(query), variables, operationName, extensions },
        {
          next: (result) => observer.next(result as FetchResult),
          complete: () => observer.complete(),
          error: (error: unknown) => {
            if (Array.isArray(error)) {
              observer.next({ errors: error as GraphQLFormattedError[] });
              return observer.complete();
            }
            if (error instanceof Error) return observer.error(error);
            const code = (error as { code?: number }).code;
            observer.error(new Error(`The connection closed${code ? ` (${code})` : ''}.`));
          },
        },
      );
    });
  }
}

export { CombinedGraphQLErrors };
