import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { advisoryEvent, eventDocument, hashLines, incidentEvent, manifestEntry } from '../src/misp/events.ts';
import type { FeedAdvisory, FeedIncident } from '../src/misp/records.ts';

/** The MISP feed's mapping of our records, as pure functions (the e2e test reads it over HTTP). */

const incident = (changes: Partial<FeedIncident> = {}): FeedIncident => ({
  id: '0b7f3d3e-5d55-4c1b-9a57-3f3e1c7e8a01',
  title: 'Exercise: DDoS on a portal',
  summary: 'Floods from a botnet (test data).',
  category: 'DDOS',
  severity: 'SEVERE',
  status: 'CONTAINED',
  tlp: 'AMBER_STRICT',
  detectedAt: null,
  reportedAt: '2026-12-01T23:59:59.900Z',
  updatedAt: '2026-12-02T08:00:01.999Z',
  reportedBy: { id: 'ph-certph', name: 'CERT-PH' },
  indicators: [
    {
      id: '5f9c2a44-8a0e-4d7e-b8a4-0d1e2f3a4b01',
      type: 'IPV6',
      value: '2001:db8::1',
      description: null,
      firstSeen: null,
      forDetection: true,
    },
    {
      id: '5f9c2a44-8a0e-4d7e-b8a4-0d1e2f3a4b02',
      type: 'ASN',
      value: 'AS64500',
      description: null,
      firstSeen: null,
      forDetection: true,
    },
  ],
  ...changes,
});

const advisory: FeedAdvisory = {
  id: '7c1e8f6a-2b3d-4e5f-8a9b-0c1d2e3f4a5b',
  title: 'Exercise: patch now',
  body: 'Patch (test data).',
  severity: 'BASELINE',
  tlp: 'CLEAR',
  publishedAt: '2026-12-03T10:00:00.000Z',
  publishedBy: { id: 'sg-singcert', name: 'SingCERT' },
  cveIds: ['CVE-2024-3400', 'CVE-2023-4966'],
  indicators: [
    {
      id: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b01',
      type: 'FILE_SHA1',
      value: 'a'.repeat(40),
      description: null,
      firstSeen: null,
      // Imported from a MISP attribute with to_ids false.
      forDetection: false,
    },
  ],
};

describe('incidents as MISP events', () => {
  it('maps severity, status, TLP and dates as the documented tables say', () => {
    const event = incidentEvent(incident());
    expect(manifestEntry(event)).toEqual({
      Orgc: { name: 'CERT-PH', uuid: expect.stringMatching(/^[0-9a-f-]{36}$/) },
      Tag: [{ name: 'tlp:amber+strict', colour: '#FFC000' }],
      info: 'Exercise: DDoS on a portal',
      // Reported just before midnight UTC: the UTC day, whatever the server's zone.
      date: '2026-12-01',
      analysis: 1,
      threat_level_id: 1,
      timestamp: Math.floor(Date.parse('2026-12-02T08:00:01.999Z') / 1000),
    });
    for (const [severity, level] of [
      ['EMERGENCY', 1],
      ['HIGH', 1],
      ['MEDIUM', 2],
      ['LOW', 3],
      ['BASELINE', 3],
    ] as const) {
      expect(incidentEvent(incident({ severity })).threatLevelId).toBe(level);
    }
    for (const [status, analysis] of [
      ['REPORTED', 0],
      ['TRIAGED', 0],
      ['IN_PROGRESS', 1],
      ['RESOLVED', 2],
      ['CLOSED', 2],
    ] as const) {
      expect(incidentEvent(incident({ status })).analysis).toBe(analysis);
    }
  });

  it('gives a DDoS its addresses as ip-src, skips indicator types MISP is not told of, and keeps the summary uuid on edits', () => {
    const event = incidentEvent(incident());
    expect(event.attributes.map((a) => [a.type, a.value, a.toIds])).toEqual([
      ['ip-src', '2001:db8::1', true],
      ['comment', 'Floods from a botnet (test data).', false],
    ]);
    const edited = incidentEvent(incident({ summary: 'Floods from two botnets (test data).' }));
    expect(edited.attributes.at(-1)!.uuid).toBe(event.attributes.at(-1)!.uuid);
    expect(incidentEvent(incident({ category: 'PHISHING' })).attributes[0]!.type).toBe('ip-dst');
  });

  it('keeps a rejected incident’s indicators, none of them for detection', () => {
    const event = incidentEvent(incident({ status: 'REJECTED' }));
    expect(event.attributes.every((a) => !a.toIds)).toBe(true);
    expect(event.analysis).toBe(2);
  });

  it('writes the event document with MISP’s string numbers and the record’s timestamp on every attribute', () => {
    const { Event } = eventDocument(incidentEvent(incident()));
    expect([Event.threat_level_id, Event.analysis, Event.published]).toEqual(['1', '1', true]);
    expect(new Set(Event.Attribute.map((a) => a.timestamp))).toEqual(new Set([Event.timestamp]));
  });
});

describe('advisories as MISP events', () => {
  it('lists CVEs as vulnerabilities, keeps an indicator not for detection so, and hashes all but the text', () => {
    const event = advisoryEvent(advisory);
    expect(event.attributes.map((a) => [a.type, a.toIds])).toEqual([
      ['sha1', false],
      ['vulnerability', false],
      ['vulnerability', false],
      ['comment', false],
    ]);
    expect([event.analysis, event.threatLevelId, event.date]).toEqual([2, 3, '2026-12-03']);
    const md5 = (value: string) => createHash('md5').update(value).digest('hex');
    expect(hashLines(event)).toEqual(
      ['a'.repeat(40), 'CVE-2024-3400', 'CVE-2023-4966'].map((value) => `${md5(value)},${advisory.id}`),
    );
  });
});
