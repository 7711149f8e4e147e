import DataLoader from 'dataloader';
import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { byKey, groupBy, manyByColumn, oneByColumn, preparedPerDb, valuesByColumn } from '@cadg/platform';
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

// The SQL below is built once per module: `createLoaders` runs for every request, and drizzle's
// query building is the costly part of a small batch.
const keys = sql.placeholder('keys');
const isCurrent = isNull(t.policyPositions.supersededAt);
const newestFirst = [
  desc(t.policyPositions.statedOn),
  desc(t.policyPositions.recordedAt),
  desc(t.policyPositions.id),
];
const historyKeyOfRow = sql`${t.policyPositions.countryCode} || '|' || ${t.policyPositions.topicSlug} || '|' || coalesce(${t.policyPositions.forumSlug}, '')`;
const principleOrder = asc(t.principles.ordinal);
// One SQL object rather than `desc(sql`...`)`, so platform's lookup can keep the statement it builds.
const instrumentsNewestFirst = [
  sql`coalesce(${t.policyInstruments.adoptedOn}, '0001-01-01'::date) desc`,
  desc(t.policyInstruments.id),
];

/** Positions with their topics in one statement (`topic_slug` is a non-null key of `topics`). */
const positionsWithTopics = (db: Db, name: string, ...conditions: SQL[]) =>
  db
    .select({ position: t.policyPositions, topic: t.topics })
    .from(t.policyPositions)
    .innerJoin(t.topics, eq(t.topics.slug, t.policyPositions.topicSlug))
    .where(and(sql`${t.policyPositions.countryCode} = any(${keys})`, ...conditions))
    .orderBy(...newestFirst)
    .prepare(name);

const currentPositionsWithTopics = preparedPerDb((db: Db) =>
  positionsWithTopics(db, 'aipolicy_current_positions_by_country', isCurrent),
);
const allPositionsWithTopics = preparedPerDb((db: Db) =>
  positionsWithTopics(db, 'aipolicy_positions_by_country'),
);

/**
 * The participating countries among the keys, each with its current positions and their topics:
 * the reference check and the positions a `_entities` call asks for, in one statement.
 */
const countriesWithCurrentPositions = preparedPerDb((db: Db) =>
  db
    .select({ country: t.countries, position: t.policyPositions, topic: t.topics })
    .from(t.countries)
    .leftJoin(t.policyPositions, and(eq(t.policyPositions.countryCode, t.countries.code), isCurrent))
    .leftJoin(t.topics, eq(t.topics.slug, t.policyPositions.topicSlug))
    .where(sql`${t.countries.code} = any(${keys})`)
    .orderBy(...newestFirst)
    .prepare('aipolicy_countries_with_current_positions'),
);

const positionsByHistoryKeyStatement = preparedPerDb((db: Db) =>
  db
    .select()
    .from(t.policyPositions)
    .where(sql`${historyKeyOfRow} = any(${keys})`)
    .orderBy(...newestFirst)
    .prepare('aipolicy_positions_by_history_key'),
);

type TopicLoader = DataLoader<string, TopicRow | null>;
type PositionsLoader = DataLoader<string, PositionRow[]>;
type WithTopic = { position: PositionRow | null; topic: TopicRow | null };

/** The positions of rows read with their topics, after handing the topics to `topicBySlug`. */
function positionsPrimingTopics(rows: readonly WithTopic[], topicBySlug: TopicLoader): PositionRow[] {
  const positions: PositionRow[] = [];
  for (const { position, topic } of rows) {
    if (topic) topicBySlug.prime(topic.slug, topic);
    if (position) positions.push(position);
  }
  return positions;
}

/** A batch function for positions by country that also fills `topicBySlug`, so topics cost nothing. */
function positionsByCountry(
  statement: { execute(values: { keys: string[] }): Promise<WithTopic[]> },
  topicBySlug: TopicLoader,
) {
  return async (codes: readonly string[]): Promise<PositionRow[][]> => {
    const rows = await statement.execute({ keys: [...codes] });
    return groupBy(codes, positionsPrimingTopics(rows, topicBySlug), (p) => p.countryCode);
  };
}

/**
 * A batch function for the reference check that also fills `currentPositions` and `topicBySlug`:
 * for a `_entities` call that asks for the countries' current positions.
 */
function countriesPrimingPositions(db: Db, currentPositions: PositionsLoader, topicBySlug: TopicLoader) {
  return async (codes: readonly string[]): Promise<(CountryRow | null)[]> => {
    const rows = await countriesWithCurrentPositions(db).execute({ keys: [...codes] });
    const countries = byKey(
      codes,
      rows.map((row) => row.country),
      (country) => country.code,
    );
    const positions = groupBy(codes, positionsPrimingTopics(rows, topicBySlug), (p) => p.countryCode);
    codes.forEach((code, i) => {
      if (countries[i]) currentPositions.prime(code, positions[i] ?? []);
    });
    return countries;
  };
}

/**
 * One DataLoader per access path, created per request so a cache never outlives the caller it was
 * filled for. Each turns N lookups in one tick into one statement.
 */
export function createLoaders(db: Db) {
  const topicBySlug: TopicLoader = new DataLoader(oneByColumn(db, t.topics, 'slug'));
  const currentPositionsByCountry: PositionsLoader = new DataLoader(
    positionsByCountry(currentPositionsWithTopics(db), topicBySlug),
  );
  return {
    countryByCode: new DataLoader<string, CountryRow | null>(oneByColumn(db, t.countries, 'code')),
    /** `countryByCode` for a caller that will ask for the countries' current positions next. */
    countryWithCurrentPositions: new DataLoader<string, CountryRow | null>(
      countriesPrimingPositions(db, currentPositionsByCountry, topicBySlug),
    ),
    topicBySlug,
    forumBySlug: new DataLoader<string, ForumRow | null>(oneByColumn(db, t.forums, 'slug')),
    frameworkBySlug: new DataLoader<string, FrameworkRow | null>(oneByColumn(db, t.frameworks, 'slug')),
    principlesByFramework: new DataLoader<string, PrincipleRow[]>(
      manyByColumn(db, t.principles, 'frameworkSlug', principleOrder),
    ),
    positionById: new DataLoader<string, PositionRow | null>(oneByColumn(db, t.policyPositions, 'id')),
    currentPositionsByCountry,
    allPositionsByCountry: new DataLoader<string, PositionRow[]>(
      positionsByCountry(allPositionsWithTopics(db), topicBySlug),
    ),
    /** Every statement for a country/topic/forum key (see `historyKey`), newest first. */
    positionsByHistoryKey: new DataLoader<string, PositionRow[]>(async (historyKeys) =>
      groupBy(
        historyKeys,
        await positionsByHistoryKeyStatement(db).execute({ keys: [...historyKeys] }),
        historyKey,
      ),
    ),
    instrumentById: new DataLoader<string, InstrumentRow | null>(oneByColumn(db, t.policyInstruments, 'id')),
    instrumentsByCountry: new DataLoader<string, InstrumentRow[]>(
      manyByColumn(db, t.policyInstruments, 'countryCode', ...instrumentsNewestFirst),
    ),
    topicSlugsByInstrument: new DataLoader<string, string[]>(
      valuesByColumn(db, t.instrumentTopics, 'instrumentId', 'topicSlug'),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
