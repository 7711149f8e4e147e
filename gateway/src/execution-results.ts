import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { ExecutionResult } from 'graphql';

/**
 * Keeps `data: null` in results where execution ran. The Rust query planner's executor leaves
 * `data` out of a result whenever no subgraph returned any, so a subgraph's `data: null` (a
 * non-null root field that failed, e.g. a mutation without a token) reached clients as a response
 * without `data`, which GraphQL calls a request error: a different answer, with a different HTTP
 * status. Errors with a `path` are field errors, which only execution raises, and a result of
 * execution always has `data`; request errors (variables that do not coerce) have no path and
 * stay without it.
 */
export function useNullDataOfFieldErrors(): GatewayPlugin {
  return {
    onExecutionResult({ result, setResult }) {
      if (!isSingleResult(result) || 'data' in result) return;
      if (!result.errors?.some((error) => error.path !== undefined && error.path.length > 0)) return;
      setResult({ ...result, data: null });
    },
  };
}

/** One result, not a stream of them (subscriptions, incremental delivery). */
export function isSingleResult(result: unknown): result is ExecutionResult {
  return (
    typeof result === 'object' &&
    result !== null &&
    !Array.isArray(result) &&
    !(Symbol.asyncIterator in result)
  );
}
