/**
 * A second opinion on our STIX 2.1 export: real bundles fetched through the running gateway
 * (GraphQL `incident { stix }`, `advisories { stix }` and the TAXII 2.1 collections) are checked
 * with the STIX 2.1 schemas of MITRE's `@mitre-attack/attack-data-model` (Zod), which were written
 * independently of ours (test/stix/stix-2.1.schema.json), and must show no issue at all.
 *
 * The package models the ATT&CK *profile* of STIX 2.1, so only its generic STIX pieces can judge
 * generic STIX. What it covers, per object type we emit:
 *
 * - every SDO/SRO (incident, indicator, relationship, identity, report, vulnerability): the common
 *   properties with its `stixDomainObjectSchema` (spec_version "2.1", created/modified RFC 3339
 *   UTC timestamps, created_by_ref an identity id, object_marking_refs marking-definition ids,
 *   external_references, granular_markings, extensions, labels, confidence, lang);
 * - identity: its `identitySchema` (id, type, name, identity_class vocabulary, description, roles,
 *   sectors, contact_information), without ATT&CK's own requirements (see below);
 * - indicator: name, description, indicator_types (indicator-type-ov), pattern_type
 *   (pattern-type-ov), valid_from;
 * - incident, vulnerability: name, description; report: name, description, published,
 *   report_types, object_refs as a non-empty list;
 * - relationship, marking-definition and bundle: id and type (type--UUID with the right prefix);
 *   marking-definition also spec_version, created, name and the extensions dictionary.
 *
 * What it does not cover, and why:
 * - ids and references to incident, indicator, report and vulnerability objects, and their `type`:
 *   its identifier and type schemas accept only the types ATT&CK uses, so they reject those valid
 *   STIX 2.1 types (relationship source_ref/target_ref and report object_refs included);
 * - relationship_type: its enum holds ATT&CK's seven relationship types only (not `indicates`), and
 *   its relationship schema also demands x_mitre_attack_spec_version and MITRE's own identity in
 *   x_mitre_modified_by_ref;
 * - the TLP 2.0 marking definitions: it knows only the TLP 1.0 objects of STIX 2.1 §7.2.1.4
 *   (definition_type/definition) and requires created_by_ref (optional in STIX), so its
 *   `markingDefinitionSchema` rejects the OASIS TLP 2.0 extension form;
 * - pattern and pattern_version: it has no STIX patterning grammar;
 * - the bundle as a whole: `stixBundleSchema` requires an x-mitre-collection first and ATT&CK
 *   objects only, and is broken in 4.10.1 (one member of its discriminated union is undefined when
 *   it is built: with the zod 4.6 npm installs for it the package root throws on import, with
 *   zod 4.3.6 the schema throws on first use). We therefore import the generic modules directly,
 *   which never load that schema;
 * - custom properties: its object schemas are strict (ATT&CK allows x_mitre_* only), while STIX
 *   2.1 §11.1 allows custom properties, so ours (x_cadg_*) are let through with `.loose()`;
 * - timestamp precision: it accepts any RFC 3339 UTC timestamp, not only millisecond precision
 *   (our schema checks that, §3.2).
 *
 * Relaxations of its schemas, each an ATT&CK rule that valid generic STIX breaks: `.loose()` (custom
 * properties), dropping x_mitre_attack_spec_version / x_mitre_old_attack_id / x_mitre_deprecated from
 * identity, and object_marking_refs optional on identity (required by ATT&CK, optional in STIX §4.5).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@cadg/platform';
import {
  createStixIdValidator,
  createStixTypeValidator,
  descriptionSchema,
  extensionsSchema,
  IndicatorTypeOV,
  nameSchema,
  PatternTypeOV,
  stixDomainObjectSchema,
  stixListOfString,
  stixTimestampSchema,
} from '@mitre-attack/attack-data-model/dist/schemas/common/index.js';
import { identitySchema } from '@mitre-attack/attack-data-model/dist/schemas/sdo/identity.schema.js';
import { stixBundleErrors, stixObjectErrors } from '../stix/validate.ts';
import { startGraph, type Graph } from './harness.ts';
import { EVERY_INDICATOR_TYPE, EXERCISE_INCIDENT, reportIncident } from './reporting.ts';

type StixObject = { id: string; type: string } & Record<string, unknown>;
interface Bundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}
interface Schema {
  safeParse(value: unknown): { success: boolean; error?: { issues: readonly Issue[] } | undefined };
}

/** The library's issues with one value, as readable lines. */
function issuesOf(schema: Schema, value: unknown, where: string): string[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return (result.error?.issues ?? [{ path: [], message: 'invalid' }]).map(
    (issue) => `${where}${issue.path.map((p) => `.${String(p)}`).join('')}: ${issue.message}`,
  );
}

