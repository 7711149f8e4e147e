import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManifest } from '@cadg/gateway';
import { Role } from '@cadg/platform';
import { productionProtection, startGraph, type Graph } from './harness.ts';
import { runDocument as sendDocument } from './documents.ts';
import { MailSink, readableText } from './mail.ts';

const PUBLIC_URL = 'https://graph.cadg.test';

interface DirectoryContact {
  id: string;
  name: string;
  email: string;
  verificationStatus: string;
  organization: { id: string };
}

/**
 * Runs a registered document: by id where trusted documents are enforced, as its text elsewhere,
 * so both modes read and write through exactly the same operations.
 */
async function runDocument<T>(
  graph: Graph,
  byId: boolean,
  file: string,
  variables: Record<string, unknown>,
  token?: string,
) {
  const body = await sendDocument<T>(graph, { byId }, file, variables, token);
  expect(body.errors).toBeUndefined();
  return body.data!;
}

const postForm = (graph: Graph, body: string) =>
  fetch(new URL('verify-contact', graph.baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });

function expectPageHeaders(response: Response) {
  expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("form-action 'self'");
  expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
  expect(csp).not.toContain('script-src');
}

function pageTests(
  mode: string,
  startOptions: () => Promise<Parameters<typeof startGraph>[0]>,
  byId: boolean,
) {
  describe(`the /verify-contact page (${mode})`, () => {
    let graph: Graph;
    const sink = new MailSink();

    beforeAll(async () => {
      await sink.start();
      graph = await startGraph({
        ...(await startOptions()),
        verification: { smtpUrl: sink.url, publicUrl: PUBLIC_URL, sweepMs: 0 },
      });
    });
    afterAll(async () => {
      await graph?.close();
      await sink.close();
    });

    async function contactNow(member: string, contact: DirectoryContact): Promise<DirectoryContact> {
      const data = await runDocument<{ contacts: { edges: { node: DirectoryContact }[] } }>(
        graph,
        byId,
        'dashboard/ContactDirectory.graphql',
        { filter: { organizationId: contact.organization.id }, first: 500 },
        member,
      );
      const found = data.contacts.edges.map((e) => e.node).find((c) => c.id === contact.id);
      expect(found).toBeDefined();
      return found!;
    }

    it('shows a Confirm form on GET without confirming, confirms on POST, and refuses the used link with 400', async () => {
      const member = await graph.token('my-mycert', [Role.Member]);
      const directory = await runDocument<{ contacts: { edges: { node: DirectoryContact }[] } }>(
        graph,
        byId,
        'dashboard/ContactDirectory.graphql',
        { filter: { verificationStatus: 'STALE' }, first: 1 },
        member,
      );
      const contact = directory.contacts.edges[0]!.node;
      const admin = await graph.token(contact.organization.id, [Role.OrgAdmin]);
      await runDocument(
        graph,
        byId,
        'verify-contact/RequestContactVerification.graphql',
        { contactId: contact.id },
        admin,
      );
      const [mail] = await sink.waitFor(contact.email);
      const link = readableText(mail!.raw).match(
        /https:\/\/graph\.cadg\.test(\/verify-contact\?token=[A-Za-z0-9_-]+)/,
      );
      expect(link).not.toBeNull();
      const token = new URL(link![1]!, PUBLIC_URL).searchParams.get('token')!;

      // The link as mailed, opened on the gateway: a form, nothing confirmed yet.
      const shown = await fetch(new URL(link![1]!, graph.baseUrl));
      expect(shown.status).toBe(200);
      expectPageHeaders(shown);
      const form = await shown.text();
      expect(form).toMatch(/<h1>[^<]+<\/h1>/);
      expect(form).toContain('<form method="post" action="verify-contact">');
      expect(form).toContain(`<input type="hidden" name="token" value="${token}">`);
      expect(form).toContain('<button type="submit">Confirm</button>');
      expect(form).not.toMatch(/<script|<link|<img|src=/i);
      expect((await contactNow(member, contact)).verificationStatus).toBe('STALE');

      const confirmed = await postForm(graph, new URLSearchParams({ token }).toString());
      expect(confirmed.status).toBe(200);
      expectPageHeaders(confirmed);
      const thanks = await confirmed.text();
      expect(thanks).toContain('confirmed as a point of contact');
      const entities: Record<string, string> = {
        '&': '&amp;',
        '<': '&lt;',
        '>': '&gt;',
        '"': '&quot;',
        "'": '&#39;',
      };
      expect(thanks).toContain(contact.name.replace(/[&<>"']/g, (c) => entities[c]!));
      expect((await contactNow(member, contact)).verificationStatus).toBe('VERIFIED');

      const again = await postForm(graph, new URLSearchParams({ token }).toString());
      expect(again.status).toBe(400);
      expectPageHeaders(again);
      expect(await again.text()).toContain('This link is not valid');
    });

    it('escapes the token it shows, refuses an unknown token with 400, a large body with 413 and other methods with 405', async () => {
      const hostile = `"><script>alert(1)</script>${randomUUID()}`;
      const shown = await fetch(
        new URL(`verify-contact?token=${encodeURIComponent(hostile)}`, graph.baseUrl),
      );
      expect(shown.status).toBe(200);
      const html = await shown.text();
      expect(html).not.toContain('<script');
      expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');

      const unknown = await postForm(graph, new URLSearchParams({ token: hostile }).toString());
      expect(unknown.status).toBe(400);
      expect(await unknown.text()).not.toContain('<script');

      const empty = await postForm(graph, '');
      expect(empty.status).toBe(400);
      const large = await postForm(graph, `token=${'x'.repeat(5000)}`);
      expect(large.status).toBe(413);
      expectPageHeaders(large);
      const put = await fetch(new URL('verify-contact', graph.baseUrl), { method: 'PUT', body: 'token=x' });
      expect(put.status).toBe(405);
      expect(put.headers.get('allow')).toBe('GET, HEAD, POST');
    });
  });
}

pageTests('embedded default', () => Promise.resolve({}), false);
pageTests(
  'production mode',
  async () => ({
    protection: productionProtection(await readManifest()),
  }),
  true,
);
