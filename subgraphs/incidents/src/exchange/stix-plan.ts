import type { NotMappedObject } from '@cadg/db/incidents-exchange';
import type { Severity, Tlp } from '../rows.ts';
import type { StixObject } from '../stix.ts';
import { NotMappedCode, stricter, type ImportPlan, type PlannedIndicator } from './plan.ts';
import {
  normalised,
  observableValues,
  patternValue,
  SUPPORTED_OBSERVABLES,
  timestamp,
  tlpMarkings,
  tlpOf,
  type ObservedValue,
} from './stix-values.ts';

/**
 * STIX 2.1 objects → an import plan (see plan.ts and docs/exchange.md for the mapping table).
 * Pure: reads nothing but the objects, so the same bundle always plans the same way.
 */

const SEVERITIES: readonly Severity[] = ['BASELINE', 'LOW', 'MEDIUM', 'HIGH', 'SEVERE', 'EMERGENCY'];
// STIX has no severity. Our own exports carry `x_cadg_severity`; without it an advisory is MEDIUM,
// the middle of the scale, and the importer can change it like any advisory of theirs.
const DEFAULT_SEVERITY: Severity = 'MEDIUM';
const CVE = /^CVE-\d{4}-\d{4,}$/i;

// MISP's STIX export labels each attribute with its `to_ids` flag (misp-stix: `misp:to_ids="True"`).
const MISP_TO_IDS_FALSE = 'misp:to_ids="false"';
const MISP_TO_IDS_TRUE = 'misp:to_ids="true"';

const labelsOf = (object: StixObject): string[] =>
  Array.isArray(object['labels'])
    ? object['labels'].filter((l): l is string => typeof l === 'string').map((l) => l.toLowerCase())
    : [];
const str = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
const refsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

interface Context {
  byId: ReadonlyMap<string, StixObject>;
  markings: ReadonlyMap<string, Tlp>;
  defaultTlp: Tlp;
  /** Observables referenced by an observed-data object: read through it, not on their own. */
  observedRefs: ReadonlySet<string>;
}

export interface StixPlanOptions {
  /** The marking of objects that carry none. */
  defaultTlp: Tlp;
  /** Where the objects came from, for the title of the advisory collecting loose indicators. */
  label: string;
}

/** Plans the import of STIX objects (already checked to be objects with valid ids). */
export function planStixImport(input: readonly StixObject[], options: StixPlanOptions): ImportPlan {
  const objects = latestVersions(input);
  const byId = new Map(objects.map((o) => [o.id, o]));
  const observedRefs = new Set(
    objects.filter((o) => o.type === 'observed-data').flatMap((o) => refsOf(o['object_refs'])),
  );
  const context: Context = {
    byId,
    markings: tlpMarkings(objects),
    defaultTlp: options.defaultTlp,
    observedRefs,
  };
  const plan: ImportPlan = {
    format: 'STIX_2_1',
    objects: [],
    notMapped: [],
    failures: [],
    collectionTitle: `Indicators imported from ${options.label}`.slice(0, 300),
    collectionBody: `Indicators from ${options.label} that no report or grouping of the import referred to.`,
  };
  for (const object of objects) planObject(plan, context, object);
  return plan;
}

/** A bundle may hold several versions of one object (STIX 2.1 §3.6): the newest is the one imported. */
function latestVersions(objects: readonly StixObject[]): StixObject[] {
  const latest = new Map<string, StixObject>();
  for (const object of objects) {
    const seen = latest.get(object.id);
    const version = (o: StixObject) => timestamp(o['modified'])?.getTime() ?? -Infinity;
    if (!seen || version(object) > version(seen)) latest.set(object.id, object);
  }
  return [...latest.values()];
}

function planObject(plan: ImportPlan, context: Context, object: StixObject): void {
  const versionText = str(object['modified']) ?? str(object['created']);
  const identity = context.byId.get(str(object['created_by_ref']) ?? '');
  const base = {
    externalId: object.id,
    externalType: object.type,
    version: timestamp(versionText),
    versionText,
    tlp: tlpOf(object, context.markings) ?? context.defaultTlp,
    createdBy: identity?.type === 'identity' ? str(identity['name']) : null,
  };
  const keep = (code: NotMappedCode | null, reason: string, failed = false): void => {
    plan.objects.push({ ...base, kind: code ? 'KEPT' : 'REFERENCE', object });
    if (code) plan.notMapped.push(notMapped(object, code, reason));
    if (failed) plan.failures.push({ id: object.id, ...version(base.versionText), message: reason });
  };
  switch (object.type) {
    case 'marking-definition':
    case 'identity':
      return keep(null, 'read for markings and provenance');
    case 'report':
    case 'grouping':
      plan.objects.push({ ...base, kind: 'ADVISORY', advisory: advisoryOf(object, context) });
      return;
    case 'indicator':
    case 'observed-data': {
      const mapped = object.type === 'indicator' ? indicatorOf(object) : observedDataOf(object, context);
      if ('code' in mapped)
        return keep(mapped.code, mapped.reason, mapped.code === NotMappedCode.InvalidValue);
      const tlp = object.type === 'observed-data' ? observedTlp(object, context, base.tlp) : base.tlp;
      plan.objects.push({ ...base, tlp, kind: 'INDICATORS', indicators: mapped.indicators });
      return;
    }
  }
  if (SUPPORTED_OBSERVABLES.has(object.type)) {
    if (context.observedRefs.has(object.id)) return keep(null, 'read through its observed-data');
    return keep(
      NotMappedCode.ObservableAlone,
      'An observable on its own says nothing about it; send it in an indicator or observed-data.',
    );
  }
  keep(NotMappedCode.UnsupportedType, `STIX ${object.type} objects are kept but not modelled here.`);
}

