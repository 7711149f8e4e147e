import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentId } from '@cadg/gateway';
import { codesOf, productionProtection, startGraph, type Graph, type GraphQLResponse } from './harness.ts';

/**
 * Facts a ministry can cite (issue #22), read through the gateway: the MCC ↔ Standard Contract
 * working comparison for Module 1 and Module 2 with clause references or the reason one is
 * unknown, organizations' names in Chinese and national languages with their sources, and China's
 * standing as an ASEAN dialogue partner. Run in the embedded default and in production mode
 * (trusted documents enforced, signed subgraph calls).
 */

const Op = {
  comparison: `query FactsComparison($a: MechanismKind!, $module: ComparisonModule) { mechanismComparison(a: $a, b: CN_STANDARD_CONTRACT, module: $module) { available title disclaimer rows { module topic a { mechanism reference referenceUnknownReason source { url } } b { mechanism reference referenceUnknownReason source { url } } } } }`,
  names: `query FactsNames($id: ID!, $language: String!) { organization(id: $id) { id names { language name sourceUrl } nameIn(language: $language) { name } } }`,
  country: `query FactsCountry($code: ID!) { country(code: $code) { code aseanMember aseanDialoguePartnership { relationsSince fullDialoguePartnerSince sourceUrl partnershipLevel partnershipAgreedOn partnershipSourceUrl } } }`,
} as const;
type OpName = keyof typeof Op;

const manifest: Record<string, string> = Object.fromEntries(
  Object.values(Op).map((text) => [documentId(text), text]),
);

interface Side {
  mechanism: string;
  reference: string | null;
  referenceUnknownReason: string | null;
  source: { url: string };
}
interface Comparison {
  mechanismComparison: {
    available: boolean;
    title: string;
    disclaimer: string;
    rows: { module: string; topic: string; a: Side; b: Side }[];
  };
}
interface Names {
  organization: {
    id: string;
    names: { language: string; name: string; sourceUrl: string }[];
    nameIn: { name: string } | null;
  } | null;
}
interface CountryAnswer {
  country: {
    code: string;
    aseanMember: boolean;
    aseanDialoguePartnership: {
      relationsSince: number;
      fullDialoguePartnerSince: number | null;
      sourceUrl: string;
      partnershipLevel: string;
      partnershipAgreedOn: string;
      partnershipSourceUrl: string;
    } | null;
  } | null;
}

const modes = [
  { name: 'in the embedded default', production: false },
  { name: 'in production mode', production: true },
] as const;

describe.each(modes)('cited facts through the gateway $name', ({ production }) => {
  let graph: Graph;

  async function run<T>(op: OpName, variables: Record<string, unknown>): Promise<GraphQLResponse<T>> {
    const text = Op[op];
    const response = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify(
        production ? { documentId: documentId(text), variables } : { query: text, variables },
      ),
    });
    return (await response.json()) as GraphQLResponse<T>;
  }
  async function ok<T>(op: OpName, variables: Record<string, unknown>): Promise<T> {
    const response = await run<T>(op, variables);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return response.data!;
  }

  beforeAll(async () => {
    graph = await startGraph(
      production
        ? {
            protection: productionProtection(manifest),
          }
        : {},
    );
  });
  afterAll(() => graph?.close());

  it.each([
    ['ASEAN_MCC_C2P', 'CONTROLLER_TO_PROCESSOR', /Module 1/],
    ['ASEAN_MCC_C2C', 'CONTROLLER_TO_CONTROLLER', /Module 2/],
  ])(
    'compares %s with the Standard Contract: every side numbered or saying why not',
    async (a, module, title) => {
      const { mechanismComparison: comparison } = await ok<Comparison>('comparison', { a, module: null });
      expect(comparison.available).toBe(true);
      expect(comparison.title).toMatch(title);
      expect(comparison.disclaimer).toMatch(/working comparison/);
      expect(new Set(comparison.rows.map((r) => r.module))).toEqual(new Set(['GENERAL', module]));
      for (const row of comparison.rows) {
        for (const side of [row.a, row.b]) {
          // A reference, or the reason there is none: exactly one of the two.
          expect(side.reference === null, `${row.topic} ${side.mechanism}`).toBe(
            side.referenceUnknownReason !== null,
          );
          expect(side.source.url).toMatch(/^https?:\/\//);
        }
        expect(row.a.mechanism).toBe(a);
        expect(row.b.reference, row.topic).toMatch(/^(Measures )?Art\. \d/);
      }
      const filing = comparison.rows.find((r) => r.topic === 'FILING_REGISTRATION');
      expect(filing?.b.reference).toBe('Measures Art. 7');

      const only = await ok<Comparison>('comparison', { a, module });
      expect(only.mechanismComparison.rows.length).toBeGreaterThanOrEqual(4);
      expect(only.mechanismComparison.rows.every((r) => r.module === module)).toBe(true);
    },
  );

  it('gives CNCERT/CC its Chinese name with a source, and no invented name for the CSA', async () => {
    const cncert = await ok<Names>('names', { id: 'cn-cncert', language: 'zh-hans' });
    expect(cncert.organization?.names).toEqual([
      {
        language: 'zh-Hans',
        name: '国家计算机网络应急技术处理协调中心',
        sourceUrl: 'https://career.csu.edu.cn/company/view/id/525271',
      },
    ]);
    // The tag is matched in its canonical form.
    expect(cncert.organization?.nameIn).toEqual({ name: '国家计算机网络应急技术处理协调中心' });

    const jpdp = await ok<Names>('names', { id: 'my-jpdp', language: 'ms' });
    expect(jpdp.organization?.nameIn?.name).toBe('Jabatan Perlindungan Data Peribadi');

    const csa = await ok<Names>('names', { id: 'sg-csa', language: 'en' });
    expect(csa.organization).toMatchObject({ names: [], nameIn: null });

    const bad = await run<Names>('names', { id: 'cn-cncert', language: 'not a tag!' });
    expect(codesOf(bad)).toEqual(['BAD_USER_INPUT']);
  });

  it('records China as an ASEAN dialogue partner since 1991 and members as none', async () => {
    const china = await ok<CountryAnswer>('country', { code: 'CN' });
    expect(china.country).toMatchObject({
      code: 'CN',
      aseanMember: false,
      aseanDialoguePartnership: {
        relationsSince: 1991,
        fullDialoguePartnerSince: 1996,
        sourceUrl: 'https://asean.org/?static_post=overview-asean-china-dialogue-relations',
        partnershipLevel: 'Comprehensive Strategic Partnership',
        partnershipAgreedOn: '2021-10-26',
      },
    });
    const singapore = await ok<CountryAnswer>('country', { code: 'SG' });
    expect(singapore.country).toMatchObject({ aseanMember: true, aseanDialoguePartnership: null });
  });
});
