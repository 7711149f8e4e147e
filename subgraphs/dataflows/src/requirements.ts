import type {
  Circumstance,
  DataCategory,
  MechanismKind,
  RegimeRow,
  ThresholdRow,
  TransferRuleRow,
} from './rows.ts';

/**
 * Derives what applies to a transfer from recorded policy data: the dated regimes the registry
 * holds, and the dated thresholds and rules of the origin (outbound) and destination (inbound).
 * Pure, so every branch is unit-tested. A side is COMPLETE only on a day a recorded regime covers
 * and nothing the answer depends on is missing; on any other day it is UNKNOWN, whatever rows
 * exist, because an absence of recorded rules never means "nothing applies".
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
  /** The circumstances that hold; the others do not. Null when the caller did not say. */
  circumstances: readonly Circumstance[] | null;
  /** `YYYY-MM-DD`. */
  asOf: string;
}

/** What is recorded for one country; `policyRecorded` is false when the country has no policy row. */
export interface CountryData {
  policyRecorded: boolean;
  regimes: readonly RegimeRow[];
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
  /** The regimes in force on the day that the answer rests on, origin's first. */
  regimes: RegimeRow[];
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

/** How each circumstance reads in an unknown; the rows' own summaries say what follows from it. */
const CIRCUMSTANCE_PHRASES: Record<Circumstance, string> = {
  CONTRACT_WITH_INDIVIDUAL:
    'the transfer is necessary to conclude or perform a contract to which the individual is a party',
  CROSS_BORDER_HR_MANAGEMENT:
    'the transfer is necessary for cross-border human-resources management under lawful labour rules and collective contracts',
  EMERGENCY: 'the transfer is necessary in an emergency to protect a person’s life, health or property',
  FREE_TRADE_ZONE_OFF_NEGATIVE_LIST:
    'the exporter is in a pilot free trade zone and the data is not on that zone’s negative list',
  FOREIGN_DATA_PASSING_THROUGH:
    'the personal information was collected abroad and is sent back out after processing, with no domestic personal information or important data added',
  PROCESSES_ONE_MILLION_PEOPLE:
    'the exporter processes the personal information of 1,000,000 people or more in all',
};

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

function circumstanceDecision(row: ThresholdRow, circumstances: readonly Circumstance[] | null): Decision {
  if (row.circumstance === null) return 'MATCH';
  if (circumstances === null) return 'UNDECIDED';
  return circumstances.includes(row.circumstance) === row.circumstanceHolds ? 'MATCH' : 'NO_MATCH';
}

function all(...decisions: Decision[]): Decision {
  if (decisions.includes('NO_MATCH')) return 'NO_MATCH';
  return decisions.includes('UNDECIDED') ? 'UNDECIDED' : 'MATCH';
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

interface SideAnswer {
  obligations: Obligation[];
  regimes: RegimeRow[];
  unknowns: string[];
  coverage: Coverage;
}

const sameRequirement = (a: ThresholdRow, b: ThresholdRow): boolean =>
  a.outcome === b.outcome &&
  a.mechanismKinds.length === b.mechanismKinds.length &&
  a.mechanismKinds.every((kind) => b.mechanismKinds.includes(kind));

/** What an undecided row would add, as a sentence naming what it depends on. */
function undecidedSentence(row: ThresholdRow, q: TransferQuestion): string | null {
  if (row.circumstance !== null && q.circumstances === null) {
    const phrase = CIRCUMSTANCE_PHRASES[row.circumstance];
    return row.circumstanceHolds
      ? `Whether ${phrase} was not given; if so: ${row.summary}`
      : `Whether ${phrase} was not given; if not: ${row.summary}`;
  }
  return null;
}

/** The origin side: thresholds decide the mechanism, rules add duties. */
function originSide(q: TransferQuestion, data: CountryData): SideAnswer {
  const { from: code, dataCategory: category, asOf } = q;
  if (!data.policyRecorded) {
    return {
      obligations: [],
      regimes: [],
      unknowns: [`No data-flow policy is recorded for ${code}.`],
      coverage: 'UNKNOWN',
    };
  }
  const regimes = data.regimes.filter(
    (r) => r.direction === 'OUTBOUND' && r.dataCategories.includes(category) && inForce(r, asOf),
  );
  const thresholds = data.thresholds.filter((t) => t.dataCategory === category && inForce(t, asOf));
  const rules = data.rules.filter(
    (r) => r.direction === 'OUTBOUND' && r.dataCategories.includes(category) && inForce(r, asOf),
  );
  if (regimes.length === 0) {
    // Duties in force on a day no regime covers are still facts, but not the whole answer; volume
    // bands are left out because without the regime it is not known what else decides them.
    return {
      obligations: rules
        .filter((r) => r.whenMechanism === null)
        .map((r) => ruleObligation('ORIGIN', code, r)),
      regimes: [],
      unknowns: [
        `The rules for sending ${category} data out of ${code} on ${asOf} are not held in this registry; that does not mean nothing applies.`,
      ],
      coverage: 'UNKNOWN',
    };
  }

  const unknowns: string[] = regimes.flatMap((r) => r.gaps);
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
    decision: all(
      sensitivityDecision(t, q.sensitive),
      volumeDecision(t, q.subjects),
      circumstanceDecision(t, q.circumstances),
    ),
  }));
  let matched = decided.filter((d) => d.decision === 'MATCH').map((d) => d.row);
  const undecided = decided.filter((d) => d.decision === 'UNDECIDED').map((d) => d.row);
  // An exemption the law grants prevails over the bands that would otherwise ask for a mechanism
  // (China's 2024 Provisions, Arts. 7–8, defer to the exemptions of Arts. 3–6).
  if (matched.some((t) => t.outcome === 'EXEMPT')) matched = matched.filter((t) => t.outcome === 'EXEMPT');

  if (undecided.some((t) => t.sensitivity !== 'ANY') && q.sensitive === null) {
    unknowns.push(
      `Whether the personal information is sensitive was not given; ${code}'s thresholds depend on it.`,
    );
  }
  if (undecided.some((t) => t.minSubjects !== null || t.maxSubjects !== null) && q.subjects === null) {
    unknowns.push(`The number of people was not given; ${code}'s thresholds depend on it.`);
  }
  const exempt = matched.some((t) => t.outcome === 'EXEMPT');
  for (const row of undecided) {
    // A branch that would ask for what is already required, or for a mechanism when the transfer is
    // exempt anyway, changes nothing.
    if (matched.some((m) => sameRequirement(m, row)) || (exempt && row.outcome !== 'EXEMPT')) continue;
    const sentence = undecidedSentence(row, q);
    if (sentence !== null && !unknowns.includes(sentence)) unknowns.push(sentence);
  }
  if (thresholds.length > 0 && matched.length === 0 && undecided.length === 0) {
    unknowns.push(`No recorded threshold of ${code} covers this combination.`);
  }

  const obligations = matched.map((t) => thresholdObligation('ORIGIN', code, t));
  // A rule tied to a mechanism applies only when a matched threshold offers that mechanism.
  const offered = new Set(matched.flatMap((t) => t.mechanismKinds));
  for (const rule of rules) {
    if (rule.whenMechanism === null || offered.has(rule.whenMechanism)) {
      obligations.push(ruleObligation('ORIGIN', code, rule));
    }
  }
  return { obligations, regimes, unknowns, coverage: unknowns.length > 0 ? 'PARTIAL' : 'COMPLETE' };
}

