import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDataflows } from './harness.ts';

/**
 * China → Singapore on the seeded registry, for each regime China has had. The expected answers
 * are written by hand from the texts, not computed from the seed:
 * - PIPL Art. 38 (from 2021-11-01): one of its routes for any personal information; the CAC's
 *   measures did not exist yet, which the registry records as a gap.
 * - Security Assessment Measures Art. 4 (from 2022-09-01): an assessment from 100,000 people
 *   (10,000 sensitive) sent since 1 January of the previous year; below, certification or the
 *   standard contract, whose own Measures only applied from 2023-06-01 (a gap again).
 * - Standard Contract Measures (from 2023-06-01): the contract (filed with the provincial CAC) or
 *   certification below the assessment thresholds.
 * - 2024 Provisions (from 2024-03-22): exempt below 100,000 non-sensitive people in the year; the
 *   contract or certification up to 1,000,000; an assessment from 1,000,000, and from 10,000
 *   sensitive. From 2025 the Network Data Security Management Regulations are a recorded gap.
 * - Before 2021-11-01 the registry holds nothing for China: UNKNOWN.
 * - Singapore's PDPA applies to what the recipient does with the data in Singapore (from 2014).
 */

let subgraph: Awaited<ReturnType<typeof startDataflows>>;
beforeAll(async () => {
  subgraph = await startDataflows();
});
afterAll(() => subgraph.close());

const QUERY = /* GraphQL */ `
  query Requirements($n: Int, $s: Boolean, $asOf: Date, $c: [TransferCircumstance!], $ciio: Boolean) {
    transferRequirements(
      from: "CN"
      to: "SG"
      subjects: $n
      sensitive: $s
      asOf: $asOf
      circumstances: $c
      criticalInfrastructureOperator: $ciio
    ) {
      asOf
      coverage
      originCoverage
      destinationCoverage
      unknowns
      regimes {
        id
        country {
          code
        }
        direction
      }
      obligations {
        side
        kind
        legalBasis
        mechanisms {
          kind
        }
        source {
          url
        }
      }
    }
  }
`;

interface Answer {
  asOf: string;
  coverage: string;
  originCoverage: string;
  destinationCoverage: string;
  unknowns: string[];
  regimes: { id: string; country: { code: string }; direction: string }[];
  obligations: {
    side: string;
    kind: string;
    legalBasis: string;
    mechanisms: { kind: string }[];
    source: { url: string };
  }[];
}

async function ask(variables: Record<string, unknown>): Promise<Answer> {
  const result = await subgraph.exec<{ transferRequirements: Answer }>(QUERY, variables);
  expect(result.errors).toBeUndefined();
  return result.data!.transferRequirements;
}

/** China's side in short: the EXEMPTION or the mechanisms one of which is needed, and the duties. */
function chinaSide(answer: Answer) {
  const origin = answer.obligations.filter((o) => o.side === 'ORIGIN');
  const decision = origin.filter((o) => o.kind !== 'DUTY');
  return {
    decision: decision.map((o) =>
      o.kind === 'EXEMPTION'
        ? 'EXEMPT'
        : o.mechanisms
            .map((m) => m.kind)
            .sort()
            .join(' or '),
    ),
    duties: origin
      .filter((o) => o.kind === 'DUTY')
      .map((o) => o.legalBasis)
      .sort(),
    coverage: answer.originCoverage,
  };
}

const SA = 'CN_SECURITY_ASSESSMENT';
const CONTRACT_OR_CERTIFICATION = 'CN_CERTIFICATION or CN_STANDARD_CONTRACT';
const ANY_PIPL_ROUTE = 'CN_CERTIFICATION or CN_SECURITY_ASSESSMENT or CN_STANDARD_CONTRACT';
const PIPL_DUTIES = ['PIPL Art. 38, third paragraph', 'PIPL Art. 39', 'PIPL Arts. 55–56'];
const WITH_FILING = [...PIPL_DUTIES, 'Standard Contract Measures Art. 7'].sort();

type Case = [subjects: number, sensitive: boolean, decision: string[], duties: string[]];

