import { asc, eq } from 'drizzle-orm';
import { pageSize } from '@cadg/platform';
import * as t from '@cadg/db/aipolicy';
import type { AipolicyContext } from '../context.ts';
import { crosswalk } from '../crosswalk.ts';
import { findInstrument, listInstruments, type InstrumentFilter } from '../instruments.ts';
import { alignTopics, findPosition, listPositions, type PositionFilter } from '../positions.ts';
import { requireForum, requireTopic, requireTopics } from '../reference.ts';
import type { ForumKind } from '../rows.ts';

interface Page<F> {
  filter?: F | null;
  first?: number | null;
  after?: string | null;
}

export const Query = {
  topics: (_: unknown, __: unknown, { db }: AipolicyContext) =>
    db.select().from(t.topics).orderBy(asc(t.topics.name)),
  topic: (_: unknown, args: { slug: string }, { loaders }: AipolicyContext) =>
    loaders.topicBySlug.load(args.slug),
  forums: (_: unknown, args: { kind?: ForumKind | null }, { db }: AipolicyContext) => {
    const query = db.select().from(t.forums);
    return (args.kind ? query.where(eq(t.forums.kind, args.kind)) : query).orderBy(asc(t.forums.name));
  },
  positions: (_: unknown, args: Page<PositionFilter>, { db }: AipolicyContext) =>
    listPositions(db, args.filter, pageSize(args.first), args.after),
  position: (_: unknown, args: { id: string }, { db }: AipolicyContext) => findPosition(db, args.id),
  instruments: (_: unknown, args: Page<InstrumentFilter>, { db }: AipolicyContext) =>
    listInstruments(db, args.filter, pageSize(args.first), args.after),
  instrument: (_: unknown, args: { id: string }, { db }: AipolicyContext) => findInstrument(db, args.id),
  frameworks: (_: unknown, __: unknown, { db }: AipolicyContext) =>
    db.select().from(t.frameworks).orderBy(asc(t.frameworks.slug)),
  crosswalk: (_: unknown, args: { from: string; to: string }, { db }: AipolicyContext) =>
    crosswalk(db, args.from, args.to),
  positionAlignment: async (
    _: unknown,
    args: { topic: string; forum?: string | null },
    { db }: AipolicyContext,
  ) => {
    const topic = await requireTopic(db, 'topic', args.topic);
    const forum = args.forum ? await requireForum(db, 'forum', args.forum) : null;
    const [alignment] = await alignTopics(db, [topic], forum);
    return alignment;
  },
  alignmentMatrix: async (
    _: unknown,
    args: { topics?: readonly string[] | null; forum?: string | null },
    { db }: AipolicyContext,
  ) => {
    const topics = args.topics
      ? await requireTopics(db, 'topics', args.topics)
      : await db.select().from(t.topics).orderBy(asc(t.topics.name));
    const forum = args.forum ? await requireForum(db, 'forum', args.forum) : null;
    return alignTopics(db, topics, forum);
  },
};
