import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { Webhook } from 'standardwebhooks';
import { dataDirFromEnv } from '@cadg/db';
import { documentId, trustedDocumentsDir } from '@cadg/gateway';
import { identityConfigFromEnv, Role, signDevToken } from '@cadg/platform';

// `npm run try:alerts [-- --gateway http://localhost:4000/graphql --smtp-port 2525]`: against a
// running `npm start` graph, receives one webhook and one e-mail alert locally and prints them.
// E-mail needs the graph started with SMTP_URL=smtp://127.0.0.1:<smtp-port>.
const { values } = parseArgs({
  options: {
    gateway: { type: 'string', default: 'http://localhost:4000/graphql' },
    'smtp-port': { type: 'string', default: '2525' },
  },
});
const ORG = 'my-mycert';
const MAIL_TO = 'duty-officer@mycert.example';
const WAIT_MS = 30_000;
const gatewayUrl = values.gateway!;
const smtpPort = Number(values['smtp-port']);
if (!Number.isInteger(smtpPort) || smtpPort < 0 || smtpPort > 65535) {
  console.error(`--smtp-port ${values['smtp-port']} is not a port number.`);
  process.exit(2);
}
const config = identityConfigFromEnv(process.env, dataDirFromEnv(process.env));
if (!config.devKeyDir) {
  console.error('AUTH_JWKS_URL or AUTH_PUBLIC_KEY is set: this script needs the dev issuer of `npm start`.');
  process.exit(2);
}
const token = await signDevToken(
  config.devKeyDir,
  { sub: 'try-alerts', org: ORG, roles: [Role.OrgAdmin, Role.Member], expiresIn: '10m' },
  config,
);

interface Result<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/**
 * Runs a registered (trusted) operation by its id, so this works whether or not the gateway
 * enforces trusted documents.
 */
async function run<T>(file: string, variables: Record<string, unknown>): Promise<Result<T>> {
  const text = (await readFile(join(trustedDocumentsDir, file), 'utf8')).trim();
  const post = async (body: Record<string, unknown>) => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ ...body, variables }),
    });
    return (await response.json()) as Result<T>;
  };
  const byId = await post({ documentId: documentId(text) });
  // A gateway with trusted documents off refuses the id as a request error (no `data`): send the text.
  const unsupported =
    !('data' in byId) &&
    !byId.errors?.some((error) => String(error.extensions?.['code']).startsWith('TRUSTED_DOCUMENT'));
  return unsupported ? post({ query: text }) : byId;
}

