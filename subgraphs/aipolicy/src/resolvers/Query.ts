import { asc, eq } from 'drizzle-orm';
import { pageSize } from '@cadg/platform';
import * as t from '@cadg/db/aipolicy';
import { crosswalk } from '../crosswalk.ts';
import { findInstrument, listInstruments } from '../instruments.ts';
import { alignTopics, findPosition, listPositions } from '../positions.ts';
import { requireForum, requireTopic, requireTopics } from '../reference.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';

export const Query: QueryResolvers = {
  topics: (_, __, { db }) => db.select().from(t.topics).orderBy(asc(t.topics.name)),
  topic: (_, args, { loaders }) => loaders.topicBySlug.load(args.slug),
  forums: (_, args, { db }) => {
    const query = db.select().from(t.forums);
    return (args.kind ? query.where(eq(t.forums.kind, args.kind)) : query).orderBy(asc(t.forums.name));
  },
  positions: (_, args, { db }) => listPositions(db, args.filter, pageSize(args.first), args.after),
  position: (_, args, { db }) => findPosition(db, args.id),
  instruments: (_, args, { db }) => listInstruments(db, args.filter, pageSize(args.first), args.after),
  instrument: (_, args, { db }) => findInstrument(db, args.id),
  frameworks: (_, __, { db }) => db.select().from(t.frameworks).orderBy(asc(t.frameworks.slug)),
  crosswalk: (_, args, { db }) => crosswalk(db, args.from, args.to),
  positionAlignment: async (_, args, { db }) => {
    const topic = await requireTopic(db, 'topic', args.topic);
    const forum = args.forum ? await requireForum(db, 'forum', args.forum) : null;
    const [alignment] = await alignTopics(db, [topic], forum);
    // One topic asked, one alignment back: alignTopics answers every topic it is given.
    if (!alignment) throw new Error(`No alignment computed for topic ${topic.slug}.`);
    return alignment;
  },
  alignmentMatrix: async (_, args, { db }) => {
    const topics = args.topics
      ? await requireTopics(db, 'topics', args.topics)
      : await db.select().from(t.topics).orderBy(asc(t.topics.name));
    const forum = args.forum ? await requireForum(db, 'forum', args.forum) : null;
    return alignTopics(db, topics, forum);
  },
};