// The STIX common properties of SDOs and SROs; id and type are checked per type below.
const sdoCommon = stixDomainObjectSchema.omit({ id: true, type: true }).loose();
// Marking definitions are not versioned (§7.2.1): no modified, revoked, labels, confidence or lang.
const markingCommon = stixDomainObjectSchema
  .pick({
    spec_version: true,
    created: true,
    created_by_ref: true,
    external_references: true,
    object_marking_refs: true,
    granular_markings: true,
    extensions: true,
  })
  .loose();
const identity = identitySchema
  .omit({ x_mitre_attack_spec_version: true, x_mitre_old_attack_id: true, x_mitre_deprecated: true })
  .partial({ object_marking_refs: true })
  .loose();

/** The object types whose id and type the library's (ATT&CK-limited) type list accepts. */
const TYPED = ['identity', 'relationship', 'marking-definition'] as const;
const isTyped = (type: string): type is (typeof TYPED)[number] => (TYPED as readonly string[]).includes(type);

/** Every issue the library finds with one object we emit; throws on a type it was not set up for. */
function libraryIssues(object: StixObject): string[] {
  const at = object.id;
  const optional = (name: string, schema: Schema) =>
    object[name] === undefined ? [] : issuesOf(schema, object[name], `${at} ${name}`);
  const required = (name: string, schema: Schema) => issuesOf(schema, object[name], `${at} ${name}`);
  const issues: string[] = [];
  if (isTyped(object.type)) {
    issues.push(
      ...required('id', createStixIdValidator(object.type)),
      ...required('type', createStixTypeValidator(object.type)),
    );
  }
  switch (object.type) {
    case 'marking-definition':
      issues.push(
        ...issuesOf(markingCommon, object, at),
        ...required('name', nameSchema),
        ...required('extensions', extensionsSchema),
      );
      return issues;
    case 'identity':
      return [...issues, ...issuesOf(identity, object, at)];
    case 'incident':
    case 'vulnerability':
      issues.push(...required('name', nameSchema), ...optional('description', descriptionSchema));
      break;
    case 'indicator':
      issues.push(
        ...optional('name', nameSchema),
        ...optional('description', descriptionSchema),
        ...optional('indicator_types', stixListOfString),
        ...((object['indicator_types'] as unknown[] | undefined) ?? []).flatMap((value, i) =>
          issuesOf(IndicatorTypeOV, value, `${at} indicator_types.${i}`),
        ),
        ...required('pattern_type', PatternTypeOV),
        ...required('valid_from', stixTimestampSchema),
      );
      break;
    case 'report':
      issues.push(
        ...required('name', nameSchema),
        ...optional('description', descriptionSchema),
        ...required('published', stixTimestampSchema),
        ...optional('report_types', stixListOfString),
        ...required('object_refs', stixListOfString),
      );
      break;
    case 'relationship':
      break;
    default:
      throw new Error(`${at}: no third-party check set up for type ${object.type}`);
  }
  return [...issues, ...issuesOf(sdoCommon, object, at)];
}

/** The library's issues with a bundle and each of its objects. */
const bundleIssues = (bundle: Bundle): string[] => [
  ...issuesOf(createStixIdValidator('bundle'), bundle.id, 'bundle id'),
  ...issuesOf(createStixTypeValidator('bundle'), bundle.type, 'bundle type'),
  ...bundle.objects.flatMap(libraryIssues),
];

const TAXII = 'application/taxii+json;version=2.1';
let graph: Graph;
let reporter: string; // MyCERT
let recipient: string; // Singapore's CSA
const ids = { clear: '', green: '', amber: '', advisory: '' };

async function ok<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await graph.query<T>(query, variables, token);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

const report = (input: Record<string, unknown>): Promise<string> =>
  reportIncident(graph, { ...EXERCISE_INCIDENT, ...input }, reporter);

async function stixOf(id: string, token = recipient): Promise<Bundle> {
  const data = await ok<{ incident: { stix: Bundle } | null }>(
    `query ($id: ID!) { incident(id: $id) { stix } }`,
    { id },
    token,
  );
  expect(data.incident).not.toBeNull();
  return data.incident!.stix;
}

/** Every object of a TAXII collection the recipient may see. */
async function poll(collection: string): Promise<StixObject[]> {
  const objects: StixObject[] = [];
  let next: string | undefined;
  for (let page = 0; page < 200; page += 1) {
    const params = new URLSearchParams({ limit: '100', ...(next ? { next } : {}) });
    const response = await fetch(
      new URL(`/taxii2/cadg/collections/${collection}/objects/?${params}`, graph.baseUrl),
      {
        headers: { accept: TAXII, authorization: `Bearer ${recipient}` },
      },
    );
    expect(response.status).toBe(200);
    const envelope = (await response.json()) as { more: boolean; next?: string; objects?: StixObject[] };
    objects.push(...(envelope.objects ?? []));
    if (!envelope.more || !envelope.next) return objects;
    next = envelope.next;
  }
  throw new Error(`${collection}: too many pages`);
}

