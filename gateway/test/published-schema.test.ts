import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  breakingChanges,
  compareSchemas,
  explainBreakingChanges,
  releasedApiSchemaFile,
  undocumentedElements,
} from '../src/schema-check.ts';
import { apiSchemaFile } from '../src/subgraphs.ts';

describe('the published API schema', () => {
  it('has no breaking change since the last release (deprecate instead of removing)', async () => {
    const [released, current] = await Promise.all([
      readFile(releasedApiSchemaFile, 'utf8'),
      readFile(apiSchemaFile, 'utf8'),
    ]);
    const breaking = breakingChanges(await compareSchemas(released, current));
    expect(breaking, explainBreakingChanges(breaking)).toEqual([]);
  });

  it('describes every type, field, argument, enum value and input field', async () => {
    const undocumented = undocumentedElements(await readFile(apiSchemaFile, 'utf8'));
    expect(undocumented, 'add descriptions in the subgraph schema.graphql, then `npm run compose`').toEqual(
      [],
    );
  });
});

const RELEASED = /* GraphQL */ `
  "Entry points."
  type Query {
    "An incident."
    incident("Its id." id: ID!): Incident
  }
  "An incident."
  type Incident {
    "Its id."
    id: ID!
    "Its title."
    title: String!
  }
`;

describe('the breaking-change check', () => {
  it('reports a removed field as breaking and says to deprecate it instead', async () => {
    const current = RELEASED.replace('"Its title."\n    title: String!', '');
    const breaking = breakingChanges(await compareSchemas(RELEASED, current));
    expect(breaking.map((change) => change.path)).toEqual(['Incident.title']);
    expect(explainBreakingChanges(breaking)).toMatch(/@deprecated\(reason:/);
  });

  it('reports a new required argument and a narrowed type as breaking', async () => {
    const current = RELEASED.replace(
      'incident("Its id." id: ID!)',
      'incident("Its id." id: ID!, "Why." reason: String!)',
    ).replace('title: String!', 'title: Int!');
    const breaking = breakingChanges(await compareSchemas(RELEASED, current));
    expect(breaking.map((change) => change.path).sort()).toEqual(['Incident.title', 'Query.incident.reason']);
  });

  it('accepts a deprecation, an added field and an optional argument', async () => {
    const current = RELEASED.replace(
      '"Its title."\n    title: String!',
      '"Its title."\n    title: String! @deprecated(reason: "Use `headline`.")\n    "Its headline."\n    headline: String!',
    ).replace(
      'incident("Its id." id: ID!)',
      'incident("Its id." id: ID!, "Only if shared." shared: Boolean)',
    );
    const changes = await compareSchemas(RELEASED, current);
    expect(changes.length).toBeGreaterThan(0);
    expect(breakingChanges(changes)).toEqual([]);
  });
});

describe('the description check', () => {
  it('names each element without a description by its schema coordinate', () => {
    const sdl = /* GraphQL */ `
      type Query {
        "Countries."
        countries(aseanMember: Boolean): [String!]!
      }
      "A severity."
      enum Severity {
        "Low."
        LOW
        HIGH
      }
      "A filter."
      input Filter {
        text: String
      }
    `;
    expect(undocumentedElements(sdl).sort()).toEqual(
      ['Filter.text', 'Query', 'Query.countries(aseanMember:)', 'Severity.HIGH'].sort(),
    );
  });
});
