import type { UnifiedGraphHandler } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler as rustQueryPlanner } from '@graphql-hive/router-runtime';

/**
 * Which query planner the gateway runs:
 *
 * - `'javascript'`: the Hive Gateway runtime's own planner (`@graphql-tools/federation`).
 * - `'rust'`: the Hive Router's planner (`@graphql-hive/router-runtime`, a prebuilt N-API addon in
 *   the npm package), which plans each operation once and executes the plan with less per-request
 *   work; `npm run bench` measures both side by side (BENCHMARKS.md).
 */
export type QueryPlanner = 'rust' | 'javascript';

/**
 * Rust by default: it serves the dashboard query much faster (BENCHMARKS.md), and the gateway's
 * failure handling (SERVICE_UNAVAILABLE for a dead subgraph, subscriptions ended so clients resume
 * by cursor) is tested with it. One difference to know: a subgraph call that times out fails the
 * whole response (no `data`), where the JavaScript planner nulls only the missing part.
 * `QUERY_PLANNER=javascript` selects the runtime's own planner.
 * @default 'rust'
 */
export const DEFAULT_QUERY_PLANNER: QueryPlanner = 'rust';

/** `QUERY_PLANNER` (`rust` or `javascript`), or the default. */
export function queryPlannerFromEnv(env: NodeJS.ProcessEnv): QueryPlanner {
  const value = env['QUERY_PLANNER'] || DEFAULT_QUERY_PLANNER;
  if (value !== 'rust' && value !== 'javascript')
    throw new Error(`QUERY_PLANNER=${value} is not rust or javascript.`);
  return value;
}

/** The runtime options that select the planner; spread into `createGatewayRuntime`. */
export function queryPlannerOptions(planner: QueryPlanner = DEFAULT_QUERY_PLANNER): {
  unifiedGraphHandler?: UnifiedGraphHandler;
} {
  return planner === 'rust' ? { unifiedGraphHandler: rustQueryPlanner } : {};
}
