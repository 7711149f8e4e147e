import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@cadg/platform';
import { protectionFromEnv, readManifest } from '@cadg/gateway';
import { exportedBundle, roles, type Bundle } from './exchange-fixtures.ts';
import { codesOf, startGraph, type Graph } from './harness.ts';

/** `importStixBundle` over real HTTP through the gateway: mapping, TLP, idempotency, bad input. */

const IMPORT = /* GraphQL */ `
  mutation ($bundle: JSON!, $tlp: Tlp, $shared: [ID!]) {
    importStixBundle(bundle: $bundle, tlp: $tlp, sharedWithOrganizationIds: $shared) {
      importId
      created
      updated
      unchanged
      advisories {
        id
        title
        body
        tlp
        cveIds
        provenance {
          format
          channel
          externalId
          createdBy
        }
        indicators {
          type
          value
          forDetection
        }
      }
      notMapped {
        id
        type
        code
      }
    }
  }
`;

interface Advisory {
  id: string;
  title: string;
  body: string;
  tlp: string;
  cveIds: string[];
  provenance: { format: string; channel: string; externalId: string; createdBy: string | null } | null;
  indicators: { type: string; value: string; forDetection: boolean }[];
}
interface ImportResult {
  importId: string;
  created: number;
  updated: number;
  unchanged: number;
  advisories: Advisory[];
  notMapped: { id: string; type: string; code: string }[];
}

const ADVISORY = `query ($id: ID!) { advisory(id: $id) { id tlp title indicators { value } } }`;
const SEARCH = `query ($value: String!) { indicators(value: $value) { value forDetection provenance { externalId createdBy } advisory { tlp } } }`;

async function importAs(graph: Graph, token: string | undefined, bundle: unknown, variables = {}) {
  return graph.query<{ importStixBundle: ImportResult }>(IMPORT, { bundle, ...variables }, token);
}

async function imported(graph: Graph, token: string, bundle: unknown, variables = {}): Promise<ImportResult> {
  const response = await importAs(graph, token, bundle, variables);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!.importStixBundle;
}

