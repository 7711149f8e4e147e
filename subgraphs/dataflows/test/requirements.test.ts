import { describe, expect, it } from 'vitest';
import { deriveRequirements, inForce, type CountryData, type TransferQuestion } from '../src/requirements.ts';
import type { ThresholdRow, TransferRuleRow } from '../src/rows.ts';

/** Fixture rows shaped like the seed's, kept here so each branch is visible in the test. */
const threshold = (over: Partial<ThresholdRow> & Pick<ThresholdRow, 'id'>): ThresholdRow => ({
  countryCode: 'XA',
  dataCategory: 'PERSONAL',
  sensitivity: 'NON_SENSITIVE',
  exporterProfile: 'NON_CIIO',
  minSubjects: null,
  maxSubjects: null,
  countingPeriod: 'per year',
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

const origin: CountryData = {
  policyRecorded: true,
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
const nothing: CountryData = { policyRecorded: true, thresholds: [], rules: [] };

const ask = (over: Partial<TransferQuestion> = {}): TransferQuestion => ({
  from: 'XA',
  to: 'XB',
  dataCategory: 'PERSONAL',
  subjects: 150_000,
  sensitive: false,
  criticalInfrastructureOperator: false,
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
    expect(before.unknowns[0]).toMatch(/does not mean nothing applies/);
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
    const noPolicy = deriveRequirements(ask(), { policyRecorded: false, thresholds: [], rules: [] }, nothing);
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
      thresholds: [],
      rules: [rule({ id: 'arrival', direction: 'INBOUND', countryCode: 'XB' })],
    };
    const answer = deriveRequirements(ask(), origin, destination);
    expect(answer.obligations.at(-1)).toMatchObject({ side: 'DESTINATION', countryCode: 'XB', kind: 'DUTY' });
    expect(answer.coverage).toBe('COMPLETE');
  });
});
