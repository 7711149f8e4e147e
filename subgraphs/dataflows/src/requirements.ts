import type { DataCategory, MechanismKind, ThresholdRow, TransferRuleRow } from './rows.ts';

/**
 * Derives what applies to a transfer from recorded policy data: dated thresholds and rules of the
 * origin (outbound) and destination (inbound). Pure, so every branch is unit-tested. Whatever the
 * data cannot decide is reported in `unknowns` and lowers the coverage; an absence of rules is
 * never reported as "nothing applies".
 */

export type Coverage = 'COMPLETE' | 'PARTIAL' | 'UNKNOWN';
export type Side = 'ORIGIN' | 'DESTINATION';

export interface TransferQuestion {
  from: string;
  to: string;
  dataCategory: DataCategory;
  subjects: number | null;
  sensitive: boolean | null;
  criticalInfrastructureOperator: boolean | null;
  /** `YYYY-MM-DD`. */
  asOf: string;
}

/** What is recorded for one country; `policyRecorded` is false when the country has no policy row. */
export interface CountryData {
  policyRecorded: boolean;
  thresholds: readonly ThresholdRow[];
  rules: readonly TransferRuleRow[];
}

export interface Obligation {
  side: Side;
  countryCode: string;
  kind: 'EXEMPTION' | 'MECHANISM' | 'DUTY';
  summary: string;
  mechanismKinds: readonly MechanismKind[];
  legalBasis: string;
  threshold: ThresholdRow | null;
  effectiveFrom: string;
  sourceUrl: string;
}

export interface Requirements {
  obligations: Obligation[];
  originCoverage: Coverage;
  destinationCoverage: Coverage;
  coverage: Coverage;
  unknowns: string[];
}

interface Dated {
  effectiveFrom: string;
  effectiveTo: string | null;
}

/** In force on `day`: from `effectiveFrom` inclusive to `effectiveTo` exclusive. */
export const inForce = (row: Dated, day: string): boolean =>
  row.effectiveFrom <= day && (row.effectiveTo === null || day < row.effectiveTo);

type Decision = 'MATCH' | 'NO_MATCH' | 'UNDECIDED';

function sensitivityDecision(row: ThresholdRow, sensitive: boolean | null): Decision {
  if (row.sensitivity === 'ANY') return 'MATCH';
  if (sensitive === null) return 'UNDECIDED';
  return (row.sensitivity === 'SENSITIVE') === sensitive ? 'MATCH' : 'NO_MATCH';
}

function volumeDecision(row: ThresholdRow, subjects: number | null): Decision {
  if (row.minSubjects === null && row.maxSubjects === null) return 'MATCH';
  if (subjects === null) return 'UNDECIDED';
  if (row.minSubjects !== null && subjects < row.minSubjects) return 'NO_MATCH';
  if (row.maxSubjects !== null && subjects >= row.maxSubjects) return 'NO_MATCH';
  return 'MATCH';
}

function both(a: Decision, b: Decision): Decision {
  if (a === 'NO_MATCH' || b === 'NO_MATCH') return 'NO_MATCH';
  return a === 'UNDECIDED' || b === 'UNDECIDED' ? 'UNDECIDED' : 'MATCH';
}

function thresholdObligation(side: Side, countryCode: string, row: ThresholdRow): Obligation {
  return {
    side,
    countryCode,
    kind: row.outcome === 'EXEMPT' ? 'EXEMPTION' : 'MECHANISM',
    summary: row.summary,
    mechanismKinds: row.mechanismKinds,
    legalBasis: row.legalBasis,
    threshold: row,
    effectiveFrom: row.effectiveFrom,
    sourceUrl: row.sourceUrl,
  };
}

function ruleObligation(side: Side, countryCode: string, rule: TransferRuleRow): Obligation {
  return {
    side,
    countryCode,
    kind: 'DUTY',
    summary: rule.summary,
    mechanismKinds: rule.whenMechanism ? [rule.whenMechanism] : [],
    legalBasis: rule.legalBasis,
    threshold: null,
    effectiveFrom: rule.effectiveFrom,
    sourceUrl: rule.sourceUrl,
  };
}

