import {
  GraphQLError,
  isUnionType,
  Kind,
  type GraphQLFieldResolver,
  type GraphQLFormattedError,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { badUserInput, ErrorCode } from './errors.ts';
import {
  DEFAULT_LIMITS,
  limitsFromEnv,
  operationLimitErrors,
  tooComplex,
  type OperationLimits,
} from './limits.ts';
import { checkSignature, type SignedParams } from './upstream-signature.ts';

/**
 * How a subgraph port tells the gateway from everyone else, and what it allows the others.
 *
 * The gateway signs every request it sends (Hive Gateway's HMAC upstream signature). A signed
 * request was checked by the gateway's limits on the client's operation, and is the planner's
 * derivation of it: checking it again would refuse legitimate plans (the planner inlines fragments,
 * which multiplies tokens; `_entities` batches grow with the page). Anything unsigned is a direct
 * caller: in production it is refused; otherwise (the embedded default, for debugging) it gets the
 * gateway's limits, and no `_service`, introspection or field suggestions.
 */
export interface SubgraphSecurity {
  /** The secret shared with the gateway; without it no request counts as the gateway's. */
  signingSecret?: string | undefined;
  /** Refuse every request without a valid signature (production). @default false */
  requireSignature?: boolean | undefined;
  /** Limits for direct (unsigned) callers. @default DEFAULT_LIMITS */
  limits?: OperationLimits | undefined;
}

/** At least 256 bits of secret, written as text (e.g. `openssl rand -base64 32`). */
const MIN_SECRET_LENGTH = 32;

/** `GATEWAY_MODE=production`, or `NODE_ENV=production` when GATEWAY_MODE is unset. */
export function productionFromEnv(env: NodeJS.ProcessEnv): boolean {
  return env['GATEWAY_MODE'] === 'production' || (!env['GATEWAY_MODE'] && env['NODE_ENV'] === 'production');
}

/** The gateway↔subgraph signing secret from `SUBGRAPH_SIGNING_SECRET`; required in production. */
export function signingSecretFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  const secret = env['SUBGRAPH_SIGNING_SECRET'] || undefined;
  if (secret !== undefined && secret.length < MIN_SECRET_LENGTH)
    throw new Error(`SUBGRAPH_SIGNING_SECRET must be at least ${MIN_SECRET_LENGTH} characters long.`);
  if (secret === undefined && productionFromEnv(env))
    throw new Error(
      'Production mode needs SUBGRAPH_SIGNING_SECRET, shared by the gateway and every subgraph.',
    );
  return secret;
}

/** A subgraph's security from the environment (production mode, signing secret, `LIMIT_*`). */
export function subgraphSecurityFromEnv(env: NodeJS.ProcessEnv): SubgraphSecurity {
  return {
    signingSecret: signingSecretFromEnv(env),
    requireSignature: productionFromEnv(env),
    limits: limitsFromEnv(env),
  };
}

/** Fields a direct caller may not ask for: the SDL (`_service`) and introspection. */
const GATEWAY_ONLY_FIELDS = new Set(['_service', '__schema', '__type']);

const gatewayOnlyFields: ValidationRule = (context) => ({
  Field(node) {
    if (!GATEWAY_ONLY_FIELDS.has(node.name.value)) return;
    context.reportError(
      new GraphQLError(`"${node.name.value}" is for the gateway only; query the gateway instead.`, {
        nodes: [node],
        extensions: { code: ErrorCode.Forbidden, http: { status: 403 } },
      }),
    );
  },
});

/** The rules direct callers are checked against besides the limits (one array: see limits.ts). */
const DIRECT_CALLER_RULES: readonly ValidationRule[] = [gatewayOnlyFields];

/** What the guard decided about one request. */
export type GuardDecision =
  | { readonly trusted: boolean; readonly refusal?: undefined }
  | {
      readonly trusted: false;
      readonly refusal: { readonly status: number; readonly errors: GraphQLError[] };
    };

/**
 * Decides whether a subgraph runs a request (HTTP or graphql-ws): signed by the gateway, it runs
 * as sent; unsigned, it is refused in production and checked against the limits otherwise.
 */
