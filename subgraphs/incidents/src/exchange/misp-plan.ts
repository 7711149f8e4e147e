import { createHash } from 'node:crypto';
import { badUserInput } from '@cadg/platform';
import type { Tlp } from '../rows.ts';
import { NotMappedCode, type ImportPlan, type PlannedIndicator, type PlannedObject } from './plan.ts';
import {
  atLeast,
  ATTRIBUTE_ROLES,
  distributionFloor,
  filenameOf,
  flag,
  isUuid,
  labelsOf,
  list,
  record,
  secondsOf,
  severityOf,
  str,
  tagNames,
  tlpOfTags,
  type Json,
} from './misp-values.ts';
import { normalised, type ObservedValue } from './stix-values.ts';

/**
 * A MISP event → an import plan (see plan.ts, and docs/exchange.md for the mapping table): the
 * event becomes one advisory, each attribute of a supported type (in the event or inside its MISP
 * objects) one or two indicators attached to it; `comment` and `text` attributes are its body,
 * `link` attributes its references, `vulnerability` attributes its CVE ids. Everything else is
 * kept with the import and listed as not mapped. Pure: the same event always plans the same way.
 */

export interface MispPlanOptions {
  /** The marking of an event without a `tlp:` tag. */
  defaultTlp: Tlp;
}

/** The most attributes (event and objects together) one event may hold. */
export const MAX_EVENT_ATTRIBUTES = 50_000;

const CVE = /^CVE-\d{4}-\d{4,}$/i;

/** An attribute with the MISP object it sits in, if any. */
interface Placed {
  attribute: Json;
  object: Json | null;
  field: string;
}

/** Plans the import of one MISP event (already unwrapped by `unwrapEvent`). */
export function planMispImport(event: Json, options: MispPlanOptions): ImportPlan {
  const uuid = String(event['uuid']).toLowerCase();
  const version = secondsOf('event.timestamp', event['timestamp']);
  const orgc = str(record(event['Orgc'])?.['name']) ?? str(record(event['Org'])?.['name']);
  const tlp = atLeast(
    tlpOfTags(tagNames(event)) ?? options.defaultTlp,
    distributionFloor(event['distribution']),
  );
  const info = str(event['info'])!.slice(0, 300);
  const plan: ImportPlan = {
    format: 'MISP',
    objects: [],
    notMapped: [],
    failures: [],
    // Attributes marked stricter than the event go to an advisory of their marking, not the event's.
    collectionTitle: `${info.slice(0, 200)}: attributes marked stricter than the event`,
    collectionBody: `Indicators of MISP event ${uuid} whose tlp tag or distribution is stricter than the event's, kept apart from the event's advisory so they are read under their own marking.`,
  };
  const base = (externalId: string, externalType: string, at: Date | null, marking: Tlp) => ({
    externalId,
    externalType,
    version: at,
    versionText: at ? String(at.getTime() / 1000) : null,
    tlp: marking,
    createdBy: orgc,
  });
  const body: string[] = [];
  const links: string[] = [];
  const cveIds = new Set<string>();
  const refs: string[] = [];
  for (const { attribute, object, field } of latest(attributesOf(event, uuid))) {
    const type = str(attribute['type'])!;
    const value = String(attribute['value']);
    const at = secondsOf(`${field}.timestamp`, attribute['timestamp']) ?? version;
    const marking = atLeast(
      tlp,
      tlpOfTags(tagNames(attribute)),
      distributionFloor(attribute['distribution']),
      distributionFloor(object?.['distribution']),
    );
    const own = base(String(attribute['uuid']), `attribute:${type}`, at, marking);
    const role = ATTRIBUTE_ROLES.get(type);
    const kept = (code: NotMappedCode | null, reason: string) => {
      plan.objects.push({ ...own, kind: code ? 'KEPT' : 'REFERENCE', object: attribute });
      if (code) plan.notMapped.push({ id: own.externalId, type, code, reason });
    };
    if (flag(attribute['deleted'], false)) {
      kept(null, 'deleted in MISP');
      continue;
    }
    if (!role) {
      kept(NotMappedCode.UnsupportedType, `MISP ${type} attributes are kept but not modelled here.`);
      continue;
    }
    if (role.kind === 'values') {
      const indicators = indicatorsOf(role.read(value), attribute, object, type, value);
      if (indicators.length === 0) {
        kept(NotMappedCode.InvalidValue, `"${value.slice(0, 100)}" is not a valid ${type} value.`);
        continue;
      }
      plan.objects.push({ ...own, kind: 'INDICATORS', indicators });
      // One stricter than the event is left out of its advisory: it lands in one of its marking.
      if (marking === tlp) refs.push(own.externalId);
      continue;
    }
    if (marking !== tlp) {
      kept(
        NotMappedCode.StricterMarking,
        `Marked TLP:${marking}, stricter than the event's TLP:${tlp}: not read into its advisory.`,
      );
      continue;
    }
    if (role.kind === 'vulnerability' && !CVE.test(value.trim())) {
      kept(NotMappedCode.InvalidValue, `"${value.slice(0, 100)}" is not a CVE id.`);
      continue;
    }
    if (role.kind === 'vulnerability') cveIds.add(value.trim().toUpperCase());
    if (role.kind === 'link') links.push(value.trim());
    if (role.kind === 'body') body.push(value.trim());
    kept(null, 'read into the advisory');
  }
  for (const object of list(event['Object']).map(record)) {
    if (!object || !isUuid(object['uuid'])) continue;
    const { Attribute: _attributes, ...rest } = object;
    const at = secondsOf('event.Object.timestamp', object['timestamp']) ?? version;
    plan.objects.push({
      ...base(String(object['uuid']).toLowerCase(), `object:${str(object['name']) ?? 'object'}`, at, tlp),
      kind: 'REFERENCE',
      object: rest,
    });
  }
  const advisory: PlannedObject = {
    ...base(uuid, 'event', version, tlp),
    kind: 'ADVISORY',
    advisory: {
      title: info,
      body: bodyOf(body, links, uuid),
      severity: severityOf(event['threat_level_id']),
      cveIds: [...cveIds],
      refs,
      labels: labelsOf(event),
      exclusive: true,
    },
  };
  // The event's own fields (galaxies, event reports, …) are kept whole beside the advisory.
  const { Attribute: _a, Object: _o, ...fields } = event;
  plan.objects.unshift(advisory, {
    ...base(`${uuid}/event`, 'event-fields', version, tlp),
    kind: 'REFERENCE',
    object: fields,
  });
  return plan;
}

