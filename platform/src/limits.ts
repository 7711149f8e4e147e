import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { MaxTokensOptions } from '@escape.tech/graphql-armor-max-tokens';
import {
  GraphQLError,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { operationCost } from './cost.ts';
import { ErrorCode } from './errors.ts';
import { costKey, DocumentVerdicts, tokenCountingParser } from './limit-verdicts.ts';

export { operationCost } from './cost.ts';

/**
 * Limits on what one request may ask of the graph, the same on the gateway and on every subgraph
 * port; every refusal is QUERY_TOO_COMPLEX naming its limit.
 */
export interface OperationLimits {
  /** Deepest field nesting. @default 12 */
  maxDepth: number;
  /** Aliases in one operation (alias bombs multiply work). @default 20 */
  maxAliases: number;
  /** Lexical tokens in one document, checked while parsing. @default 3000 */
  maxTokens: number;
  /** Directives in one operation. @default 20 */
  maxDirectives: number;
  /** Estimated cost: objects returned, lists weighted by `first` (see cost.ts). @default 20000 */
  maxCost: number;
  /** Items assumed for a list field without a `first` argument. @default 20 */
  assumedListSize: number;
  /** Largest request body, in bytes. @default 262144 */
  maxBodyBytes: number;
  /**
   * Largest GraphQL document (the `query` text), in UTF-8 bytes. Parsed documents, and parse
   * errors, are cached by their text (1,024 of each): without this bound, distinct large documents
   * (a body's worth each) would hold hundreds of megabytes in those caches.
   * @default 16384
   */
  maxDocumentBytes: number;
  /**
   * Deepest nesting of arrays and objects in `variables`. graphql-js coerces variables
   * recursively, so a value nested thousands deep would exhaust the stack.
   * @default 64
   */
  maxVariableDepth: number;
  /** Operations in one batched HTTP request. @default 10 */
  maxBatch: number;
}

export const DEFAULT_LIMITS: Readonly<OperationLimits> = {
  maxDepth: 12,
  maxAliases: 20,
  maxTokens: 3000,
  maxDirectives: 20,
  maxCost: 20_000,
  assumedListSize: 20,
  maxBodyBytes: 262_144,
  maxDocumentBytes: 16_384,
  maxVariableDepth: 64,
  maxBatch: 10,
};

const ENV_NAMES: Record<keyof OperationLimits, string> = {
  maxDepth: 'LIMIT_MAX_DEPTH',
  maxAliases: 'LIMIT_MAX_ALIASES',
  maxTokens: 'LIMIT_MAX_TOKENS',
  maxDirectives: 'LIMIT_MAX_DIRECTIVES',
  maxCost: 'LIMIT_MAX_COST',
  assumedListSize: 'LIMIT_ASSUMED_LIST_SIZE',
  maxBodyBytes: 'LIMIT_MAX_BODY_BYTES',
  maxDocumentBytes: 'LIMIT_MAX_DOCUMENT_BYTES',
  maxVariableDepth: 'LIMIT_MAX_VARIABLE_DEPTH',
  maxBatch: 'LIMIT_MAX_BATCH',
};

/** Reads `LIMIT_*` variables over the defaults, refusing values that are not positive integers. */
export function limitsFromEnv(env: NodeJS.ProcessEnv): OperationLimits {
  return positiveIntegersFromEnv(env, DEFAULT_LIMITS, ENV_NAMES);
}

/**
 * Settings that are positive integers, read from the variables `names` gives over `defaults`: an
 * unset or empty variable keeps the default, a value that is not a positive integer throws.
 */
export function positiveIntegersFromEnv<T extends { [K in keyof T]: number }>(
  env: NodeJS.ProcessEnv,
  defaults: Readonly<T>,
  names: Record<keyof T, string>,
): T {
  const settings = { ...defaults } as T;
  for (const key of Object.keys(names) as (keyof T)[]) {
    const raw = env[names[key]];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < 1)
      throw new Error(`${names[key]}=${raw} is not a positive integer.`);
    settings[key] = value as T[keyof T];
  }
  return settings;
}

/** The error every limit answers with: one code clients can branch on, `limit` saying which. */
export function tooComplex(limit: keyof OperationLimits, message: string, status = 400): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.QueryTooComplex, limit, http: { status } },
  });
}

/** graphql-armor reports through callbacks; ours turn its rejection into our coded error. */
function armorRejection(limit: keyof OperationLimits, message: string) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null) => {
        const error = tooComplex(limit, message);
        // Validation rules get a context to report to; the token counter runs inside the parser.
        if (context) context.reportError(error);
        else throw error;
      },
    ],
  };
}

/** graphql-armor's token counter, configured with our limit and error (for a parser or a plugin). */
export function tokenLimitOptions(limits: OperationLimits): MaxTokensOptions {
  return {
    n: limits.maxTokens,
    ...armorRejection('maxTokens', `The document has more than ${limits.maxTokens} tokens.`),
  };
}

/** graphql-armor's depth, alias and directive rules as validation rules, with our limits and errors. */
export function limitValidationRules(limits: OperationLimits): ValidationRule[] {
  return [
    maxDepthRule({
      n: limits.maxDepth,
      flattenFragments: true,
      ...armorRejection('maxDepth', `The operation is nested deeper than ${limits.maxDepth} levels.`),
    }),
    maxAliasesRule({
      n: limits.maxAliases,
      ...armorRejection('maxAliases', `The operation uses more than ${limits.maxAliases} aliases.`),
    }),
    maxDirectivesRule({
      n: limits.maxDirectives,
      ...armorRejection('maxDirectives', `The operation uses more than ${limits.maxDirectives} directives.`),
    }),
  ];
}