export function guardSubgraphRequest(
  schema: GraphQLSchema,
  request: SignedParams & { operationName?: unknown },
  security: SubgraphSecurity,
  { bodyBytes = 0 }: { /** Size of the HTTP body carrying the request. */ bodyBytes?: number } = {},
): GuardDecision {
  const signature = security.signingSecret ? checkSignature(security.signingSecret, request) : 'absent';
  if (signature === 'valid') return { trusted: true };
  if (signature === 'invalid') {
    return refuse(
      403,
      ErrorCode.Forbidden,
      'The request carries a gateway signature that does not match it.',
    );
  }
  if (security.requireSignature) {
    return refuse(
      403,
      ErrorCode.Forbidden,
      'This subgraph answers only the gateway; send your request there.',
    );
  }
  const limits = security.limits ?? DEFAULT_LIMITS;
  // The body limit the gateway applies to clients, for direct callers (the port's own, larger
  // limit is for the gateway's calls).
  if (bodyBytes > limits.maxBodyBytes) {
    const error = tooComplex(
      'maxBodyBytes',
      `The request body is larger than ${limits.maxBodyBytes} bytes.`,
      413,
    );
    return { trusted: false, refusal: { status: 413, errors: [error] } };
  }
  const errors = operationLimitErrors(schema, request, limits, DIRECT_CALLER_RULES);
  if (errors.length === 0) return { trusted: false };
  const status = errors.some((error) => error.extensions['code'] === ErrorCode.Forbidden) ? 403 : 400;
  return { trusted: false, refusal: { status, errors: [...errors] } };
}

function refuse(status: number, code: ErrorCode, message: string): GuardDecision {
  return {
    trusted: false,
    refusal: { status, errors: [new GraphQLError(message, { extensions: { code, http: { status } } })] },
  };
}

/** An error as a response body carries it: no `http` extension (Apollo and Yoga strip it too). */
export function formatRefusal(error: GraphQLError): GraphQLFormattedError {
  const { http: _http, ...extensions } = error.extensions as Record<string, unknown>;
  const formatted = error.toJSON();
  return { ...formatted, extensions };
}

/**
 * Removes graphql-js's "Did you mean …?" hints, which map the schema for a caller guessing names
 * (what Apollo Server's `hideSchemaDetailsFromClientErrors` does over HTTP, for graphql-ws).
 */
export function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean(.+?)\?$/, '');
}

const CHECKED = Symbol('representations checked');

/**
 * Makes `_entities` refuse malformed representations with BAD_USER_INPUT before `@apollo/subgraph`
 * or a loader sees them: each must be an object whose `__typename` names one of the subgraph's
 * entity types and whose key fields (from `@key(fields:)`; all ours are single `ID` fields) are
 * non-empty strings. Otherwise an unknown type or a `null` key would surface as an internal error
 * (from the library, or from SQL). Wraps the resolver once per schema.
 */
export function checkEntityRepresentations(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()['_entities'];
  const union = schema.getType('_Entity');
  const resolve = field?.resolve as
    (GraphQLFieldResolver<unknown, unknown> & { [CHECKED]?: true }) | undefined;
  if (!field || !resolve || resolve[CHECKED] || !isUnionType(union)) return;
  const keyFields = new Map(union.getTypes().map((type) => [type.name, keyFieldsOf(type)]));
  field.resolve = Object.assign(
    (source: unknown, args: Record<string, unknown>, context: unknown, info: GraphQLResolveInfo) => {
      const problem = representationProblem(args['representations'], keyFields);
      if (problem) throw badUserInput('representations', problem);
      return resolve(source, args, context, info);
    },
    { [CHECKED]: true as const },
  );
}

function keyFieldsOf(type: GraphQLObjectType): string[] {
  const directives = [type.astNode, ...type.extensionASTNodes].flatMap((node) => node?.directives ?? []);
  return directives
    .filter((directive) => directive.name.value === 'key')
    .flatMap((directive) => {
      const fields = directive.arguments?.find((argument) => argument.name.value === 'fields')?.value;
      return fields?.kind === Kind.STRING ? fields.value.split(/\s+/).filter(Boolean) : [];
    });
}

function representationProblem(
  representations: unknown,
  keyFields: ReadonlyMap<string, string[]>,
): string | null {
  if (!Array.isArray(representations)) return 'representations must be a list of objects.';
  for (const [index, representation] of representations.entries()) {
    if (typeof representation !== 'object' || representation === null || Array.isArray(representation))
      return `Representation ${index} is not an object.`;
    const { __typename: typename, ...rest } = representation as Record<string, unknown>;
    const keys = typeof typename === 'string' ? keyFields.get(typename) : undefined;
    if (!keys) return `Representation ${index} names no entity type of this subgraph.`;
    const values = keys.length > 0 ? keys.map((key) => rest[key]) : Object.values(rest);
    if (values.length === 0 || values.some((value) => typeof value !== 'string' || value.length === 0))
      return `Representation ${index} lacks a key of its type as a non-empty string.`;
  }
  return null;
}
