import type { IncidentsContext } from '../context.ts';
import { requireActingForOrganization } from '../permissions.ts';
import { importMispEvent, type MispImportOptions } from './misp-import.ts';
import {
  addFeed,
  listFeeds,
  pullFeedNow,
  recentPulls,
  removeFeed,
  setFeedEnabled,
  type AddMispFeedInput,
  type MispFeedRow,
  type ProvenanceRow,
} from './misp-feeds.ts';

/** Resolvers of MISP in: event imports and scheduled feeds (the domain lives beside them). */

export const MispQuery = {
  mispFeeds: (_: unknown, __: unknown, ctx: IncidentsContext) => listFeeds(ctx.db, ctx.caller),
};

/** The feed's puller looks for due feeds at once instead of at its next poll. */
const woken = (ctx: IncidentsContext) => (row: MispFeedRow) => {
  ctx.mispFeeds?.wake();
  return row;
};

export const MispMutation = {
  importMispEvent: (_: unknown, args: MispImportOptions & { event: unknown }, ctx: IncidentsContext) =>
    importMispEvent(ctx.db, ctx.directory, requireActingForOrganization(ctx.caller), args.event, args),
  addMispFeed: async (_: unknown, { input }: { input: AddMispFeedInput }, ctx: IncidentsContext) =>
    woken(ctx)(
      await addFeed(
        ctx.db,
        ctx.directory,
        ctx.caller,
        input,
        ctx.alerts.settings.policy,
        ctx.mispFeeds?.secrets,
      ),
    ),
  setMispFeedEnabled: async (
    _: unknown,
    { id, enabled }: { id: string; enabled: boolean },
    ctx: IncidentsContext,
  ) => woken(ctx)(await setFeedEnabled(ctx.db, ctx.caller, id, enabled)),
  pullMispFeed: async (_: unknown, { id }: { id: string }, ctx: IncidentsContext) =>
    woken(ctx)(await pullFeedNow(ctx.db, ctx.caller, id)),
  removeMispFeed: (_: unknown, { id }: { id: string }, ctx: IncidentsContext) =>
    removeFeed(ctx.db, ctx.caller, id),
};

export const MispFeed = {
  organization: (row: MispFeedRow) => ({ id: row.ownerOrg }),
  headerNames: (row: MispFeedRow) => row.headers.map((header) => header.name),
  consecutiveFailures: (row: MispFeedRow) => row.failures,
  pulls: (row: MispFeedRow, { first }: { first?: number | null }, ctx: IncidentsContext) =>
    recentPulls(ctx.db, row.id, first ?? 10),
};

export const ImportProvenance = {
  labels: (provenance: ProvenanceRow) => provenance.labels ?? [],
};
