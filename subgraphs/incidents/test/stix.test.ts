import { describe, expect, it } from 'vitest';
import type { IncidentRow, IndicatorRow } from '../src/rows.ts';
import {
  incidentBundle,
  organizationIdentity,
  stixPattern,
  tlpMarkingDefinition,
  tlpMarkingId,
  uuidv5,
} from '../src/stix.ts';

describe('STIX patterns', () => {
  it('builds one comparison per indicator type with the STIX object path', () => {
    expect(stixPattern('URL', 'https://login.bank.example/verify')).toBe(
      "[url:value = 'https://login.bank.example/verify']",
    );
    expect(stixPattern('DOMAIN', 'login.bank.example')).toBe("[domain-name:value = 'login.bank.example']");
    expect(stixPattern('IPV4', '198.51.100.7')).toBe("[ipv4-addr:value = '198.51.100.7']");
    expect(stixPattern('IPV6', '2001:db8::1')).toBe("[ipv6-addr:value = '2001:db8::1']");
    expect(stixPattern('EMAIL', 'alerts@bank.example')).toBe("[email-addr:value = 'alerts@bank.example']");
    expect(stixPattern('FILE_SHA256', 'a'.repeat(64))).toBe(`[file:hashes.'SHA-256' = '${'a'.repeat(64)}']`);
    expect(stixPattern('FILE_MD5', 'b'.repeat(32))).toBe(`[file:hashes.MD5 = '${'b'.repeat(32)}']`);
  });

  it('escapes quotes and backslashes inside the string literal', () => {
    expect(stixPattern('URL', "https://x.example/a'b\\c")).toBe(
      "[url:value = 'https://x.example/a\\'b\\\\c']",
    );
  });
});

describe('deterministic STIX ids', () => {
  it('derives RFC 9562 version 5 UUIDs that match the published test vector', () => {
    // The DNS namespace example from RFC 9562 appendix A.4.
    expect(uuidv5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('exports the same incident version as the same bundle every time', () => {
    const incident = {
      id: '0b0e6c8e-3f7a-4a59-9d2e-6a1f0c4b2d11',
      title: 'Exercise: phishing wave',
      summary: 'Test data.',
      category: 'PHISHING',
      severity: 'HIGH',
      status: 'REPORTED',
      tlp: 'AMBER_STRICT',
      reportedByOrg: 'my-mycert',
      reportedBySub: 'tester',
      affectedCountries: ['MY', 'SG'],
      crossBorder: true,
      sharedWith: ['sg-csa'],
      detectedAt: null,
      reportedAt: new Date('2026-11-01T08:00:00.123Z'),
      updatedAt: new Date('2026-11-02T08:00:00.456Z'),
      version: 3,
    } satisfies IncidentRow;
    const indicator = {
      id: '5e3c1a8e-2b57-4f0c-8f11-0d3b9a7c6e22',
      type: 'DOMAIN',
      value: 'login.bank.example',
      description: null,
      firstSeen: null,
      incidentId: incident.id,
      advisoryId: null,
      addedAt: new Date('2026-11-01T08:00:00.123Z'),
      forDetection: true,
      provenance: null,
    } satisfies IndicatorRow;
    const names = new Map([['my-mycert', { name: 'MyCERT', updatedAt: '2026-10-01T00:00:00.000Z' }]]);
    const first = incidentBundle(incident, [indicator], names);
    expect(incidentBundle(incident, [indicator], names)).toEqual(first);
    expect(first.objects.map((o) => o.type)).toEqual([
      'incident',
      'indicator',
      'relationship',
      'identity',
      'marking-definition',
    ]);
    expect(first.objects[0]).toMatchObject({
      modified: '2026-11-02T08:00:00.456Z',
      object_marking_refs: [tlpMarkingId('AMBER_STRICT')],
      x_cadg_severity: 'HIGH',
    });
    const next = incidentBundle({ ...incident, version: 4 }, [indicator], names);
    expect(next.id).not.toBe(first.id);
    expect(next.objects[0]!.id).toBe(first.objects[0]!.id);
  });

  it('versions an organization identity by the last change of its record, so a rename is a new version', () => {
    const before = organizationIdentity('my-mycert', { name: 'MyCERT', updatedAt: '2026-10-01T00:00:00Z' });
    const renamed = organizationIdentity('my-mycert', {
      name: 'Malaysia CERT',
      updatedAt: '2026-11-20T10:00:00.5Z',
    });
    expect(before).toMatchObject({ name: 'MyCERT', modified: '2026-10-01T00:00:00.000Z' });
    expect(renamed).toMatchObject({ id: before.id, created: before['created'], name: 'Malaysia CERT' });
    expect(renamed['modified']).toBe('2026-11-20T10:00:00.500Z');
    // Contacts unreachable: the base version, named by id, never a new name under an old version.
    expect(organizationIdentity('my-mycert', null)).toMatchObject({
      id: before.id,
      name: 'my-mycert',
      modified: before['created'],
    });
  });
});

describe('TLP 2.0 markings', () => {
  it('uses the marking definitions published with the OASIS TLP 2.0 extension', () => {
    expect(tlpMarkingDefinition('AMBER_STRICT')).toEqual({
      type: 'marking-definition',
      spec_version: '2.1',
      id: 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
      created: '2022-10-01T00:00:00.000Z',
      name: 'TLP:AMBER+STRICT',
      extensions: {
        'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d': {
          extension_type: 'property-extension',
          tlp_2_0: 'amber+strict',
        },
      },
    });
    expect(tlpMarkingId('CLEAR')).toBe('marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487');
    expect(tlpMarkingId('GREEN')).toBe('marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb');
    expect(tlpMarkingId('AMBER')).toBe('marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421');
    expect(tlpMarkingId('RED')).toBe('marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1');
  });
});