describe('importing a STIX 2.1 bundle (embedded default)', () => {
  let graph: Graph;
  let importer: string; // MyCERT
  let outsider: string; // ThaiCERT
  let recipient: string; // Singapore's CSA
  let first: ImportResult;
  const bundle = exportedBundle();
  const fixture = roles(bundle);

  beforeAll(async () => {
    graph = await startGraph();
    importer = await graph.token('my-mycert', [Role.Member]);
    outsider = await graph.token('th-thaicert', [Role.Member]);
    recipient = await graph.token('sg-csa', [Role.Member]);
    first = await imported(graph, importer, bundle);
  });
  afterAll(() => graph?.close());

  const advisoryTitled = (result: ImportResult, start: string) => {
    const found = result.advisories.find((a) => a.title.startsWith(start));
    expect(found, `an advisory titled "${start}…"`).toBeDefined();
    return found!;
  };

  it('turns the report and the grouping into advisories with the indicators they refer to', () => {
    expect(first.created).toBe(bundle.objects.length);
    expect([first.updated, first.unchanged]).toEqual([0, 0]);
    const report = advisoryTitled(first, 'Exercise: phishing wave');
    expect(report).toMatchObject({ tlp: 'GREEN', cveIds: ['CVE-2024-3400'] });
    expect(report.body).toMatch(/OpenCTI report export/);
    expect(report.provenance).toEqual({
      format: 'STIX_2_1',
      channel: 'GRAPHQL',
      externalId: fixture.report.id,
      createdBy: 'Exercise CERT (test fixture)',
    });
    expect(report.indicators.map((i) => [i.type, i.value]).sort()).toEqual([
      ['DOMAIN', 'login-verify.bank.example'],
      ['FILE_SHA256', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
      ['IPV4', '203.0.113.45'],
      ['URL', 'https://login-verify.bank.example/session/start'],
    ]);
    const grouping = advisoryTitled(first, 'MISP event');
    expect(grouping.tlp).toBe('CLEAR');
    expect(grouping.indicators.map((i) => [i.type, i.value, i.forDetection]).sort()).toEqual([
      ['DOMAIN', 'cdn-update.mirror.example', false],
      ['EMAIL', 'billing@invoices.example', false],
      ['FILE_SHA1', 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3', true],
      ['IPV6', '2001:db8::1', true],
    ]);
  });

  it('gathers indicators no report refers to into one advisory per TLP, from their markings or AMBER', () => {
    const loose = first.advisories.filter((a) => a.title.startsWith('Indicators imported from'));
    expect(loose.map((a) => [a.tlp, a.indicators.map((i) => i.value)]).sort()).toEqual([
      ['AMBER', ['098f6bcd4621d373cade4e832627b4f6']],
      ['AMBER_STRICT', ['staging.exercise.example']],
      ['RED', ['relay@mail.internal.example']],
    ]);
    expect(first.advisories).toHaveLength(5);
  });

  it('keeps the objects it does not model and lists each as not mapped with why', () => {
    const byType = (type: string) => first.notMapped.filter((o) => o.type === type).map((o) => o.code);
    expect(byType('threat-actor')).toEqual(['UNSUPPORTED_TYPE']);
    expect(byType('attack-pattern')).toEqual(['UNSUPPORTED_TYPE']);
    expect(byType('relationship')).toEqual(['UNSUPPORTED_TYPE']);
    expect(byType('vulnerability')).toEqual(['UNSUPPORTED_TYPE']);
    expect(byType('x-misp-object')).toEqual(['UNSUPPORTED_TYPE']);
    expect(byType('autonomous-system')).toEqual(['UNSUPPORTED_TYPE']);
    expect(byType('domain-name')).toEqual(['OBSERVABLE_ALONE']);
    expect(byType('indicator').sort()).toEqual(['INVALID_VALUE', 'UNSUPPORTED_PATTERN']);
    expect(byType('observed-data')).toEqual(['UNSUPPORTED_TYPE']);
    expect(first.notMapped.find((o) => o.code === 'INVALID_VALUE')?.id).toBe(fixture.invalid.id);
    expect(first.notMapped).toHaveLength(10);
  });

  it('shows another organization the GREEN and CLEAR advisories only, in reads and searches', async () => {
    for (const advisory of first.advisories) {
      const seen = await graph.query<{ advisory: { tlp: string } | null }>(
        ADVISORY,
        { id: advisory.id },
        outsider,
      );
      expect(seen.errors).toBeUndefined();
      const visible = advisory.tlp === 'GREEN' || advisory.tlp === 'CLEAR';
      expect(seen.data!.advisory, `${advisory.tlp} advisory`).toEqual(visible ? expect.anything() : null);
    }
    const relay = { value: 'relay@mail.internal.example' };
    expect((await graph.query(SEARCH, relay, outsider)).data).toEqual({ indicators: [] });
    expect((await graph.query(SEARCH, relay)).data).toEqual({ indicators: [] });
    const own = await graph.query<{ indicators: unknown[] }>(SEARCH, relay, importer);
    expect(own.data!.indicators).toEqual([
      {
        value: 'relay@mail.internal.example',
        forDetection: true,
        provenance: { externalId: fixture.mailRelay.id, createdBy: 'Exercise CERT (test fixture)' },
        advisory: { tlp: 'RED' },
      },
    ]);
  });

  it('changes nothing when the same bundle is imported again', async () => {
    const again = await imported(graph, importer, bundle);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: bundle.objects.length, advisories: [] });
    const domain = await graph.query<{ indicators: unknown[] }>(
      SEARCH,
      { value: 'login-verify.bank.example' },
      importer,
    );
    expect(domain.data!.indicators).toHaveLength(1);
  });

  it('updates what changed when objects come again with a newer modified', async () => {
    const newer: Bundle = structuredClone(bundle);
    const later = '2026-11-21T09:00:00.000Z';
    for (const object of newer.objects) {
      if (object.id === fixture.report.id)
        Object.assign(object, { modified: later, name: 'Phishing wave, revised' });
      if (object.id === fixture.phishingDomain.id) {
        Object.assign(object, {
          modified: later,
          pattern: "[domain-name:value = 'login-check.bank.example']",
        });
      }
    }
    const result = await imported(graph, importer, newer);
    expect(result).toMatchObject({
      created: 0,
      updated: 2,
      unchanged: bundle.objects.length - 2,
      advisories: [],
    });
    const report = advisoryTitled(first, 'Exercise: phishing wave');
    const read = await graph.query<{ advisory: { title: string; indicators: { value: string }[] } }>(
      ADVISORY,
      { id: report.id },
      importer,
    );
    expect(read.data!.advisory.title).toBe('Phishing wave, revised');
    expect(read.data!.advisory.indicators.map((i) => i.value).sort()).toEqual([
      '203.0.113.45',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'https://login-verify.bank.example/session/start',
      'login-check.bank.example',
    ]);
    // An older version than the one held changes nothing.
    expect(await imported(graph, importer, bundle)).toMatchObject({ updated: 0, created: 0 });
  });

  it('marks unmarked objects with the tlp argument and shares them with the organizations named', async () => {
    const single: Bundle = {
      type: 'bundle',
      id: 'bundle--0d9b7f52-3a1c-4e8e-9b7a-1c2d3e4f5a60',
      objects: [
        {
          type: 'indicator',
          spec_version: '2.1',
          id: 'indicator--0d9b7f52-3a1c-4e8e-9b7a-1c2d3e4f5a61',
          created: '2026-11-20T00:00:00.000Z',
          modified: '2026-11-20T00:00:00.000Z',
          pattern: "[url:value = 'https://shared.exercise.example/drop']",
          pattern_type: 'stix',
          valid_from: '2026-11-20T00:00:00Z',
        },
      ],
    };
    const result = await imported(graph, importer, single, { tlp: 'RED', shared: ['sg-csa'] });
    const [advisory] = result.advisories;
    expect(advisory?.tlp).toBe('RED');
    const asRecipient = await graph.query<{ advisory: unknown }>(ADVISORY, { id: advisory!.id }, recipient);
    expect(asRecipient.data!.advisory).not.toBeNull();
    const asOutsider = await graph.query<{ advisory: unknown }>(ADVISORY, { id: advisory!.id }, outsider);
    expect(asOutsider.data!.advisory).toBeNull();
  });

  it('refuses anonymous callers, tokens without a member role and malformed bundles with coded errors', async () => {
    expect(codesOf(await importAs(graph, undefined, bundle))).toEqual(['UNAUTHENTICATED']);
    const noRole = await graph.token('my-mycert', []);
    expect(codesOf(await importAs(graph, noRole, bundle))).toEqual(['FORBIDDEN']);
    const notBundle = await importAs(graph, importer, { type: 'report', objects: [] });
    expect(codesOf(notBundle)).toEqual(['BAD_USER_INPUT']);
    const badObject = await importAs(graph, importer, {
      type: 'bundle',
      id: 'bundle--x',
      objects: [{ type: 'indicator' }],
    });
    expect(codesOf(badObject)).toEqual(['BAD_USER_INPUT']);
    expect(badObject.errors?.[0]?.message).toMatch(/"<type>--<UUID>"/);
    const nul = structuredClone(bundle);
    nul.objects[0]!['name'] = 'bad\u0000name';
    expect(codesOf(await importAs(graph, importer, nul))).toEqual(['BAD_USER_INPUT']);
    const unknownOrg = await importAs(graph, importer, bundle, { shared: ['no-such-org'] });
    expect(codesOf(unknownOrg)).toEqual(['NOT_FOUND']);
  });
});

