import type { ImportObjectStatus, NotMappedObject } from '@cadg/db/incidents-exchange';
import type { IndicatorType, Severity, Tlp } from '../rows.ts';

/**
 * What an import will write, whatever format it came in (STIX 2.1, MISP): each source
 * object with its id, version, marking and what it maps to. `persist.ts` turns a plan into rows;
 * each format only has to build one.
 */

export interface PlannedIndicator {
  type: IndicatorType;
  /** Normalised (see indicators.ts). */
  value: string;
  description: string | null;
  firstSeen: Date | null;
  /** False when the source says not to alert on it. */
  forDetection: boolean;
}

export interface PlannedAdvisory {
  title: string;
  body: string;
  severity: Severity;
  cveIds: string[];
  /** Source ids of the objects it refers to; the indicator objects among them are attached to it. */
  refs: string[];
  /** The source's tags and galaxy clusters other than TLP (MISP), kept in its provenance. */
  labels?: string[];
  /**
   * Whether `refs` lists every indicator the advisory holds (a MISP event lists all its
   * attributes): a newer version then drops the indicators it no longer lists.
   */
  exclusive?: boolean;
}

interface PlannedBase {
  /** The source's id (STIX id, MISP uuid): with the owner, the idempotency key. */
  externalId: string;
  externalType: string;
  /** The source's version (STIX `modified`, MISP `timestamp`); null when it has none. */
  version: Date | null;
  /** The version as the source wrote it, for TAXII status details. */
  versionText: string | null;
  tlp: Tlp;
  /** Name of the source's author, for provenance. */
  createdBy: string | null;
}

export type PlannedObject = PlannedBase &
  (
    | { kind: 'ADVISORY'; advisory: PlannedAdvisory }
    | { kind: 'INDICATORS'; indicators: PlannedIndicator[] }
    /** Stored whole: objects we do not model, and those used only to read others (markings, authors). */
    | { kind: 'KEPT' | 'REFERENCE'; object: Record<string, unknown> }
  );

export interface ImportPlan {
  format: 'STIX_2_1' | 'MISP';
  /** One entry per source id: the latest version the source sent of it. */
  objects: PlannedObject[];
  /** Objects kept but not mapped, and why (a subset of the KEPT objects). */
  notMapped: NotMappedObject[];
  /** Objects refused (an invalid value): TAXII status failures. They are kept too. */
  failures: ImportObjectStatus[];
  /** Title of the advisory that collects indicators no advisory of the import refers to. */
  collectionTitle: string;
  collectionBody: string;
}

/** Why an object was kept without becoming a record. */
export const NotMappedCode = {
  /** A type we do not model (threat actors, attack patterns, relationships, …). */
  UnsupportedType: 'UNSUPPORTED_TYPE',
  /** An indicator whose pattern is not one comparison on a supported observable. */
  UnsupportedPattern: 'UNSUPPORTED_PATTERN',
  /** A supported observable with a value that is not valid for its type. */
  InvalidValue: 'INVALID_VALUE',
  /** An observable sent on its own, with no indicator or observed-data saying what it is. */
  ObservableAlone: 'OBSERVABLE_ALONE',
  /** MISP text marked stricter than its event: kept out of the event's advisory. */
  StricterMarking: 'STRICTER_MARKING',
} as const;
export type NotMappedCode = (typeof NotMappedCode)[keyof typeof NotMappedCode];

const TLP_ORDER: readonly Tlp[] = ['CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED'];

/** The more restrictive of two markings: a record holding both must be read as the stricter. */
export const stricter = (a: Tlp, b: Tlp): Tlp => (TLP_ORDER.indexOf(a) >= TLP_ORDER.indexOf(b) ? a : b);
