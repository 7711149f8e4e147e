import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createTransport, type Transporter } from 'nodemailer';
import { Webhook } from 'standardwebhooks';
import type { AdvisoryRow, IncidentRow, Tlp } from '../rows.ts';
import type { AlertSettings } from './config.ts';
import type { AlertKind, AlertRuleRow } from './rules.ts';
import { checkedLookup, hostOf, refusedWebhookUrl, type WebhookTargetPolicy } from './policy.ts';

/** The record a delivery is about, as it is when sent. */
export type AlertRecord = { type: 'incident'; row: IncidentRow } | { type: 'advisory'; row: AdvisoryRow };

/** What one delivery announces. */
export interface AlertMessage {
  deliveryId: string;
  kind: AlertKind;
  occurredAt: Date;
  record: AlertRecord;
  /** Where the record is shown, built from PUBLIC_URL. */
  url: string;
}

/** The record's fields every alert carries; an advisory has no status of its own (it is published) nor countries. */
function recordSummary(record: AlertRecord) {
  const { row } = record;
  return {
    id: row.id,
    title: row.title,
    severity: row.severity,
    tlp: row.tlp,
    status: record.type === 'incident' ? record.row.status : 'PUBLISHED',
    affectedCountryCodes: record.type === 'incident' ? record.row.affectedCountries : [],
  };
}

/** The webhook body (issue #17, Standard Webhooks payload): `incident` or `advisory`, by the record. */
export function webhookBody(message: AlertMessage): string {
  return JSON.stringify({
    type: message.kind,
    deliveryId: message.deliveryId,
    occurredAt: message.occurredAt.toISOString(),
    [message.record.type]: { ...recordSummary(message.record), url: message.url },
  });
}

/**
 * Posts one delivery, signed per Standard Webhooks by the `standardwebhooks` library: `webhook-id`
 * is the delivery id (the same on every retry, so receivers can drop repeats), the signature
 * covers `id.timestamp.body`. Resolves on a 2xx; rejects with the reason otherwise. The target is
 * checked again here and, for names, on the address actually connected to.
 */
export async function sendWebhook(
  target: string,
  secret: string,
  message: AlertMessage,
  policy: WebhookTargetPolicy,
  timeoutMs: number,
  extraHeaders: Readonly<Record<string, string>> = {},
): Promise<void> {
  const refusal = refusedWebhookUrl(target, policy);
  if (refusal) throw new Error(`Refused target: ${refusal}`);
  const url = new URL(target);
  const body = webhookBody(message);
  const timestamp = new Date();
  const signature = new Webhook(secret).sign(message.deliveryId, timestamp, body);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    const outgoing = request(url, {
      method: 'POST',
      headers: {
        ...extraHeaders,
        'content-type': 'application/json',
        'user-agent': 'cadg-alerts/1',
        'webhook-id': message.deliveryId,
        'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
        'webhook-signature': signature,
      },
      lookup: checkedLookup(hostOf(url), policy),
      signal: AbortSignal.timeout(timeoutMs),
    });
    outgoing.on('response', resolve);
    outgoing.on('error', reject);
    outgoing.end(body);
  });
  // The body is not used; reading it frees the socket.
  response.resume();
  const status = response.statusCode ?? 0;
  if (status < 200 || status > 299) throw new Error(`The receiver answered HTTP ${status}.`);
}

/** TLP 2.0's sharing rule for each marking, as one sentence for the reader of an alert e-mail. */
export const SHARING_RULE: Readonly<Record<Tlp, string>> = {
  CLEAR: 'TLP:CLEAR: recipients may share this with the world, without restriction.',
  GREEN: 'TLP:GREEN: recipients may share this within their community, but not publicly.',
  AMBER:
    'TLP:AMBER: recipients may share this only within their organization and with its clients who need to know.',
  AMBER_STRICT: 'TLP:AMBER+STRICT: recipients may share this only within their own organization.',
  RED: 'TLP:RED: for the eyes and ears of the named recipients only; do not share it further.',
};

const MARKING: Readonly<Record<Tlp, string>> = {
  CLEAR: 'TLP:CLEAR',
  GREEN: 'TLP:GREEN',
  AMBER: 'TLP:AMBER',
  AMBER_STRICT: 'TLP:AMBER+STRICT',
  RED: 'TLP:RED',
};

const WHAT_HAPPENED: Readonly<Record<AlertKind, string>> = {
  INCIDENT_REPORTED: 'An incident was reported',
  INCIDENT_UPDATED: 'An incident was updated',
  ADVISORY_PUBLISHED: 'An advisory was published',
  ASSISTANCE_REQUESTED: 'Assistance was requested with an incident',
};

/** The alert e-mail: subject led by the marking, body with what happened, the sharing rule and a link. */
export function alertMail(message: AlertMessage): { subject: string; text: string } {
  const { record } = message;
  const { row } = record;
  // A title is one line of user text; a line break in it must not start a new header line.
  const title = row.title.replace(/[\r\n]+/g, ' ');
  const facts =
    record.type === 'incident'
      ? `Severity ${row.severity}, status ${record.row.status}, category ${record.row.category}; affected countries: ${record.row.affectedCountries.join(', ')}.`
      : `Severity ${row.severity}; CVEs: ${record.row.cveIds.join(', ') || 'none named'}.`;
  return {
    subject: `[${MARKING[row.tlp]}] ${row.severity} — ${title}`,
    text: [
      `${WHAT_HAPPENED[message.kind]}: "${title}".`,
      facts,
      `When: ${message.occurredAt.toISOString()}.`,
      '',
      SHARING_RULE[row.tlp],
      '',
      `Details: ${message.url}`,
      '',
      `Delivery ${message.deliveryId}.`,
    ].join('\n'),
  };
}

/** One SMTP transport per dispatcher; nodemailer speaks the URL's scheme, auth and STARTTLS. */
export function mailer(smtpUrl: string, timeoutMs: number): Transporter {
  return createTransport({
    url: smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
}

export async function sendMail(
  transport: Transporter,
  from: string,
  to: string,
  message: AlertMessage,
): Promise<void> {
  const { subject, text } = alertMail(message);
  await transport.sendMail({
    from,
    to,
    subject,
    text,
    headers: { 'X-Alert-Delivery-Id': message.deliveryId },
  });
}

/**
 * Sends one message on the rule's channel; resolves once the receiver accepted it. `headers` are
 * added to a webhook request (the trace context of the attempt's span).
 */
export async function deliver(
  rule: AlertRuleRow,
  message: AlertMessage,
  settings: AlertSettings,
  transport: Transporter | null,
  headers: Readonly<Record<string, string>>,
): Promise<void> {
  if (rule.channel === 'WEBHOOK') {
    if (!rule.signingSecret) throw new Error('The webhook rule has no signing secret.');
    await sendWebhook(rule.target, rule.signingSecret, message, settings.policy, settings.timeoutMs, headers);
    return;
  }
  if (!transport) throw new Error('No SMTP server is configured (SMTP_URL).');
  await sendMail(transport, settings.mailFrom, rule.target, message);
}