describe('importing a STIX bundle in production mode', () => {
  let graph: Graph;
  let importId: string;

  beforeAll(async () => {
    graph = await startGraph({
      protection: await protectionFromEnv({
        GATEWAY_MODE: 'production',
        SUBGRAPH_SIGNING_SECRET: 'e2e-stix-import-signing-secret-of-32-chars-or-more',
        METRICS_PORT: '0',
      }),
    });
    const manifest = await readManifest();
    importId = Object.entries(manifest).find(([, text]) => text.includes('mutation ImportStixBundle('))![0];
  });
  afterAll(() => graph?.close());

  async function post(body: Record<string, unknown>, token: string) {
    const response = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify(body),
    });
    return (await response.json()) as { data?: { importStixBundle: ImportResult }; errors?: unknown[] };
  }

  it('imports through the registered document over signed subgraph calls, and refuses the raw mutation', async () => {
    const token = await graph.token('my-mycert', [Role.Member]);
    const bundle = exportedBundle();
    const raw = await post({ query: IMPORT, variables: { bundle } }, token);
    expect(codesOf(raw as never)).toEqual(['TRUSTED_DOCUMENT_REQUIRED']);
    const registered = await post({ documentId: importId, variables: { bundle } }, token);
    expect(registered.errors, JSON.stringify(registered.errors)).toBeUndefined();
    expect(registered.data!.importStixBundle.created).toBe(bundle.objects.length);
    expect(registered.data!.importStixBundle.advisories.map((a) => a.tlp).sort()).toEqual([
      'AMBER',
      'AMBER_STRICT',
      'CLEAR',
      'GREEN',
      'RED',
    ]);
    const again = await post({ documentId: importId, variables: { bundle } }, token);
    expect(again.data!.importStixBundle).toMatchObject({ created: 0, unchanged: bundle.objects.length });
  });

  it('refuses a direct call to the incidents port that the gateway did not sign', async () => {
    const token = await graph.token('my-mycert', [Role.Member]);
    const response = await graph.query(
      IMPORT,
      { bundle: exportedBundle() },
      token,
      graph.subgraphUrls['incidents'],
    );
    expect(codesOf(response)).toEqual(['FORBIDDEN']);
  });
});
