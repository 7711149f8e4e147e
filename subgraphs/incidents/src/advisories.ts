import { gte, sql, type SQL } from 'drizzle-orm';
import { textSearch, cursorShape, CursorParts, keysetList, type Caller } from '@cadg/platform';
import { tableKeyset, type Db } from '@cadg/db';
import * as t from '@cadg/db/incidents';
import { audit } from './audit.ts';
import type { Directory } from './directory.ts';
import { appendAdvisoryEvent } from './events/outbox.ts';
import type { OrgIdentity } from './permissions.ts';
import type { AdvisoryRow, Severity, Tlp } from './rows.ts';
import { groupsNote, linkAdvisoryGroups, usableGroupIds } from './sharing-links.ts';
import * as valid from './validation.ts';
import { ADVISORY_MARKING, readableBy } from './visibility.ts';

export const advisoryReadableBy = (caller: Caller): SQL => readableBy(caller, ADVISORY_MARKING);

export interface AdvisoryFilter {
  minSeverity?: Severity | null;
  cveId?: string | null;
  publishedFrom?: Date | null;
  text?: string | null;
}

/** Whose list of advisories (the caller's visibility always applies) and what narrows it. */
export interface AdvisoryQuery {
  caller: Caller;
  filter?: AdvisoryFilter | null | undefined;
}

function advisoryConditions({ caller, filter }: AdvisoryQuery): SQL[] {
  const where: SQL[] = [advisoryReadableBy(caller)];
  if (filter?.minSeverity) where.push(gte(t.advisories.severity, filter.minSeverity));
  if (filter?.cveId) {
    const [cve] = valid.cveIds('filter.cveId', [filter.cveId]);
    where.push(sql`${t.advisories.cveIds} @> array[${cve}]::text[]`);
  }
  if (filter?.publishedFrom) where.push(gte(t.advisories.publishedAt, filter.publishedFrom));
  where.push(...textSearch(filter?.text, t.advisories.title, t.advisories.body));
  return where;
}

const ADVISORY_CURSOR = cursorShape('advisories', CursorParts.timestamp, CursorParts.uuid);

/** Advisories the caller may see, newest first, keyset-paginated on (publishedAt, id). */
export const listAdvisories = keysetList({
  cursor: ADVISORY_CURSOR,
  where: advisoryConditions,
  queries: (db: Db) =>
    tableKeyset(db, t.advisories, 'desc', [
      [t.advisories.publishedAt, 'timestamptz'],
      [t.advisories.id, 'uuid'],
    ]),
  keyOf: (r) => [r.publishedAt.toISOString(), r.id],
});

export interface PublishAdvisoryInput {
  title: string;
  body: string;
  severity: Severity;
  tlp: Tlp;
  cveIds?: readonly string[] | null;
  affectedProducts?: readonly string[] | null;
  indicators?: readonly valid.IndicatorInput[] | null;
  sharedWithOrganizationIds?: readonly string[] | null;
  sharedWithSharingGroupIds?: readonly string[] | null;
}

export async function publishAdvisory(
  db: Db,
  directory: Directory,
  actor: OrgIdentity,
  input: PublishAdvisoryInput,
): Promise<AdvisoryRow> {
  const values = {
    title: valid.text('input.title', input.title, 300),
    body: valid.text('input.body', input.body, 50_000),
    severity: input.severity,
    tlp: input.tlp,
    publishedByOrg: actor.org,
    cveIds: valid.cveIds('input.cveIds', input.cveIds),
    affectedProducts: [
      ...new Set(
        (input.affectedProducts ?? []).map((p, i) => valid.text(`input.affectedProducts.${i}`, p, 300)),
      ),
    ],
    sharedWith: valid
      .organizationIds('input.sharedWithOrganizationIds', input.sharedWithOrganizationIds)
      .filter((id) => id !== actor.org),
  };
  const indicators = valid.indicators('input.indicators', input.indicators);
  await directory.requireOrganizations([actor.org, ...values.sharedWith]);
  return db.transaction(async (tx) => {
    const field = 'input.sharedWithSharingGroupIds';
    const groups = await usableGroupIds(tx, actor.org, field, input.sharedWithSharingGroupIds);
    const [advisory] = await tx.insert(t.advisories).values(values).returning();
    if (!advisory) throw new Error('insert returned no row');
    await linkAdvisoryGroups(tx, [advisory.id], groups);
    if (indicators.length > 0) {
      await tx
        .insert(t.indicators)
        .values(indicators.map((indicator) => ({ ...indicator, advisoryId: advisory.id })));
    }
    await audit(tx, actor, {
      operation: 'publishAdvisory',
      targetType: 'Advisory',
      targetId: advisory.id,
      summary: `Published ${values.severity} advisory "${values.title}" (TLP:${values.tlp}${groupsNote(groups)}).`,
    });
    await appendAdvisoryEvent(tx, advisory, actor);
    return advisory;
  });
}
