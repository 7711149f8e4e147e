import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import { createDatabase, seedDatabase } from '@cadg/db';
import {
  FIRST_GENERATED_ID,
  generateIncident,
  indexOfIncidentId,
  LAST_GENERATED_ID,
  type DirectoryOrganization,
  type GeneratedIncident,
} from './generate.ts';

/** Applies the migrations and the demo seed (as `npm start` does) to the database at `url`. */
export async function prepareDatabase(url: string): Promise<void> {
  const database = await createDatabase({ url, maxConnections: 2 });
  try {
    await database.migrate();
    await seedDatabase(database.db);
  } finally {
    await database.close();
  }
}

export interface SeedLargeOptions {
  /** A PostgreSQL URL; the database must be migrated and hold the seeded directory. */
  url: string;
  /** How many generated incidents the database should hold when done. */
  incidents: number;
  /** Timeline entries per incident (each with its UPDATE_POSTED event). */
  updatesPerIncident: number;
  /** Incidents per transaction. @default 5000 */
  batchSize?: number | undefined;
  /** Called after each committed batch. */
  onProgress?: ((progress: SeedProgress) => void) | undefined;
}

export interface SeedProgress {
  /** Generated incidents in the database now. */
  done: number;
  /** The target. */
  total: number;
  /** Where this run started (what an earlier run had left). */
  startedFrom: number;
  /** Rows written by this run so far, all three tables together. */
  rows: number;
  /** Milliseconds since this run started. */
  elapsedMs: number;
}

// The outbox's ordering lock (subgraphs/incidents/src/events/outbox.ts): held per batch, so
// generated events commit in id order like the API's, even if the API writes at the same time.
const EVENT_ORDER_LOCK = 4_242_002;

/**
 * Fills the incidents subgraph's tables (incidents, incident_updates, incident_events) with
 * generated incidents through `COPY … FROM STDIN`, one transaction per batch, until `incidents`
 * generated ones exist. Resumable: generated rows have deterministic ids, so a re-run starts after
 * the largest one present, and a batch is all or nothing. Writes no other schema.
 *
 * @returns how many incidents this run added.
 */