/** JSON with object keys sorted at every depth, to compare two representations of one object. */
const canonical = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(canonical).join(',')}]`
    : typeof value === 'object' && value !== null
      ? `{${Object.keys(value)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : JSON.stringify(value);

const types = (objects: readonly StixObject[]) => [...new Set(objects.map((o) => o.type))].sort();

beforeAll(async () => {
  graph = await startGraph();
  reporter = await graph.token('my-mycert', [Role.Member]);
  recipient = await graph.token('sg-csa', [Role.Member]);
  ids.clear = await report({
    title: 'Exercise: third-party check, every indicator type',
    tlp: 'CLEAR',
    indicators: EVERY_INDICATOR_TYPE,
  });
  ids.green = await report({
    title: 'Exercise: third-party check, shared green',
    tlp: 'GREEN',
    category: 'INTRUSION',
    sharedWithOrganizationIds: ['sg-csa'],
    indicators: [{ type: 'DOMAIN', value: 'c2.third-party.example' }],
  });
  ids.amber = await report({
    title: 'Exercise: third-party check, amber+strict',
    tlp: 'AMBER_STRICT',
    category: 'RANSOMWARE',
    sharedWithOrganizationIds: ['sg-csa'],
    indicators: [{ type: 'IPV4', value: '192.0.2.44' }],
  });
  const advisory = await ok<{ publishAdvisory: { id: string } }>(
    `mutation ($input: PublishAdvisoryInput!) { publishAdvisory(input: $input) { id } }`,
    {
      input: {
        title: 'Exercise: third-party check advisory',
        body: 'Patch now (test data).',
        severity: 'HIGH',
        tlp: 'CLEAR',
        cveIds: ['CVE-2024-3400', 'CVE-2023-4966'],
        indicators: [{ type: 'URL', value: 'https://vpn-update.example/patch' }],
      },
    },
    reporter,
  );
  ids.advisory = advisory.publishAdvisory.id;
});
afterAll(async () => {
  await graph?.close();
});

describe('STIX 2.1 export checked by an independent validator (@mitre-attack/attack-data-model)', () => {
  it('finds no issue in incident bundles of every TLP we emit', async () => {
    const bundles = await Promise.all([ids.clear, ids.green, ids.amber].map((id) => stixOf(id)));
    for (const bundle of bundles) {
      expect(bundleIssues(bundle)).toEqual([]);
      expect(stixBundleErrors(bundle)).toEqual([]);
    }
    const objects = bundles.flatMap((b) => b.objects);
    expect(types(objects)).toEqual([
      'identity',
      'incident',
      'indicator',
      'marking-definition',
      'relationship',
    ]);
    expect(objects.filter((o) => o.type === 'indicator')).toHaveLength(9);
  });

  it('finds no issue in an advisory bundle (report, vulnerabilities, indicator)', async () => {
    const data = await ok<{ advisories: { edges: { node: { id: string; stix: Bundle } }[] } }>(
      `{ advisories(first: 50) { edges { node { id stix } } } }`,
      {},
      recipient,
    );
    const bundle = data.advisories.edges.find((e) => e.node.id === ids.advisory)!.node.stix;
    expect(bundleIssues(bundle)).toEqual([]);
    expect(stixBundleErrors(bundle)).toEqual([]);
    expect(types(bundle.objects)).toEqual([
      'identity',
      'indicator',
      'marking-definition',
      'report',
      'vulnerability',
    ]);
  });

  it('finds no issue in any object the TAXII collections serve', async () => {
    for (const collection of ['incidents', 'advisories']) {
      const objects = await poll(collection);
      expect(objects.length).toBeGreaterThan(0);
      expect(objects.flatMap(libraryIssues)).toEqual([]);
      expect(objects.flatMap(stixObjectErrors)).toEqual([]);
    }
  });

  it('gives a marked object a new version when its marking changes (STIX 2.1 §3.6, §7.2.2)', async () => {
    const before = await stixOf(ids.green);
    const { incident } = await ok<{ incident: { version: number } }>(
      `query ($id: ID!) { incident(id: $id) { version } }`,
      { id: ids.green },
      recipient,
    );
    await ok(
      `mutation ($input: UpdateIncidentInput!) { updateIncident(input: $input) { version } }`,
      { input: { id: ids.green, expectedVersion: incident.version, tlp: 'AMBER' } },
      reporter,
    );
    const after = await stixOf(ids.green);
    expect(bundleIssues(after)).toEqual([]);
    expect(stixBundleErrors(after)).toEqual([]);
    // One version (id and modified) of an object always has the same properties and values.
    const versions = new Map<string, string>();
    for (const object of [...before.objects, ...after.objects]) {
      const key = `${object.id}@${String(object['modified'] ?? object['created'])}`;
      const json = canonical(object);
      expect(versions.get(key) ?? json, key).toBe(json);
      versions.set(key, json);
    }
    const indicator = (bundle: Bundle) => bundle.objects.find((o) => o.type === 'indicator')!;
    expect(indicator(after)['object_marking_refs']).not.toEqual(indicator(before)['object_marking_refs']);
    expect(indicator(after)['modified']).not.toBe(indicator(before)['modified']);
  });
});
