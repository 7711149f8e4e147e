/**
 * What the TAXII endpoint tests share: a graph with one CLEAR and one RED incident (MyCERT's, the
 * RED one named for Singapore's CSA) and a CLEAR advisory, tokens for three callers, and helpers to
 * call TAXII and read its answers. Each test file calls `useTaxiiFixtures()` once at its top; the
 * `let` bindings below are set by its beforeAll (ES module bindings are live for importers).
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { taxiiErrors } from '../stix/validate.ts';
import { startGraph, type Graph } from './harness.ts';
import { memberTokens } from './members.ts';
import { EXERCISE_INCIDENT, reportIncident } from './reporting.ts';

export type StixObject = { id: string; type: string } & Record<string, unknown>;
export interface Envelope {
  more?: boolean;
  next?: string;
  objects?: StixObject[];
}
export interface ManifestRecord {
  id: string;
  date_added: string;
  version: string;
  media_type?: string;
}
export interface Manifest {
  more?: boolean;
  next?: string;
  objects?: ManifestRecord[];
}
export interface Versions {
  more?: boolean;
  next?: string;
  versions?: string[];
}
export interface TaxiiError {
  title: string;
  http_status?: string;
}

export const TAXII = 'application/taxii+json;version=2.1';
export const INCIDENTS = '/taxii2/cadg/collections/incidents';
export const ADVISORIES = '/taxii2/cadg/collections/advisories';
export const NEVER = '2000-01-01T00:00:00.000Z';

export let graph: Graph;
export let reporter: string; // MyCERT
export let recipient: string; // Singapore's CSA, named on the RED incident
export let outsider: string; // ThaiCERT
export let clear: { id: string; incident: StixObject; identity: StixObject };
export let red: { id: string; incident: StixObject; indicator: StixObject };

export interface TaxiiRequest {
  token?: string | undefined;
  accept?: string;
  method?: string;
  body?: string;
}

export function taxii(
  path: string,
  { token, accept = TAXII, method = 'GET', body }: TaxiiRequest = {},
): Promise<Response> {
  return fetch(new URL(path, graph.baseUrl), {
    method,
    headers: {
      accept,
      ...(body === undefined ? {} : { 'content-type': TAXII }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body }),
  });
}

/** A successful TAXII answer's body, after checking its status and media type. */
export async function ok<T>(response: Response): Promise<T> {
  expect(response.status, await response.clone().text()).toBe(200);
  expect(response.headers.get('content-type')).toBe(TAXII);
  return (await response.json()) as T;
}

/** A TAXII error answer: the status, and a body that is a §3.6.1 error message naming it. */
export async function expectError(response: Response, status: number): Promise<TaxiiError> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe(TAXII);
  const body = (await response.json()) as TaxiiError;
  expect(taxiiErrors('error', body)).toEqual([]);
  expect(body.http_status).toBe(String(status));
  return body;
}

/** Every manifest record of a collection, following `next` until `more` is false. */
export async function pollManifest(
  collection: string,
  token: string | undefined,
  query: Record<string, string>,
) {
  const records: ManifestRecord[] = [];
  let next: string | undefined;
  let pages = 0;
  do {
    const params = new URLSearchParams(query);
    if (next) params.set('next', next);
    const page = await ok<Manifest>(await taxii(`${collection}/manifest/?${params}`, { token }));
    expect(taxiiErrors('manifest', page)).toEqual([]);
    if (query['limit']) expect(page.objects?.length ?? 0).toBeLessThanOrEqual(Number(query['limit']));
    records.push(...(page.objects ?? []));
    next = page.more ? page.next : undefined;
    pages += 1;
  } while (next && pages < 1000);
  return { records, pages };
}

/** Every object of a collection, following `next` until `more` is false. */
export async function pollObjects(
  collection: string,
  token: string | undefined,
  query: Record<string, string>,
) {
  const objects: StixObject[] = [];
  let next: string | undefined;
  do {
    const params = new URLSearchParams(query);
    if (next) params.set('next', next);
    const page = await ok<Envelope>(await taxii(`${collection}/objects/?${params}`, { token }));
    expect(taxiiErrors('envelope', page)).toEqual([]);
    objects.push(...(page.objects ?? []));
    next = page.more ? page.next : undefined;
  } while (next);
  return objects;
}

export const versionOf = (object: StixObject): string => String(object['modified'] ?? object['created']);
export const keysOfRecords = (records: readonly ManifestRecord[]) =>
  records.map((r) => `${r.id}@${r.version}`);
export const keysOfObjects = (objects: readonly StixObject[]) =>
  objects.map((o) => `${o.id}@${versionOf(o)}`);

export async function bundleOf(id: string, token: string): Promise<StixObject[]> {
  const response = await graph.query<{ incident: { stix: { objects: StixObject[] } } | null }>(
    `query ($id: ID!) { incident(id: $id) { stix } }`,
    { id },
    token,
  );
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!.incident!.stix.objects;
}

const report = (input: Record<string, unknown>): Promise<string> =>
  reportIncident(graph, { ...EXERCISE_INCIDENT, ...input }, reporter);

/** Starts the graph and reports the records the tests read, before the file's tests; closes it after. */
export function useTaxiiFixtures(): void {
  beforeAll(async () => {
    graph = await startGraph();
    ({ reporter, recipient, outsider } = await memberTokens(graph));

    const clearId = await report({
      title: 'Exercise: TAXII endpoints, clear',
      tlp: 'CLEAR',
      indicators: [
        { type: 'DOMAIN', value: 'taxii-endpoints-clear.example' },
        { type: 'IPV4', value: '198.51.100.61' },
      ],
    });
    const redId = await report({
      title: 'Exercise: TAXII endpoints, red',
      tlp: 'RED',
      category: 'RANSOMWARE',
      sharedWithOrganizationIds: ['sg-csa'],
      indicators: [{ type: 'DOMAIN', value: 'taxii-endpoints-red.example' }],
    });
    const clearBundle = await bundleOf(clearId, reporter);
    const redBundle = await bundleOf(redId, recipient);
    clear = {
      id: clearId,
      incident: clearBundle.find((o) => o.type === 'incident')!,
      identity: clearBundle.find((o) => o.type === 'identity')!,
    };
    red = {
      id: redId,
      incident: redBundle.find((o) => o.type === 'incident')!,
      indicator: redBundle.find((o) => o.type === 'indicator')!,
    };
    const advisory = await graph.query(
      `mutation ($input: PublishAdvisoryInput!) { publishAdvisory(input: $input) { id } }`,
      {
        input: {
          title: 'Exercise: TAXII endpoints advisory',
          body: 'Patch now (test data).',
          severity: 'HIGH',
          tlp: 'CLEAR',
          cveIds: ['CVE-2024-3400'],
        },
      },
      reporter,
    );
    expect(advisory.errors).toBeUndefined();
  });
  afterAll(async () => {
    await graph?.close();
  });
}
