import { sql } from 'drizzle-orm';
import {
  char,
  date,
  index,
  integer,
  primaryKey,
  text,
  timestamp,
  uuid,
  type PgColumn,
} from 'drizzle-orm/pg-core';

/*
 * Column shapes every subgraph's tables use, spelled once. Each is a function, so every table gets
 * its own builder; the SQL they produce is exactly what the migrations create.
 */

/** A point in time: `timestamp with time zone`, read as a Date. */
export const instant = <N extends string>(name: N) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A point in time the row is written at unless given: not null, `now()` by default. */
export const writtenAt = <N extends string>(name: N) => instant(name).notNull().defaultNow();

/** `created_at` and `updated_at`, both `now()` when the row is inserted. */
export const timestamps = () => ({ createdAt: writtenAt('created_at'), updatedAt: writtenAt('updated_at') });

/** A calendar day, read as its ISO string (`2024-03-01`). */
export const day = <N extends string>(name: N) => date(name, { mode: 'string' });

/** An ISO 3166-1 alpha-2 country code. */
export const countryCode = <N extends string>(name: N) => char(name, { length: 2 });

/** A list of country codes, never null. */
export const countryCodes = <N extends string>(name: N) => countryCode(name).array().notNull();

/** A list of text values, never null, empty unless given. */
export const textList = <N extends string>(name: N) =>
  text(name)
    .array()
    .notNull()
    .default(sql`'{}'`);

/** A list of uuids, never null, empty unless given. */
export const uuidList = <N extends string>(name: N) =>
  uuid(name)
    .array()
    .notNull()
    .default(sql`'{}'`);

/** The `id` primary key of a row that gets a random uuid. */
export const uuidKey = () => uuid('id').primaryKey().defaultRandom();

/** The `version` an `expectedVersion` guards: 1 when inserted, increased by every change. */
export const version = () => integer('version').notNull().default(1);

/**
 * The keys of a table that links two things: the pair is the primary key, and `indexName` indexes
 * the second column for lookups from its side.
 */
export const linkKeys = (indexName: string, first: PgColumn, second: PgColumn) => [
  primaryKey({ columns: [first, second] }),
  index(indexName).on(second),
];
