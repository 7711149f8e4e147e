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
import type { ExecutionArgs } from 'graphql';

// The limits themselves live in platform, shared with every subgraph port.
export { DEFAULT_LIMITS, limitsFromEnv, tooComplex, type OperationLimits } from '@cadg/platform';

/** Estimates the cost before anything runs (queries, mutations and subscriptions alike). */
function refuseIfTooCostly(args: ExecutionArgs, limits: OperationLimits): void {
  const error = costRefusal(
    args.schema,
    args.document,
    args.variableValues ?? {},
    args.operationName,
    limits,
  );
  if (error) throw error;
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
      onExecute: ({ args }) => refuseIfTooCostly(args, limits),
      onSubscribe: ({ args }) => refuseIfTooCostly(args, limits),
    },
    maxTokensPlugin(tokenLimitOptions(limits)),
  ];
  if (production) plugins.push(blockFieldSuggestionsPlugin());
  return plugins;
}
