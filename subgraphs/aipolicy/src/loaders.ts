import DataLoader from 'dataloader';
import { asc, desc, inArray, isNull, sql } from 'drizzle-orm';
import { groupBy, manyByColumn, manyByColumnWhere, oneByColumn, valuesByColumn } from '@cadg/platform';
import type { Db } from '@cadg/db';
import * as t from '@cadg/db/aipolicy';
import type {
  CountryRow,
  ForumRow,
  FrameworkRow,
  InstrumentRow,
  PositionRow,
  PrincipleRow,
  TopicRow,
} from './rows.ts';

/** The history key of a position: one current position per country, topic and forum. */
export const historyKey = (p: Pick<PositionRow, 'countryCode' | 'topicSlug' | 'forumSlug'>): string =>
  `${p.countryCode}|${p.topicSlug}|${p.forumSlug ?? ''}`;

const newestFirst = [
  desc(t.policyPositions.statedOn),
  desc(t.policyPositions.recordedAt),
  desc(t.policyPositions.id),
];

/**
 * One DataLoader per access path, created per request so a cache never outlives the caller it was
 * filled for. Each turns N lookups in one tick into one statement.
 */
export function createLoaders(db: Db) {
  return {
    countryByCode: new DataLoader<string, CountryRow | null>(oneByColumn(db, t.countries, 'code')),
    topicBySlug: new DataLoader<string, TopicRow | null>(oneByColumn(db, t.topics, 'slug')),
    forumBySlug: new DataLoader<string, ForumRow | null>(oneByColumn(db, t.forums, 'slug')),
    frameworkBySlug: new DataLoader<string, FrameworkRow | null>(oneByColumn(db, t.frameworks, 'slug')),
    principlesByFramework: new DataLoader<string, PrincipleRow[]>(
      manyByColumn(db, t.principles, 'frameworkSlug', asc(t.principles.ordinal)),
    ),
    positionById: new DataLoader<string, PositionRow | null>(oneByColumn(db, t.policyPositions, 'id')),
    currentPositionsByCountry: new DataLoader<string, PositionRow[]>(
      manyByColumnWhere(
        db,
        t.policyPositions,
        'countryCode',
        isNull(t.policyPositions.supersededAt),
        ...newestFirst,
      ),
    ),
    allPositionsByCountry: new DataLoader<string, PositionRow[]>(
      manyByColumn(db, t.policyPositions, 'countryCode', ...newestFirst),
    ),
    /** Every statement for a country/topic/forum key (see `historyKey`), newest first. */
    positionsByHistoryKey: new DataLoader<string, PositionRow[]>(async (keys) =>
      groupBy(
        keys,
        await db
          .select()
          .from(t.policyPositions)
          .where(
            inArray(
              sql`${t.policyPositions.countryCode} || '|' || ${t.policyPositions.topicSlug} || '|' || coalesce(${t.policyPositions.forumSlug}, '')`,
              [...keys],
            ),
          )
          .orderBy(...newestFirst),
        historyKey,
      ),
    ),
    instrumentById: new DataLoader<string, InstrumentRow | null>(oneByColumn(db, t.policyInstruments, 'id')),
    instrumentsByCountry: new DataLoader<string, InstrumentRow[]>(async (codes) =>
      groupBy(
        codes,
        await db
          .select()
          .from(t.policyInstruments)
          .where(inArray(t.policyInstruments.countryCode, [...codes]))
          .orderBy(
            desc(sql`coalesce(${t.policyInstruments.adoptedOn}, '0001-01-01'::date)`),
            desc(t.policyInstruments.id),
          ),
        (r) => r.countryCode ?? '',
      ),
    ),
    topicSlugsByInstrument: new DataLoader<string, string[]>(
      valuesByColumn(db, t.instrumentTopics, 'instrumentId', 'topicSlug'),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
