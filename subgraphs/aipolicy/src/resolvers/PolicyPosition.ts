import { loadRequired } from '@cadg/platform';
import { historyKey } from '../loaders.ts';
import type { PositionRow } from '../rows.ts';
import type { PolicyPositionResolvers } from '../generated/resolvers-types.ts';

/** Whether `older` was stated (or, on the same day, recorded) before `newer`. */
const precedes = (older: PositionRow, newer: PositionRow): boolean =>
  older.statedOn < newer.statedOn ||
  (older.statedOn === newer.statedOn && older.recordedAt.getTime() < newer.recordedAt.getTime());

export const PolicyPosition: PolicyPositionResolvers = {
  country: (position) => ({ code: position.countryCode }),
  topic: (position, _, { loaders }) => loadRequired(loaders.topicBySlug, position.topicSlug),
  forum: (position, _, { loaders }) =>
    position.forumSlug ? loaders.forumBySlug.load(position.forumSlug) : null,
  source: (position) => ({ title: position.sourceTitle, url: position.sourceUrl }),
  current: (position) => position.supersededAt === null,
  supersededBy: (position, _, { loaders }) =>
    position.supersededById ? loaders.positionById.load(position.supersededById) : null,
  history: async (position, _, { loaders }) => {
    const all = await loaders.positionsByHistoryKey.load(historyKey(position));
    return all.filter(
      (other) => other.id !== position.id && other.supersededAt !== null && precedes(other, position),
    );
  },
};