/** Per day: [people, sensitive?, what China asks, China's duties], and China's side's coverage. */
const EXPECTED: { day: string | null; label: string; coverage: string; cases: Case[] }[] = [
  {
    day: '2022-06-01',
    label: 'in 2022 under PIPL Art. 38 alone',
    coverage: 'PARTIAL',
    cases: [
      [50_000, false, [ANY_PIPL_ROUTE], PIPL_DUTIES],
      [150_000, false, [ANY_PIPL_ROUTE], PIPL_DUTIES],
      [1_500_000, false, [ANY_PIPL_ROUTE], PIPL_DUTIES],
      [50_000, true, [ANY_PIPL_ROUTE], PIPL_DUTIES],
      [150_000, true, [ANY_PIPL_ROUTE], PIPL_DUTIES],
      [1_500_000, true, [ANY_PIPL_ROUTE], PIPL_DUTIES],
    ],
  },
  {
    day: '2023-01-01',
    label: 'on 1 January 2023 under the Security Assessment Measures',
    coverage: 'PARTIAL',
    cases: [
      [50_000, false, [CONTRACT_OR_CERTIFICATION], PIPL_DUTIES],
      [150_000, false, [SA], PIPL_DUTIES],
      [1_500_000, false, [SA], PIPL_DUTIES],
      [50_000, true, [SA], PIPL_DUTIES],
      [150_000, true, [SA], PIPL_DUTIES],
      [1_500_000, true, [SA], PIPL_DUTIES],
    ],
  },
  {
    day: '2023-09-01',
    label: 'in late 2023 under the Standard Contract Measures',
    coverage: 'COMPLETE',
    cases: [
      [50_000, false, [CONTRACT_OR_CERTIFICATION], WITH_FILING],
      [150_000, false, [SA], PIPL_DUTIES],
      [1_500_000, false, [SA], PIPL_DUTIES],
      [50_000, true, [SA], PIPL_DUTIES],
      [150_000, true, [SA], PIPL_DUTIES],
      [1_500_000, true, [SA], PIPL_DUTIES],
    ],
  },
  {
    day: '2024-06-01',
    label: 'in 2024 under the Provisions on Promoting and Regulating Cross-Border Data Flows',
    coverage: 'COMPLETE',
    cases: [
      [50_000, false, ['EXEMPT'], PIPL_DUTIES],
      [150_000, false, [CONTRACT_OR_CERTIFICATION], WITH_FILING],
      [1_500_000, false, [SA], PIPL_DUTIES],
      [50_000, true, [SA], PIPL_DUTIES],
      [150_000, true, [SA], PIPL_DUTIES],
      [1_500_000, true, [SA], PIPL_DUTIES],
    ],
  },
  {
    day: null,
    label: 'today, with the 2025 Regulations flagged as not recorded',
    coverage: 'PARTIAL',
    cases: [
      [50_000, false, ['EXEMPT'], PIPL_DUTIES],
      [150_000, false, [CONTRACT_OR_CERTIFICATION], WITH_FILING],
      [1_500_000, false, [SA], PIPL_DUTIES],
      [50_000, true, [SA], PIPL_DUTIES],
      [150_000, true, [SA], PIPL_DUTIES],
      [1_500_000, true, [SA], PIPL_DUTIES],
    ],
  },
];

