import { describe, expect, it } from 'vitest';
import { codeOf } from '@cadg/platform/testing';
import {
  DEFAULT_PHISHING_INCIDENT_SCORE,
  normalisePhishingUrl,
  phishingIncidentScoreFromEnv,
  severityForScore,
} from '../src/phishing.ts';

describe('phishing URL normalisation', () => {
  it('merges spellings of the same page: case, default port, fragment, defanging, trailing dot', () => {
    const forms = [
      'https://Login.Bank.example/verify?acct=1',
      'HTTPS://login.bank.EXAMPLE:443/verify?acct=1#top',
      'hxxps://login[.]bank[.]example/verify?acct=1',
      'https://login.bank.example./verify?acct=1',
    ];
    const keys = new Set(forms.map((form) => normalisePhishingUrl('url', form).url));
    expect([...keys]).toEqual(['https://login.bank.example/verify?acct=1']);
  });

  it('drops tracking parameters but keeps the ones that tell pages apart', () => {
    expect(
      normalisePhishingUrl('url', 'https://x.example/p?utm_source=sms&id=7&fbclid=abc&UTM_Campaign=q').url,
    ).toBe('https://x.example/p?id=7');
    expect(normalisePhishingUrl('url', 'https://x.example/p?utm_source=sms').url).toBe('https://x.example/p');
  });

  it('gives the host as a domain, IPv4 or IPv6 indicator', () => {
    expect(normalisePhishingUrl('url', 'http://BÜCHER.example/a')).toMatchObject({
      host: 'xn--bcher-kva.example',
      hostType: 'DOMAIN',
    });
    expect(normalisePhishingUrl('url', 'http://198.51.100.7/login')).toMatchObject({
      host: '198.51.100.7',
      hostType: 'IPV4',
    });
    expect(normalisePhishingUrl('url', 'http://[2001:DB8::1]/login')).toMatchObject({
      host: '2001:db8::1',
      hostType: 'IPV6',
    });
  });

  it('refuses what is not an http or https URL', () => {
    expect(codeOf(() => normalisePhishingUrl('url', 'ftp://files.example/x'))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => normalisePhishingUrl('url', 'not a url'))).toBe('BAD_USER_INPUT');
  });
});

describe('phishing thresholds', () => {
  it('reads PHISHING_INCIDENT_SCORE and refuses values outside 0 to 1', () => {
    expect(phishingIncidentScoreFromEnv({})).toBe(DEFAULT_PHISHING_INCIDENT_SCORE);
    expect(phishingIncidentScoreFromEnv({ PHISHING_INCIDENT_SCORE: '0.65' })).toBe(0.65);
    expect(() => phishingIncidentScoreFromEnv({ PHISHING_INCIDENT_SCORE: '80' })).toThrow(/0 to 1/);
  });

  it('asks for a major incident only when the detector is nearly certain', () => {
    expect(severityForScore(0.8)).toBe('MEDIUM');
    expect(severityForScore(0.95)).toBe('HIGH');
  });
});
