import { createHash } from 'node:crypto';
import type { OrganizationName } from './directory.ts';
import type { AdvisoryRow, IncidentRow, IndicatorRow, IndicatorType, Tlp } from './rows.ts';

/**
 * STIX 2.1 export of incidents and advisories (STIX Version 2.1, OASIS Standard,
 * https://docs.oasis-open.org/cti/stix/v2.1/stix-v2.1.html). Pure functions of our rows: the same
 * record at the same version always gives the same bundle, byte for byte, because every id is a
 * UUIDv5 of our own id and every timestamp comes from the record.
 */

/** A STIX object as plain JSON. */
export type StixObject = { type: string; id: string } & Record<string, unknown>;

export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

/** The namespace of every UUIDv5 this registry derives STIX ids from (chosen once; never change it). */
export const STIX_NAMESPACE = '5571de3f-544d-4b20-bc42-0734206ebdfa';

/**
 * UUID version 5 (RFC 9562 §5.5): SHA-1 of the namespace's bytes and the name, with the version and
 * variant bits set. STIX 2.1 recommends v5 ids for objects whose identity derives from other data.
 */
export function uuidv5(name: string, namespace: string = STIX_NAMESPACE): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const stixId = (type: string, name: string) => `${type}--${uuidv5(`${type}:${name}`)}`;

