import { fileURLToPath } from 'node:url';
import { DEFAULT_PORTS } from '@cadg/platform';

/** A subgraph the supergraph composes, as the gateway knows it: by name, port and SDL file only. */
export interface SubgraphDefinition {
  /** The name in the supergraph's `join__Graph` enum; also the prefix of its `<NAME>_URL` variable. */
  readonly name: string;
  /** Port the subgraph listens on when nothing else is configured: platform's one table, DEFAULT_PORTS. */
  readonly defaultPort: number;
  /** Its schema-first SDL, relative to the repository root. */
  readonly schemaFile: string;
}

/**
 * Every subgraph the graph composes. Adding one is adding a line here; composition, `main.ts`
 * and the readiness check pick it up from this list.
 */
export const subgraphs: readonly SubgraphDefinition[] = [
  { name: 'aipolicy', defaultPort: DEFAULT_PORTS.aipolicy, schemaFile: 'subgraphs/aipolicy/schema.graphql' },
  { name: 'contacts', defaultPort: DEFAULT_PORTS.contacts, schemaFile: 'subgraphs/contacts/schema.graphql' },
  {
    name: 'dataflows',
    defaultPort: DEFAULT_PORTS.dataflows,
    schemaFile: 'subgraphs/dataflows/schema.graphql',
  },
  {
    name: 'incidents',
    defaultPort: DEFAULT_PORTS.incidents,
    schemaFile: 'subgraphs/incidents/schema.graphql',
  },
];

// Found from this file's location, so paths hold whatever the working directory is.
const repoRootUrl = new URL('../../', import.meta.url);

/** The repository root (absolute path, with a trailing separator). */
export const repoRoot: string = fileURLToPath(repoRootUrl);

/** Where the composed supergraph SDL is committed. */
export const supergraphFile: string = fileURLToPath(new URL('schema/supergraph.graphql', repoRootUrl));

/** Where the public API schema (what clients see) is committed. */
export const apiSchemaFile: string = fileURLToPath(new URL('schema/api.graphql', repoRootUrl));

/** Absolute path of a subgraph's SDL file. */
export function schemaPathOf(subgraph: SubgraphDefinition): string {
  return fileURLToPath(new URL(subgraph.schemaFile, repoRootUrl));
}

/** The URL a subgraph answers on when it runs on this machine with its default port. */
export function defaultUrlOf(subgraph: SubgraphDefinition): string {
  return `http://localhost:${subgraph.defaultPort}/graphql`;
}

/** The environment variable that overrides a subgraph's URL, e.g. `CONTACTS_URL`. */
export function urlVariableOf(subgraph: SubgraphDefinition): string {
  return `${subgraph.name.toUpperCase()}_URL`;
}
