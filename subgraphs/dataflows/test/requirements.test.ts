import { describe, expect, it } from 'vitest';
import { deriveRequirements, inForce, type CountryData, type TransferQuestion } from '../src/requirements.ts';
import type { RegimeRow, ThresholdRow, TransferRuleRow } from '../src/rows.ts';

/** Fixture rows shaped like the seed's, kept here so each branch is visible in the test. */
const threshold = (over: Partial<ThresholdRow> & Pick<ThresholdRow, 'id'>): ThresholdRow => ({
  countryCode: 'XA',
  dataCategory: 'PERSONAL',
  sensitivity: 'NON_SENSITIVE',
  exporterProfile: 'NON_CIIO',
  minSubjects: null,
  maxSubjects: null,
  countingPeriod: 'per year',
  circumstance: null,
  circumstanceHolds: true,
  outcome: 'ANY_OF_MECHANISMS',
  mechanismKinds: ['CN_STANDARD_CONTRACT', 'CN_CERTIFICATION'],
  summary: `summary of ${over.id}`,
  legalBasis: 'Fixture Act',
  effectiveFrom: '2024-03-22',
  effectiveTo: null,
  sourceUrl: 'https://law.example/thresholds',
  ...over,
});

const rule = (over: Partial<TransferRuleRow> & Pick<TransferRuleRow, 'id'>): TransferRuleRow => ({
  countryCode: 'XA',
  direction: 'OUTBOUND',
  dataCategories: ['PERSONAL'],
  whenMechanism: null,
  summary: `summary of ${over.id}`,
  legalBasis: 'Fixture Act',
  effectiveFrom: '2021-11-01',
  effectiveTo: null,
  sourceUrl: 'https://law.example/rules',
  ...over,
});

const regime = (over: Partial<RegimeRow> & Pick<RegimeRow, 'id'>): RegimeRow => ({
  countryCode: 'XA',
  direction: 'OUTBOUND',
  dataCategories: ['PERSONAL'],
  name: `regime ${over.id}`,
  summary: `summary of regime ${over.id}`,
  legalBasis: 'Fixture Act',
  gaps: [],
  effectiveFrom: '2021-11-01',
  effectiveTo: null,
  sourceUrl: 'https://law.example/regimes',
  ...over,
});

const origin: CountryData = {
  policyRecorded: true,
  regimes: [regime({ id: 'held-since-2021' })],
  thresholds: [
    threshold({
      id: 'old-contract',
      maxSubjects: 100_000,
      effectiveFrom: '2023-06-01',
      effectiveTo: '2024-03-22',
    }),
    threshold({
      id: 'old-assessment',
      minSubjects: 100_000,
      effectiveFrom: '2023-06-01',
      effectiveTo: '2024-03-22',
      mechanismKinds: ['CN_SECURITY_ASSESSMENT'],
    }),
    threshold({ id: 'exempt', maxSubjects: 100_000, outcome: 'EXEMPT', mechanismKinds: [] }),
    threshold({ id: 'contract', minSubjects: 100_000, maxSubjects: 1_000_000 }),
    threshold({ id: 'assessment', minSubjects: 1_000_000, mechanismKinds: ['CN_SECURITY_ASSESSMENT'] }),
    threshold({ id: 'sensitive-contract', sensitivity: 'SENSITIVE', maxSubjects: 10_000 }),
    threshold({
      id: 'sensitive-assessment',
      sensitivity: 'SENSITIVE',
      minSubjects: 10_000,
      mechanismKinds: ['CN_SECURITY_ASSESSMENT'],
    }),
    threshold({
      id: 'ciio',
      sensitivity: 'ANY',
      exporterProfile: 'CIIO',
      mechanismKinds: ['CN_SECURITY_ASSESSMENT'],
    }),
  ],
  rules: [
    rule({ id: 'consent' }),
    rule({ id: 'contract-filing', whenMechanism: 'CN_STANDARD_CONTRACT' }),
    rule({ id: 'inbound-elsewhere', direction: 'INBOUND' }),
  ],
};
const nothing: CountryData = { policyRecorded: true, regimes: [], thresholds: [], rules: [] };
/** A destination whose inbound regime is held and asks nothing, so answers show the origin alone. */
const receiving: CountryData = {
  policyRecorded: true,
  regimes: [regime({ id: 'receiving', countryCode: 'XB', direction: 'INBOUND' })],
  thresholds: [],
  rules: [],
};

const ask = (over: Partial<TransferQuestion> = {}): TransferQuestion => ({
  from: 'XA',
  to: 'XB',
  dataCategory: 'PERSONAL',
  subjects: 150_000,
  sensitive: false,
  criticalInfrastructureOperator: false,
  circumstances: [],
  asOf: '2026-11-27',
  ...over,
});

const ids = (answer: ReturnType<typeof deriveRequirements>) =>
  answer.obligations.map((o) => o.threshold?.id ?? o.summary.replace('summary of ', 'rule:'));

