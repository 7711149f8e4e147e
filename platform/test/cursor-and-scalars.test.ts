import { describe, expect, it } from 'vitest';
import { codeOf } from '../src/testing.ts';
import {
  CursorParts,
  cursorShape,
  DateScalar,
  DateTimeScalar,
  decodeCursor,
  encodeCursor,
  MAX_CURSOR_TEXT,
  pageSize,
} from '../src/index.ts';

describe('cursors and page sizes', () => {
  const raw = (parts: unknown): string => Buffer.from(JSON.stringify(parts)).toString('base64url');

  it('round-trips a keyset cursor and refuses one of the wrong shape', () => {
    const organizations = cursorShape('organizations', CursorParts.text, CursorParts.text);
    const cursor = encodeCursor(organizations, ['Cyber Security Agency', 'sg-csa']);
    expect(decodeCursor(cursor, organizations)).toEqual(['Cyber Security Agency', 'sg-csa']);
    const three = cursorShape('organizations', CursorParts.text, CursorParts.text, CursorParts.text);
    expect(codeOf(() => decodeCursor(cursor, three))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => decodeCursor('%%%', organizations))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => decodeCursor('', organizations))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => decodeCursor(raw('x').slice(0, -1), organizations))).toBe('BAD_USER_INPUT');
  });

  it('refuses a cursor of another list even when its parts fit', () => {
    const incidents = cursorShape('incidents', CursorParts.timestamp, CursorParts.uuid);
    const advisories = cursorShape('advisories', CursorParts.timestamp, CursorParts.uuid);
    const cursor = encodeCursor(advisories, [
      '2026-11-27T08:00:00.000Z',
      '0b7e9c52-3a4f-4d7e-9f0a-5c1d2e3f4a5b',
    ]);
    expect(codeOf(() => decodeCursor(cursor, incidents))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => decodeCursor(cursor, advisories))).toBe('no error');
  });

  it('checks every part against its kind: type, range and format', () => {
    const accepts = (kind: keyof typeof CursorParts, value: unknown) =>
      codeOf(() => decodeCursor(raw(['list', value]), cursorShape('list', CursorParts[kind]))) === 'no error';
    const cases: [keyof typeof CursorParts, unknown[], unknown[]][] = [
      [
        'timestamp',
        ['2026-11-27T08:00:00.000Z', '0001-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z'],
        [
          '2026-02-30T00:00:00.000Z',
          '2026-13-01T00:00:00.000Z',
          '2026-11-27T25:00:00.000Z',
          '2026-11-27T08:00:00Z',
          '2026-11-27T15:00:00.000+07:00',
          '0000-01-01T00:00:00.000Z',
          '+275760-09-13T00:00:00.000Z',
          '2026-11-27',
          'NaN',
          1_764_230_400_000,
          null,
        ],
      ],
      [
        'date',
        ['2024-02-29', '0001-01-01'],
        [
          '2026-02-29',
          '2026-13-01',
          '0000-01-01',
          '2026-1-1',
          '2026-11-27T00:00:00.000Z',
          20_261_127,
          ['2026-11-27'],
        ],
      ],
      [
        'uuid',
        ['0b7e9c52-3a4f-4d7e-9f0a-5c1d2e3f4a5b', '0B7E9C52-3A4F-4D7E-9F0A-5C1D2E3F4A5B'],
        ['0b7e9c52-3a4f-4d7e-9f0a-5c1d2e3f4a5', 'not-a-uuid', "' OR 1=1 --", 7, {}],
      ],
      [
        'text',
        ['sg-csa', '', 'é'.repeat(MAX_CURSOR_TEXT), '😀'],
        ['a\u0000b', '\ud800', 'x'.repeat(MAX_CURSOR_TEXT + 1), 1, true, null, ['a']],
      ],
      ['serial', [0, 42, Number.MAX_SAFE_INTEGER], [-1, 1.5, 2 ** 53, 1e308, '42', null, false, [1]]],
    ];
    for (const [kind, valid, invalid] of cases) {
      for (const value of valid) expect(accepts(kind, value), `${kind} ${JSON.stringify(value)}`).toBe(true);
      for (const value of invalid)
        expect(accepts(kind, value), `${kind} ${JSON.stringify(value)}`).toBe(false);
    }
  });

  it('refuses cursors longer than any this API issues without decoding them', () => {
    const text = cursorShape('list', CursorParts.text);
    expect(codeOf(() => decodeCursor(raw(['list', 'x'.repeat(10_000)]), text))).toBe('BAD_USER_INPUT');
  });

  it('keeps a list-less cursor as the bare key, the encoding stored event cursors have', () => {
    const events = cursorShape(null, CursorParts.serial);
    expect(encodeCursor(events, [42])).toBe(raw([42]));
    expect(decodeCursor(raw([42]), events)).toEqual([42]);
    expect(codeOf(() => decodeCursor(raw(['events', 42]), events))).toBe('BAD_USER_INPUT');
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

  it('refuses days and instants PostgreSQL cannot store: year 0, or past year 9999 in UTC', () => {
    expect(DateScalar.parseValue('0001-01-01')).toBe('0001-01-01');
    expect(codeOf(() => DateScalar.parseValue('0000-01-01'))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => DateTimeScalar.parseValue('0000-06-01T00:00:00Z'))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => DateTimeScalar.parseValue('0001-01-01T00:00:00+01:00'))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => DateTimeScalar.parseValue('9999-12-31T23:00:00-05:00'))).toBe('BAD_USER_INPUT');
  });

  it('needs a time zone on instants and serializes them in UTC', () => {
    expect((DateTimeScalar.parseValue('2026-11-27T15:00:00+07:00') as Date).toISOString()).toBe(
      '2026-11-27T08:00:00.000Z',
    );
    expect(codeOf(() => DateTimeScalar.parseValue('2026-11-27T15:00:00'))).toBe('BAD_USER_INPUT');
    expect(DateTimeScalar.serialize(new Date('2026-11-27T08:00:00Z'))).toBe('2026-11-27T08:00:00.000Z');
  });
});