/** Everything this run received, and a way to wait for the first thing matching a test. */
class Inbox<T> {
  readonly #items: T[] = [];
  readonly #waiters = new Set<() => void>();
  push(item: T): void {
    this.#items.push(item);
    for (const wake of this.#waiters) wake();
  }
  first(matches: (item: T) => boolean): Promise<T> {
    return new Promise((resolve) => {
      const check = () => {
        const found = this.#items.find(matches);
        if (found === undefined) return;
        this.#waiters.delete(check);
        resolve(found);
      };
      this.#waiters.add(check);
      check();
    });
  }
}

const webhooks = new Inbox<{ path: string; headers: IncomingHttpHeaders; body: string }>();
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    res.end();
    webhooks.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() });
  });
});
receiver.listen(0, '127.0.0.1');
await once(receiver, 'listening');
const webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/try-alerts`;

const mails = new Inbox<{ to: string[]; subject: string }>();
// A local SMTP server for the graph's SMTP_URL: no TLS, no auth, loopback only.
const smtp = new SMTPServer({
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData: (stream, session, callback) => {
    // Read before the message ends: the server clears the envelope then.
    const to = session.envelope.rcptTo.map((r) => r.address);
    simpleParser(stream)
      .then((mail) => {
        callback();
        mails.push({ to, subject: mail.subject ?? '' });
      })
      .catch((error: Error) => callback(error));
  },
});
smtp.listen(smtpPort, '127.0.0.1');
await Promise.race([
  once(smtp.server, 'listening'),
  once(smtp.server, 'error').then(([error]) => {
    console.error(`Cannot listen for SMTP on 127.0.0.1:${smtpPort}: ${(error as Error).message}`);
    process.exit(1);
  }),
]);

const ruleIds: string[] = [];
let exitCode = 1;
try {
  exitCode = await tryAlerts();
} catch (error) {
  console.error(`try:alerts failed: ${(error as Error).message}`);
} finally {
  for (const id of ruleIds) {
    const deleted = await run('alerts/DeleteAlertRule.graphql', { id }).catch((error: Error) => ({
      errors: [{ message: error.message }],
    }));
    if (deleted.errors) console.error(`Could not delete alert rule ${id}: ${deleted.errors[0]!.message}`);
  }
  if (ruleIds.length > 0) console.log(`Deleted the ${ruleIds.length} alert rule(s) this run created.`);
  receiver.closeAllConnections();
  receiver.close();
  smtp.close();
}
process.exit(exitCode);

async function createRule(input: Record<string, unknown>) {
  const created = await run<{ createAlertRule: { signingSecret: string | null; rule: { id: string } } }>(
    'alerts/CreateAlertRule.graphql',
    { input: { minSeverity: 'HIGH', kinds: ['INCIDENT_REPORTED'], countryCodes: ['MY'], ...input } },
  );
  if (created.errors) return { error: created.errors[0]!.message };
  ruleIds.push(created.data!.createAlertRule.rule.id);
  return { signingSecret: created.data!.createAlertRule.signingSecret };
}

async function tryAlerts(): Promise<number> {
  const hook = await createRule({ name: 'try:alerts webhook', channel: 'WEBHOOK', target: webhookUrl });
  if (!hook.signingSecret) throw new Error(`the WEBHOOK rule was refused: ${hook.error}`);
  console.log(`Created a WEBHOOK rule for ${ORG} → ${webhookUrl}`);
  const mail = await createRule({ name: 'try:alerts e-mail', channel: 'EMAIL', target: MAIL_TO });
  if (mail.error) {
    console.log(`No EMAIL rule: ${mail.error}`);
    console.log(`  (start the graph with SMTP_URL=smtp://127.0.0.1:${smtpPort} npm start for e-mail too)`);
  } else {
    console.log(`Created an EMAIL rule for ${ORG} → ${MAIL_TO} (SMTP on 127.0.0.1:${smtpPort})`);
  }

  const title = `try:alerts test incident ${new Date().toISOString()}`;
  const reported = await run<{ reportIncident: { id: string } }>('dashboard/ReportIncident.graphql', {
    input: {
      title,
      summary: 'Reported by `npm run try:alerts` to show webhook and e-mail alerts; not a real incident.',
      category: 'OTHER',
      severity: 'HIGH',
      tlp: 'GREEN',
      affectedCountryCodes: ['MY'],
    },
  });
  if (reported.errors) throw new Error(`reportIncident failed: ${reported.errors[0]!.message}`);
  const incidentId = reported.data!.reportIncident.id;
  console.log(`Reported a HIGH incident ${incidentId} as ${ORG}; waiting up to ${WAIT_MS / 1000} s…`);

  const missing = new Set(mail.error ? ['the webhook'] : ['the webhook', 'the e-mail']);
  const webhook = webhooks
    .first((w) => w.body.includes(incidentId))
    .then((w) => {
      missing.delete('the webhook');
      const payload = new Webhook(hook.signingSecret!).verify(w.body, {
        'webhook-id': String(w.headers['webhook-id']),
        'webhook-timestamp': String(w.headers['webhook-timestamp']),
        'webhook-signature': String(w.headers['webhook-signature']),
      }) as { type: string; incident: { title: string; url: string } };
      console.log(
        `webhook received: POST ${w.path} webhook-id ${String(w.headers['webhook-id'])}, ` +
          `signature verified (standardwebhooks): ${payload.type} "${payload.incident.title}" ${payload.incident.url}`,
      );
    });
  const email = mail.error
    ? Promise.resolve()
    : mails
        .first((m) => m.to.includes(MAIL_TO) && m.subject.includes(title))
        .then((m) => {
          missing.delete('the e-mail');
          console.log(`e-mail received for ${MAIL_TO}: subject "${m.subject}"`);
        });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), WAIT_MS);
  });
  const outcome = await Promise.race([Promise.all([webhook, email]), deadline]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    console.error(
      `${[...missing].join(' and ')} did not arrive within ${WAIT_MS / 1000} s: is the graph at ${gatewayUrl} dispatching alerts ` +
        `(ALERT_DISPATCH) and allowed to reach ${webhookUrl}${mail.error ? '' : ` and SMTP on port ${smtpPort}`}?`,
    );
    await explainDeliveries();
    return 1;
  }
  return 0;
}

/** After a timeout: what the graph says about this run's deliveries (status and last error). */
async function explainDeliveries(): Promise<void> {
  type Delivery = { status: string; attempts: number; lastError: string | null };
  const listed = await run<{
    alertRules: { id: string; name: string; deliveries: { edges: { node: Delivery }[] } }[];
  }>('alerts/AlertRules.graphql', { first: 5 });
  for (const rule of listed.data?.alertRules.filter((r) => ruleIds.includes(r.id)) ?? []) {
    const deliveries = rule.deliveries.edges.map(
      ({ node }) =>
        `${node.status} after ${node.attempts} attempt(s)${node.lastError ? `: ${node.lastError}` : ''}`,
    );
    console.error(`  ${rule.name}: ${deliveries.join('; ') || 'no delivery yet'}`);
  }
}
