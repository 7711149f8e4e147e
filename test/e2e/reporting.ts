/** Reporting incidents through the graph, for the end-to-end tests that need records to read. */
import { expect } from 'vitest';
import type { Graph, GraphQLResponse } from './harness.ts';

/** The fields an exercise incident has unless a test says otherwise: PHISHING, HIGH, in MY and SG. */
export const EXERCISE_INCIDENT = {
  summary: 'Exercise scenario (test data).',
  category: 'PHISHING',
  severity: 'HIGH',
  affectedCountryCodes: ['MY', 'SG'],
} as const;

/** A test incident's input: titled `title`, OTHER, LOW and GREEN in MY unless `fields` says otherwise. */
export const testIncident = (title: string, fields: Record<string, unknown> = {}) => ({
  title,
  summary: 'Test data.',
  category: 'OTHER',
  severity: 'LOW',
  tlp: 'GREEN',
  affectedCountryCodes: ['MY'],
  ...fields,
});

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

/** How a test sends one operation: a gateway's `graph.query`, or `gql` bound to a cluster gateway's URL. */
export type Send = <T>(
  query: string,
  variables: Record<string, unknown>,
  token: string | undefined,
) => Promise<Pick<GraphQLResponse<T>, 'data'> & { errors?: readonly unknown[] | undefined }>;

/** Reports a SEVERE DDOS exercise in SG (GREEN) titled `title` through `send`; returns its id. */
export async function reportDdosExercise(send: Send, title: string, token: string): Promise<string> {
  const reported = await send<{ reportIncident: { id: string } }>(
    REPORT,
    {
      input: {
        title,
        summary: 'Test data.',
        category: 'DDOS',
        severity: 'SEVERE',
        tlp: 'GREEN',
        affectedCountryCodes: ['SG'],
      },
    },
    token,
  );
  expect(reported.errors).toBeUndefined();
  return reported.data!.reportIncident.id;
}

/** The caller's own event cursor: it moves only on events that caller may see. */
export async function eventCursor(graph: Graph, token?: string): Promise<string> {
  const response = await graph.query<{ incidentEventCursor: string }>(`{ incidentEventCursor }`, {}, token);
  return response.data!.incidentEventCursor;
}

/** One indicator of every type, in the spellings STIX export normalizes (defanged URL, upper-case hex). */
export const EVERY_INDICATOR_TYPE = [
  { type: 'URL', value: "hxxps://secure-login-bank[.]example/verify?next=a'b" },
  { type: 'DOMAIN', value: 'secure-login-bank.example' },
  { type: 'IPV4', value: '198.51.100.23' },
  { type: 'IPV6', value: '2001:DB8::23' },
  { type: 'EMAIL', value: 'alerts@secure-login-bank.example' },
  { type: 'FILE_SHA256', value: 'A'.repeat(64) },
  { type: 'FILE_MD5', value: 'b'.repeat(32) },
] as const;
