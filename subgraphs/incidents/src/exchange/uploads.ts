import { and, asc, count, eq, sql } from 'drizzle-orm';
import { badUserInput, conflict, notFound, organizationWith, Right, type Caller } from '@cadg/platform';
import type { Db } from '@cadg/db';
import * as x from '@cadg/db/incidents-exchange';
import type { ImportObjectStatus } from '@cadg/db/incidents-exchange';
import type { Directory } from '../directory.ts';
import type { OrgIdentity } from '../permissions.ts';
import { usableGroupIds } from '../sharing-links.ts';
import {
  completeImport,
  importValues,
  MAX_IMPORT_OBJECTS,
  recipients,
  refuseNul,
  runImport,
  submitterOf,
  type ImportOptions,
  type ImportRow,
} from './imports.ts';
import { planStixImport } from './stix-plan.ts';
import { stixObjects } from './stix-values.ts';

/**
 * Uploads: STIX objects sent in parts (the TAXII inbox splits an envelope so that each part fits
 * one GraphQL request), then processed in the background by the replica that received the last
 * part. The import's row is the TAXII status resource (§4.3), so any replica answers for it.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `beginStixUpload`: an empty import waiting for `totalCount` objects. */
export async function beginUpload(
  db: Db,
  directory: Directory,
  actor: OrgIdentity,
  totalCount: number,
  options: ImportOptions,
): Promise<ImportRow> {
  if (!Number.isInteger(totalCount) || totalCount < 1 || totalCount > MAX_IMPORT_OBJECTS) {
    throw badUserInput('totalCount', `An upload has 1 to ${MAX_IMPORT_OBJECTS} objects.`);
  }
  const sharedWith = await recipients(directory, actor, options.sharedWithOrganizationIds);
  // Checked now, while the sender is there to hear a refusal; used as checked when processed.
  const groups = options.sharedWithSharingGroupIds;
  const sharedWithGroups = await usableGroupIds(db, actor.org, 'sharedWithSharingGroupIds', groups);
  const [row] = await db
    .insert(x.exchangeImports)
    .values({
      ...importValues(actor, 'TAXII', { tlp: options.tlp ?? null, sharedWith, totalCount }),
      sharedWithGroups,
      state: 'RECEIVING',
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/**
 * `appendStixUpload`: one part of an upload; the last part queues it. Parts are checked as they
 * come (each must be a list of STIX objects) so a bad one is refused while its sender is there.
 */
export async function appendUpload(
  db: Db,
  actor: OrgIdentity,
  id: string,
  objects: unknown,
  last: boolean,
): Promise<ImportRow> {
  if (!UUID.test(id)) throw notFound('ExchangeImport', id);
  try {
    if (!Array.isArray(objects)) throw badUserInput('objects', 'Send a list of STIX objects.');
    stixObjects('objects', objects);
    refuseNul('objects', objects);
  } catch (error) {
    // A refused part ends its upload: nothing of it is imported and no status is left pending.
    await db
      .delete(x.exchangeImports)
      .where(
        and(
          eq(x.exchangeImports.id, id),
          eq(x.exchangeImports.ownerOrg, actor.org),
          eq(x.exchangeImports.state, 'RECEIVING'),
        ),
      );
    throw error;
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(x.exchangeImports)
      .where(and(eq(x.exchangeImports.id, id), eq(x.exchangeImports.ownerOrg, actor.org)))
      .for('update');
    if (!row) throw notFound('ExchangeImport', id);
    if (row.state !== 'RECEIVING') throw conflict('This upload has received its last part already.');
    const [held] = await tx
      .select({
        parts: count(),
        objects: sql<number>`coalesce(sum(jsonb_array_length(${x.exchangeImportParts.objects})), 0)::int`,
      })
      .from(x.exchangeImportParts)
      .where(eq(x.exchangeImportParts.importId, id));
    const total = (held?.objects ?? 0) + objects.length;
    if (total > row.totalCount || (last && total !== row.totalCount)) {
      throw badUserInput(
        'objects',
        `The upload was begun for ${row.totalCount} objects; ${total} were sent.`,
      );
    }
    await tx.insert(x.exchangeImportParts).values({ importId: id, seq: held?.parts ?? 0, objects });
    if (!last) return row;
    const [queued] = await tx
      .update(x.exchangeImports)
      .set({ state: 'QUEUED' })
      .where(eq(x.exchangeImports.id, id))
      .returning();
    return queued!;
  });
}

/**
 * Processes one queued upload, if no replica has taken it: the row lock (SKIP LOCKED) makes one
 * replica do it, in one transaction with everything it writes. A plan that cannot be made
 * (already refused part by part, so not expected) completes the import with every object failed.
 */
export async function processUpload(db: Db, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(x.exchangeImports)
      .where(and(eq(x.exchangeImports.id, id), eq(x.exchangeImports.state, 'QUEUED')))
      .for('update', { skipLocked: true });
    if (!row) return;
    const parts = await tx
      .select({ objects: x.exchangeImportParts.objects })
      .from(x.exchangeImportParts)
      .where(eq(x.exchangeImportParts.importId, id))
      .orderBy(asc(x.exchangeImportParts.seq));
    const objects = stixObjects(
      'objects',
      parts.flatMap((part) => part.objects),
    );
    const plan = planStixImport(objects, {
      defaultTlp: row.defaultTlp ?? 'AMBER',
      label: `TAXII upload ${row.id}`,
    });
    await runImport(tx, submitterOf(row), row, plan, row.sharedWithGroups);
    await tx.delete(x.exchangeImportParts).where(eq(x.exchangeImportParts.importId, id));
  });
}

