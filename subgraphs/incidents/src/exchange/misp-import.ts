import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '@cadg/db';
import * as t from '@cadg/db/incidents';
import * as x from '@cadg/db/incidents-exchange';
import type { ImportOutcome, NotMappedObject } from '@cadg/db/incidents-exchange';
import type { Directory } from '../directory.ts';
import type { OrgIdentity } from '../permissions.ts';
import type { AdvisoryRow, Tlp } from '../rows.ts';
import { usableGroupIds } from '../sharing-links.ts';
import { importValues, recipients, refuseNul, runImport, type ImportRow } from './imports.ts';
import { planMispImport } from './misp-plan.ts';
import { unwrapEvent, type Json } from './misp-values.ts';

/**
 * MISP events in: `importMispEvent` for one event sent through GraphQL, and the scheduled feed
 * pulls (misp-feeds.ts), both through `importEventIn`: plan (misp-plan.ts), then the one
 * persistence path of every import (persist.ts), in the caller's transaction.
 */

export interface MispImportOptions {
  sharedWithOrganizationIds?: readonly string[] | null | undefined;
  sharedWithSharingGroupIds?: readonly string[] | null | undefined;
}

/** What one event import did: the `MispImportResult` GraphQL type. */
export interface MispImportView {
  importId: string;
  eventUuid: string;
  created: number;
  updated: number;
  unchanged: number;
  /** The advisory the event is (created now or before), as its owner reads it. */
  advisory: AdvisoryRow | null;
  notMapped: NotMappedObject[];
}

/** Where an event's records go and how they are marked. */
export interface EventTarget {
  channel: ImportRow['channel'];
  /** The marking of an event without a `tlp:` tag. */
  defaultTlp: Tlp;
  sharedWith: string[];
  /** Sharing groups the advisory is shared with when created (usable by the submitter). */
  sharingGroupIds?: readonly string[];
}

/** Checks and plans an event before any transaction: malformed input writes nothing. */
export function prepareEvent(input: unknown, defaultTlp: Tlp) {
  const event: Json = unwrapEvent(input);
  refuseNul('event', event);
  return { event, plan: planMispImport(event, { defaultTlp }) };
}

/** Imports one prepared event for `actor`'s organization in `tx`; returns the view of it. */
export async function importEventIn(
  tx: Tx,
  actor: OrgIdentity,
  prepared: ReturnType<typeof prepareEvent>,
  target: EventTarget,
): Promise<MispImportView & { outcome: ImportOutcome }> {
  const { event, plan } = prepared;
  const [row] = await tx
    .insert(x.exchangeImports)
    .values({
      ...importValues(actor, target.channel, {
        tlp: target.defaultTlp,
        sharedWith: target.sharedWith,
        totalCount: plan.objects.length,
        format: 'MISP',
      }),
      state: 'QUEUED',
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  const outcome = await runImport(tx, actor, row, plan, target.sharingGroupIds);
  const eventUuid = String(event['uuid']).toLowerCase();
  const [held] = await tx
    .select({ recordIds: x.exchangeObjects.recordIds })
    .from(x.exchangeObjects)
    .where(and(eq(x.exchangeObjects.ownerOrg, actor.org), eq(x.exchangeObjects.externalId, eventUuid)));
  const advisoryId = held?.recordIds[0];
  const [advisory] = advisoryId
    ? await tx.select().from(t.advisories).where(eq(t.advisories.id, advisoryId))
    : [];
  return {
    importId: row.id,
    eventUuid,
    created: outcome.created,
    updated: outcome.updated,
    unchanged: outcome.unchanged,
    advisory: advisory ?? null,
    notMapped: outcome.notMapped,
    outcome,
  };
}

/** `importMispEvent`: one event, in one transaction, for the caller's organization. */
export async function importMispEvent(
  db: Db,
  directory: Directory,
  actor: OrgIdentity,
  input: unknown,
  options: MispImportOptions,
): Promise<MispImportView> {
  // Without a `tlp:` tag an event is AMBER: shared with the submitter and its named recipients.
  const prepared = prepareEvent(input, 'AMBER');
  const sharedWith = await recipients(directory, actor, options.sharedWithOrganizationIds);
  const { outcome: _outcome, ...view } = await db.transaction(async (tx) => {
    const groups = options.sharedWithSharingGroupIds;
    const sharingGroupIds = await usableGroupIds(tx, actor.org, 'sharedWithSharingGroupIds', groups);
    return importEventIn(tx, actor, prepared, {
      channel: 'GRAPHQL',
      defaultTlp: 'AMBER',
      sharedWith,
      sharingGroupIds,
    });
  });
  return view;
}
