/**
 * What the aipolicy test files share: an in-process aipolicy subgraph (started once per file by
 * `useAipolicy()`; the `subgraph` binding is live for importers), the statement and document used
 * to record positions, and a count of audit entries.
 */
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import { Role } from '@cadg/platform';
import * as t from '@cadg/db/aipolicy';
import { as, startAipolicy } from './harness.ts';

export let subgraph: Awaited<ReturnType<typeof startAipolicy>>;

/** Starts the subgraph before the file's tests and closes it after. */
export function useAipolicy(): void {
  beforeAll(async () => {
    subgraph = await startAipolicy();
  });
  afterAll(() => subgraph.close());
}

export const TWELVE = ['BN', 'CN', 'ID', 'KH', 'LA', 'MM', 'MY', 'PH', 'SG', 'TH', 'TL', 'VN'];
export const secretariat = () => as(null, Role.Secretariat);

export const RECORD = /* GraphQL */ `
  mutation Record($input: RecordPolicyPositionInput!) {
    recordPolicyPosition(input: $input) {
      id
      stance
      current
      statedOn
      forum {
        slug
      }
      history {
        id
        stance
        current
        supersededBy {
          id
        }
      }
    }
  }
`;
export const statement = (overrides: Record<string, unknown> = {}) => ({
  countryCode: 'MY',
  topic: 'security-standards',
  forum: 'g20',
  stance: 'SUPPORTS',
  summary: 'Test statement (fictional, for the test suite).',
  statedOn: '2025-01-10',
  sourceTitle: 'Test source',
  sourceUrl: 'https://example.org/statement',
  ...overrides,
});

export async function auditCount(operation: string): Promise<number> {
  const [row] = await subgraph.db
    .select({ n: count() })
    .from(t.auditLog)
    .where(eq(t.auditLog.operation, operation));
  return row?.n ?? 0;
}
