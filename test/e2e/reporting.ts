/** Reporting incidents through the graph, for the end-to-end tests that need records to read. */
import { expect } from 'vitest';
import type { Graph } from './harness.ts';

/** The fields an exercise incident has unless a test says otherwise: PHISHING, HIGH, in MY and SG. */
export const EXERCISE_INCIDENT = {
  summary: 'Exercise scenario (test data).',
  category: 'PHISHING',
  severity: 'HIGH',
  affectedCountryCodes: ['MY', 'SG'],
} as const;

const REPORT = `mutation ($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }`;

/** Runs an operation that must succeed and returns its data. */
export async function must<T>(
  graph: Graph,
  query: string,
  variables: Record<string, unknown>,
  token: string | undefined,
): Promise<T> {
  const response = await graph.query<T>(query, variables, token);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

/** Reports an incident (the input as `reportIncident` takes it) and returns its id. */
export async function reportIncident(
  graph: Graph,
  input: Record<string, unknown>,
  token: string | undefined,
): Promise<string> {
  return (await must<{ reportIncident: { id: string } }>(graph, REPORT, { input }, token)).reportIncident.id;
}
