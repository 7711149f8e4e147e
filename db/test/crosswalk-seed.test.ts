import { describe, expect, it } from 'vitest';
import { frameworks, mappings } from '../src/seed/aipolicy-data.ts';

const principle = ([slug, ordinal]: readonly [string, number]) =>
  frameworks.find((f) => f.slug === slug)?.principles[ordinal - 1];

describe('the working crosswalk', () => {
  it('maps only principles that exist, each mapping with a note', () => {
    for (const mapping of mappings) {
      const key = `${mapping.from.join(':')} → ${mapping.to.join(':')}`;
      expect(principle(mapping.from), key).toBeDefined();
      expect(principle(mapping.to), key).toBeDefined();
      expect(mapping.note.trim(), key).not.toBe('');
    }
  });

  it('maps the Global AI Governance Initiative onto ISO/IEC 42001 Annex A (issue #22)', () => {
    const pairs = mappings
      .filter((m) => m.from[0] === 'GAIGI' && m.to[0] === 'ISO_IEC_42001')
      .map((m) => `${principle(m.from)!.name} → ${principle(m.to)!.reference}`);
    expect(pairs).toEqual(
      expect.arrayContaining([
        'Risk-graded testing and assessment → A.5',
        'Risk-graded testing and assessment → A.6',
      ]),
    );
  });
});
