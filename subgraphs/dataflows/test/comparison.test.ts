import { describe, expect, it } from 'vitest';
import { orientRows } from '../src/comparison.ts';
import type { ComparisonRowRow } from '../src/rows.ts';

const row = (over: Partial<ComparisonRowRow>): ComparisonRowRow => ({
  id: 'r',
  comparisonId: 'c',
  section: 'GENERAL',
  position: 1,
  topic: 'GOVERNING_LAW',
  aClause: 'A1',
  aClauseUnknownReason: null,
  aSummary: 'a says',
  aSourceUrl: 'https://a.example',
  bClause: 'B1',
  bClauseUnknownReason: null,
  bSummary: 'b says',
  bSourceUrl: 'https://b.example',
  alignment: 'ONLY_IN_B',
  practicalNote: 'note',
  ...over,
});

const stored = { a: 'ASEAN_MCC_C2C', b: 'CN_STANDARD_CONTRACT' } as const;

describe('orienting a stored comparison', () => {
  it('keeps the stored sides when asked in the stored order', () => {
    const [oriented] = orientRows([row({})], stored, 'ASEAN_MCC_C2C', null);
    expect(oriented?.a).toMatchObject({ mechanism: 'ASEAN_MCC_C2C', reference: 'A1' });
    expect(oriented?.alignment).toBe('ONLY_IN_B');
  });

  it('swaps the sides and flips one-sided alignments when asked the other way round', () => {
    const rows = [row({ id: '1' }), row({ id: '2', alignment: 'SIMILAR' })];
    const oriented = orientRows(rows, stored, 'CN_STANDARD_CONTRACT', null);
    expect(oriented[0]?.a).toMatchObject({
      mechanism: 'CN_STANDARD_CONTRACT',
      reference: 'B1',
      summary: 'b says',
    });
    expect(oriented.map((r) => r.alignment)).toEqual(['ONLY_IN_A', 'SIMILAR']);
  });

  it('carries the reason a reference is unknown to the side it belongs to, also when swapped', () => {
    const unknownA = row({ aClause: null, aClauseUnknownReason: 'not verified' });
    const [forward] = orientRows([unknownA], stored, 'ASEAN_MCC_C2C', null);
    expect(forward?.a).toMatchObject({ reference: null, referenceUnknownReason: 'not verified' });
    expect(forward?.b).toMatchObject({ reference: 'B1', referenceUnknownReason: null });
    const [reverse] = orientRows([unknownA], stored, 'CN_STANDARD_CONTRACT', null);
    expect(reverse?.b).toMatchObject({ mechanism: 'ASEAN_MCC_C2C', referenceUnknownReason: 'not verified' });
  });

  it('groups general provisions first, keeps the stored order and filters by module', () => {
    const rows = [
      row({ id: 'c2c-2', section: 'CONTROLLER_TO_CONTROLLER', position: 2 }),
      row({ id: 'gen-1', section: 'GENERAL', position: 1 }),
      row({ id: 'c2c-1', section: 'CONTROLLER_TO_CONTROLLER', position: 1 }),
    ];
    expect(orientRows(rows, stored, 'ASEAN_MCC_C2C', null).map((r) => r.id)).toEqual([
      'gen-1',
      'c2c-1',
      'c2c-2',
    ]);
    expect(orientRows(rows, stored, 'ASEAN_MCC_C2C', 'GENERAL').map((r) => r.id)).toEqual(['gen-1']);
  });
});
