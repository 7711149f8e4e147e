import { randomUUID } from 'node:crypto';
import { and, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import {
  badUserInput,
  cursorShape,
  CursorParts,
  keysetList,
  conflict,
  notFound,
  type Identity,
} from '@cadg/platform';
import { tableKeyset, type Db } from '@cadg/db';
import * as t from '@cadg/db/aipolicy';
import { align, newer, type Alignment } from './alignment.ts';
import { audit } from './audit.ts';
import { participatingCountryCodes, requireCountry, requireForum, requireTopic } from './reference.ts';
import type { ForumRow, PositionRow, Stance, TopicRow } from './rows.ts';
import * as valid from './validation.ts';

export interface PositionFilter {
  countryCodes?: readonly string[] | null;
  topics?: readonly string[] | null;
  forums?: readonly string[] | null;
  stances?: readonly Stance[] | null;
  includeSuperseded?: boolean | null;
  statedFrom?: string | null;
  statedTo?: string | null;
}

function conditions(filter: PositionFilter | null | undefined): SQL[] {
  const where: SQL[] = [];
  if (!filter?.includeSuperseded) where.push(isNull(t.policyPositions.supersededAt));
  if (!filter) return where;
  if (filter.countryCodes) {
    const codes = filter.countryCodes.map((c) => valid.countryCode('filter.countryCodes', c));
    where.push(inArray(t.policyPositions.countryCode, codes));
  }
  if (filter.topics) where.push(inArray(t.policyPositions.topicSlug, [...filter.topics]));
  if (filter.forums) where.push(inArray(t.policyPositions.forumSlug, [...filter.forums]));
  if (filter.stances) where.push(inArray(t.policyPositions.stance, [...filter.stances]));
  if (filter.statedFrom) where.push(gte(t.policyPositions.statedOn, filter.statedFrom));
  if (filter.statedTo) where.push(lte(t.policyPositions.statedOn, filter.statedTo));
  return where;
}

const POSITION_CURSOR = cursorShape('positions', CursorParts.date, CursorParts.uuid);

/** Positions newest statement first, keyset-paginated on (statedOn, id) descending. */
export const listPositions = keysetList({
  cursor: POSITION_CURSOR,
  where: conditions,
  queries: (db: Db) =>
    tableKeyset(db, t.policyPositions, 'desc', [
      [t.policyPositions.statedOn, 'date'],
      [t.policyPositions.id, 'uuid'],
    ]),
  keyOf: (r) => [r.statedOn, r.id],
});

export async function findPosition(db: Db, id: string): Promise<PositionRow | null> {
  if (!valid.isUuid(id)) return null;
  const [row] = await db.select().from(t.policyPositions).where(eq(t.policyPositions.id, id));
  return row ?? null;
}

export interface PositionAlignmentResult extends Alignment {
  topic: TopicRow;
  forum: ForumRow | null;
}

/**
 * Current stances of every participating country on each topic, in one query. With a forum, only
 * that forum's positions count; without, each country's newest current statement in any forum.
 */
export async function alignTopics(
  db: Db,
  topics: readonly TopicRow[],
  forum: ForumRow | null,
): Promise<PositionAlignmentResult[]> {
  if (topics.length === 0) return [];
  const countryCodes = await participatingCountryCodes(db);
  const rows = await db
    .select()
    .from(t.policyPositions)
    .where(
      and(
        isNull(t.policyPositions.supersededAt),
        inArray(
          t.policyPositions.topicSlug,
          topics.map((topic) => topic.slug),
        ),
        forum ? eq(t.policyPositions.forumSlug, forum.slug) : undefined,
      ),
    );
  const byTopic = new Map<string, Map<string, PositionRow>>(topics.map((topic) => [topic.slug, new Map()]));
  for (const row of rows) {
    const current = byTopic.get(row.topicSlug);
    if (!current) continue;
    const seen = current.get(row.countryCode);
    current.set(row.countryCode, seen ? newer(seen, row) : row);
  }
  return topics.map((topic) => ({
    topic,
    forum,
    ...align(countryCodes, byTopic.get(topic.slug) ?? new Map()),
  }));
}

export interface RecordPositionInput {
  countryCode: string;
  topic: string;
  forum?: string | null;
  stance: Stance;
  summary: string;
  statedOn: string;
  sourceTitle: string;
  sourceUrl: string;
}

/**
 * Records a statement. In one transaction the country's current position for the same topic and
 * forum is marked superseded (it stays readable as history) and the new one becomes current, so
 * the partial unique index on current positions always holds.
 */
export async function recordPosition(
  db: Db,
  actor: Identity,
  input: RecordPositionInput,
  now = new Date(),
): Promise<PositionRow> {
  if (input.stance === 'NO_STATED_POSITION') {
    throw badUserInput(
      'input.stance',
      'NO_STATED_POSITION is what a country without a recorded position shows; record a stated stance.',
    );
  }
  const summary = valid.requiredText('input.summary', input.summary, 2000);
  const statedOn = valid.pastOrToday('input.statedOn', input.statedOn, now);
  const sourceTitle = valid.requiredText('input.sourceTitle', input.sourceTitle);
  const sourceUrl = valid.httpsUrl('input.sourceUrl', input.sourceUrl);

  return db.transaction(async (tx) => {
    const countryCode = await requireCountry(tx, 'input.countryCode', input.countryCode);
    const topic = await requireTopic(tx, 'input.topic', input.topic);
    const forum = input.forum ? await requireForum(tx, 'input.forum', input.forum) : null;
    // Serialises concurrent statements for the same key; the unique index is the backstop.
    const key = `aipolicy:${countryCode}:${topic.slug}:${forum?.slug ?? ''}`;
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
    const [current] = await tx
      .select()
      .from(t.policyPositions)
      .where(
        and(
          eq(t.policyPositions.countryCode, countryCode),
          eq(t.policyPositions.topicSlug, topic.slug),
          forum ? eq(t.policyPositions.forumSlug, forum.slug) : isNull(t.policyPositions.forumSlug),
          isNull(t.policyPositions.supersededAt),
        ),
      )
      .for('update');
    if (current && statedOn < current.statedOn) {
      throw conflict(
        `${countryCode}'s current position on "${topic.slug}" was stated on ${current.statedOn}; an older statement cannot supersede it.`,
        { currentPositionId: current.id, currentStatedOn: current.statedOn },
      );
    }
    const id = randomUUID();
    if (current) {
      await tx
        .update(t.policyPositions)
        .set({ supersededAt: now, supersededById: id })
        .where(eq(t.policyPositions.id, current.id));
    }
    const [row] = await tx
      .insert(t.policyPositions)
      .values({
        id,
        countryCode,
        topicSlug: topic.slug,
        forumSlug: forum?.slug ?? null,
        stance: input.stance,
        summary,
        statedOn,
        sourceTitle,
        sourceUrl,
        recordedAt: now,
        recordedBy: actor.sub,
      })
      .returning();
    if (!row) throw notFound('PolicyPosition', id);
    await audit(tx, actor, {
      operation: 'recordPolicyPosition',
      targetType: 'PolicyPosition',
      targetId: id,
      summary:
        `Recorded ${countryCode} ${input.stance} on "${topic.slug}"${forum ? ` in ${forum.slug}` : ''} (stated ${statedOn})` +
        (current ? `, superseding ${current.id}.` : '.'),
    });
    return row;
  });
}
