import { createHmac, timingSafeEqual } from 'node:crypto';
import { defaultParamsSerializer } from '@graphql-mesh/hmac-upstream-signature';

/**
 * Where the gateway puts its signature: the request's `extensions["hmac-signature"]`, as Hive
 * Gateway's `useHmacUpstreamSignature` does.
 */
export const SIGNATURE_EXTENSION = 'hmac-signature';

/** How a request to a subgraph is signed: by the gateway (or a peer service), or not. */
export type SignatureCheck = 'valid' | 'invalid' | 'absent';

/** What the signature covers: the document text and the variables, as sent. */
export interface SignedParams {
  query?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

/**
 * The signature of a request's query and variables: base64 HMAC-SHA256 over the same stable JSON
 * that Hive Gateway's `useHmacUpstreamSignature` signs and its `useHmacSignatureValidation`
 * checks (`defaultParamsSerializer` of `@graphql-mesh/hmac-upstream-signature`). Those plugins run
 * on Envelop servers; our subgraphs run Apollo Server, so the check is done here with the
 * package's own serializer and Node's crypto.
 */
export function signatureOf(secret: string, params: SignedParams): string {
  const serialized =
    defaultParamsSerializer({
      query: typeof params.query === 'string' ? params.query : undefined,
      variables: isRecord(params.variables) ? params.variables : undefined,
    } as Parameters<typeof defaultParamsSerializer>[0]) ?? '';
  return createHmac('sha256', secret).update(serialized).digest('base64');
}

/** Signs a request this service sends to a subgraph itself (readiness probes, service calls). */
export function signedExtensions(secret: string, params: SignedParams): Record<string, string> {
  return { [SIGNATURE_EXTENSION]: signatureOf(secret, params) };
}

/** Checks a request's signature in constant time. */
export function checkSignature(secret: string, params: SignedParams): SignatureCheck {
  const given = isRecord(params.extensions) ? params.extensions[SIGNATURE_EXTENSION] : undefined;
  if (given === undefined) return 'absent';
  if (typeof given !== 'string') return 'invalid';
  const expected = Buffer.from(signatureOf(secret, params), 'base64');
  const received = Buffer.from(given, 'base64');
  return received.length === expected.length && timingSafeEqual(received, expected) ? 'valid' : 'invalid';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
