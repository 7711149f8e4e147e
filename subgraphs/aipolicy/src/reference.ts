import { asc, eq, inArray } from 'drizzle-orm';
import { notFound } from '@cadg/platform';
import type { Db, Tx } from '@cadg/db';
import * as t from '@cadg/db/aipolicy';
import type { ForumRow, FrameworkRow, TopicRow } from './rows.ts';
import * as valid from './validation.ts';

/** The participating countries' codes, in code order: the rows of every alignment. */
export async function participatingCountryCodes(db: Db | Tx): Promise<string[]> {
  const rows = await db.select().from(t.countries).orderBy(asc(t.countries.code));
  return rows.map((r) => r.code);
}

export async function requireCountry(db: Db | Tx, field: string, code: string): Promise<string> {
  const normalised = valid.countryCode(field, code);
  const [row] = await db.select().from(t.countries).where(eq(t.countries.code, normalised));
  if (!row) throw notFound('Country', normalised);
  return normalised;
}

/** The one row a lookup by slug found; NOT_FOUND naming the `type` and the slug asked for if none. */
function found<T>(type: string, slug: string, [row]: readonly T[]): T {
  if (!row) throw notFound(type, slug);
  return row;
}

export async function requireTopic(db: Db | Tx, field: string, slug: string): Promise<TopicRow> {
  const key = valid.slug(field, slug);
  return found('Topic', slug, await db.select().from(t.topics).where(eq(t.topics.slug, key)));
}

/** Every given topic, in the order given (duplicates dropped); NOT_FOUND names the first unknown one. */
export async function requireTopics(
  db: Db | Tx,
  field: string,
  slugs: readonly string[],
): Promise<TopicRow[]> {
  const wanted = [...new Set(slugs.map((s) => valid.slug(field, s)))];
  if (wanted.length === 0) return [];
  const rows = await db.select().from(t.topics).where(inArray(t.topics.slug, wanted));
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  return wanted.map((slug) => {
    const row = bySlug.get(slug);
    if (!row) throw notFound('Topic', slug);
    return row;
  });
}

export async function requireForum(db: Db | Tx, field: string, slug: string): Promise<ForumRow> {
  const key = valid.slug(field, slug);
  return found('Forum', slug, await db.select().from(t.forums).where(eq(t.forums.slug, key)));
}

export async function requireFramework(db: Db | Tx, slug: string): Promise<FrameworkRow> {
  const key = slug.trim();
  return found('Framework', slug, await db.select().from(t.frameworks).where(eq(t.frameworks.slug, key)));
}
