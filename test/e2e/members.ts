/**
 * A graph seen by three members, for the incident tests that look at one record from three sides:
 * the reporter (MyCERT), a recipient (Singapore's CSA) and an outsider (ThaiCERT). A test file calls
 * `useMembers()` once at its top; the `let` bindings below are set by its beforeAll (ES module
 * bindings are live for importers), and the subscribers it opens are closed after its tests.
 */
import { afterAll, beforeAll } from 'vitest';
import { Role } from '@cadg/platform';
import { startGraph, type Graph } from './harness.ts';
import { eventCursor } from './reporting.ts';
import { Subscribers } from './subscriber.ts';

export let graph: Graph;
export let reporter: string; // a member of MyCERT
export let recipient: string; // a member of Singapore's CSA
export let outsider: string; // a member of ThaiCERT
export const subscribers = new Subscribers();

/** Tokens for the three members on `graph`. */
export async function memberTokens(
  graph: Graph,
): Promise<{ reporter: string; recipient: string; outsider: string }> {
  return {
    reporter: await graph.token('my-mycert', [Role.Member]),
    recipient: await graph.token('sg-csa', [Role.Member]),
    outsider: await graph.token('th-thaicert', [Role.Member]),
  };
}

/** Starts the graph and signs the three members in before the file's tests; closes all after. */
export function useMembers(): void {
  beforeAll(async () => {
    graph = await startGraph();
    ({ reporter, recipient, outsider } = await memberTokens(graph));
  });
  afterAll(async () => {
    await subscribers.closeAll();
    await graph?.close();
  });
}

/** The caller's own event cursor: it moves only on events that caller may see. */
export const currentCursor = (token?: string): Promise<string> => eventCursor(graph, token);
/** Opens a subscriber on the graph's WebSocket endpoint, closed with the others after the file's tests. */
export const subscriber = (options: Parameters<Subscribers['open']>[1]) =>
  subscribers.open(graph.wsUrl, options);
