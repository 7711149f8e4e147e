import { describe, expect, it } from 'vitest';
import { DateScalar, DateTimeScalar, decodeCursor, encodeCursor, pageSize } from '../src/index.ts';

const codeOf = (fn: () => unknown): unknown => {
  try {
    fn();
    return 'no error';
  } catch (error) {
    return (error as { extensions?: Record<string, unknown> }).extensions?.['code'];
  }
};

describe('cursors and page sizes', () => {
  it('round-trips a keyset cursor and refuses one of the wrong shape', () => {
    const cursor = encodeCursor(['Cyber Security Agency', 'sg-csa']);
    expect(decodeCursor(cursor, 2)).toEqual(['Cyber Security Agency', 'sg-csa']);
    expect(codeOf(() => decodeCursor(cursor, 3))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => decodeCursor('%%%', 2))).toBe('BAD_USER_INPUT');
  });

  it('caps page sizes and refuses negative ones', () => {
    expect(pageSize(undefined)).toBe(50);
    expect(pageSize(0)).toBe(0);
    expect(codeOf(() => pageSize(-1))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => pageSize(10_000))).toBe('BAD_USER_INPUT');
  });
});

describe('Date and DateTime', () => {
  it('accepts real calendar days only', () => {
    expect(DateScalar.parseValue('2024-02-29')).toBe('2024-02-29');
    expect(codeOf(() => DateScalar.parseValue('2026-02-29'))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => DateScalar.parseValue('27/11/2026'))).toBe('BAD_USER_INPUT');
  });

  it('needs a time zone on instants and serializes them in UTC', () => {
    expect((DateTimeScalar.parseValue('2026-11-27T15:00:00+07:00') as Date).toISOString()).toBe(
      '2026-11-27T08:00:00.000Z',
    );
    expect(codeOf(() => DateTimeScalar.parseValue('2026-11-27T15:00:00'))).toBe('BAD_USER_INPUT');
    expect(DateTimeScalar.serialize(new Date('2026-11-27T08:00:00Z'))).toBe('2026-11-27T08:00:00.000Z');
  });
});