/** The origin side: thresholds decide the mechanism, rules add duties. */
function originSide(
  q: TransferQuestion,
  data: CountryData,
): { obligations: Obligation[]; unknowns: string[]; coverage: Coverage } {
  const { from: code, dataCategory: category, asOf } = q;
  if (!data.policyRecorded) {
    return {
      obligations: [],
      unknowns: [`No data-flow policy is recorded for ${code}.`],
      coverage: 'UNKNOWN',
    };
  }
  const thresholds = data.thresholds.filter((t) => t.dataCategory === category && inForce(t, asOf));
  const rules = data.rules.filter(
    (r) => r.direction === 'OUTBOUND' && r.dataCategories.includes(category) && inForce(r, asOf),
  );
  if (thresholds.length === 0 && rules.length === 0) {
    return {
      obligations: [],
      unknowns: [
        `No rules for sending ${category} data out of ${code} on ${asOf} are recorded; that does not mean nothing applies.`,
      ],
      coverage: 'UNKNOWN',
    };
  }

  const obligations: Obligation[] = [];
  const unknowns: string[] = [];
  const ciio = q.criticalInfrastructureOperator;
  const profileFits = (t: ThresholdRow) =>
    t.exporterProfile === 'ANY' ||
    (t.exporterProfile === 'CIIO' ? ciio === true : ciio === false || ciio === null);
  if (ciio === null) {
    for (const t of thresholds.filter((t) => t.exporterProfile === 'CIIO')) {
      unknowns.push(
        `Whether the exporter is a critical information infrastructure operator was not given; if it is: ${t.summary}`,
      );
    }
  }
  const decided = thresholds.filter(profileFits).map((t) => ({
    row: t,
    decision: both(sensitivityDecision(t, q.sensitive), volumeDecision(t, q.subjects)),
  }));
  const matched = decided.filter((d) => d.decision === 'MATCH').map((d) => d.row);
  const undecided = decided.filter((d) => d.decision === 'UNDECIDED').map((d) => d.row);
  if (undecided.some((t) => t.sensitivity !== 'ANY') && q.sensitive === null) {
    unknowns.push(
      `Whether the personal information is sensitive was not given; ${code}'s thresholds depend on it.`,
    );
  }
  if (undecided.some((t) => t.minSubjects !== null || t.maxSubjects !== null) && q.subjects === null) {
    unknowns.push(`The number of people was not given; ${code}'s thresholds depend on it.`);
  }
  if (thresholds.length > 0 && matched.length === 0 && undecided.length === 0) {
    unknowns.push(`No recorded threshold of ${code} covers this combination.`);
  }
  obligations.push(...matched.map((t) => thresholdObligation('ORIGIN', code, t)));

  // A rule tied to a mechanism applies only when a matched threshold offers that mechanism.
  const offered = new Set(matched.flatMap((t) => t.mechanismKinds));
  for (const rule of rules) {
    if (rule.whenMechanism === null || offered.has(rule.whenMechanism)) {
      obligations.push(ruleObligation('ORIGIN', code, rule));
    }
  }
  return { obligations, unknowns, coverage: unknowns.length > 0 ? 'PARTIAL' : 'COMPLETE' };
}

/** The destination side: only inbound rules; none recorded means unknown. */
function destinationSide(
  q: TransferQuestion,
  data: CountryData,
): { obligations: Obligation[]; unknowns: string[]; coverage: Coverage } {
  const rules = data.rules.filter(
    (r) => r.direction === 'INBOUND' && r.dataCategories.includes(q.dataCategory) && inForce(r, q.asOf),
  );
  if (rules.length === 0) {
    return {
      obligations: [],
      unknowns: [
        `No rules for receiving ${q.dataCategory} data in ${q.to} are recorded, so what ${q.to}'s law asks of the recipient is not answered here.`,
      ],
      coverage: 'UNKNOWN',
    };
  }
  return {
    obligations: rules.map((r) => ruleObligation('DESTINATION', q.to, r)),
    unknowns: [],
    coverage: 'COMPLETE',
  };
}

function overall(a: Coverage, b: Coverage): Coverage {
  if (a === 'COMPLETE' && b === 'COMPLETE') return 'COMPLETE';
  if (a === 'UNKNOWN' && b === 'UNKNOWN') return 'UNKNOWN';
  return 'PARTIAL';
}

export function deriveRequirements(
  q: TransferQuestion,
  origin: CountryData,
  destination: CountryData,
): Requirements {
  const o = originSide(q, origin);
  const d = destinationSide(q, destination);
  return {
    obligations: [...o.obligations, ...d.obligations],
    originCoverage: o.coverage,
    destinationCoverage: d.coverage,
    coverage: overall(o.coverage, d.coverage),
    unknowns: [...o.unknowns, ...d.unknowns],
  };
}
