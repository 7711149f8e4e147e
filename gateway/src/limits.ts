import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { ErrorCode } from '@cadg/platform';
import { GraphQLError, type ExecutionArgs, type ValidationContext } from 'graphql';
import { operationCost } from './cost.ts';

/** Limits on what one request may ask of the graph; every refusal is QUERY_TOO_COMPLEX naming its limit. */
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
  maxBatch: 'LIMIT_MAX_BATCH',
};

/** Reads `LIMIT_*` variables over the defaults, refusing values that are not positive integers. */
export function limitsFromEnv(env: NodeJS.ProcessEnv): OperationLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(ENV_NAMES) as (keyof OperationLimits)[]) {
    const raw = env[ENV_NAMES[key]];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < 1)
      throw new Error(`${ENV_NAMES[key]}=${raw} is not a positive integer.`);
    limits[key] = value;
  }
  return limits;
}

/** The error every limit answers with: one code clients can branch on, `limit` saying which. */
export function tooComplex(limit: keyof OperationLimits, message: string, status = 400): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.QueryTooComplex, limit, http: { status } },
  });
}

/** graphql-armor reports through callbacks; ours turn its rejection into our coded error. */
function reject(limit: keyof OperationLimits, message: string) {
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

/** Estimates the cost before anything runs (queries, mutations and subscriptions alike). */
function refuseIfTooCostly(args: ExecutionArgs, limits: OperationLimits): void {
  const cost = operationCost(
    args.schema,
    args.document,
    args.variableValues ?? {},
    args.operationName,
    limits.assumedListSize,
  );
  if (cost > limits.maxCost) {
    throw tooComplex(
      'maxCost',
      `The operation's estimated cost ${cost} is over the limit of ${limits.maxCost}; ask for smaller pages.`,
    );
  }
}

/**
 * The operation limits as gateway plugins: graphql-armor for depth, aliases, tokens and
 * directives, our own cost estimate (armor's ignores `first`; the runtime's demand control
 * charges per subgraph call, i.e. only after earlier calls have run), and, in production,
 * no "did you mean" field suggestions that would map the schema for a caller.
 */
export function operationLimitPlugins(
  limits: OperationLimits,
  { production }: { production: boolean },
): GatewayPlugin[] {
  const plugins: GatewayPlugin[] = [
    {
      // The runtime caches parse errors by document (1,024 of them). Until an error's stack is
      // read, V8 keeps the receivers of its frames alive: for an error thrown inside the parser,
      // the parser and every token it read (~300 kB for a 16 kB document). Formatting the stack
      // lets them go, so a cached parse error costs its message, not its parser.
      onParse:
        () =>
        ({ result }) => {
          if (result instanceof Error) void result.stack;
        },
      // Before the runtime parses (and caches) anything.
      onParams({ params, setResult }) {
        const { query } = params;
        if (typeof query !== 'string') return;
        if (query.length > limits.maxDocumentBytes || Buffer.byteLength(query) > limits.maxDocumentBytes) {
          setResult({
            errors: [
              tooComplex(
                'maxDocumentBytes',
                `The GraphQL document is larger than ${limits.maxDocumentBytes} bytes; send large values as variables.`,
              ),
            ],
          });
        }
      },
    },
    maxTokensPlugin({
      n: limits.maxTokens,
      ...reject('maxTokens', `The document has more than ${limits.maxTokens} tokens.`),
    }),
    maxDepthPlugin({
      n: limits.maxDepth,
      flattenFragments: true,
      ...reject('maxDepth', `The operation is nested deeper than ${limits.maxDepth} levels.`),
    }),
    maxAliasesPlugin({
      n: limits.maxAliases,
      ...reject('maxAliases', `The operation uses more than ${limits.maxAliases} aliases.`),
    }),
    maxDirectivesPlugin({
      n: limits.maxDirectives,
      ...reject('maxDirectives', `The operation uses more than ${limits.maxDirectives} directives.`),
    }),
    {
      onExecute: ({ args }) => refuseIfTooCostly(args, limits),
      onSubscribe: ({ args }) => refuseIfTooCostly(args, limits),
    },
  ];
  if (production) plugins.push(blockFieldSuggestionsPlugin());
  return plugins;
}
