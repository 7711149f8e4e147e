import type { AipolicyContext } from '../context.ts';
import { historyKey } from '../loaders.ts';
import type { PositionRow } from '../rows.ts';

/** Whether `older` was stated (or, on the same day, recorded) before `newer`. */
const precedes = (older: PositionRow, newer: PositionRow): boolean =>
  older.statedOn < newer.statedOn ||
  (older.statedOn === newer.statedOn && older.recordedAt.getTime() < newer.recordedAt.getTime());

export const PolicyPosition = {
  country: (position: PositionRow) => ({ code: position.countryCode }),
  topic: (position: PositionRow, _: unknown, { loaders }: AipolicyContext) =>
    loaders.topicBySlug.load(position.topicSlug),
  forum: (position: PositionRow, _: unknown, { loaders }: AipolicyContext) =>
    position.forumSlug ? loaders.forumBySlug.load(position.forumSlug) : null,
  source: (position: PositionRow) => ({ title: position.sourceTitle, url: position.sourceUrl }),
  current: (position: PositionRow) => position.supersededAt === null,
  supersededBy: (position: PositionRow, _: unknown, { loaders }: AipolicyContext) =>
    position.supersededById ? loaders.positionById.load(position.supersededById) : null,
  history: async (position: PositionRow, _: unknown, { loaders }: AipolicyContext) => {
    const all = await loaders.positionsByHistoryKey.load(historyKey(position));
    return all.filter(
      (other) => other.id !== position.id && other.supersededAt !== null && precedes(other, position),
    );
  },
};
