import { buildSchema, graphql, valueFromASTUntyped, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectsField } from '../src/selection.ts';

// A union like `_Entity`: the field whose selection is inspected returns one of two object types.
const schema = buildSchema(/* GraphQL */ `
  type Query {
    things: [Thing]
  }
  union Thing = Country | Organization
  type Country {
    code: String
    positions(includeSuperseded: Boolean): [String]
  }
  type Organization {
    id: String
    positions: [String]
    contacts: [String]
  }
`);

/** What `selectsField` says, from inside `things`, for the document and each question. */
async function asked(
  document: string,
  questions: [
    type: string,
    field: string,
    accept?: (info: GraphQLResolveInfo) => Parameters<typeof selectsField>[3],
  ][],
  variables?: Record<string, unknown>,
): Promise<boolean[]> {
  let answers: boolean[] = [];
  const result = await graphql({
    schema,
    source: document,
    variableValues: variables,
    rootValue: {
      things: (_: unknown, __: unknown, info: GraphQLResolveInfo) => {
        answers = questions.map(([type, field, accept]) => selectsField(info, type, field, accept?.(info)));
        return [];
      },
    },
  });
  expect(result.errors).toBeUndefined();
  return answers;
}

const notSuperseded =
  (info: GraphQLResolveInfo) => (field: Parameters<NonNullable<Parameters<typeof selectsField>[3]>>[0]) => {
    const argument = field.arguments?.find((a) => a.name.value === 'includeSuperseded');
    return !argument || valueFromASTUntyped(argument.value, info.variableValues) !== true;
  };

describe('selectsField', () => {
  it('finds a field under an inline fragment on its type, and not under one on another type', async () => {
    const answers = await asked('{ things { ... on Organization { contacts } ... on Country { code } } }', [
      ['Organization', 'contacts'],
      ['Country', 'contacts'],
      ['Country', 'positions'],
      ['Organization', 'positions'],
    ]);
    expect(answers).toEqual([true, false, false, false]);
  });

  it('follows named fragments and fragments without a type, and aliases', async () => {
    const document = /* GraphQL */ `
      query {
        things {
          ...Org
        }
      }
      fragment Org on Organization {
        ... {
          listed: positions
        }
      }
    `;
    expect(
      await asked(document, [
        ['Organization', 'positions'],
        ['Organization', 'contacts'],
      ]),
    ).toEqual([true, false]);
  });

  it('asks `accept` about the field, with its arguments and the variables', async () => {
    const document = /* GraphQL */ `
      query ($all: Boolean) {
        things {
          ... on Country {
            positions(includeSuperseded: $all)
          }
        }
      }
    `;
    const question: [string, string, typeof notSuperseded] = ['Country', 'positions', notSuperseded];
    expect(await asked(document, [question], { all: true })).toEqual([false]);
    expect(await asked(document, [question], { all: false })).toEqual([true]);
    expect(await asked(document, [question])).toEqual([true]);
    expect(await asked('{ things { ... on Country { positions } } }', [question])).toEqual([true]);
  });
});
