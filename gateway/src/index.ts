export { createGateway, GRAPHQL_PATH, type Gateway, type GatewayOptions } from './gateway.ts';
export {
  composeFromSchemaFiles,
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
  urlVariableOf,
  type SubgraphDefinition,
} from './subgraphs.ts';
export { checkReadiness, type Readiness, type SubgraphReadiness } from './health.ts';