const version = (text: string | null) => (text ? { version: text } : {});

function notMapped(object: StixObject, code: NotMappedCode, reason: string): NotMappedObject {
  return { id: object.id, type: object.type, code, reason };
}

type Mapped = { indicators: PlannedIndicator[] } | { code: NotMappedCode; reason: string };

function indicatorOf(object: StixObject): Mapped {
  const patternType = str(object['pattern_type']) ?? 'stix';
  const pattern = str(object['pattern']);
  const value = patternType === 'stix' && pattern ? patternValue(pattern) : null;
  if (!value) {
    return {
      code: NotMappedCode.UnsupportedPattern,
      reason:
        'Only a STIX pattern that is one equality on a domain-name, IPv4/IPv6 address, URL, e-mail address or file hash is mapped.',
    };
  }
  const forDetection =
    !labelsOf(object).includes(MISP_TO_IDS_FALSE) && object['x_opencti_detection'] !== false;
  return indicatorsOf([value], object, forDetection, timestamp(object['valid_from']));
}

/** observed-data: the observables it refers to (STIX 2.1) or embeds (STIX 2.0 `objects`). */
function observedDataOf(object: StixObject, context: Context): Mapped {
  const embedded = object['objects'];
  const observables =
    embedded !== null && typeof embedded === 'object'
      ? Object.values(embedded as Record<string, unknown>)
      : refsOf(object['object_refs']).map((ref) => context.byId.get(ref));
  const values = observables.flatMap((o) =>
    o !== null && typeof o === 'object' ? observableValues(o as Record<string, unknown>) : [],
  );
  if (values.length === 0) {
    return {
      code: NotMappedCode.UnsupportedType,
      reason: 'This observed-data has no domain-name, IP address, URL, e-mail address or file hash.',
    };
  }
  // Observations are not vetted for alerting unless the source says so (MISP: to_ids true).
  const forDetection = labelsOf(object).includes(MISP_TO_IDS_TRUE);
  return indicatorsOf(values, object, forDetection, timestamp(object['first_observed']));
}

/** Observed-data is as restricted as the strictest observable it refers to. */
function observedTlp(object: StixObject, context: Context, own: Tlp): Tlp {
  let tlp = own;
  for (const ref of refsOf(object['object_refs'])) {
    const observable = context.byId.get(ref);
    const marked = observable ? tlpOf(observable, context.markings) : null;
    if (marked) tlp = stricter(tlp, marked);
  }
  return tlp;
}

function indicatorsOf(
  values: readonly ObservedValue[],
  object: StixObject,
  forDetection: boolean,
  seen: Date | null,
): Mapped {
  const description = (str(object['description']) ?? str(object['name']))?.slice(0, 1000) ?? null;
  const firstSeen = seen && seen.getTime() <= Date.now() + 60_000 ? seen : null;
  const indicators: PlannedIndicator[] = [];
  for (const value of values) {
    const normal = normalised(value);
    if (normal !== null)
      indicators.push({ type: value.type, value: normal, description, firstSeen, forDetection });
  }
  if (indicators.length > 0) return { indicators };
  const shown = values[0]?.raw.slice(0, 100) ?? '';
  return { code: NotMappedCode.InvalidValue, reason: `"${shown}" is not a valid ${values[0]?.type} value.` };
}

function advisoryOf(object: StixObject, context: Context) {
  const refs = refsOf(object['object_refs']);
  const cveIds = new Set<string>();
  for (const ref of refs) {
    const target = context.byId.get(ref);
    if (target?.type !== 'vulnerability') continue;
    const references = Array.isArray(target['external_references']) ? target['external_references'] : [];
    const named = [
      target['name'],
      ...references.map((r) => (r as Record<string, unknown> | null)?.['external_id']),
    ];
    for (const name of named) if (typeof name === 'string' && CVE.test(name)) cveIds.add(name.toUpperCase());
  }
  const severity = SEVERITIES.find((s) => s === object['x_cadg_severity']) ?? DEFAULT_SEVERITY;
  return {
    title: (str(object['name']) ?? `${object.type} ${object.id}`).slice(0, 300),
    body: (str(object['description']) ?? `Imported STIX ${object.type} without a description.`).slice(
      0,
      50_000,
    ),
    severity,
    cveIds: [...cveIds],
    refs,
  };
}
