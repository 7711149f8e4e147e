import { createHash } from 'node:crypto';
import {
  addressRoleOf,
  ANALYSIS_BY_STATUS,
  Analysis,
  attributeKindOf,
  COMMENT,
  derivedUuid,
  NON_CORRELATING_TYPES,
  orgcUuid,
  THREAT_LEVEL_BY_SEVERITY,
  ThreatLevel,
  TLP_TAGS,
  VULNERABILITY,
  type AddressRole,
  type AttributeKind,
  type MispTag,
} from './mapping.ts';
import type { FeedAdvisory, FeedIncident, FeedIndicator, FeedOrganization } from './records.ts';

/**
 * Incidents and advisories as MISP events, in the shapes MISP's feed fetcher reads
 * (`app/Model/Feed.php` in MISP/MISP): the manifest entry, the `{"Event": …}` document and the
 * `hashes.csv` lines. Pure functions of what the graph returned, so the same record gives the same
 * bytes on every request.
 */

/** One record as a MISP event, before it is written in one of the feed's shapes. */
export interface FeedEvent {
  uuid: string;
  info: string;
  /** `YYYY-MM-DD`, UTC. */
  date: string;
  /** Seconds since the epoch of the record's last change. */
  timestamp: number;
  threatLevelId: number;
  analysis: number;
  orgc: { name: string; uuid: string };
  tags: MispTag[];
  attributes: FeedAttribute[];
}

export interface FeedAttribute {
  uuid: string;
  type: string;
  category: string;
  value: string;
  toIds: boolean;
  comment: string;
  firstSeen: string | null;
}

const seconds = (instant: string): number => Math.floor(Date.parse(instant) / 1000);
const day = (instant: string): string => new Date(instant).toISOString().slice(0, 10);

const orgcOf = (organization: FeedOrganization) => ({
  name: organization.name,
  uuid: orgcUuid(organization.id),
});

const tagsOf = (tlp: string): MispTag[] => {
  const tag = TLP_TAGS[tlp];
  return tag ? [tag] : [];
};

/**
 * The indicators MISP has a type for, in the graph's order; `to_ids` when the indicator is for
 * detection and so is the record.
 */
function indicatorAttributes(
  indicators: readonly FeedIndicator[],
  role: AddressRole,
  forDetection: boolean,
): FeedAttribute[] {
  return indicators.flatMap((indicator) => {
    const kind = attributeKindOf(indicator.type, role);
    if (!kind) return [];
    return [
      {
        // Our indicator ids are UUIDs: the attribute is the indicator, in every pull.
        uuid: indicator.id,
        ...kind,
        value: indicator.value,
        toIds: forDetection && indicator.forDetection,
        comment: indicator.description ?? '',
        firstSeen: indicator.firstSeen,
      },
    ];
  });
}

/**
 * An attribute of the record itself (its text, a CVE). Its UUID derives from the event's and `key`,
 * so an edited summary updates the same MISP attribute rather than adding one.
 */
const ownAttribute = (
  eventUuid: string,
  key: string,
  kind: AttributeKind,
  value: string,
  comment: string,
) => ({
  uuid: derivedUuid(`${eventUuid}/${key}`),
  ...kind,
  value,
  toIds: false,
  comment,
  firstSeen: null,
});

/**
 * An incident as a MISP event. Its uuid is the incident's id; `date` is when it was detected (when
 * it was reported if that is unknown); `timestamp` is its last change. A REJECTED incident keeps
 * its attributes, none of them for detection (`to_ids` false): the mechanism judged it no incident.
 */
export function incidentEvent(incident: FeedIncident): FeedEvent {
  const forDetection = incident.status !== 'REJECTED';
  return {
    uuid: incident.id,
    info: incident.title,
    date: day(incident.detectedAt ?? incident.reportedAt),
    timestamp: seconds(incident.updatedAt),
    threatLevelId: THREAT_LEVEL_BY_SEVERITY[incident.severity] ?? ThreatLevel.Undefined,
    analysis: ANALYSIS_BY_STATUS[incident.status] ?? Analysis.Initial,
    orgc: orgcOf(incident.reportedBy),
    tags: tagsOf(incident.tlp),
    attributes: [
      ...indicatorAttributes(incident.indicators, addressRoleOf(incident.category), forDetection),
      ownAttribute(incident.id, 'text', COMMENT, incident.summary, 'Incident summary'),
    ],
  };
}

/**
 * An advisory as a MISP event. Advisories do not change once published: `date` and `timestamp`
 * are both its publication, and its analysis is Completed.
 */
export function advisoryEvent(advisory: FeedAdvisory): FeedEvent {
  return {
    uuid: advisory.id,
    info: advisory.title,
    date: day(advisory.publishedAt),
    timestamp: seconds(advisory.publishedAt),
    threatLevelId: THREAT_LEVEL_BY_SEVERITY[advisory.severity] ?? ThreatLevel.Undefined,
    analysis: Analysis.Completed,
    orgc: orgcOf(advisory.publishedBy),
    tags: tagsOf(advisory.tlp),
    attributes: [
      ...indicatorAttributes(advisory.indicators, addressRoleOf(null), true),
      ...advisory.cveIds.map((cve) =>
        ownAttribute(advisory.id, `cve/${cve}`, VULNERABILITY, cve, 'Concerned by the advisory'),
      ),
      ownAttribute(advisory.id, 'text', COMMENT, advisory.body, 'Advisory text'),
    ],
  };
}

/**
 * The event's entry in `manifest.json`, keyed by its uuid there. Numbers stay numbers, as PyMISP's
 * feed generator writes them; MISP compares `timestamp` with its copy's to decide what to pull.
 */
export function manifestEntry(event: FeedEvent) {
  return {
    Orgc: event.orgc,
    Tag: event.tags,
    info: event.info,
    date: event.date,
    analysis: event.analysis,
    threat_level_id: event.threatLevelId,
    timestamp: event.timestamp,
  };
}

/**
 * `<uuid>.json`: the event as MISP exports it, numbers as strings (MISP's own JSON and PyMISP's
 * `to_feed` both write them so). `distribution` is left out: the pulling instance sets it from the
 * feed's settings. Every attribute carries the event's timestamp, the last change of the record.
 */
export function eventDocument(event: FeedEvent) {
  const timestamp = String(event.timestamp);
  return {
    Event: {
      uuid: event.uuid,
      info: event.info,
      date: event.date,
      threat_level_id: String(event.threatLevelId),
      analysis: String(event.analysis),
      timestamp,
      publish_timestamp: timestamp,
      published: true,
      Orgc: event.orgc,
      Tag: event.tags,
      Attribute: event.attributes.map((attribute) => ({
        uuid: attribute.uuid,
        type: attribute.type,
        category: attribute.category,
        value: attribute.value,
        to_ids: attribute.toIds,
        disable_correlation: false,
        comment: attribute.comment,
        timestamp,
        ...(attribute.firstSeen ? { first_seen: attribute.firstSeen } : {}),
      })),
    },
  };
}

/**
 * The event's lines of `hashes.csv`: `<md5 of the value>,<event uuid>` for each attribute MISP
 * correlates, as MISP's feed cache reads them.
 */
export function hashLines(event: FeedEvent): string[] {
  return event.attributes
    .filter((attribute) => !NON_CORRELATING_TYPES.has(attribute.type))
    .map((attribute) => `${createHash('md5').update(attribute.value, 'utf8').digest('hex')},${event.uuid}`);
}
