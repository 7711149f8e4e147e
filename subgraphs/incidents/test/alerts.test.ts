import { describe, expect, it } from 'vitest';
import { alertMail, SHARING_RULE } from '../src/alerts/channels.ts';
import { alertSettingsFromEnv } from '../src/alerts/config.ts';
import { retryDelayMs } from '../src/alerts/dispatcher.ts';
import { refusedAddress, refusedWebhookUrl } from '../src/alerts/policy.ts';
import type { IncidentRow } from '../src/rows.ts';

const production = alertSettingsFromEnv({ GATEWAY_MODE: 'production' }).policy;
const embedded = alertSettingsFromEnv({}).policy;

describe('where webhooks may point', () => {
  it('refuses loopback in production mode and allows it in the embedded default', () => {
    expect(production.allowLoopback).toBe(false);
    expect(embedded.allowLoopback).toBe(true);
    expect(refusedWebhookUrl('http://127.0.0.1:9000/hook', production)).toMatch(/loopback/);
    expect(refusedWebhookUrl('http://localhost:9000/hook', production)).toMatch(/loopback/);
    expect(refusedWebhookUrl('http://127.0.0.1:9000/hook', embedded)).toBeNull();
  });

  it('refuses private, link-local, metadata and mapped addresses in every mode', () => {
    for (const address of [
      '10.1.2.3',
      '172.16.0.1',
      '192.168.0.1',
      '169.254.169.254',
      'fd00:ec2::254',
      'fe80::1',
      '::ffff:10.0.0.1',
      '100.100.100.200',
      '0.0.0.0',
      '224.0.0.1',
    ]) {
      expect(refusedAddress(address, embedded), address).not.toBeNull();
    }
    expect(refusedAddress('203.0.113.10', production)).toMatch(/reserved/);
    expect(refusedAddress('8.8.8.8', production)).toBeNull();
    expect(refusedAddress('2001:4860:4860::8888', production)).toBeNull();
  });

  it('lets ALERT_WEBHOOK_ALLOWED_HOSTS name hosts that are exempt, and refuses other schemes and credentials', () => {
    const allowed = alertSettingsFromEnv({
      GATEWAY_MODE: 'production',
      ALERT_WEBHOOK_ALLOWED_HOSTS: 'Receiver.internal, 10.0.0.5',
    }).policy;
    expect(refusedWebhookUrl('https://receiver.internal/hook', allowed)).toBeNull();
    expect(refusedWebhookUrl('http://10.0.0.5/hook', allowed)).toBeNull();
    expect(refusedWebhookUrl('http://10.0.0.6/hook', allowed)).not.toBeNull();
    expect(refusedWebhookUrl('file:///etc/passwd', allowed)).toMatch(/http or https/);
    expect(refusedWebhookUrl('https://user:pw@example.org/', allowed)).toMatch(/credentials/);
  });
});

describe('retries', () => {
  it('doubles the delay from ALERT_RETRY_BASE_MS with jitter between half and all of it', () => {
    expect(retryDelayMs(5000, 1, () => 0)).toBe(2500);
    expect(retryDelayMs(5000, 1, () => 1)).toBe(5000);
    expect(retryDelayMs(5000, 4, () => 1)).toBe(40_000);
    expect(alertSettingsFromEnv({})).toMatchObject({ retryBaseMs: 5000, maxAttempts: 8, timeoutMs: 10_000 });
    expect(() => alertSettingsFromEnv({ ALERT_MAX_ATTEMPTS: '0' })).toThrow(/ALERT_MAX_ATTEMPTS/);
  });
});

describe('alert e-mails', () => {
  it('lead the subject with the marking, keep a title on one line and state the sharing rule', () => {
    const incident: IncidentRow = {
      id: 'i-1',
      title: 'Outage\r\nBcc: x@example.org',
      summary: 'Test data.',
      severity: 'HIGH',
      tlp: 'AMBER_STRICT',
      status: 'REPORTED',
      category: 'DDOS',
      reportedByOrg: 'sg-csa',
      reportedBySub: 'test',
      affectedCountries: ['SG'],
      crossBorder: false,
      sharedWith: [],
      detectedAt: null,
      reportedAt: new Date(0),
      updatedAt: new Date(0),
      version: 1,
    };
    const mail = alertMail({
      deliveryId: 'd-1',
      kind: 'INCIDENT_REPORTED',
      occurredAt: new Date(0),
      record: { type: 'incident', row: incident },
      url: 'https://x.test/incidents/i-1',
    });
    expect(mail.subject).toBe('[TLP:AMBER+STRICT] HIGH — Outage Bcc: x@example.org');
    expect(mail.text).toContain(SHARING_RULE.AMBER_STRICT);
    expect(mail.text).toContain('https://x.test/incidents/i-1');
  });
});
