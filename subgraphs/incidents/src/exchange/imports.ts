import { asc, eq, inArray } from 'drizzle-orm';
import { badUserInput, type Identity } from '@cadg/platform';
import type { Db, Tx } from '@cadg/db';
import * as t from '@cadg/db/incidents';
import * as x from '@cadg/db/incidents-exchange';
import type { ImportOutcome } from '@cadg/db/incidents-exchange';
import type { Directory } from '../directory.ts';
import type { OrgIdentity } from '../permissions.ts';
import type { AdvisoryRow, Tlp } from '../rows.ts';
import { usableGroupIds } from '../sharing-links.ts';
import * as valid from '../validation.ts';
import { applyPlan } from './persist.ts';
import type { ImportPlan } from './plan.ts';
import { planStixImport } from './stix-plan.ts';
import { stixObjects } from './stix-values.ts';

/**
 * STIX 2.1 imports: at once through `importStixBundle`, or uploaded in parts and processed in the
 * background for TAXII envelopes too large for one GraphQL request (uploads.ts). Both end in
 * `runImport`: one transaction that plans, writes and records the outcome.
 */

/** The most objects one import takes (a TAXII envelope at `max_content_length` holds fewer). */
export const MAX_IMPORT_OBJECTS = 50_000;

export type ImportRow = typeof x.exchangeImports.$inferSelect;

export interface ImportOptions {
  tlp?: Tlp | null | undefined;
  sharedWithOrganizationIds?: readonly string[] | null | undefined;
  sharedWithSharingGroupIds?: readonly string[] | null | undefined;
}

/** Validated recipients (the submitter is the owner, never a recipient), known to contacts. */
export async function recipients(
  directory: Directory,
  actor: OrgIdentity,
  ids: readonly string[] | null | undefined,
): Promise<string[]> {
  const shared = valid.organizationIds('sharedWithOrganizationIds', ids).filter((id) => id !== actor.org);
  await directory.requireOrganizations([actor.org, ...shared]);
  return shared;
}

/** JSON that PostgreSQL's jsonb refuses (a NUL character) is refused before anything is written. */
export function refuseNul(field: string, value: unknown): void {
  if (JSON.stringify(value).includes('\\u0000')) {
    throw badUserInput(field, 'Text may not contain the NUL character (U+0000).');
  }
}

/** The objects of a STIX bundle given as JSON, or BAD_USER_INPUT saying what is wrong with it. */
function bundleObjects(bundle: unknown): unknown[] {
  const fields = bundle !== null && typeof bundle === 'object' && !Array.isArray(bundle) ? bundle : null;
  const value = fields as Record<string, unknown> | null;
  if (!value || value['type'] !== 'bundle') {
    throw badUserInput('bundle', 'Send a STIX 2.1 bundle: a JSON object with "type": "bundle".');
  }
  const objects = value['objects'] ?? [];
  if (!Array.isArray(objects)) throw badUserInput('bundle.objects', '"objects" must be a list.');
  if (objects.length > MAX_IMPORT_OBJECTS) {
    throw badUserInput('bundle.objects', `At most ${MAX_IMPORT_OBJECTS} objects per import.`);
  }
  refuseNul('bundle', objects);
  return objects;
}

/** Owner, recipients and defaults of an import, as its row records them. */
export function importValues(
  actor: OrgIdentity,
  channel: ImportRow['channel'],
  options: { tlp: Tlp | null; sharedWith: string[]; totalCount: number; format?: ImportRow['format'] },
) {
  return {
    ownerOrg: actor.org,
    submittedBySub: actor.sub,
    submittedByRoles: [...actor.roles],
    channel,
    format: options.format ?? 'STIX_2_1',
    defaultTlp: options.tlp,
    sharedWith: options.sharedWith,
    totalCount: options.totalCount,
  };
}

/** A `StixImportResult` as the GraphQL type gives it. */
export type StixImportView = Omit<ImportOutcome, 'advisoryIds' | 'successes' | 'failures'> & {
  importId: string;
  advisories: AdvisoryRow[];
};

export interface StixImportResult {
  importId: string;
  outcome: ImportOutcome;
  advisories: AdvisoryRow[];
}

/** `importStixBundle`: the whole bundle in one transaction, answered when done. */
export async function importStixBundle(
  db: Db,
  directory: Directory,
  actor: OrgIdentity,
  bundle: unknown,
  options: ImportOptions,
): Promise<StixImportResult> {
  const objects = stixObjects('bundle.objects', bundleObjects(bundle));
  const sharedWith = await recipients(directory, actor, options.sharedWithOrganizationIds);
  const bundleId = (bundle as Record<string, unknown>)['id'];
  const label = typeof bundleId === 'string' ? `STIX ${bundleId.slice(0, 100)}` : 'a STIX bundle';
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(x.exchangeImports)
      .values({
        ...importValues(actor, 'GRAPHQL', {
          tlp: options.tlp ?? null,
          sharedWith,
          totalCount: objects.length,
        }),
        state: 'QUEUED',
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    const groups = options.sharedWithSharingGroupIds;
    const sharingGroupIds = await usableGroupIds(tx, actor.org, 'sharedWithSharingGroupIds', groups);
    const plan = planStixImport(objects, { defaultTlp: options.tlp ?? 'AMBER', label });
    const outcome = await runImport(tx, actor, row, plan, sharingGroupIds);
    const advisories =
      outcome.advisoryIds.length === 0
        ? []
        : await tx
            .select()
            .from(t.advisories)
            .where(inArray(t.advisories.id, outcome.advisoryIds))
            .orderBy(asc(t.advisories.title));
    return { importId: row.id, outcome, advisories };
  });
}

/** Writes a plan for an import and records its outcome; the import's row is then COMPLETE. */
export async function runImport(
  tx: Tx,
  actor: OrgIdentity,
  row: ImportRow,
  plan: ImportPlan,
  sharingGroupIds: readonly string[] = [],
): Promise<ImportOutcome> {
  const outcome = await applyPlan(tx, actor, { ...row, sharingGroupIds }, plan);
  await completeImport(tx, row.id, outcome);
  return outcome;
}

export async function completeImport(tx: Tx, id: string, outcome: ImportOutcome): Promise<void> {
  await tx
    .update(x.exchangeImports)
    .set({ state: 'COMPLETE', outcome, completedAt: new Date() })
    .where(eq(x.exchangeImports.id, id));
}

/** The submitter of an import processed later, as it was when it submitted. */
export const submitterOf = (row: ImportRow): OrgIdentity =>
  ({ sub: row.submittedBySub, org: row.ownerOrg, roles: row.submittedByRoles }) as Identity & {
    org: string;
  };