/**
 * Marks an upload that could not be processed as complete with every object failed, if it is
 * still in `state` and no replica holds it.
 */
export async function failUpload(
  db: Db,
  id: string,
  message: string,
  state: 'QUEUED' | 'RECEIVING' = 'QUEUED',
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: x.exchangeImports.id })
      .from(x.exchangeImports)
      .where(and(eq(x.exchangeImports.id, id), eq(x.exchangeImports.state, state)))
      .for('update', { skipLocked: true });
    if (!row) return;
    const parts = await tx
      .select({ objects: x.exchangeImportParts.objects })
      .from(x.exchangeImportParts)
      .where(eq(x.exchangeImportParts.importId, id));
    const failures: ImportObjectStatus[] = parts
      .flatMap((part) => part.objects)
      .map((o) => ({ id: String((o as Record<string, unknown> | null)?.['id'] ?? ''), message }));
    await completeImport(tx, id, {
      created: 0,
      updated: 0,
      unchanged: 0,
      advisoryIds: [],
      successes: [],
      failures,
      notMapped: [],
    });
    // An upload that stopped early reports the objects it received (TAXII 2.1 §4.3.1: the total
    // is the sum of the counts).
    if (state === 'RECEIVING') {
      await tx
        .update(x.exchangeImports)
        .set({ totalCount: failures.length })
        .where(eq(x.exchangeImports.id, id));
    }
    await tx.delete(x.exchangeImportParts).where(eq(x.exchangeImportParts.importId, id));
  });
}

/**
 * An import as its submitting organization sees it; null for anyone else (statuses name the
 * objects an organization sent, which may be TLP:RED). Read by members acting for it.
 */
export async function importFor(db: Db, caller: Caller, id: string): Promise<ImportRow | null> {
  const org = organizationWith(caller, Right.ReadForOrganization);
  if (org === null || !UUID.test(id)) return null;
  const [row] = await db
    .select()
    .from(x.exchangeImports)
    .where(and(eq(x.exchangeImports.id, id), eq(x.exchangeImports.ownerOrg, org)));
  return row ?? null;
}
