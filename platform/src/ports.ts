import { portFromEnv } from './service.ts';

/**
 * Every service's port when nothing else is configured: the one table of them (docs/architecture.md,
 * Shape). Each is overridden by `<NAME>_PORT` (GATEWAY_PORT, CONTACTS_PORT, …); the gateway finds
 * each subgraph at `http://localhost:<port>/graphql` unless `<NAME>_URL` says otherwise.
 */
export const DEFAULT_PORTS = {
  gateway: 4000,
  contacts: 4001,
  incidents: 4002,
  dataflows: 4003,
  aipolicy: 4004,
} as const;

/** A service of the graph: the gateway or one of the four subgraphs. */
export type ServiceName = keyof typeof DEFAULT_PORTS;

/** The environment variable that overrides a service's port, e.g. `CONTACTS_PORT`. */
export function portVariableOf(name: string): string {
  return `${name.toUpperCase()}_PORT`;
}

/** A service's port: `<NAME>_PORT` from the environment, else its default from the table. */
export function servicePortFromEnv(env: NodeJS.ProcessEnv, name: ServiceName): number {
  return portFromEnv(env, portVariableOf(name), DEFAULT_PORTS[name]);
}

/** Where a subgraph listens when nothing else is configured: `http://localhost:<port>/graphql`. */
export function defaultSubgraphUrl(name: ServiceName): string {
  return `http://localhost:${DEFAULT_PORTS[name]}/graphql`;
}