export async function seedLarge(options: SeedLargeOptions): Promise<number> {
  const batchSize = options.batchSize ?? 5000;
  const sql = postgres(options.url, {
    max: 1,
    onnotice: () => {},
    connection: { application_name: 'cadg-seed-large' },
  });
  try {
    const organizations = await sql<DirectoryOrganization[]>`
      select id, country_code as "countryCode", kind::text as kind from contacts.organizations order by id`;
    if (organizations.length === 0)
      throw new Error('No organizations found: migrate and seed the database first (`--prepare` does it).');
    const [last] = await sql<{ id: string | null }[]>`
      select max(id::text) as id from incidents.incidents
      where id between ${FIRST_GENERATED_ID}::uuid and ${LAST_GENERATED_ID}::uuid`;
    const startedFrom = last?.id ? indexOfIncidentId(last.id) + 1 : 0;
    const started = performance.now();
    let rows = 0;
    for (let from = startedFrom; from < options.incidents; from += batchSize) {
      const to = Math.min(from + batchSize, options.incidents);
      const batch: GeneratedIncident[] = [];
      for (let n = from; n < to; n++)
        batch.push(generateIncident(n, options.updatesPerIncident, organizations));
      await sql.begin(async (tx) => {
        await tx`select pg_advisory_xact_lock(${EVENT_ORDER_LOCK})`;
        await copy(
          tx,
          INCIDENT_COPY,
          batch.map((g) => incidentLine(g.incident)),
        );
        await copy(
          tx,
          UPDATE_COPY,
          batch.flatMap((g) => g.updates.map(updateLine)),
        );
        await copy(
          tx,
          EVENT_COPY,
          batch.flatMap((g) => g.events.map(eventLine)),
        );
      });
      rows += batch.reduce((sum, g) => sum + 1 + g.updates.length + g.events.length, 0);
      options.onProgress?.({
        done: to,
        total: options.incidents,
        startedFrom,
        rows,
        elapsedMs: performance.now() - started,
      });
    }
    // Fresh statistics, so the planner knows the tables' new sizes before anyone queries them.
    if (options.incidents > startedFrom)
      await sql`analyze incidents.incidents, incidents.incident_updates, incidents.incident_events`;
    return Math.max(0, options.incidents - startedFrom);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

const INCIDENT_COPY = `copy incidents.incidents (id, title, summary, category, severity, status, tlp,
  reported_by_org, reported_by_sub, affected_countries, shared_with, detected_at, reported_at, updated_at, version)
  from stdin`;
const UPDATE_COPY = `copy incidents.incident_updates (id, incident_id, author_org, author_sub, body,
  previous_severity, severity, previous_status, status, posted_at) from stdin`;
const EVENT_COPY = `copy incidents.incident_events (incident_id, type, occurred_at, severity, previous_severity,
  affected_countries, actor_org, actor_sub, details) from stdin`;

async function copy(tx: postgres.TransactionSql, statement: string, lines: string[]): Promise<void> {
  if (lines.length === 0) return;
  const writable = await tx.unsafe(statement).writable();
  // Chunks of lines keep each write large without building one giant string.
  async function* chunks() {
    for (let i = 0; i < lines.length; i += 1000) yield lines.slice(i, i + 1000).join('');
  }
  await pipeline(Readable.from(chunks()), writable);
}

type Value = string | number | Date | readonly string[] | Record<string, unknown> | null | undefined;

/** One value in COPY's text format: `\N` for null, `{a,b}` for arrays, escapes for the rest. */
function field(value: Value): string {
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return escape(`{${value.join(',')}}`);
  if (typeof value === 'object') return escape(JSON.stringify(value));
  return escape(String(value));
}

const escape = (text: string): string => text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] ?? c);
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

const line = (values: Value[]): string => `${values.map(field).join('\t')}\n`;

function incidentLine(i: GeneratedIncident['incident']): string {
  return line([
    i.id,
    i.title,
    i.summary,
    i.category,
    i.severity,
    i.status,
    i.tlp,
    i.reportedByOrg,
    i.reportedBySub,
    i.affectedCountries,
    i.sharedWith,
    i.detectedAt,
    i.reportedAt,
    i.updatedAt,
    i.version,
  ]);
}

function updateLine(u: GeneratedIncident['updates'][number]): string {
  return line([
    u.id,
    u.incidentId,
    u.authorOrg,
    u.authorSub,
    u.body,
    u.previousSeverity,
    u.severity,
    u.previousStatus,
    u.status,
    u.postedAt,
  ]);
}

function eventLine(e: GeneratedIncident['events'][number]): string {
  return line([
    e.incidentId,
    e.type,
    e.occurredAt,
    e.severity,
    e.previousSeverity,
    e.affectedCountries,
    e.actorOrg,
    e.actorSub,
    e.details,
  ]);
}

/** A one-line progress bar with rate and ETA, redrawn in place on a terminal. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): (p: SeedProgress) => void {
  return ({ done, total, startedFrom, rows, elapsedMs }) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    const seconds = elapsedMs / 1000;
    const perSecond = (done - startedFrom) / seconds;
    const eta = perSecond > 0 ? (total - done) / perSecond : 0;
    const text =
      `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${((done / total) * 100).toFixed(1)}% ` +
      `${done.toLocaleString('en')}/${total.toLocaleString('en')} incidents · ` +
      `${Math.round(perSecond).toLocaleString('en')} incidents/s · ${Math.round(rows / seconds).toLocaleString('en')} rows/s · ` +
      `ETA ${formatDuration(eta)}`;
    stream.write(stream.isTTY ? `\r${text}\x1b[K` : `${text}\n`);
  };
}

export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