/** The event's own text, then its references; never empty (advisories need a body). */
function bodyOf(paragraphs: readonly string[], links: readonly string[], uuid: string): string {
  const text = paragraphs.filter((p) => p !== '').join('\n\n');
  const references = links.length > 0 ? `References:\n${links.map((l) => `- ${l}`).join('\n')}` : '';
  const joined = [text, references].filter((part) => part !== '').join('\n\n');
  return (joined || `Imported from MISP event ${uuid}.`).slice(0, 50_000);
}

/**
 * Every attribute of the event and of its objects. An attribute must be an object with a `type`
 * and a `value`; one without a `uuid` (hand-written events) gets one derived from the event's
 * uuid, its type and value, so importing it again finds the same record.
 */
function attributesOf(event: Json, eventUuid: string): Placed[] {
  const placed: Placed[] = [];
  const add = (items: unknown, object: Json | null, field: string) => {
    if (items !== undefined && items !== null && !Array.isArray(items))
      throw badUserInput(field, '"Attribute" must be a list.');
    list(items).forEach((item, index) => {
      const attribute = record(item);
      const at = `${field}.${index}`;
      const value = attribute?.['value'];
      if (
        !attribute ||
        str(attribute['type']) === null ||
        (typeof value !== 'string' && typeof value !== 'number')
      )
        throw badUserInput(at, 'Each MISP attribute needs a "type" and a "value".');
      if (attribute['uuid'] !== undefined && !isUuid(attribute['uuid']))
        throw badUserInput(`${at}.uuid`, 'A MISP attribute uuid must be a UUID.');
      const uuid = isUuid(attribute['uuid'])
        ? attribute['uuid'].toLowerCase()
        : derived(`${eventUuid}/${String(attribute['type'])}/${String(value)}`);
      placed.push({ attribute: { ...attribute, uuid }, object, field: at });
    });
  };
  add(event['Attribute'], null, 'event.Attribute');
  list(event['Object']).forEach((item, index) => {
    const object = record(item);
    if (!object) throw badUserInput(`event.Object.${index}`, 'Each MISP object must be a JSON object.');
    add(object['Attribute'], object, `event.Object.${index}.Attribute`);
  });
  if (placed.length > MAX_EVENT_ATTRIBUTES) {
    throw badUserInput('event.Attribute', `At most ${MAX_EVENT_ATTRIBUTES} attributes per event.`);
  }
  return placed;
}

/** A UUID-shaped id derived from a name (the first 128 bits of its SHA-1, as UUIDv5 does). */
function derived(name: string): string {
  const hex = createHash('sha1').update(name).digest('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `5${hex.slice(13, 16)}`,
    `8${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}

/** An attribute listed twice (by uuid) is imported at its newest timestamp. */
function latest(placed: readonly Placed[]): Placed[] {
  const byUuid = new Map<string, Placed>();
  const when = (p: Placed) => Number(p.attribute['timestamp'] ?? 0) || 0;
  for (const p of placed) {
    const uuid = String(p.attribute['uuid']);
    const seen = byUuid.get(uuid);
    if (!seen || when(p) > when(seen)) byUuid.set(uuid, p);
  }
  return [...byUuid.values()];
}

function indicatorsOf(
  values: readonly ObservedValue[],
  attribute: Json,
  object: Json | null,
  type: string,
  value: string,
): PlannedIndicator[] {
  const filename = filenameOf(type, value);
  const described =
    str(attribute['comment']) ??
    (object ? `${str(object['name']) ?? 'object'}: ${str(attribute['object_relation']) ?? type}` : null);
  const description =
    [described, filename ? `filename ${filename}` : null].filter(Boolean).join('; ').slice(0, 1000) || null;
  const seen = str(attribute['first_seen']);
  const firstSeen = seen && Number.isFinite(Date.parse(seen)) ? new Date(seen) : null;
  // Every type mapped here is for detection by MISP's defaults (`sane_defaults`).
  const forDetection = flag(attribute['to_ids'], true);
  const indicators: PlannedIndicator[] = [];
  for (const observed of values) {
    const normal = normalised(observed);
    if (normal === null) continue;
    indicators.push({
      type: observed.type,
      value: normal,
      description,
      firstSeen: firstSeen && firstSeen.getTime() <= Date.now() + 60_000 ? firstSeen : null,
      forDetection,
    });
  }
  return indicators;
}
