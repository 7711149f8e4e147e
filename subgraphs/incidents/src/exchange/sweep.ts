import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '@cadg/db';
import * as x from '@cadg/db/incidents-exchange';
import { positiveInteger } from '../alerts/config.ts';
import { failUpload, processUpload } from './uploads.ts';

/**
 * Imports that must not stay pending: a queued upload is processed in the background (by the
 * replica that received its last part, by whichever replica is asked its status, and by every
 * replica at start-up and every EXCHANGE_SWEEP_MS after), and one whose sender stopped sending
 * parts is failed by the same sweeps.
 */

/** Imports this process is processing, so status reads meanwhile do not queue more attempts. */
const processing = new Set<string>();

/**
 * Processes a queued upload after the current request. A failure is recorded on the import (every
 * object failed) so its status never stays pending. A replica killed while processing leaves the
 * import QUEUED (its transaction rolls back): the next start-up sweep, or a status read, resumes it.
 */
export function processInBackground(db: Db, id: string): Promise<void> {
  if (processing.has(id)) return Promise.resolve();
  processing.add(id);
  return new Promise((resolve) => {
    setImmediate(() => {
      processUpload(db, id)
        .catch(async (error: unknown) => {
          console.error(`exchange import ${id} failed:`, error);
          await failUpload(db, id, 'The objects could not be processed.').catch((cause: unknown) =>
            console.error(`exchange import ${id} could not be marked failed:`, cause),
          );
        })
        .finally(() => {
          processing.delete(id);
          resolve();
        });
    });
  });
}

export interface SweepSettings {
  /**
   * How long an upload may wait for its next part before start-up fails it: its sender is gone.
   * EXCHANGE_UPLOAD_STALE_MS. @default 3600000 (an envelope of 16 MiB uploads in seconds)
   */
  staleUploadMs: number;
  /**
   * How often each replica sweeps again after start-up, so an import a dead replica left queued is
   * resumed without waiting for a restart or a status read. EXCHANGE_SWEEP_MS. @default 60000
   */
  sweepMs: number;
}

export function sweepSettingsFromEnv(env: NodeJS.ProcessEnv): SweepSettings {
  return {
    staleUploadMs: positiveInteger(env, 'EXCHANGE_UPLOAD_STALE_MS', 3_600_000),
    sweepMs: positiveInteger(env, 'EXCHANGE_SWEEP_MS', 60_000),
  };
}

/**
 * Sweeps at once, then every `sweepMs` (a sweep that is still running is not started again).
 * Returns the function that stops it and waits for a sweep in progress.
 */
export function startSweeping(db: Db, settings: SweepSettings): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  const sweep = () => {
    if (busy) return;
    busy = true;
    running = sweepImports(db, settings)
      .catch((error: unknown) => console.error('[incidents] sweep of pending imports failed', error))
      .finally(() => {
        busy = false;
      });
  };
  sweep();
  const timer = setInterval(sweep, settings.sweepMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/**
 * One sweep: resumes every queued import (one replica each: processing takes the row
 * lock, SKIP LOCKED) and fails uploads left receiving longer than `staleUploadMs`. Returns once
 * every import it found is settled by this replica or locked by another.
 */
export async function sweepImports(db: Db, settings: SweepSettings): Promise<void> {
  const queued = await db
    .select({ id: x.exchangeImports.id })
    .from(x.exchangeImports)
    .where(eq(x.exchangeImports.state, 'QUEUED'));
  const before = new Date(Date.now() - settings.staleUploadMs);
  const stale = await db
    .select({ id: x.exchangeImports.id })
    .from(x.exchangeImports)
    .where(and(eq(x.exchangeImports.state, 'RECEIVING'), lt(x.exchangeImports.requestedAt, before)));
  for (const { id } of stale) {
    await failUpload(db, id, 'The upload stopped before its last part arrived.', 'RECEIVING');
  }
  for (const { id } of queued) await processInBackground(db, id);
}
