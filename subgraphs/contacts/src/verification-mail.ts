import { createTransport, type Transporter } from 'nodemailer';
import type { VerificationSettings } from './verification-settings.ts';

/** What one verification e-mail needs: whom it goes to, for which organization, and the link's secret. */
export interface PingMail {
  to: string;
  contactName: string;
  organizationName: string;
  token: string;
  expiresAt: Date;
}

/** The link a contact follows to answer: `<PUBLIC_URL>/verify-contact?token=<token>`. */
export const verificationLink = (publicUrl: string, token: string): string =>
  `${publicUrl}/verify-contact?token=${encodeURIComponent(token)}`;

/** The ping e-mail: who asks, what to do, until when. Names are one line of user text each. */
export function pingMail(settings: VerificationSettings, mail: PingMail): { subject: string; text: string } {
  const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ');
  const organization = oneLine(mail.organizationName);
  return {
    subject: `Please confirm you are still a point of contact for ${organization}`,
    text: [
      `Dear ${oneLine(mail.contactName)},`,
      '',
      `The China–ASEAN cooperation directory lists you as a point of contact for ${organization}.`,
      'Please confirm that this address still reaches you by opening this link:',
      '',
      verificationLink(settings.publicUrl, mail.token),
      '',
      `The link works once and until ${mail.expiresAt.toISOString()}. If you are no longer the right`,
      'contact, do not open it: tell your organization, so that it updates the directory.',
    ].join('\n'),
  };
}

/** One SMTP transport per contacts service; nodemailer speaks the URL's scheme, auth and STARTTLS. */
export function verificationMailer(settings: VerificationSettings): Transporter | null {
  if (!settings.smtpUrl) return null;
  return createTransport({
    url: settings.smtpUrl,
    connectionTimeout: settings.timeoutMs,
    greetingTimeout: settings.timeoutMs,
    socketTimeout: settings.timeoutMs,
  });
}

export async function sendPingMail(
  transport: Transporter,
  settings: VerificationSettings,
  mail: PingMail,
): Promise<void> {
  const { subject, text } = pingMail(settings, mail);
  await transport.sendMail({ from: settings.mailFrom, to: mail.to, subject, text });
}