describe('China → Singapore on every day a Chinese regime applied', () => {
  for (const { day, label, coverage, cases } of EXPECTED) {
    it(`asks what the law asked ${label}, at 50,000, 150,000 and 1,500,000 people, sensitive or not`, async () => {
      for (const [subjects, sensitive, decision, duties] of cases) {
        // A non-CIIO exporter that processes fewer than 1,000,000 people's data, in no special circumstance.
        const answer = await ask({ n: subjects, s: sensitive, asOf: day, c: [], ciio: false });
        const context = `${day ?? 'today'} ${subjects} ${sensitive ? 'sensitive' : 'non-sensitive'}`;
        expect(chinaSide(answer), context).toEqual({ decision, duties, coverage });
        expect(answer.destinationCoverage, context).toBe('COMPLETE');
        expect(answer.coverage, context).toBe(coverage);
      }
    });
  }

  it('cites China’s regulator texts for every obligation from China and Singapore’s for the recipient', async () => {
    const answer = await ask({ n: 150_000, s: false, asOf: '2024-06-01', c: [], ciio: false });
    for (const obligation of answer.obligations.filter((o) => o.side === 'ORIGIN')) {
      expect(obligation.source.url).toMatch(/^https:\/\/www\.cac\.gov\.cn\//);
    }
    expect(answer.obligations.filter((o) => o.side === 'DESTINATION')).toEqual([
      expect.objectContaining({ kind: 'DUTY', source: { url: expect.stringMatching(/pdpc\.gov\.sg/) } }),
    ]);
    expect(answer.regimes).toEqual([
      { id: 'cn-outbound-2024-provisions', country: { code: 'CN' }, direction: 'OUTBOUND' },
      { id: 'sg-inbound-2014', country: { code: 'SG' }, direction: 'INBOUND' },
    ]);
  });

  it('names the security assessment on 1 January 2023 for 150,000 people and never calls China’s side complete then', async () => {
    const answer = await ask({ n: 150_000, s: false, asOf: '2023-01-01' });
    expect(chinaSide(answer).decision).toEqual([SA]);
    expect(answer.originCoverage).toBe('PARTIAL');
    expect(answer.unknowns.join(' ')).toMatch(/Standard Contract Measures took effect on 1 June 2023/);
    expect(answer.unknowns.join(' ')).toMatch(/critical information infrastructure operator was not given/);
  });

  it('says UNKNOWN for China before the PIPL took effect, whatever the volume', async () => {
    for (const n of [50_000, 150_000, 1_500_000]) {
      const answer = await ask({ n, s: false, asOf: '2021-10-31', c: [], ciio: false });
      expect(answer.originCoverage).toBe('UNKNOWN');
      expect(answer.obligations.filter((o) => o.side === 'ORIGIN')).toEqual([]);
      expect(answer.unknowns[0]).toMatch(/not held in this registry/);
    }
    const firstDay = await ask({ n: 50_000, s: false, asOf: '2021-11-01', c: [], ciio: false });
    expect(chinaSide(firstDay).decision).toEqual([ANY_PIPL_ROUTE]);
  });
});

describe('the 2024 Provisions’ exemptions', () => {
  it('exempts a transfer needed for a contract with the individual, cross-border HR or an emergency at any volume', async () => {
    for (const circumstance of ['CONTRACT_WITH_INDIVIDUAL', 'CROSS_BORDER_HR_MANAGEMENT', 'EMERGENCY']) {
      const answer = await ask({ n: 1_500_000, s: true, asOf: '2024-06-01', c: [circumstance], ciio: false });
      expect(chinaSide(answer).decision, circumstance).toEqual(['EXEMPT']);
      // The PIPL's consent and impact-assessment duties still apply.
      expect(chinaSide(answer).duties, circumstance).toEqual(PIPL_DUTIES);
    }
    const operator = await ask({ n: 10, s: false, asOf: '2024-06-01', c: ['EMERGENCY'], ciio: true });
    expect(chinaSide(operator).decision).toEqual(['EXEMPT']);
  });

  it('flags the free trade zone negative lists and the other exemptions when the circumstances are not given', async () => {
    const answer = await ask({ n: 150_000, s: false, asOf: '2024-06-01', ciio: false });
    expect(chinaSide(answer).decision).toEqual([CONTRACT_OR_CERTIFICATION]);
    expect(answer.originCoverage).toBe('PARTIAL');
    const unknowns = answer.unknowns.join('\n');
    expect(unknowns).toMatch(/pilot free trade zone .* negative list/);
    expect(unknowns).toMatch(/contract to which the individual is a party/);
    expect(unknowns).toMatch(/human-resources management/);
    expect(unknowns).toMatch(/emergency/);
    expect(unknowns).toMatch(/collected abroad/);
  });

  it('had no such exemptions in 2023', async () => {
    const answer = await ask({
      n: 150_000,
      s: false,
      asOf: '2023-09-01',
      c: ['CONTRACT_WITH_INDIVIDUAL'],
      ciio: false,
    });
    expect(chinaSide(answer).decision).toEqual([SA]);
  });

  it('asks a handler processing 1,000,000 people’s data for an assessment before 2024, even for 50,000 people sent', async () => {
    const answer = await ask({
      n: 50_000,
      s: false,
      asOf: '2023-09-01',
      c: ['PROCESSES_ONE_MILLION_PEOPLE'],
      ciio: false,
    });
    expect(chinaSide(answer).decision).toEqual([SA]);
  });
});

describe('each ASEAN member’s transfer rules', () => {
  const ASEAN = ['BN', 'ID', 'KH', 'LA', 'MM', 'MY', 'PH', 'SG', 'TH', 'TL', 'VN'];

  it('holds an outbound and an inbound regime for each member, or says in its unknowns why not', async () => {
    const result = await subgraph.exec<{
      dataFlowPolicies: {
        country: { code: string };
        unknowns: string[];
        transferRegimes: { direction: string; effectiveTo: string | null; source: { url: string } }[];
      }[];
    }>(
      `{ dataFlowPolicies { country { code } unknowns transferRegimes { direction effectiveTo source { url } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const policies = result.data!.dataFlowPolicies.filter((p) => ASEAN.includes(p.country.code));
    expect(policies.map((p) => p.country.code).sort()).toEqual(ASEAN);
    const held = (direction: string) =>
      policies
        .filter((p) => p.transferRegimes.some((r) => r.direction === direction && r.effectiveTo === null))
        .map((p) => p.country.code)
        .sort();
    expect(held('OUTBOUND')).toEqual(['ID', 'MY', 'PH', 'SG', 'TH', 'VN']);
    expect(held('INBOUND')).toEqual(['PH', 'SG']);
    for (const policy of policies) {
      for (const direction of ['OUTBOUND', 'INBOUND']) {
        if (held(direction).includes(policy.country.code)) continue;
        expect(
          policy.unknowns.some((u) => u.startsWith(`${direction.toLowerCase()} transfer rule: `)),
          `${policy.country.code} ${direction}`,
        ).toBe(true);
      }
      for (const regime of policy.transferRegimes) expect(regime.source.url).toMatch(/^https:\/\//);
    }
  });

  it('answers a transfer from China to each member with that member’s inbound side held or UNKNOWN', async () => {
    for (const code of ASEAN) {
      const result = await subgraph.exec<{ transferRequirements: { destinationCoverage: string } }>(
        `query($to: ID!) { transferRequirements(from: "CN", to: $to, subjects: 10, sensitive: false) { destinationCoverage } }`,
        { to: code },
      );
      expect(result.errors).toBeUndefined();
      const coverage = result.data!.transferRequirements.destinationCoverage;
      if (code === 'SG') expect(coverage, code).toBe('COMPLETE');
      else if (code === 'PH') expect(coverage, code).toBe('PARTIAL');
      else expect(coverage, code).toBe('UNKNOWN');
    }
  });

  it('dates each member’s outbound rule: Malaysia’s amended s.129 from 1 April 2025, Indonesia’s Art. 56 from 17 October 2024', async () => {
    const query = `query($from: ID!, $asOf: Date) { transferRequirements(from: $from, to: "CN", asOf: $asOf) { originCoverage obligations { side legalBasis } } }`;
    type R = {
      transferRequirements: { originCoverage: string; obligations: { side: string; legalBasis: string }[] };
    };
    const bases = async (from: string, asOf: string) => {
      const result = await subgraph.exec<R>(query, { from, asOf });
      expect(result.errors).toBeUndefined();
      const answer = result.data!.transferRequirements;
      return {
        coverage: answer.originCoverage,
        bases: answer.obligations.filter((o) => o.side === 'ORIGIN').map((o) => o.legalBasis),
      };
    };
    expect(await bases('MY', '2025-03-31')).toEqual({
      coverage: 'COMPLETE',
      bases: ['PDPA 2010 s.129 (before the 2024 amendment)'],
    });
    expect((await bases('MY', '2025-04-01')).bases).toEqual([
      'PDPA 2010 s.129 as amended by the Personal Data Protection (Amendment) Act 2024 (in force 1 April 2025)',
    ]);
    expect(await bases('ID', '2024-10-16')).toMatchObject({ coverage: 'UNKNOWN', bases: [] });
    expect(await bases('ID', '2024-10-17')).toEqual({
      coverage: 'PARTIAL',
      bases: ['Law No. 27 of 2022 on Personal Data Protection, Art. 56'],
    });
    expect((await bases('VN', '2025-06-01')).bases).toEqual([
      'Decree 13/2023/ND-CP on Personal Data Protection, Art. 25',
    ]);
    expect(await bases('TL', '2025-06-01')).toEqual({ coverage: 'UNKNOWN', bases: [] });
  });
});