/** Refuses a document over `maxDocumentBytes` before anything parses (or caches) it. */
export function documentSizeRefusal(query: string, limits: OperationLimits): GraphQLError | null {
  if (query.length <= limits.maxDocumentBytes && Buffer.byteLength(query) <= limits.maxDocumentBytes)
    return null;
  return tooComplex(
    'maxDocumentBytes',
    `The GraphQL document is larger than ${limits.maxDocumentBytes} bytes; send large values as variables.`,
  );
}

/** Refuses an operation whose estimated cost is over the limit, before anything runs. */
export function costRefusal(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>>,
  operationName: string | null | undefined,
  limits: OperationLimits,
): GraphQLError | null {
  const cost = operationCost(schema, document, variables, operationName, limits.assumedListSize);
  if (cost <= limits.maxCost) return null;
  return tooComplex(
    'maxCost',
    `The operation's estimated cost ${cost} is over the limit of ${limits.maxCost}; ask for smaller pages.`,
  );
}

/**
 * Refuses `variables` nested deeper than `maxVariableDepth`. Walks with an explicit stack, so
 * the check itself cannot overflow on the input it guards against.
 */
export function variablesRefusal(variables: unknown, limits: OperationLimits): GraphQLError | null {
  const pending: { value: unknown; depth: number }[] = [{ value: variables, depth: 0 }];
  while (pending.length > 0) {
    const { value, depth } = pending.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= limits.maxVariableDepth) {
      return tooComplex(
        'maxVariableDepth',
        `The variables are nested deeper than ${limits.maxVariableDepth} levels.`,
      );
    }
    for (const child of Object.values(value)) pending.push({ value: child, depth: depth + 1 });
  }
  return null;
}

/** What a GraphQL request asks for, as received (over HTTP or graphql-ws). */
export interface OperationRequest {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

/**
 * Every operation limit, in the order that costs least first: variables, document size, tokens
 * (while parsing), depth, aliases and directives (graphql-armor's rules), then the estimated cost.
 * For servers that parse and validate on their own afterwards (Apollo Server caches validated
 * documents for every caller, so per-caller rules cannot live inside it).
 *
 * `extraRules` run with the limit rules (e.g. fields only some callers may ask for). What the
 * document's text decides is worked out once per text (limit-verdicts.ts): pass the same `limits`
 * and `extraRules` objects on every call.
 * @returns the errors to answer with, or an empty list when the operation is within the limits.
 */
export function operationLimitErrors(
  schema: GraphQLSchema,
  request: OperationRequest,
  limits: OperationLimits,
  extraRules: readonly ValidationRule[] = NO_RULES,
): readonly GraphQLError[] {
  const variablesError = variablesRefusal(request.variables, limits);
  if (variablesError) return [variablesError];
  // Apollo Server answers a missing or mistyped query itself, with its own coded 400.
  if (typeof request.query !== 'string') return [];
  const sizeError = documentSizeRefusal(request.query, limits);
  if (sizeError) return [sizeError];
  const verdict = verdictsFor(schema, limits, extraRules).verdictOn(request.query);
  if (verdict.kind === 'unparsable') return [];
  if (verdict.kind === 'refused') return verdict.errors;
  const operationName = typeof request.operationName === 'string' ? request.operationName : null;
  // The estimate reads `first` and `representations`, which may be variables: recomputed per
  // request unless the document declares none.
  const key = verdict.variableFree ? costKey(verdict.document, operationName) : null;
  let costError = key === null ? undefined : verdict.costs.get(key);
  if (costError === undefined) {
    const variables =
      typeof request.variables === 'object' && request.variables !== null
        ? (request.variables as Record<string, unknown>)
        : {};
    costError = costRefusal(schema, verdict.document, variables, operationName, limits);
    if (key !== null) verdict.costs.set(key, costError);
  }
  return costError ? [costError] : [];
}

/** The default for `extraRules`: one array, so calls without rules share one verdict cache. */
const NO_RULES: readonly ValidationRule[] = [];

/** Verdict caches by schema, limits object and rules array (each held weakly). */
const verdictCaches = new WeakMap<
  GraphQLSchema,
  WeakMap<OperationLimits, WeakMap<readonly ValidationRule[], DocumentVerdicts>>
>();

/**
 * The verdict cache for one schema, limits and rules. Callers pass the same objects on every call
 * (a server's limits, a module's rule list); new objects get a cache of their own.
 */
function verdictsFor(
  schema: GraphQLSchema,
  limits: OperationLimits,
  extraRules: readonly ValidationRule[],
): DocumentVerdicts {
  let bySchema = verdictCaches.get(schema);
  if (!bySchema) verdictCaches.set(schema, (bySchema = new WeakMap()));
  let byLimits = bySchema.get(limits);
  if (!byLimits) bySchema.set(limits, (byLimits = new WeakMap()));
  let verdicts = byLimits.get(extraRules);
  if (!verdicts) {
    verdicts = new DocumentVerdicts(schema, tokenCountingParser(tokenLimitOptions(limits)), [
      ...limitValidationRules(limits),
      ...extraRules,
    ]);
    byLimits.set(extraRules, verdicts);
  }
  return verdicts;
}
