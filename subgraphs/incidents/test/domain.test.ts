import { describe, expect, it } from 'vitest';
import { codeOf } from '@cadg/platform/testing';
import { normaliseIndicator, searchForms } from '../src/indicators.ts';
import { canMoveAssistance, canMoveIncident } from '../src/lifecycle.ts';
import { matches } from '../src/events/subscription.ts';
import type { IncidentStatus, Severity } from '../src/rows.ts';
import { canRead, canShare } from '../src/visibility.ts';

describe('incident lifecycle', () => {
  const statuses: IncidentStatus[] = [
    'REPORTED',
    'TRIAGED',
    'IN_PROGRESS',
    'CONTAINED',
    'RESOLVED',
    'CLOSED',
    'REJECTED',
  ];
  const allowed = new Set([
    'REPORTED>TRIAGED',
    'TRIAGED>IN_PROGRESS',
    'IN_PROGRESS>CONTAINED',
    'CONTAINED>RESOLVED',
    'RESOLVED>CLOSED',
    'REPORTED>REJECTED',
    'TRIAGED>REJECTED',
  ]);
  it('allows exactly the transitions of the lifecycle graph', () => {
    for (const from of statuses) {
      for (const to of statuses)
        expect(canMoveIncident(from, to), `${from}>${to}`).toBe(allowed.has(`${from}>${to}`));
    }
  });

  it('lets an assistance request be accepted or declined, and an accepted one completed', () => {
    expect(canMoveAssistance('OPEN', 'ACCEPTED')).toBe(true);
    expect(canMoveAssistance('OPEN', 'DECLINED')).toBe(true);
    expect(canMoveAssistance('ACCEPTED', 'COMPLETED')).toBe(true);
    expect(canMoveAssistance('OPEN', 'COMPLETED')).toBe(false);
    expect(canMoveAssistance('DECLINED', 'ACCEPTED')).toBe(false);
  });
});

describe('indicators', () => {
  it.each([
    ['URL', 'hxxps://Evil.EXAMPLE:443/a?b=1#frag', 'https://evil.example/a?b=1'],
    ['DOMAIN', 'Login-Bank[.]Example.', 'login-bank.example'],
    ['DOMAIN', 'bücher.example', 'xn--bcher-kva.example'],
    ['IPV4', '203.0.113.7', '203.0.113.7'],
    ['IPV6', '2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['EMAIL', 'Phisher[@]Mail.Example', 'Phisher@mail.example'],
    ['FILE_SHA256', 'A'.repeat(64), 'a'.repeat(64)],
    ['FILE_MD5', 'ABCDEF0123456789ABCDEF0123456789', 'abcdef0123456789abcdef0123456789'],
  ] as const)('normalises a %s written as %s', (type, input, expected) => {
    expect(normaliseIndicator('v', type, input)).toBe(expected);
  });

  it.each([
    ['IPV4', '999.1.1.1'],
    ['IPV4', '010.1.1.1'],
    ['IPV6', '2001:db8::g'],
    ['DOMAIN', 'localhost'],
    ['DOMAIN', '-bad-.example'],
    ['URL', 'javascript:alert(1)'],
    ['EMAIL', 'no-at.example'],
    ['FILE_SHA256', 'abc'],
    ['FILE_MD5', 'z'.repeat(32)],
  ] as const)('refuses a malformed %s (%s) with BAD_USER_INPUT', (type, input) => {
    expect(codeOf(() => normaliseIndicator('v', type, input))).toBe('BAD_USER_INPUT');
  });

  it('searches every form a value is valid in', () => {
    expect(searchForms('evil[.]example')).toEqual(['evil.example']);
    expect(searchForms('not an indicator')).toEqual([]);
  });
});

describe('TLP rules in code', () => {
  const record = (tlp: 'CLEAR' | 'GREEN' | 'AMBER' | 'AMBER_STRICT' | 'RED') => ({
    tlp,
    ownerOrg: 'owner',
    sharedWith: ['friend'],
    groupReaders: [],
  });
  const member = (org: string | null) => ({ sub: 's', org, roles: ['MEMBER' as const] });

  it('lets only the originator widen an AMBER, AMBER_STRICT or RED circle (TLP 2.0)', () => {
    for (const tlp of ['AMBER', 'AMBER_STRICT', 'RED'] as const) {
      expect(canShare(member('owner'), record(tlp)), tlp).toBe(true);
      expect(canShare(member('friend'), record(tlp)), tlp).toBe(false);
      expect(canShare(member('stranger'), record(tlp)), tlp).toBe(false);
    }
  });

  it('lets anyone who acts for an organization share GREEN and CLEAR', () => {
    for (const tlp of ['CLEAR', 'GREEN'] as const) {
      expect(canShare(member('stranger'), record(tlp)), tlp).toBe(true);
      expect(canShare(member(null), record(tlp)), tlp).toBe(false);
    }
  });

  it('gives a token that names an organization but no known role nothing beyond CLEAR', () => {
    const roleless = { sub: 's', org: 'owner', roles: [] };
    expect(canRead(roleless, record('CLEAR'))).toBe(true);
    for (const tlp of ['GREEN', 'AMBER', 'AMBER_STRICT', 'RED'] as const) {
      expect(canRead(roleless, record(tlp)), tlp).toBe(false);
      expect(canShare(roleless, record(tlp)), tlp).toBe(false);
    }
  });

  it('gives the SECRETARIAT no extra right to read', () => {
    const secretariat = { sub: 's', org: 'asean-secretariat', roles: ['SECRETARIAT' as const] };
    expect(canRead(secretariat, record('RED'))).toBe(false);
    expect(canRead(secretariat, record('GREEN'))).toBe(true);
  });
});

describe('major-incident filter', () => {
  const item = (severity: Severity, previousSeverity: Severity | null, countries = ['MY']) => ({
    event: { severity, previousSeverity, affectedCountries: countries },
  });

  it('passes events at or above the threshold and the one that takes an incident below it', () => {
    const filter = { minSeverity: 'HIGH' as Severity, countries: [] };
    expect(matches(item('HIGH', null), filter)).toBe(true);
    expect(matches(item('MEDIUM', null), filter)).toBe(false);
    expect(matches(item('MEDIUM', 'SEVERE'), filter)).toBe(true);
    expect(matches(item('LOW', 'MEDIUM'), filter)).toBe(false);
  });

  it('keeps only the subscriber’s countries when it names some', () => {
    const filter = { minSeverity: 'HIGH' as Severity, countries: ['SG'] };
    expect(matches(item('EMERGENCY', null, ['MY']), filter)).toBe(false);
    expect(matches(item('EMERGENCY', null, ['MY', 'SG']), filter)).toBe(true);
  });
});
