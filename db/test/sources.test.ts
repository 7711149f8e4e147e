import { describe, expect, it } from 'vitest';
import * as aipolicy from '../src/seed/aipolicy-data.ts';
import * as contacts from '../src/seed/contacts-data.ts';
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
      'contacts.countries',
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

  it('cites a primary source for each ACID edition whose CSA page was reachable', () => {
    for (const id of ['acid-2018', 'acid-2019', 'acid-2023']) {
      const activity = contacts.activities.find((a) => a.id === id)!;
      expect(sources[activity.sourceUrl]?.kind, id).toBe('PRIMARY');
    }
  });
});
