import { EventEmitter, once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message as the SMTP server received it. */
export interface ReceivedMail {
  to: string[];
  raw: string;
}

/**
 * A real SMTP server (the `smtp-server` package) on a free loopback port, keeping every message
 * and telling waiters of each one. No TLS or auth: the services reach it as `smtp://127.0.0.1:<port>`.
 */
export class MailSink {
  readonly mails: ReceivedMail[] = [];
  readonly #events = new EventEmitter();
  readonly #server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        this.mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString(),
        });
        callback();
        this.#events.emit('mail');
      });
    },
  });
  port = 0;

  async start(): Promise<void> {
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server.server, 'listening');
    this.port = (this.#server.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): ReceivedMail[] {
    return this.mails.filter((mail) => mail.to.includes(address));
  }

  /** Resolves once `address` has received `count` messages. */
  waitFor(address: string, count = 1): Promise<ReceivedMail[]> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.to(address).length < count) return;
        this.#events.off('mail', check);
        resolve(this.to(address));
      };
      this.#events.on('mail', check);
      check();
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}

/**
 * A message's text as a mail client shows it: header lines unfolded, quoted-printable soft breaks
 * joined and `=XX` escapes decoded (as UTF-8), so a link in the body can be read back whole.
 */
export function readableText(raw: string): string {
  const unfolded = raw.replace(/\r\n[ \t]/g, ' ').replace(/=\r?\n/g, '');
  const bytes = unfolded.replace(/=([0-9A-F]{2})/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
  return Buffer.from(bytes, 'latin1').toString('utf8');
}
