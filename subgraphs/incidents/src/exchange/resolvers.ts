import type { ImportOutcome } from '@cadg/db/incidents-exchange';
import type { IncidentsContext } from '../context.ts';
import { requireActingForOrganization } from '../permissions.ts';
import type { AdvisoryRow, Tlp } from '../rows.ts';
import { importStixBundle, type ImportRow, type StixImportResult } from './imports.ts';
import { processInBackground } from './sweep.ts';
import { appendUpload, beginUpload, importFor } from './uploads.ts';

/** Resolvers of the exchange fields (STIX imports and uploads); the domain lives beside them. */

interface ImportArgs {
  tlp?: Tlp | null;
  sharedWithOrganizationIds?: string[] | null;
  sharedWithSharingGroupIds?: string[] | null;
}

const resultOf = (r: StixImportResult) => ({ importId: r.importId, ...r.outcome, advisories: r.advisories });

export const ExchangeQuery = {
  exchangeImport: async (_: unknown, { id }: { id: string }, ctx: IncidentsContext) => {
    const row = await importFor(ctx.db, ctx.caller, id);
    // A queued import whose replica stopped before processing it is taken up by whichever replica
    // is asked for its status; one being processed is locked, so this does nothing to it.
    if (row?.state === 'QUEUED') void processInBackground(ctx.db, row.id);
    return row;
  },
};

export const ExchangeMutation = {
  importStixBundle: async (_: unknown, args: ImportArgs & { bundle: unknown }, ctx: IncidentsContext) =>
    resultOf(
      await importStixBundle(
        ctx.db,
        ctx.directory,
        requireActingForOrganization(ctx.caller),
        args.bundle,
        args,
      ),
    ),
  beginStixUpload: (_: unknown, args: ImportArgs & { totalCount: number }, ctx: IncidentsContext) =>
    beginUpload(ctx.db, ctx.directory, requireActingForOrganization(ctx.caller), args.totalCount, args),
  appendStixUpload: async (
    _: unknown,
    args: { id: string; objects: unknown; last: boolean },
    ctx: IncidentsContext,
  ) => {
    const row = await appendUpload(
      ctx.db,
      requireActingForOrganization(ctx.caller),
      args.id,
      args.objects,
      args.last,
    );
    if (row.state === 'QUEUED') void processInBackground(ctx.db, row.id);
    return row;
  },
};

const outcomeOf = (row: ImportRow): ImportOutcome | null => (row.state === 'COMPLETE' ? row.outcome : null);

export const ExchangeImport = {
  successCount: (row: ImportRow) => outcomeOf(row)?.successes.length ?? 0,
  failureCount: (row: ImportRow) => outcomeOf(row)?.failures.length ?? 0,
  pendingCount: (row: ImportRow) => (outcomeOf(row) ? 0 : row.totalCount),
  successes: (row: ImportRow) => outcomeOf(row)?.successes ?? [],
  failures: (row: ImportRow) => outcomeOf(row)?.failures ?? [],
  result: async (row: ImportRow, _: unknown, ctx: IncidentsContext) => {
    const outcome = outcomeOf(row);
    if (!outcome) return null;
    // Read as the caller may see them now: an advisory's marking can change after its import.
    const advisories = await Promise.all(outcome.advisoryIds.map((id) => ctx.loaders.advisoryById.load(id)));
    return {
      importId: row.id,
      ...outcome,
      advisories: advisories.filter((a): a is AdvisoryRow => a !== null && a !== undefined),
    };
  },
};
