import { Kind, parse, type SelectionSetNode } from 'graphql';
import { ACCEPTS, type HttpCase, type HttpCaseContext } from './http-case-kit.ts';
import { documentCaseGenerators } from './http-cases-documents.ts';
import { requestCaseGenerators } from './http-cases-requests.ts';
import type { Random } from './random.ts';

export type { HttpCase, HttpCaseContext, HttpExpectation } from './http-case-kit.ts';

// Both halves, in the order a seed has always picked from.
const generators = [...documentCaseGenerators, ...requestCaseGenerators];

/** The HTTP case for this generator; the control generator's cases must answer without errors. */
export function generateHttpCase(rng: Random, context: HttpCaseContext): HttpCase {
  const generate = rng.weighted(generators);
  const made = generate(rng, context);
  if (made.kind === 'valid-query')
    // Control cases go out with a well-formed request, so anything but data is a failure.
    return {
      ...made,
      headers: { ...made.headers, accept: ACCEPTS[0]! },
      expect: { status: [200], noErrors: true },
    };
  if (!context.vocabulary.subgraph) return made;
  const nullFields = privateFieldsAsked(made);
  return nullFields.length ? { ...made, expect: { ...made.expect, nullFields } } : made;
}

/** Root fields a subgraph keeps for the gateway: its SDL and introspection. */
const PRIVATE_ROOT_FIELDS = new Set(['_service', '__schema', '__type']);

/** Response keys of the private root fields a single (not batched) request asks for. */
function privateFieldsAsked(fuzzCase: HttpCase): string[] {
  let query: unknown;
  if (fuzzCase.search !== undefined) query = new URLSearchParams(fuzzCase.search).get('query');
  else if (typeof fuzzCase.body === 'string') {
    try {
      query = (JSON.parse(fuzzCase.body) as { query?: unknown } | null)?.query;
    } catch {
      return [];
    }
  }
  if (typeof query !== 'string' || !/\b(?:_service|__schema|__type)\b/.test(query)) return [];
  try {
    const document = parse(query);
    const fragments = new Map(
      document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])),
    );
    const keys = new Set<string>();
    const visit = (selectionSet: SelectionSetNode, seen: Set<string>) => {
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (PRIVATE_ROOT_FIELDS.has(selection.name.value))
            keys.add(selection.alias?.value ?? selection.name.value);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, seen);
        else if (!seen.has(selection.name.value)) {
          const fragment = fragments.get(selection.name.value);
          if (fragment) visit(fragment.selectionSet, new Set([...seen, selection.name.value]));
        }
      }
    };
    for (const definition of document.definitions)
      if (definition.kind === Kind.OPERATION_DEFINITION) visit(definition.selectionSet, new Set());
    return [...keys];
  } catch {
    return [];
  }
}