describe('deriving transfer requirements from dated thresholds', () => {
  it('treats effectiveFrom as inclusive and effectiveTo as exclusive', () => {
    const row = { effectiveFrom: '2023-06-01', effectiveTo: '2024-03-22' };
    expect([inForce(row, '2023-06-01'), inForce(row, '2024-03-21'), inForce(row, '2024-03-22')]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('asks for the standard contract or certification at 150,000 people and adds its filing duty', () => {
    const answer = deriveRequirements(ask(), origin, nothing);
    expect(ids(answer)).toEqual(['contract', 'rule:consent', 'rule:contract-filing']);
    expect(answer.obligations[0]).toMatchObject({
      side: 'ORIGIN',
      kind: 'MECHANISM',
      sourceUrl: 'https://law.example/thresholds',
    });
    expect(answer.originCoverage).toBe('COMPLETE');
  });

  it('exempts 50,000 people from mechanisms but keeps the duties that apply whatever the volume', () => {
    const answer = deriveRequirements(ask({ subjects: 50_000 }), origin, nothing);
    expect(ids(answer)).toEqual(['exempt', 'rule:consent']);
    expect(answer.obligations[0]?.kind).toBe('EXEMPTION');
  });

  it('puts exactly 100,000 and 1,000,000 people in the higher band', () => {
    expect(ids(deriveRequirements(ask({ subjects: 100_000 }), origin, nothing))[0]).toBe('contract');
    expect(ids(deriveRequirements(ask({ subjects: 1_000_000 }), origin, nothing))[0]).toBe('assessment');
  });

  it('answers with the thresholds in force on the day asked', () => {
    const answer = deriveRequirements(ask({ asOf: '2023-09-01', subjects: 150_000 }), origin, nothing);
    expect(ids(answer)[0]).toBe('old-assessment');
    const before = deriveRequirements(ask({ asOf: '2020-01-01' }), origin, nothing);
    expect(before.originCoverage).toBe('UNKNOWN');
    expect(before.unknowns[0]).toMatch(/not held in this registry; that does not mean nothing applies/);
  });

  it('uses the sensitive bands for sensitive data and the CIIO rule for operators', () => {
    expect(ids(deriveRequirements(ask({ sensitive: true, subjects: 5_000 }), origin, nothing))[0]).toBe(
      'sensitive-contract',
    );
    expect(
      ids(
        deriveRequirements(ask({ criticalInfrastructureOperator: true, subjects: 10 }), origin, nothing),
      )[0],
    ).toBe('ciio');
  });

  it('says what it cannot decide when the number of people, sensitivity or CIIO status is missing', () => {
    const answer = deriveRequirements(
      ask({ subjects: null, sensitive: null, criticalInfrastructureOperator: null }),
      origin,
      nothing,
    );
    expect(answer.originCoverage).toBe('PARTIAL');
    expect(answer.obligations.every((o) => o.threshold === null)).toBe(true);
    expect(answer.unknowns.join(' ')).toMatch(/critical information infrastructure/);
    expect(answer.unknowns.join(' ')).toMatch(/sensitive was not given/);
    expect(answer.unknowns.join(' ')).toMatch(/number of people was not given/);
  });

  it('reports a country without a policy or without rules as unknown, never as nothing applies', () => {
    const noPolicy = deriveRequirements(
      ask(),
      { policyRecorded: false, regimes: [], thresholds: [], rules: [] },
      nothing,
    );
    expect(noPolicy).toMatchObject({
      obligations: [],
      originCoverage: 'UNKNOWN',
      destinationCoverage: 'UNKNOWN',
      coverage: 'UNKNOWN',
    });
    expect(noPolicy.unknowns).toHaveLength(2);
  });

  it('adds inbound rules of the destination and reports complete coverage when both sides decide', () => {
    const destination: CountryData = {
      policyRecorded: true,
      regimes: [regime({ id: 'inbound', countryCode: 'XB', direction: 'INBOUND' })],
      thresholds: [],
      rules: [rule({ id: 'arrival', direction: 'INBOUND', countryCode: 'XB' })],
    };
    const answer = deriveRequirements(ask(), origin, destination);
    expect(answer.obligations.at(-1)).toMatchObject({ side: 'DESTINATION', countryCode: 'XB', kind: 'DUTY' });
    expect(answer.regimes.map((r) => r.id)).toEqual(['held-since-2021', 'inbound']);
    expect(answer.coverage).toBe('COMPLETE');
  });
});

describe('what the registry holds', () => {
  it('says UNKNOWN, never COMPLETE, on a day no regime covers, even when duties are in force', () => {
    const unheld: CountryData = {
      ...origin,
      regimes: [regime({ id: 'later', effectiveFrom: '2024-01-01' })],
    };
    const answer = deriveRequirements(ask({ asOf: '2023-01-01' }), unheld, nothing);
    expect(answer.originCoverage).toBe('UNKNOWN');
    expect(answer.regimes).toEqual([]);
    // The duty in force is still a fact; the volume bands are not offered without their regime.
    expect(ids(answer)).toEqual(['rule:consent']);
    expect(answer.unknowns[0]).toMatch(/not held in this registry/);
  });

  it('turns each gap of the regime in force into an unknown and lowers the coverage to PARTIAL', () => {
    const gappy: CountryData = {
      ...origin,
      regimes: [regime({ id: 'gappy', gaps: ['The fixture’s implementing rules are not recorded.'] })],
    };
    const answer = deriveRequirements(ask(), gappy, nothing);
    expect(ids(answer)[0]).toBe('contract');
    expect(answer.originCoverage).toBe('PARTIAL');
    expect(answer.unknowns).toContain('The fixture’s implementing rules are not recorded.');
  });

  it('holds an inbound regime apart from an outbound one', () => {
    const outboundOnly: CountryData = {
      policyRecorded: true,
      regimes: [regime({ id: 'outbound', countryCode: 'XB' })],
      thresholds: [],
      rules: [rule({ id: 'arrival', direction: 'INBOUND', countryCode: 'XB' })],
    };
    const answer = deriveRequirements(ask(), origin, outboundOnly);
    expect(answer.destinationCoverage).toBe('UNKNOWN');
    expect(answer.unknowns.at(-1)).toMatch(/recipient .* is not held in this registry/);
  });
});

describe('circumstances a threshold depends on', () => {
  const circumstantial: CountryData = {
    ...origin,
    thresholds: [
      ...origin.thresholds,
      threshold({
        id: 'contract-exemption',
        sensitivity: 'ANY',
        exporterProfile: 'ANY',
        circumstance: 'CONTRACT_WITH_INDIVIDUAL',
        outcome: 'EXEMPT',
        mechanismKinds: [],
      }),
    ],
  };
  const bigProcessor: CountryData = {
    ...origin,
    thresholds: [
      threshold({
        id: 'small-unless-big',
        maxSubjects: 100_000,
        circumstance: 'PROCESSES_ONE_MILLION_PEOPLE',
        circumstanceHolds: false,
      }),
      threshold({
        id: 'big-processor',
        sensitivity: 'ANY',
        circumstance: 'PROCESSES_ONE_MILLION_PEOPLE',
        mechanismKinds: ['CN_SECURITY_ASSESSMENT'],
      }),
      threshold({ id: 'volume', minSubjects: 100_000, mechanismKinds: ['CN_SECURITY_ASSESSMENT'] }),
    ],
  };

  it('lets an exemption that holds prevail over the volume band', () => {
    const answer = deriveRequirements(
      ask({ circumstances: ['CONTRACT_WITH_INDIVIDUAL'] }),
      circumstantial,
      receiving,
    );
    expect(ids(answer)).toEqual(['contract-exemption', 'rule:consent']);
    expect(answer.originCoverage).toBe('COMPLETE');
  });

  it('keeps the volume band when the caller says no such circumstance holds', () => {
    const answer = deriveRequirements(ask({ circumstances: [] }), circumstantial, receiving);
    expect(ids(answer)).toEqual(['contract', 'rule:consent', 'rule:contract-filing']);
    expect(answer.originCoverage).toBe('COMPLETE');
  });

  it('names the band and says what the unasked circumstance would change', () => {
    const answer = deriveRequirements(ask({ circumstances: null }), circumstantial, receiving);
    expect(ids(answer)[0]).toBe('contract');
    expect(answer.originCoverage).toBe('PARTIAL');
    expect(answer.unknowns).toEqual([
      'Whether the transfer is necessary to conclude or perform a contract to which the individual is a party was not given; if so: summary of contract-exemption',
    ]);
  });

  it('applies a row meant for when a circumstance does not hold only when the caller says so', () => {
    const small = deriveRequirements(ask({ subjects: 50_000, circumstances: [] }), bigProcessor, receiving);
    expect(ids(small)[0]).toBe('small-unless-big');
    const big = deriveRequirements(
      ask({ subjects: 50_000, circumstances: ['PROCESSES_ONE_MILLION_PEOPLE'] }),
      bigProcessor,
      receiving,
    );
    expect(ids(big)[0]).toBe('big-processor');
    const unsaid = deriveRequirements(
      ask({ subjects: 50_000, circumstances: null }),
      bigProcessor,
      receiving,
    );
    expect(unsaid.obligations.filter((o) => o.threshold !== null)).toEqual([]);
    expect(unsaid.unknowns).toEqual([
      'Whether the exporter processes the personal information of 1,000,000 people or more in all was not given; if not: summary of small-unless-big',
      'Whether the exporter processes the personal information of 1,000,000 people or more in all was not given; if so: summary of big-processor',
    ]);
  });

  it('does not list an unasked circumstance that would ask for what is already required', () => {
    const answer = deriveRequirements(
      ask({ subjects: 150_000, circumstances: null }),
      bigProcessor,
      receiving,
    );
    expect(ids(answer)[0]).toBe('volume');
    expect(answer.unknowns).toEqual([]);
    expect(answer.originCoverage).toBe('COMPLETE');
  });
});
