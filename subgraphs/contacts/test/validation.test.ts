import { describe, expect, it } from 'vitest';
import { codeOf } from '@cadg/platform/testing';
import * as valid from '../src/validation.ts';
import { verificationStatus } from '../src/verification.ts';

describe('input rules', () => {
  it('normalises PGP fingerprints written in groups and refuses anything but 40 hex digits', () => {
    expect(valid.pgpFingerprint('f', '0123 4567 89ab CDEF 0123  4567 89AB CDEF 0123 4567')).toBe(
      '0123456789ABCDEF0123456789ABCDEF01234567',
    );
    expect(codeOf(() => valid.pgpFingerprint('f', '0123'))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => valid.pgpFingerprint('f', 'G'.repeat(40)))).toBe('BAD_USER_INPUT');
  });

  it('accepts IANA time zones and refuses offsets and made-up zones', () => {
    expect(valid.timezone('tz', 'Asia/Ho_Chi_Minh')).toBe('Asia/Ho_Chi_Minh');
    expect(codeOf(() => valid.timezone('tz', '+07:00'))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => valid.timezone('tz', 'Asia/Atlantis'))).toBe('BAD_USER_INPUT');
  });

  it('lower-cases the domain of an e-mail address and refuses malformed ones', () => {
    expect(valid.email('e', ' Duty@CERT.Example ')).toBe('Duty@cert.example');
    for (const bad of ['no-at-sign', 'a@b', 'two@@signs.example', 'space in@x.example']) {
      expect(codeOf(() => valid.email('e', bad))).toBe('BAD_USER_INPUT');
    }
  });

  it('refuses country codes that are not two letters', () => {
    expect(valid.countryCode('c', 'sg')).toBe('SG');
    expect(codeOf(() => valid.countryCode('c', 'SGP'))).toBe('BAD_USER_INPUT');
  });

  it('escapes LIKE wildcards so users search for them literally', () => {
    expect(valid.likePattern('100%_x')).toBe('%100\\%\\_x%');
  });
});

describe('verification status', () => {
  const now = new Date('2026-11-27T00:00:00Z');
  it('is VERIFIED within 90 days of a successful check, STALE after, UNVERIFIED without one', () => {
    expect(verificationStatus(new Date('2026-09-01T00:00:00Z'), now)).toBe('VERIFIED');
    expect(verificationStatus(new Date('2026-08-29T00:00:00Z'), now)).toBe('VERIFIED');
    expect(verificationStatus(new Date('2026-08-28T23:59:59Z'), now)).toBe('STALE');
    expect(verificationStatus(null, now)).toBe('UNVERIFIED');
  });
});
