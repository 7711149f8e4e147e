import { describe, expect, it } from 'vitest';
import * as aipolicy from '../src/seed/aipolicy-data.ts';
import * as contacts from '../src/seed/contacts-data.ts';
import * as contactNames from '../src/seed/contacts-names-data.ts';
import * as dataflows from '../src/seed/dataflows-data.ts';
import { factRows, sourcingProblems } from '../src/seed/fact-rows.ts';
import { sources } from '../src/seed/sources.ts';

describe('the sources of seeded facts', () => {
  it('gives every fact row a source that the checked-in list records with its kind and access date', () => {
    const rows = factRows();
    const tables = new Set(
      rows.map((row) => row.table.replace(/^dataflows\.comparisons\..*/, 'dataflows.comparisons')),
    );
    expect([...tables].sort()).toEqual([
      'aipolicy.frameworks',
      'aipolicy.instruments',
      'aipolicy.positions',
      'contacts.activities',
      'contacts.aseanDialoguePartners',
      'contacts.countries',
      'contacts.organizationNames',
      'contacts.organizations',
      'dataflows.comparisons',
      'dataflows.laws',
      'dataflows.mechanisms',
      'dataflows.policies',
      'dataflows.policyMechanisms',
      'dataflows.regimes',
      'dataflows.thresholds',
      'dataflows.transferRules',
      'incidents.advisories',
    ]);
    expect(sourcingProblems(rows)).toEqual([]);
  });

  it('catches a fact row without a source, and a source missing from the list', () => {
    expect(
      sourcingProblems([
        { table: 'contacts.activities', id: 'unsourced', urls: [] },
        { table: 'contacts.activities', id: 'blank', urls: ['  '] },
        { table: 'contacts.activities', id: 'unlisted', urls: ['https://unlisted.example/page'] },
      ]),
    ).toEqual([
      'contacts.activities unsourced: no source',
      'contacts.activities blank: no source',
      'contacts.activities unlisted: https://unlisted.example/page is not in sources.ts',
    ]);
  });

  it('lists no source that no fact cites, each with a kind and a real access date', () => {
    const cited = new Set(factRows().flatMap((row) => row.urls));
    for (const [url, entry] of Object.entries(sources)) {
      expect(cited.has(url), url).toBe(true);
      expect(['PRIMARY', 'SECONDARY']).toContain(entry.kind);
      expect(entry.accessedOn, url).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(entry.accessedOn)), url).toBe(false);
    }
  });

  it('cites the corrected rows of issue #22 from their new sources', () => {
    const organization = (id: string) => contacts.organizations.find((o) => o.id === id)!;
    const instrument = (id: string) => aipolicy.instruments.find((i) => i.id === id)!;
    const mycert = organization('my-mycert').sourceUrl;
    expect(new URL(mycert).host).toBe('www.cybersecurity.my');
    expect(sources[mycert]?.kind).toBe('PRIMARY');

    const generativeAi = instrument('cn-generative-ai-interim-measures-2023');
    expect(generativeAi.sourceUrl).not.toMatch(/milk-powder/);
    expect(generativeAi.adoptedOn).toBe('2023-07-10');
    expect(sources[generativeAi.sourceUrl]?.kind).toBe('SECONDARY');

    const iso42001 = instrument('iso-iec-42001-2023');
    expect(iso42001.sourceUrl).not.toMatch(/aigreencloud/);
    expect(iso42001.summary).toContain('2023-12');

    const bletchley = aipolicy.positions.filter((p) => p.sourceTitle.includes('Bletchley Declaration'));
    expect(bletchley.map((p) => p.countryCode).sort()).toEqual(['CN', 'ID', 'PH', 'SG']);
    for (const position of bletchley) {
      expect(new URL(position.sourceUrl).host).toBe('www.gov.uk');
      expect(sources[position.sourceUrl]?.kind).toBe('PRIMARY');
    }
  });

  it('compares MCC Module 1 and Module 2 with the Standard Contract, each side numbered or saying why not', () => {
    const byPair = new Map(dataflows.comparisons.map((c) => [`${c.mechanismA}|${c.mechanismB}`, c]));
    const module1 = byPair.get('ASEAN_MCC_C2P|CN_STANDARD_CONTRACT');
    const module2 = byPair.get('ASEAN_MCC_C2C|CN_STANDARD_CONTRACT');
    expect(module1?.rows.some((r) => r.section === 'CONTROLLER_TO_PROCESSOR')).toBe(true);
    expect(module2?.rows.some((r) => r.section === 'CONTROLLER_TO_CONTROLLER')).toBe(true);
    for (const comparison of [module1!, module2!]) {
      expect(comparison.disclaimer).toMatch(/working comparison/);
      for (const row of comparison.rows) {
        const key = `${comparison.id} ${row.section}/${row.topic}`;
        // Exactly one of the reference and the reason for its absence.
        expect(row.aClause === null, key).toBe(row.aClauseUnknownReason !== null);
        expect(row.bClause === null, key).toBe(row.bClauseUnknownReason !== null);
        if (row.aClause === null) expect(row.aClauseUnknownReason, key).toMatch(/not verified/i);
        // The Standard Contract has nine articles; its Measures are cited as "Measures Art. N".
        for (const article of row.bClause?.matchAll(/(Measures )?Art\. (\d+)/g) ?? []) {
          if (!article[1]) expect(Number(article[2]), key).toBeLessThanOrEqual(9);
        }
        expect(row.bClause ?? row.bClauseUnknownReason, key).toBeTruthy();
      }
    }
    // The Standard Contract's side is read from the CAC's own publication where the row cites it.
    const cac = module2!.rows.filter((r) => new URL(r.bSourceUrl).host === 'www.cac.gov.cn');
    expect(cac.length).toBeGreaterThanOrEqual(5);
    expect(sources[cac[0]!.bSourceUrl]?.kind).toBe('PRIMARY');
  });

  it('records local-language names only with a source, and China as an ASEAN dialogue partner from asean.org', () => {
    const organizationIds = new Set(contacts.organizations.map((o) => o.id));
    const seen = new Set<string>();
    for (const entry of contactNames.organizationNames) {
      const key = `${entry.organizationId}/${entry.language}`;
      expect(organizationIds.has(entry.organizationId), key).toBe(true);
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
      expect(entry.name.trim(), key).not.toBe('');
      expect(sources[entry.sourceUrl]?.accessedOn, key).toBe('2026-12-07');
    }
    // A name in a language with its own script is written in that script (not transliterated).
    const scripts: Record<string, RegExp> = {
      'zh-Hans': /^\p{Script=Han}+$/u,
      km: /^[\p{Script=Khmer} ]+$/u,
      lo: /^[\p{Script=Lao} ]+$/u,
      my: /^[\p{Script=Myanmar} ]+$/u,
      th: /^[\p{Script=Thai} ]+$/u,
    };
    for (const entry of contactNames.organizationNames) {
      const script = scripts[entry.language];
      if (script) expect(entry.name, `${entry.organizationId}/${entry.language}`).toMatch(script);
    }
    const mainland = ['km', 'lo', 'my'].map((language) =>
      contactNames.organizationNames.filter((n) => n.language === language).map((n) => n.organizationId),
    );
    expect(mainland).toEqual([['kh-mptc'], ['la-laocert', 'la-mtc'], ['mm-motc', 'mm-ncsc']]);
    const chinese = contactNames.organizationNames.filter((n) => n.language === 'zh-Hans');
    expect(chinese.map((n) => n.organizationId).sort()).toEqual(['cn-cac', 'cn-cncert']);
    // Singapore's CSA publishes no other official name: none is invented.
    expect(contactNames.organizationNames.some((n) => n.organizationId === 'sg-csa')).toBe(false);

    const [china] = contactNames.aseanDialoguePartners;
    expect(china).toMatchObject({ countryCode: 'CN', relationsSince: 1991, fullDialoguePartnerSince: 1996 });
    expect(china!.partnershipLevel).toBe('Comprehensive Strategic Partnership');
    expect(new URL(china!.sourceUrl).host).toBe('asean.org');
    expect(sources[china!.sourceUrl]?.kind).toBe('PRIMARY');
    expect(sources[china!.partnershipSourceUrl]?.kind).toBe('PRIMARY');
  });

  it('cites a primary source for each ACID edition whose CSA page was reachable', () => {
    for (const id of ['acid-2018', 'acid-2019', 'acid-2023']) {
      const activity = contacts.activities.find((a) => a.id === id)!;
      expect(sources[activity.sourceUrl]?.kind, id).toBe('PRIMARY');
    }
  });
});
