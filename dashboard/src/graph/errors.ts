import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { TFunction } from 'i18next';

/** One problem the API reported, as a form or page shows it. */
export interface Problem {
  /** The error's `extensions.code`, `network` when no answer came, or `unknown`. */
  code: string;
  /** The input path the API named (`extensions.field`, e.g. `input.title`), when it named one. */
  field: string | null;
  /** The API's own words (English, as stored). */
  detail: string;
}

/** Codes the interface has its own sentence for (platform's ErrorCode and the gateway's request codes). */
const KNOWN = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'GATEWAY_TIMEOUT',
  'TRUSTED_DOCUMENT_NOT_FOUND',
]);

/** Reads what went wrong out of an Apollo error: GraphQL errors with their codes, or the transport's. */
export function problemsOf(error: unknown): Problem[] {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.map((e) => {
      const extensions = (e.extensions ?? {}) as { code?: unknown; field?: unknown };
      return {
        code: typeof extensions.code === 'string' ? extensions.code : 'unknown',
        field: typeof extensions.field === 'string' ? extensions.field : null,
        detail: e.message,
      };
    });
  }
  if (ServerError.is(error)) {
    const code =
      error.statusCode === 401 ? 'UNAUTHENTICATED' : error.statusCode === 429 ? 'RATE_LIMITED' : 'unknown';
    return [{ code, field: null, detail: error.message }];
  }
  if (error instanceof TypeError) return [{ code: 'network', field: null, detail: error.message }];
  return [{ code: 'unknown', field: null, detail: error instanceof Error ? error.message : String(error) }];
}

/** A clear sentence for a problem, in the interface's language. */
export function describeProblem(t: TFunction, problem: Problem): string {
  if (problem.code === 'network') return t('errors.network');
  const key = KNOWN.has(problem.code) ? problem.code : 'unknown';
  return t(`errors.${key as 'unknown'}`, { detail: problem.detail });
}

/**
 * Splits problems into those the API tied to one of the form's fields and the rest. A field
 * matches its own path and anything under it (`input.indicators.2.value` → `input.indicators`).
 */
export function problemsByField(
  problems: readonly Problem[],
  fields: readonly string[],
): { byField: Map<string, Problem>; general: Problem[] } {
  const byField = new Map<string, Problem>();
  const general: Problem[] = [];
  for (const problem of problems) {
    const field = fields.find((f) => problem.field === f || problem.field?.startsWith(`${f}.`));
    if (field && !byField.has(field)) byField.set(field, problem);
    else general.push(problem);
  }
  return { byField, general };
}
