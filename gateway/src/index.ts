export { createGateway, GRAPHQL_PATH, type Gateway, type GatewayOptions } from './gateway.ts';
export {
  composeFromSchemaFiles,
  composeGraph,
  composeGraphFromSchemaFiles,
  type ComposedGraph,
  composeSupergraph,
  readSubgraphServices,
  type SubgraphService,
} from './compose.ts';
export {
  defaultUrlOf,
  repoRoot,
  schemaPathOf,
  subgraphs,
  supergraphFile,
  apiSchemaFile,
  urlVariableOf,
  type SubgraphDefinition,
} from './subgraphs.ts';
export { checkReadiness, type Readiness, type SubgraphReadiness } from './health.ts';
export { protectionFromEnv, type ProtectionOptions } from './config.ts';
export { DEFAULT_LIMITS, limitsFromEnv, type OperationLimits } from './limits.ts';
export { DEFAULT_RATE_LIMIT, type RateLimitOptions } from './rate-limit.ts';
export type { CorsOrigins } from './cors.ts';
export {
  DEFAULT_WEBSOCKET_CAPS,
  TOO_MANY_CONNECTIONS_CLOSE_CODE,
  type WebSocketCaps,
} from './websocket-caps.ts';
export {
  buildManifest,
  documentId,
  manifestFile,
  readManifest,
  trustedDocumentsDir,
  type TrustedDocumentsMode,
} from './trusted-documents.ts';
export { createGatewayLogger, REDACTED_LOG_PATHS, type GatewayLogging, type LogSink } from './logging.ts';
export {
  createDashboardHandler,
  DASHBOARD_PATH,
  dashboardDistDir,
  dashboardOidcFromEnv,
  DEV_TOKEN_PATH,
  type DashboardHandler,
  type DashboardOidc,
  type DashboardOptions,
} from './dashboard-assets.ts';
export {
  CACHE_STATUS_HEADER,
  responseCacheFromEnv,
  type ResponseCacheOptions,
} from './response-cache/index.ts';
export { NODE_OWNER_FIELDS, withNodeOwnerChecks, applyNodeOwnerChecks } from './node-ids.ts';