// The TLP 2.0 marking definitions, exactly as OASIS publishes them in the TLP 2.0 extension:
// https://github.com/oasis-open/cti-stix-common-objects/tree/main/extension-definition-specifications/tlp-2.0
// (marking-definition.json and examples/tlp-*.json). STIX 2.1 itself only predefines TLP 1.0
// markings (WHITE, not CLEAR, and no AMBER+STRICT), so TLP 2.0 is expressed through this extension.
export const TLP_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';
const TLP_MARKINGS: Record<Tlp, { id: string; name: string; tlp: string }> = {
  CLEAR: { id: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487', name: 'TLP:CLEAR', tlp: 'clear' },
  GREEN: { id: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb', name: 'TLP:GREEN', tlp: 'green' },
  AMBER: { id: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421', name: 'TLP:AMBER', tlp: 'amber' },
  AMBER_STRICT: {
    id: 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
    name: 'TLP:AMBER+STRICT',
    tlp: 'amber+strict',
  },
  RED: { id: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1', name: 'TLP:RED', tlp: 'red' },
};

/** The id of the standard TLP 2.0 marking definition for a marking. */
export const tlpMarkingId = (tlp: Tlp): string => TLP_MARKINGS[tlp].id;

/** The standard TLP 2.0 marking-definition object, as published with the extension. */
export function tlpMarkingDefinition(tlp: Tlp): StixObject {
  const marking = TLP_MARKINGS[tlp];
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: marking.id,
    created: '2022-10-01T00:00:00.000Z',
    name: marking.name,
    extensions: { [TLP_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: marking.tlp } },
  };
}

// When an organization's record predates this, its identity's `created` is still this date:
// identities are derived objects, and one fixed creation keeps their id's first version stable.
const IDENTITY_CREATED = '2024-01-01T00:00:00.000Z';

/**
 * An organization of the mechanism as a STIX identity. Its version (`modified`) is the last change
 * of the organization's record in contacts, so a renamed organization is a new version, never the
 * same version with another name (STIX 2.1 §3.6); `null` (contacts did not answer for it) gives
 * the base version with the id as name.
 */
export function organizationIdentity(
  organizationId: string,
  organization: OrganizationName | null,
): StixObject {
  const changed = organization ? iso(new Date(organization.updatedAt)) : IDENTITY_CREATED;
  return {
    type: 'identity',
    spec_version: '2.1',
    id: stixId('identity', `organization:${organizationId}`),
    created: IDENTITY_CREATED,
    modified: changed > IDENTITY_CREATED ? changed : IDENTITY_CREATED,
    name: organization?.name ?? organizationId,
    identity_class: 'organization',
    x_cadg_organization_id: organizationId,
  };
}

const identityRef = (organizationId: string) => stixId('identity', `organization:${organizationId}`);

/** A STIX pattern string literal: single-quoted, with `\` and `'` escaped (STIX 2.1 §9.3). */
function literal(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const PATTERN_PATHS: Record<IndicatorType, string> = {
  URL: 'url:value',
  DOMAIN: 'domain-name:value',
  IPV4: 'ipv4-addr:value',
  IPV6: 'ipv6-addr:value',
  EMAIL: 'email-addr:value',
  FILE_SHA256: "file:hashes.'SHA-256'",
  FILE_MD5: 'file:hashes.MD5',
  FILE_SHA1: "file:hashes.'SHA-1'",
  FILE_SHA512: "file:hashes.'SHA-512'",
};

/** The STIX pattern matching one (already normalised) indicator value, e.g. `[url:value = '…']`. */
export function stixPattern(type: IndicatorType, value: string): string {
  return `[${PATTERN_PATHS[type]} = ${literal(value)}]`;
}

const iso = (date: Date) => date.toISOString();

/**
 * STIX 2.1 §2.12: "Empty lists are prohibited in STIX and MUST NOT be used as a substitute for
 * omitting the property if it is optional." Our optional list properties are left out when empty.
 */
const nonEmpty = (name: string, values: readonly string[]): Record<string, string[]> =>
  values.length > 0 ? { [name]: [...values] } : {};

const later = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);

/**
 * An indicator of ours as a STIX indicator, carrying its record's marking and creator.
 * `versionAt` is when the record it belongs to last changed: the indicator's marking comes from
 * that record, and STIX 2.1 §7.2.2 treats a change of `object_marking_refs` like any other change,
 * which (§3.6) needs a new `modified`. The indicator's own row never changes after it is added.
 */
export function stixIndicator(
  indicator: IndicatorRow,
  creatorOrg: string,
  tlp: Tlp,
  versionAt: Date = indicator.addedAt,
): StixObject {
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: stixId('indicator', indicator.id),
    created_by_ref: identityRef(creatorOrg),
    created: iso(indicator.addedAt),
    modified: iso(later(versionAt, indicator.addedAt)),
    name: `${indicator.type} ${indicator.value}`.slice(0, 300),
    ...(indicator.description ? { description: indicator.description } : {}),
    indicator_types: ['malicious-activity'],
    pattern: stixPattern(indicator.type, indicator.value),
    pattern_type: 'stix',
    pattern_version: '2.1',
    valid_from: iso(indicator.firstSeen ?? indicator.addedAt),
    object_marking_refs: [tlpMarkingId(tlp)],
    x_cadg_id: indicator.id,
    x_cadg_type: indicator.type,
  };
}

/** The names of organizations a bundle mentions, by id (contacts owns them). */
export type OrganizationNames = ReadonlyMap<string, OrganizationName>;

function identities(orgIds: readonly string[], names: OrganizationNames): StixObject[] {
  return [...new Set(orgIds)].map((id) => organizationIdentity(id, names.get(id) ?? null));
}

/**
 * An incident as a STIX 2.1 bundle: the `incident` SDO with our fields under `x_cadg_*`, its
 * indicators, an `indicates` relationship from each to the incident, the reporter's identity
 * and the TLP 2.0 marking every object carries.
 */
export function incidentBundle(
  incident: IncidentRow,
  indicators: readonly IndicatorRow[],
  names: OrganizationNames,
): StixBundle {
  const marking = tlpMarkingId(incident.tlp);
  const incidentId = stixId('incident', incident.id);
  const creator = identityRef(incident.reportedByOrg);
  const sdo: StixObject = {
    type: 'incident',
    spec_version: '2.1',
    id: incidentId,
    created_by_ref: creator,
    created: iso(incident.reportedAt),
    modified: iso(incident.updatedAt),
    name: incident.title,
    description: incident.summary,
    object_marking_refs: [marking],
    x_cadg_id: incident.id,
    x_cadg_category: incident.category,
    x_cadg_severity: incident.severity,
    x_cadg_status: incident.status,
    x_cadg_tlp: incident.tlp,
    ...nonEmpty('x_cadg_affected_countries', incident.affectedCountries),
    x_cadg_cross_border: incident.crossBorder,
    ...nonEmpty('x_cadg_shared_with', incident.sharedWith),
    x_cadg_version: incident.version,
    ...(incident.detectedAt ? { x_cadg_detected_at: iso(incident.detectedAt) } : {}),
  };
  const objects: StixObject[] = [sdo];
  for (const indicator of indicators) {
    // Versioned with the incident: its marking (and so theirs) can change (§3.6, §7.2.2).
    const stix = stixIndicator(indicator, incident.reportedByOrg, incident.tlp, incident.updatedAt);
    objects.push(stix, {
      type: 'relationship',
      spec_version: '2.1',
      id: stixId('relationship', `${indicator.id}:indicates:${incident.id}`),
      created_by_ref: creator,
      created: iso(indicator.addedAt),
      modified: stix['modified'],
      relationship_type: 'indicates',
      source_ref: stix.id,
      target_ref: incidentId,
      object_marking_refs: [marking],
    });
  }
  objects.push(...identities([incident.reportedByOrg], names), tlpMarkingDefinition(incident.tlp));
  return {
    type: 'bundle',
    id: stixId('bundle', `incident:${incident.id}:${incident.version}`),
    objects,
  };
}

/**
 * An advisory as a STIX 2.1 bundle: a `report` (the STIX object for published threat
 * intelligence) referring to its indicators and to a `vulnerability` per CVE, the publisher's
 * identity and the TLP 2.0 marking. Advisories do not change once published.
 */
export function advisoryBundle(
  advisory: AdvisoryRow,
  indicators: readonly IndicatorRow[],
  names: OrganizationNames,
): StixBundle {
  const marking = tlpMarkingId(advisory.tlp);
  const creator = identityRef(advisory.publishedByOrg);
  const published = iso(advisory.publishedAt);
  const vulnerabilities: StixObject[] = advisory.cveIds.map((cve) => ({
    type: 'vulnerability',
    spec_version: '2.1',
    id: stixId('vulnerability', cve),
    created: IDENTITY_CREATED,
    modified: IDENTITY_CREATED,
    name: cve,
    external_references: [
      { source_name: 'cve', external_id: cve, url: `https://www.cve.org/CVERecord?id=${cve}` },
    ],
  }));
  const stixIndicators = indicators.map((i) => stixIndicator(i, advisory.publishedByOrg, advisory.tlp));
  const referenced = [...stixIndicators, ...vulnerabilities].map((o) => o.id);
  const report: StixObject = {
    type: 'report',
    spec_version: '2.1',
    id: stixId('report', advisory.id),
    created_by_ref: creator,
    created: published,
    modified: published,
    name: advisory.title,
    description: advisory.body,
    report_types: ['threat-report'],
    published,
    // object_refs must not be empty; an advisory with nothing to point at refers to its publisher.
    object_refs: referenced.length > 0 ? referenced : [creator],
    object_marking_refs: [marking],
    x_cadg_id: advisory.id,
    x_cadg_severity: advisory.severity,
    x_cadg_tlp: advisory.tlp,
    ...nonEmpty('x_cadg_affected_products', advisory.affectedProducts),
    ...nonEmpty('x_cadg_shared_with', advisory.sharedWith),
  };
  return {
    type: 'bundle',
    id: stixId('bundle', `advisory:${advisory.id}`),
    objects: [
      report,
      ...stixIndicators,
      ...vulnerabilities,
      ...identities([advisory.publishedByOrg], names),
      tlpMarkingDefinition(advisory.tlp),
    ],
  };
}
