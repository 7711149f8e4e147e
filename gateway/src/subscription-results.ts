import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { ExecutionResult } from 'graphql';

/**
 * Keeps a failed subscription from repeating its last event.
 *
 * When the connection to the subgraph behind a subscription drops, the runtime sends one last
 * result with the error at the subscription's root field and, beside it, the data of the event
 * before, again. A client that records every result with data would then process that event
 * twice. An error at a root field means the field has no value (GraphQL's own rule), so such a
 * result goes out with that field, and so the whole `data` of a one-field subscription, null.
 */
export function useNoStaleSubscriptionData(): GatewayPlugin {
  return {
    onSubscribe() {
      return {
        onSubscribeResult() {
          return {
            onNext({ result, setResult }) {
              const cleaned = withoutFailedRootFields(result);
              if (cleaned !== result) setResult(cleaned);
            },
          };
        },
      };
    },
  };
}

/** `result` with every root field that has an error set to null (`data: null` if none is left). */
export function withoutFailedRootFields(result: ExecutionResult): ExecutionResult {
  const { data, errors } = result;
  if (!data || !errors?.length) return result;
  const failed = errors.flatMap((error) =>
    error.path?.length === 1 && typeof error.path[0] === 'string' ? [error.path[0]] : [],
  );
  if (!failed.some((field) => data[field] !== null && data[field] !== undefined)) return result;
  const remaining = Object.fromEntries(Object.entries(data).filter(([field]) => !failed.includes(field)));
  const keep = Object.values(remaining).some((value) => value !== null);
  return {
    ...result,
    data: keep ? { ...remaining, ...Object.fromEntries(failed.map((f) => [f, null])) } : null,
  };
}
