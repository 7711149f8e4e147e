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
  return createHmac('sha256', secret).update(serializedParams(params)).digest('base64');
}

/**
 * What `defaultParamsSerializer` gives for a request's query and variables (json-stable-stringify:
 * JSON with every object's keys sorted, the variables left out when empty). When every object's
 * keys already come in that order, as in the calls a gateway makes (`__typename` sorts before a
 * representation's key), that is exactly what the native `JSON.stringify` writes, many times faster
 * than the library building the text in JavaScript (a visible share of a signed call, issue #23);
 * anything else goes to the library.
 */
export function serializedParams(params: SignedParams): string {
  const variables =
    isRecord(params.variables) && Object.keys(params.variables).length > 0 ? params.variables : undefined;
  const signed = { query: typeof params.query === 'string' ? params.query : undefined, variables };
  if (keysInOrder(signed, 0)) return JSON.stringify(signed);
  return defaultParamsSerializer(signed as Parameters<typeof defaultParamsSerializer>[0]) ?? '';
}

/** Plain JSON data (what `JSON.parse` makes) whose objects' keys are each in sorted order. */
function keysInOrder(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null) return true;
  // Deeper than a gateway's variables go: the library decides (it fails the same way on a cycle).
  if (depth > 32) return false;
  if (Array.isArray(value)) return value.every((item) => keysInOrder(item, depth + 1));
  // Anything but a plain object (a Date, an object with toJSON) is serialized as the library says.
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    if (i > 0 && !(keys[i - 1]! < keys[i]!)) return false;
    if (!keysInOrder((value as Record<string, unknown>)[keys[i]!], depth + 1)) return false;
  }
  return true;
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
