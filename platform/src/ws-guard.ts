/** Messages only a server may send; graphql-ws treats receiving one as its own internal error. */
const SERVER_ONLY_TYPES = new Set(['connection_ack', 'next', 'error']);

/**
 * The type of a message only a server may send (`connection_ack`, `next`, `error`), else null:
 * `serveGraphQLWs` closes such a connection with 4400 Bad Request before graphql-ws sees the
 * message (graphql-ws would throw and answer 4500, blaming itself for the client's mistake).
 */
export function serverOnlyMessageType(text: string): string | null {
  if (!text.includes('"type"')) return null;
  let type: unknown;
  try {
    type = (JSON.parse(text) as { type?: unknown }).type;
  } catch {
    return null;
  }
  return typeof type === 'string' && SERVER_ONLY_TYPES.has(type) ? type : null;
}
