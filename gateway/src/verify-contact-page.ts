import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode } from '@cadg/platform';
import { callGraph, firstCode, registeredOperation, type Runtime } from './graph-client.ts';

/**
 * The page behind the link the contacts service e-mails (`<PUBLIC_URL>/verify-contact?token=…`,
 * subgraphs/contacts/src/verification-mail.ts). GET only shows a Confirm button: mail scanners and
 * link previewers fetch links, and must not answer for the person. POST (the button) runs the
 * registered `confirmContactVerification` document through the graph, like any client.
 */
export const VERIFY_CONTACT_PATH = '/verify-contact';

/** Form bodies carry one token (43 characters); anything near this is not our form. */
export const MAX_FORM_BYTES = 4096;

const CONFIRM = registeredOperation('verify-contact', 'ConfirmContactVerification');

interface Confirmed {
  confirmContactVerification: { id: string; name: string | null; verificationStatus: string } | null;
}

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}' +
  'button{font:inherit;padding:.5rem 1.5rem;border:2px solid #0b4f8a;border-radius:.25rem;background:#0b4f8a;color:#fff;cursor:pointer}' +
  'button:focus{outline:3px solid #f5a623;outline-offset:2px}';

// Only this exact style block may apply; no scripts, images, frames or form targets elsewhere.
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** The five characters that matter in text and quoted attributes; too small to justify a dependency. */
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/** Answers GET, HEAD and POST on `/verify-contact`. Never throws. */
export async function serveVerifyContactPage(
  runtime: Runtime,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  try {
    if (req.method === 'GET' || req.method === 'HEAD') {
      const token = new URL(req.url ?? '/', 'http://gateway.internal').searchParams.get('token') ?? '';
      if (!token)
        return page(
          res,
          400,
          'Link incomplete',
          '<p>This link has no token. Open the link from the e-mail as it was sent.</p>',
        );
      return page(res, 200, 'Confirm you are still a point of contact', confirmForm(token));
    }
    if (req.method !== 'POST') {
      res.setHeader('allow', 'GET, HEAD, POST');
      return page(res, 405, 'Not allowed', '<p>Open the link from the e-mail, then press Confirm.</p>');
    }
    const body = await readForm(req);
    if (body === null) return page(res, 413, 'Request too large', '<p>The form sent was too large.</p>');
    const token = new URLSearchParams(body).get('token') ?? '';
    if (!token) return invalid(res);
    const answer = await callGraph<Confirmed>(runtime, req, CONFIRM, { token });
    const contact = answer.data?.confirmContactVerification;
    if (contact && answer.errors.length === 0) {
      const who = contact.name ? `, ${escapeHtml(contact.name)}` : '';
      return page(
        res,
        200,
        'Thank you',
        `<p>Thank you${who}: you are confirmed as a point of contact. You can close this page.</p>`,
      );
    }
    const code = firstCode(answer);
    if (code === ErrorCode.BadUserInput) return invalid(res);
    const status = code === ErrorCode.ServiceUnavailable || answer.status === 503 ? 503 : 502;
    return unavailable(res, status);
  } catch {
    if (!res.headersSent) unavailable(res, 502);
    else res.destroy();
  }
}

const confirmForm = (token: string) =>
  '<p>The China–ASEAN cooperation directory asks you to confirm that this address still reaches you.</p>' +
  '<form method="post" action="verify-contact">' +
  `<input type="hidden" name="token" value="${escapeHtml(token)}">` +
  '<button type="submit">Confirm</button></form>';

const invalid = (res: ServerResponse) =>
  page(
    res,
    400,
    'Link not valid',
    '<p>This link is not valid: it has been used already, has been replaced by a newer one, or has expired. ' +
      'Ask your organization for a new verification e-mail if you are still the right contact.</p>',
  );

const unavailable = (res: ServerResponse, status: number) =>
  page(
    res,
    status,
    'Please try again later',
    '<p>Your confirmation could not be recorded just now. Please try again later.</p>',
  );

/** The body as text, or null past MAX_FORM_BYTES (the gateway has already refused bodies without a length). */
async function readForm(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    // Read to the end (bounded by the gateway's body limit): leaving early would destroy the socket
    // before the 413 page is sent.
    if (size <= MAX_FORM_BYTES) chunks.push(chunk as Buffer);
  }
  return size > MAX_FORM_BYTES ? null : Buffer.concat(chunks).toString('utf8');
}

/** Sends one page; `title` is our own text, `content` is already escaped HTML. */
function page(res: ServerResponse, status: number, title: string, content: string): void {
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>` +
    `<body><main><h1>${escapeHtml(title)}</h1>${content}</main></body></html>`;
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
  });
  res.end(res.req.method === 'HEAD' ? undefined : html);
}
