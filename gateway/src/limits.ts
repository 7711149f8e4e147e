import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import {
  costRefusal,
  documentSizeRefusal,
  limitValidationRules,
  tokenLimitOptions,
  variablesRefusal,
  type OperationLimits,
} from '@cadg/platform';
import type { ExecutionArgs, GraphQLError } from 'graphql';

// The limits themselves live in platform, shared with every subgraph port.
export { DEFAULT_LIMITS, limitsFromEnv, tooComplex, type OperationLimits } from '@cadg/platform';

/** How many variable sets per document keep their verdict (dashboards poll a few each). */
const VERDICTS_PER_DOCUMENT = 32;
/** Variables longer than this (as JSON) are estimated every time, so verdicts stay small. */
const MAX_VERDICT_KEY_CHARS = 1024;

/**
 * Which (schema, document, variables) passed the cost estimate. The runtime hands the same parsed
 * document to every request with the same text, so a document that polls is estimated once per
 * set of variables, not per request. Weakly held: documents the runtime's parse cache drops go
 * with their verdicts; each keeps its last VERDICTS_PER_DOCUMENT, of variables up to
 * MAX_VERDICT_KEY_CHARS (at most 32 kB per document). Refusals are not kept: each gets
 * an error of its own (errors are annotated per request on their way out).
 */
class CostVerdicts {
  readonly #bySchema = new WeakMap<object, WeakMap<object, Set<string>>>();

  refusal(args: ExecutionArgs, limits: OperationLimits): GraphQLError | null {
    let byDocument = this.#bySchema.get(args.schema);
    if (!byDocument) this.#bySchema.set(args.schema, (byDocument = new WeakMap()));
    let passed = byDocument.get(args.document);
    if (!passed) byDocument.set(args.document, (passed = new Set()));
    const variables = args.variableValues ?? {};
    const key = `${args.operationName ?? ''}\n${JSON.stringify(variables)}`;
    if (passed.has(key)) return null;
    const error = costRefusal(args.schema, args.document, variables, args.operationName, limits);
    if (error || key.length > MAX_VERDICT_KEY_CHARS) return error;
    if (passed.size >= VERDICTS_PER_DOCUMENT) passed.delete(passed.values().next().value!);
    passed.add(key);
    return null;
  }
}

/**
 * The operation limits as gateway plugins, from the same implementation the subgraph ports use
 * (platform's limits.ts): graphql-armor for tokens, depth, aliases and directives, our own cost
 * estimate (armor's ignores `first`; the runtime's demand control charges per subgraph call, i.e.
 * only after earlier calls have run), and, in production, no "did you mean" field suggestions that
 * would map the schema for a caller.
 */
export function operationLimitPlugins(
  limits: OperationLimits,
  { production }: { production: boolean },
): GatewayPlugin[] {
  const rules = limitValidationRules(limits);
  const verdicts = new CostVerdicts();
  // Estimates the cost before anything runs (queries, mutations and subscriptions alike).
  const refuseIfTooCostly = (args: ExecutionArgs) => {
    const error = verdicts.refusal(args, limits);
    if (error) throw error;
  };
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
      // Before the runtime parses (and caches) anything, and before graphql-js coerces variables
      // recursively.
      onParams({ params, setResult }) {
        const variablesError = variablesRefusal(params.variables, limits);
        if (variablesError) return setResult({ errors: [variablesError] });
        const sizeError = typeof params.query === 'string' ? documentSizeRefusal(params.query, limits) : null;
        if (sizeError) setResult({ errors: [sizeError] });
      },
      onValidate: ({ addValidationRule }) => {
        for (const rule of rules) addValidationRule(rule);
      },
      onExecute: ({ args }) => refuseIfTooCostly(args),
      onSubscribe: ({ args }) => refuseIfTooCostly(args),
    },
    maxTokensPlugin(tokenLimitOptions(limits)),
  ];
  if (production) plugins.push(blockFieldSuggestionsPlugin());
  return plugins;
}
