import { join } from 'node:path';
import { diff, CriticalityLevel } from '@graphql-inspector/core';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
} from 'graphql';
import { repoRoot } from './subgraphs.ts';

/**
 * The public API schema as last released: `schema/api.graphql` copied here when a release is
 * tagged. Integrators' clients are built against it, so the current schema must stay compatible.
 */
export const releasedApiSchemaFile: string = join(repoRoot, 'schema', 'released', 'api.graphql');

/** One difference between the released and the current public API schema. */
export interface SchemaChange {
  /** BREAKING changes fail clients written against the release; DANGEROUS ones may change their results. */
  readonly level: 'BREAKING' | 'DANGEROUS' | 'NON_BREAKING';
  /** The schema coordinate changed, e.g. `Incident.title`. */
  readonly path: string | undefined;
  readonly message: string;
}

/** Every difference from the released to the current schema, as graphql-inspector grades it. */
export async function compareSchemas(releasedSdl: string, currentSdl: string): Promise<SchemaChange[]> {
  const changes = await diff(buildSchema(releasedSdl), buildSchema(currentSdl));
  return changes.map((change) => ({
    level:
      change.criticality.level === CriticalityLevel.Breaking
        ? 'BREAKING'
        : change.criticality.level === CriticalityLevel.Dangerous
          ? 'DANGEROUS'
          : 'NON_BREAKING',
    path: change.path,
    message: change.message,
  }));
}

/** The breaking changes among `changes`. */
export function breakingChanges(changes: readonly SchemaChange[]): SchemaChange[] {
  return changes.filter((change) => change.level === 'BREAKING');
}

/**
 * What to tell whoever made breaking changes: the changes, and how to make the same move without
 * breaking anyone (deprecate and keep serving instead of removing or changing).
 */
export function explainBreakingChanges(breaking: readonly SchemaChange[]): string {
  if (breaking.length === 0) return 'No breaking change since the last release.';
  return [
    `${breaking.length} breaking change(s) since the last release (schema/released/api.graphql):`,
    ...breaking.map((change) => `  - ${change.message}`),
    '',
    'Clients built against the release would fail. Change the schema without breaking them:',
    '  - instead of removing or renaming a field, argument or enum value, keep it, mark it',
    '    @deprecated(reason: "Use <replacement>.") in the subgraph schema, and add the replacement;',
    '  - instead of changing a type, add a new field with the new type and deprecate the old one;',
    '  - new arguments and input fields must be optional (nullable or with a default).',
    'Deprecated elements stay in the schema and keep working; see "Published schema" in README.',
  ].join('\n');
}

/**
 * Schema coordinates in `sdl` that have no description: types, fields, arguments, enum values
 * and input fields (GraphQL's own scalars and introspection types excepted).
 */
export function undocumentedElements(sdl: string): string[] {
  const missing: string[] = [];
  const note = (coordinate: string, description: string | null | undefined) => {
    if (!description?.trim()) missing.push(coordinate);
  };
  for (const type of Object.values(buildSchema(sdl).getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    note(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        note(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args) note(`${type.name}.${field.name}(${arg.name}:)`, arg.description);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        note(`${type.name}.${field.name}`, field.description);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) note(`${type.name}.${value.name}`, value.description);
    }
  }
  return missing;
}
