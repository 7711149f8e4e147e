import type { OperationLimits } from '@cadg/gateway';
import { forgedCursor } from './documents.ts';
import { nastyString } from './hostile-text.ts';
import type { Random } from './random.ts';
import type { TokenKit } from './tokens.ts';
import type { StringSlot, Vocabulary } from './vocabulary.ts';

// What every HTTP case generator shares: the case's shape, and the request most of them send.

/** One HTTP request the fuzzer sends to a target's GraphQL path, and what it must answer. */
export interface HttpCase {
  /** The generator that made it, for the summary and for reading a failure. */
  kind: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Query string for the GraphQL path, without `?`. */
  search?: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** Send the body chunked, without a Content-Length. */
  chunked?: boolean;
  /** What this case must answer besides the checks every case gets. */
  expect?: HttpExpectation;
}

export interface HttpExpectation {
  /** Allowed statuses. */
  status?: readonly number[];
  /** The response must have errors, and every error's code must be one of these. */
  codes?: readonly string[];
  /** No field may have data: for mutations that must not run. */
  noData?: boolean;
  /** A control case: the response must have data and no errors. */
  noErrors?: boolean;
  /**
   * Response keys of root fields that must answer null or not at all: `_service` and
   * introspection on a subgraph port, which are for the gateway only.
   */
  nullFields?: readonly string[];
}

export interface HttpCaseContext {
  tokens: TokenKit;
  limits: OperationLimits;
  /** The target's schema, as the generators see it. */
  vocabulary: Vocabulary;
}

export const JSON_TYPE = 'application/json';
export const ACCEPTS = [
  'application/graphql-response+json, application/json',
  'application/json',
  'application/graphql-response+json',
  '*/*',
  'application/xml',
  'text/plain',
  'image/png, application/json;q=0.1',
  ';;;,,,',
];

/** The gateway's refusal of a bearer token it cannot verify. */
export const REFUSED_TOKEN = { status: [401], codes: ['UNAUTHENTICATED'], noData: true } as const;

export type Generator = (rng: Random, context: HttpCaseContext) => HttpCase;

export const post = (
  kind: string,
  body: unknown,
  rng: Random,
  context: HttpCaseContext,
  options: { authorization?: string | null; expect?: HttpExpectation } = {},
): HttpCase => {
  const authorization =
    options.authorization === undefined ? someValidAuthorization(rng, context) : options.authorization;
  return {
    kind,
    method: 'POST',
    headers: {
      'content-type': JSON_TYPE,
      accept: rng.chance(0.8) ? ACCEPTS[0]! : rng.pick(ACCEPTS),
      ...(authorization ? { authorization } : {}),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...(options.expect ? { expect: options.expect } : {}),
  };
};

/** Anonymous half the time, else one of the valid tokens (reads only: no generator sends a valid mutation with one). */
export function someValidAuthorization(rng: Random, { tokens }: HttpCaseContext): string | null {
  if (rng.chance(0.5)) return null;
  return `Bearer ${rng.pick(Object.values(tokens.valid))}`;
}

/** A value for a string argument: a forged cursor for `after` half the time, else a nasty string. */
export function slotValue(rng: Random, slot: StringSlot): string {
  return slot.cursor && rng.chance(0.5) ? forgedCursor(rng) : nastyString(rng);
}
