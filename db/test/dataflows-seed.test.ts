import { describe, expect, it } from 'vitest';
import * as contacts from '../src/seed/contacts-data.ts';
import * as data from '../src/seed/dataflows-data.ts';

const URL_PATTERN = /^https?:\/\/\S+$/;

describe('dataflows seed data', () => {
  it('gives each of the twelve countries one policy, with a regulator that exists in the contacts seed or none', () => {
    const codes = contacts.countries.map((c) => c.code).sort();
    expect(data.policies.map((p) => p.countryCode).sort()).toEqual(codes);
    const organizationIds = new Set(contacts.organizations.map((o) => o.id));
    for (const policy of data.policies) {
      if (policy.regulatorOrganizationId !== null) {
        expect(organizationIds.has(policy.regulatorOrganizationId), policy.countryCode).toBe(true);
      }
    }
  });

  it('cites a source URL on every policy, law, mechanism, threshold, rule, regime and compared clause', () => {
    const urls = [
      ...data.policies.map((p) => p.sourceUrl),
      ...data.laws.map((l) => l.sourceUrl),
      ...data.mechanisms.map((m) => m.sourceUrl),
      ...data.policyMechanisms.map((m) => m.sourceUrl),
      ...data.thresholds.map((t) => t.sourceUrl),
      ...data.transferRules.map((r) => r.sourceUrl),
      ...data.regimes.map((r) => r.sourceUrl),
      ...data.comparisons.flatMap((c) => c.rows.flatMap((r) => [r.aSourceUrl, r.bSourceUrl])),
    ];
    for (const url of urls) expect(url).toMatch(URL_PATTERN);
  });

  it('keeps each country’s thresholds for one kind of data from overlapping on any day', () => {
    // Rows that turn on a circumstance are a group of their own: they may overlap the volume bands.
    const key = (t: data.SeedThreshold) =>
      `${t.countryCode}/${t.dataCategory}/${t.sensitivity}/${t.exporterProfile}/${t.circumstance ?? ''}/${t.circumstanceHolds ?? true}`;
    const groups = new Map<string, data.SeedThreshold[]>();
    for (const row of data.thresholds) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
    for (const [group, rows] of groups) {
      for (const a of rows) {
        for (const b of rows) {
          if (a === b) continue;
          const datesOverlap =
            a.effectiveFrom < (b.effectiveTo ?? '9999') && b.effectiveFrom < (a.effectiveTo ?? '9999');
          const volumesOverlap =
            (a.minSubjects ?? 0) < (b.maxSubjects ?? Infinity) &&
            (b.minSubjects ?? 0) < (a.maxSubjects ?? Infinity);
          expect(datesOverlap && volumesOverlap, `${group}: ${a.id} and ${b.id}`).toBe(false);
        }
      }
    }
  });

  it('holds at most one regime per country, direction and kind of data on any day, each ending after it starts', () => {
    for (const a of data.regimes) {
      expect(a.effectiveTo === null || a.effectiveFrom < a.effectiveTo, a.id).toBe(true);
      for (const b of data.regimes) {
        if (a === b || a.countryCode !== b.countryCode || a.direction !== b.direction) continue;
        const sharesData = a.dataCategories.some((c) => b.dataCategories.includes(c));
        const datesOverlap =
          a.effectiveFrom < (b.effectiveTo ?? '9999') && b.effectiveFrom < (a.effectiveTo ?? '9999');
        expect(sharesData && datesOverlap, `${a.id} and ${b.id}`).toBe(false);
      }
    }
  });

  it('starts every threshold and rule on a day a regime of its country holds, so none stands where the registry holds nothing', () => {
    const held = (code: string, direction: string, category: data.DataCategory, day: string) =>
      data.regimes.some(
        (r) =>
          r.countryCode === code &&
          r.direction === direction &&
          r.dataCategories.includes(category) &&
          r.effectiveFrom <= day &&
          (r.effectiveTo === null || day < r.effectiveTo),
      );
    for (const t of data.thresholds) {
      expect(held(t.countryCode, 'OUTBOUND', t.dataCategory, t.effectiveFrom), t.id).toBe(true);
    }
    for (const r of data.transferRules) {
      for (const category of r.dataCategories) {
        expect(held(r.countryCode, r.direction ?? 'OUTBOUND', category, r.effectiveFrom), r.id).toBe(true);
      }
    }
  });

  it('labels the comparison a working comparison and the pilots as illustrative', () => {
    for (const comparison of data.comparisons) expect(comparison.disclaimer).toMatch(/working comparison/);
    for (const pilot of data.pilots) expect(`${pilot.name} ${pilot.description}`).toMatch(/illustrative/i);
  });
});
