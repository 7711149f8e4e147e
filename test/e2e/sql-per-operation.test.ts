import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_QUERY, type DashboardResult } from '@cadg/bench/dashboard';
import { generateIncident } from '@cadg/bench/generate';
import { countStatements, type CountedDatabase } from '@cadg/bench/sql-count';
import { openTestDatabase, type TestDatabase } from '@cadg/db/testing';
import * as contacts from '@cadg/db/contacts';
import * as incidents from '@cadg/db/incidents';
import { DEFAULT_LIMITS } from '@cadg/gateway';
import { createTokenVerifier, DEFAULT_AUDIENCE, DEV_ISSUER, Role, signDevToken } from '@cadg/platform';
import { startStack, type Stack } from '@cadg/stack';

// The smoke version of `npm run bench`'s "SQL per operation": behaviour only, never time.
// Enough generated incidents that a member of MyCERT sees well over the largest page.
const GENERATED = 1200;
const LARGEST_PAGE = 500;

let keyDir: string;
let testDb: TestDatabase;
let counted: CountedDatabase;
let stack: Stack;
let token: string;

beforeAll(async () => {
  keyDir = await mkdtemp(join(tmpdir(), 'cadg-sql-count-keys-'));
  testDb = await openTestDatabase();
  counted = countStatements(testDb.database, testDb.url);
  const { db } = counted.database;
  const organizations = await db
    .select({
      id: contacts.organizations.id,
      countryCode: contacts.organizations.countryCode,
      kind: contacts.organizations.kind,
    })
    .from(contacts.organizations);
  const rows = Array.from({ length: GENERATED }, (_, n) => generateIncident(n, 0, organizations).incident);
  for (let i = 0; i < rows.length; i += 400)
    await db.insert(incidents.incidents).values(rows.slice(i, i + 400));

  const verifier = await createTokenVerifier({
    issuer: DEV_ISSUER,
    audience: DEFAULT_AUDIENCE,
    devKeyDir: keyDir,
  });
  stack = await startStack({
    database: counted.database,
    verifier,
    logging: false,
    // The largest page costs more than the default limit allows; this test is about SQL, not limits.
    protection: { rateLimit: null, limits: { ...DEFAULT_LIMITS, maxCost: 1_000_000 } },
    // The alert dispatcher's passes are background SQL, not the dashboard's: none during the counts.
    alerts: { dispatch: false },
  });
  token = await signDevToken(keyDir, {
    sub: 'sql-count',
    org: 'my-mycert',
    roles: [Role.Member],
    expiresIn: '10m',
  });
});
afterAll(async () => {
  await stack?.close();
  if (counted && counted.database !== testDb?.database) await counted.database.close();
  await testDb?.dispose();
  if (keyDir) await rm(keyDir, { recursive: true, force: true });
});

/** Sends the dashboard query for a page of `first` incidents; returns how many statements it ran. */
async function statementsFor(first: number): Promise<number> {
  counted.reset();
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: DASHBOARD_QUERY, variables: { first } }),
  });
  const body = (await response.json()) as { data?: DashboardResult; errors?: unknown };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  expect(body.data?.incidents.edges).toHaveLength(first);
  expect(body.data?.incidents.edges.every((edge) => edge.node.reportedBy.country.code.length === 2)).toBe(
    true,
  );
  return counted.count();
}

describe('SQL statements per operation', () => {
  it('runs the same number of statements for the dashboard query whether it lists 10, 100 or 500 incidents', async () => {
    // Warm up first: nothing a first request does once (loading a schema, say) belongs in the count.
    await statementsFor(10);
    const counts = [await statementsFor(10), await statementsFor(100), await statementsFor(LARGEST_PAGE)];
    expect(counts[0]).toBeGreaterThan(0);
    expect(new Set(counts).size, `statements for 10/100/500: ${counts.join('/')}`).toBe(1);
  });
});