/** The destination side: only inbound rules, on a day an inbound regime is held. */
function destinationSide(q: TransferQuestion, data: CountryData): SideAnswer {
  const regimes = data.regimes.filter(
    (r) => r.direction === 'INBOUND' && r.dataCategories.includes(q.dataCategory) && inForce(r, q.asOf),
  );
  const rules = data.rules.filter(
    (r) => r.direction === 'INBOUND' && r.dataCategories.includes(q.dataCategory) && inForce(r, q.asOf),
  );
  const obligations = rules.map((r) => ruleObligation('DESTINATION', q.to, r));
  if (regimes.length === 0) {
    return {
      obligations,
      regimes: [],
      unknowns: [
        `What ${q.to}'s law asks of a recipient of ${q.dataCategory} data on ${q.asOf} is not held in this registry.`,
      ],
      coverage: 'UNKNOWN',
    };
  }
  const unknowns = regimes.flatMap((r) => r.gaps);
  return { obligations, regimes, unknowns, coverage: unknowns.length > 0 ? 'PARTIAL' : 'COMPLETE' };
}

function overall(a: Coverage, b: Coverage): Coverage {
  if (a === 'COMPLETE' && b === 'COMPLETE') return 'COMPLETE';
  if (a === 'UNKNOWN' && b === 'UNKNOWN') return 'UNKNOWN';
  return 'PARTIAL';
}

/** What applies to the transfer asked about, derived only from the two countries' recorded rows. */
export function deriveRequirements(
  q: TransferQuestion,
  origin: CountryData,
  destination: CountryData,
): Requirements {
  const o = originSide(q, origin);
  const d = destinationSide(q, destination);
  return {
    obligations: [...o.obligations, ...d.obligations],
    regimes: [...o.regimes, ...d.regimes],
    originCoverage: o.coverage,
    destinationCoverage: d.coverage,
    coverage: overall(o.coverage, d.coverage),
    unknowns: [...o.unknowns, ...d.unknowns],
  };
}
