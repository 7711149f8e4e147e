import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactsDirectory } from '../src/directory.ts';

/** What the directory sent contacts: each call's request id header and representations. */
interface Call {
  requestId: string | undefined;
  representations: Record<string, string>[];
}

/**
 * The directory's calls carry the id of the request they are made for (the gateway's
 * `x-request-id`, passed down through the context rather than an AsyncLocalStorage), so contacts
 * logs them under it; a stand-in for contacts over real HTTP records what arrives.
 */
describe('the contacts directory', () => {
  const calls: Call[] = [];
  const server = createServer(async (req: IncomingMessage, res) => {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    const { variables } = JSON.parse(body) as { variables: { r: Record<string, string>[] } };
    const header = req.headers['x-request-id'];
    calls.push({ requestId: typeof header === 'string' ? header : undefined, representations: variables.r });
    const entities = variables.r.map((representation) =>
      representation['__typename'] === 'Country'
        ? { __typename: 'Country' }
        : {
            id: representation['id'],
            name: `Org ${representation['id']}`,
            updatedAt: '2026-01-01T00:00:00Z',
          },
    );
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ data: { _entities: entities } }));
  });
  let url: string;

  beforeAll(async () => {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("sends the request's id with each check it makes for that request, and none outside a request", async () => {
    const directory = contactsDirectory(url);
    await directory.forRequest('req-a').requireCountries(['LA']);
    await directory.requireOrganizations(['org-x']);
    expect(calls.splice(0)).toEqual([
      { requestId: 'req-a', representations: [{ __typename: 'Country', code: 'LA' }] },
      { requestId: undefined, representations: [{ __typename: 'Organization', id: 'org-x' }] },
    ]);
    // A view shares the known ids: what one request checked is not asked again for another.
    await directory.forRequest('req-b').requireCountries(['LA']);
    expect(calls).toEqual([]);
  });

  it('asks for the names two requests want at once in one call, under the first one’s id', async () => {
    const directory = contactsDirectory(url);
    const [first, second] = await Promise.all([
      directory.forRequest('req-1').organizationNames(['org-1']),
      directory.forRequest('req-2').organizationNames(['org-2']),
    ]);
    expect(first.get('org-1')?.name).toBe('Org org-1');
    expect(second.get('org-2')?.name).toBe('Org org-2');
    expect(calls.splice(0)).toEqual([
      {
        requestId: 'req-1',
        representations: [
          { __typename: 'Organization', id: 'org-1' },
          { __typename: 'Organization', id: 'org-2' },
        ],
      },
    ]);
  });
});
