import { describe, expect, it } from 'vitest';
import { codeOf } from '@cadg/platform/testing';
import { align, newer } from '../src/alignment.ts';
import type { PositionRow, Stance } from '../src/rows.ts';
import * as valid from '../src/validation.ts';

let counter = 0;
function position(
  countryCode: string,
  stance: Stance,
  statedOn = '2024-01-01',
  recordedAt = new Date(0),
): PositionRow {
  counter += 1;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    countryCode,
    topicSlug: 'risk-management',
    forumSlug: null,
    stance,
    summary: 'test',
    statedOn,
    sourceTitle: 'test',
    sourceUrl: 'https://example.org/',
    recordedAt,
    recordedBy: 'test',
    supersededAt: null,
    supersededById: null,
  };
}

const TWELVE = ['BN', 'CN', 'ID', 'KH', 'LA', 'MM', 'MY', 'PH', 'SG', 'TH', 'TL', 'VN'];

describe('alignment', () => {
  it('lists every country, showing NO_STATED_POSITION where nothing is recorded', () => {
    const result = align(TWELVE, new Map([['SG', position('SG', 'SUPPORTS')]]));
    expect(result.entries.map((e) => e.countryCode)).toEqual(TWELVE);
    expect(result.entries.filter((e) => e.stance === 'NO_STATED_POSITION')).toHaveLength(11);
    expect(result.statedCount).toBe(1);
  });

  it('counts support with reservations as support and divides by all participating countries', () => {
    const current = new Map([
      ['SG', position('SG', 'SUPPORTS')],
      ['MY', position('MY', 'SUPPORTS_WITH_RESERVATIONS')],
      ['CN', position('CN', 'OPPOSES')],
    ]);
    const result = align(TWELVE, current);
    expect(result.supportingCount).toBe(2);
    expect(result.supportShare).toBeCloseTo(2 / 12);
  });

  it('marks countries whose stated stance differs from the most common one as divergent, never silent ones', () => {
    const current = new Map([
      ['SG', position('SG', 'SUPPORTS')],
      ['MY', position('MY', 'SUPPORTS')],
      ['CN', position('CN', 'NEUTRAL')],
    ]);
    const result = align(TWELVE, current);
    expect(result.prevailingStance).toBe('SUPPORTS');
    expect(result.divergentCountryCodes).toEqual(['CN']);
    expect(result.entries.find((e) => e.countryCode === 'BN')?.diverges).toBe(false);
  });

  it('breaks a tie for the prevailing stance towards the more supportive one', () => {
    const current = new Map([
      ['SG', position('SG', 'OPPOSES')],
      ['MY', position('MY', 'SUPPORTS')],
    ]);
    expect(align(TWELVE, current).prevailingStance).toBe('SUPPORTS');
  });

  it('has no prevailing stance and no divergence when nobody has stated one', () => {
    const result = align(TWELVE, new Map());
    expect(result.prevailingStance).toBeNull();
    expect(result.divergentCountryCodes).toEqual([]);
    expect(result.supportShare).toBe(0);
  });

  it('takes the later statement as newer, and on the same day the later recorded one', () => {
    const early = position('SG', 'NEUTRAL', '2024-01-01', new Date(2000));
    const late = position('SG', 'SUPPORTS', '2024-06-01', new Date(1000));
    expect(newer(early, late)).toBe(late);
    const sameDayFirst = position('SG', 'NEUTRAL', '2024-06-01', new Date(1000));
    const sameDaySecond = position('SG', 'OPPOSES', '2024-06-01', new Date(3000));
    expect(newer(sameDaySecond, sameDayFirst)).toBe(sameDaySecond);
  });
});

describe('input rules', () => {
  it('accepts hyphenated lower-case slugs and refuses anything else', () => {
    expect(valid.slug('topic', ' risk-management ')).toBe('risk-management');
    for (const bad of ['Risk Management', 'risk_management', '-risk', 'risk--management', '']) {
      expect(codeOf(() => valid.slug('topic', bad))).toBe('BAD_USER_INPUT');
    }
  });

  it('refuses a statement dated in the future but accepts today', () => {
    const now = new Date('2026-11-27T12:00:00Z');
    expect(valid.pastOrToday('statedOn', '2026-11-27', now)).toBe('2026-11-27');
    expect(codeOf(() => valid.pastOrToday('statedOn', '2026-11-28', now))).toBe('BAD_USER_INPUT');
  });

  it('accepts only http and https source URLs', () => {
    expect(valid.httpsUrl('u', 'https://press.un.org/en/2024/ga12588.doc.htm')).toMatch(/^https:/);
    expect(codeOf(() => valid.httpsUrl('u', 'ftp://example.org/x'))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => valid.httpsUrl('u', 'not a url'))).toBe('BAD_USER_INPUT');
  });

  it('accepts organization ids shaped like contacts issues them', () => {
    expect(valid.organizationId('o', 'sg-csa')).toBe('sg-csa');
    expect(codeOf(() => valid.organizationId('o', 'SG CSA'))).toBe('BAD_USER_INPUT');
  });
});
