import { v5 as uuidv5 } from 'uuid';

/**
 * How this registry's records read as MISP (https://www.misp-project.org/datamodels/): the tables
 * that map severity, status, TLP and indicator types to MISP's own values. `docs/integrators.md`
 * repeats them for MISP administrators; change both together.
 */

/**
 * The namespace of every UUIDv5 the feed derives (chosen once; never change it, or every MISP
 * instance that pulled the feed sees new organizations and attributes).
 */
export const MISP_NAMESPACE = 'd561675a-5c5c-4768-9256-94ce565a5abb';

/** A deterministic UUID for something of ours that has no UUID of its own. */
export const derivedUuid = (name: string): string => uuidv5(name, MISP_NAMESPACE);

/**
 * An organization as MISP's `Orgc`. Our organization ids are slugs (`my-mycert`); MISP keys
 * organizations by UUID, so each gets a UUIDv5 of its id: the same organization is the same MISP
 * organization in every event and every pull.
 */
export const orgcUuid = (organizationId: string): string => derivedUuid(`organization:${organizationId}`);

/** MISP's `threat_level_id`: 1 High, 2 Medium, 3 Low, 4 Undefined. */
export const ThreatLevel = { High: 1, Medium: 2, Low: 3, Undefined: 4 } as const;

/**
 * Severity (after CISA's NCISS levels) → `threat_level_id`. HIGH and above is a major incident in
 * this registry, so all three are MISP's High; BASELINE and LOW are both Low. Nothing is
 * Undefined: every record has a severity.
 */
export const THREAT_LEVEL_BY_SEVERITY: Readonly<Record<string, number>> = {
  EMERGENCY: ThreatLevel.High,
  SEVERE: ThreatLevel.High,
  HIGH: ThreatLevel.High,
  MEDIUM: ThreatLevel.Medium,
  LOW: ThreatLevel.Low,
  BASELINE: ThreatLevel.Low,
};

/** MISP's `analysis`: 0 Initial, 1 Ongoing, 2 Completed. */
export const Analysis = { Initial: 0, Ongoing: 1, Completed: 2 } as const;

/** Incident status → `analysis`. A published advisory is a finished analysis: Completed. */
export const ANALYSIS_BY_STATUS: Readonly<Record<string, number>> = {
  REPORTED: Analysis.Initial,
  TRIAGED: Analysis.Initial,
  IN_PROGRESS: Analysis.Ongoing,
  CONTAINED: Analysis.Ongoing,
  RESOLVED: Analysis.Completed,
  CLOSED: Analysis.Completed,
  REJECTED: Analysis.Completed,
};

/** A MISP tag as feeds carry it. */
export interface MispTag {
  name: string;
  colour: string;
}

/**
 * TLP 2.0 → the MISP `tlp` taxonomy's machine tags (misp-taxonomies `tlp/machinetag.json`,
 * version 10, with its colours): `tlp:clear`, not the TLP 1.0 `tlp:white`.
 */
export const TLP_TAGS: Readonly<Record<string, MispTag>> = {
  CLEAR: { name: 'tlp:clear', colour: '#ffffff' },
  GREEN: { name: 'tlp:green', colour: '#33FF00' },
  AMBER: { name: 'tlp:amber', colour: '#FFC000' },
  AMBER_STRICT: { name: 'tlp:amber+strict', colour: '#FFC000' },
  RED: { name: 'tlp:red', colour: '#FF2B2B' },
};

/** A MISP attribute type with the category MISP gives it by default (its `describeTypes`). */
export interface AttributeKind {
  type: string;
  category: string;
}

const NETWORK = 'Network activity';
const PAYLOAD = 'Payload delivery';

/**
 * Where an address in a record was: `dst` for places victims' machines connect to (phishing hosts,
 * command and control, exfiltration), `src` for where attacks come from.
 */
export type AddressRole = 'src' | 'dst';

/**
 * Incident categories whose addresses are the attackers' (`ip-src`): floods, break-ins,
 * exploitation and defacement reach the victim from them. Every other category, and advisories,
 * list addresses to block outbound (`ip-dst`).
 */
const SOURCE_CATEGORIES: ReadonlySet<string> = new Set([
  'DDOS',
  'INTRUSION',
  'VULNERABILITY_EXPLOITATION',
  'WEB_DEFACEMENT',
]);

export const addressRoleOf = (incidentCategory: string | null): AddressRole =>
  incidentCategory !== null && SOURCE_CATEGORIES.has(incidentCategory) ? 'src' : 'dst';

/**
 * Indicator type → MISP attribute type and category. Unlisted types are left out of the feed
 * (a type added to the graph later is skipped until it is mapped here).
 */
export function attributeKindOf(indicatorType: string, role: AddressRole): AttributeKind | null {
  switch (indicatorType) {
    case 'URL':
      return { type: 'url', category: NETWORK };
    case 'DOMAIN':
      return { type: 'domain', category: NETWORK };
    case 'IPV4':
    case 'IPV6':
      return { type: `ip-${role}`, category: NETWORK };
    case 'EMAIL':
      // Our e-mail indicators are senders of malicious mail.
      return { type: 'email-src', category: PAYLOAD };
    case 'FILE_MD5':
      return { type: 'md5', category: PAYLOAD };
    case 'FILE_SHA1':
      return { type: 'sha1', category: PAYLOAD };
    case 'FILE_SHA256':
      return { type: 'sha256', category: PAYLOAD };
    case 'FILE_SHA512':
      return { type: 'sha512', category: PAYLOAD };
    default:
      return null;
  }
}

/** A CVE an advisory concerns: MISP's `vulnerability`, never for detection. */
export const VULNERABILITY: AttributeKind = { type: 'vulnerability', category: 'External analysis' };

/**
 * The record's own text (incident summary, advisory body): MISP's `comment`, never for detection
 * and, being free text, one of the types MISP does not correlate.
 */
export const COMMENT: AttributeKind = { type: 'comment', category: 'Other' };

/**
 * Attribute types MISP does not correlate (`MispAttribute::NON_CORRELATING_TYPES`), which its feed
 * cache leaves out; `hashes.csv` leaves them out too.
 */
export const NON_CORRELATING_TYPES: ReadonlySet<string> = new Set([COMMENT.type]);
