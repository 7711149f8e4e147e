import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import { LRUCache } from 'lru-cache';
import {
  Kind,
  validate,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { ErrorCode, isPublicError } from './errors.ts';

/**
 * What a document's text alone decides under one schema, set of limits and rules: refused (too many
 * tokens, or the depth, alias, directive and extra rules), left to the server (a syntax error, which
 * Apollo Server reports with its own code), or parsed and within the rule limits, with the costs
 * already estimated for its operations when they do not depend on variables.
 */
export type DocumentVerdict =
  | { readonly kind: 'refused'; readonly errors: readonly GraphQLError[] }
  | { readonly kind: 'unparsable' }
  | {
      readonly kind: 'parsed';
      readonly document: DocumentNode;
      /** No operation declares variables, so its cost is the same for every request. */
      readonly variableFree: boolean;
      /** Cost refusals (or null) by operation name ('' for the anonymous choice), when variable-free. */
      readonly costs: Map<string, GraphQLError | null>;
    };

/** Verdicts remembered per schema, limits and rules, at most this many documents. */
const MAX_DOCUMENTS = 1_024;
/** And at most this many characters of document text in all (their parsed forms are larger). */
const MAX_TEXT = 4 * 1_048_576;

/**
 * The verdicts on documents a server has seen: the gateway sends the same few documents (its query
 * plans) over and over, and each used to be parsed with a token counter and validated against the
 * limit rules on every call, on top of Apollo Server's own parse (which it caches). Keyed by the
 * document text (the Map hashes it); bounded in count and in text held, least recently used out
 * first (lru-cache).
 */
export class DocumentVerdicts {
  readonly #verdicts = new LRUCache<string, DocumentVerdict>({
    max: MAX_DOCUMENTS,
    maxSize: MAX_TEXT,
    sizeCalculation: (_verdict, query) => Math.max(1, query.length),
  });

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly parse: (query: string) => DocumentNode,
    private readonly rules: readonly ValidationRule[],
  ) {}

  /** The verdict on `query`, from the cache or worked out (and remembered) now. */
  verdictOn(query: string): DocumentVerdict {
    const known = this.#verdicts.get(query);
    if (known) return known;
    const verdict = this.#judge(query);
    this.#verdicts.set(query, verdict);
    return verdict;
  }

  get size(): number {
    return this.#verdicts.size;
  }

  #judge(query: string): DocumentVerdict {
    let document: DocumentNode;
    try {
      document = this.parse(query);
    } catch (error) {
      // Our token refusal, or a syntax error that Apollo Server will report with its own code.
      // By shape: the parser may come from graphql's other build (see isPublicError).
      return isPublicError(error) && error.extensions['code'] === ErrorCode.QueryTooComplex
        ? { kind: 'refused', errors: [error] }
        : { kind: 'unparsable' };
    }
    const errors = validate(this.schema, document, this.rules);
    if (errors.length > 0) return { kind: 'refused', errors };
    const variableFree = document.definitions.every(
      (definition) =>
        definition.kind !== Kind.OPERATION_DEFINITION || (definition.variableDefinitions ?? []).length === 0,
    );
    return { kind: 'parsed', document, variableFree, costs: new Map() };
  }
}

/** The key a variable-free document's cost is remembered under, or null when it must not be. */
export function costKey(document: DocumentNode, operationName: string | null): string | null {
  if (operationName === null) return '';
  // Only names the document defines: a client-chosen name must not grow the map.
  const defined = document.definitions.some(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION && definition.name?.value === operationName,
  );
  return defined ? operationName : null;
}

/** A parser counting tokens as it goes: `MaxTokensParserWLexer` with our options. */
export function tokenCountingParser(options: object): (query: string) => DocumentNode {
  return (query) =>
    new MaxTokensParserWLexer(query, {
      ...options,
      noLocation: true,
    } as ConstructorParameters<typeof MaxTokensParserWLexer>[1]).parseDocument();
}
