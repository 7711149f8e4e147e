import type { IncomingMessage, ServerResponse } from 'node:http';
import { callGraph, registeredOperation, type Runtime } from '../graph-client.ts';
import { graphFailed } from './responses.ts';

const CALLER = registeredOperation('taxii', 'TaxiiCaller');

/**
 * Checks the caller's token through the graph, so a bad one is 401 here exactly as on `/graphql`
 * (never silently anonymous); false once that answer has been sent.
 */
export async function authenticated(
  runtime: Runtime,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  return !graphFailed(res, await callGraph(runtime, req, CALLER, {}));
}
