import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@cadg/db';
import * as t from '@cadg/db/incidents';
import * as x from '@cadg/db/incidents-exchange';
import type { ImportOutcome } from '@cadg/db/incidents-exchange';
import { audit } from '../audit.ts';
import { appendAdvisoryEvent } from '../events/outbox.ts';
import type { OrgIdentity } from '../permissions.ts';
import { linkAdvisoryGroups } from '../sharing-links.ts';
import type { Tlp } from '../rows.ts';
import { stricter, type ImportPlan, type PlannedIndicator, type PlannedObject } from './plan.ts';

/**
 * Writes an import plan (plan.ts) for its owner, in the caller's transaction: the one persistence
 * path of every import format. Idempotent per owner and source id: the same version changes
 * nothing, a newer one updates the record, an older one is ignored.
 */

export interface ImportTarget {
  id: string;
  channel: t.Provenance['channel'];
  sharedWith: readonly string[];
  /** Sharing groups the advisories it creates are shared with (checked usable by the submitter). */
  sharingGroupIds?: readonly string[];
}

type Existing = typeof x.exchangeObjects.$inferSelect;
type Change = 'created' | 'updated' | 'unchanged';

// Rows per INSERT: well under PostgreSQL's 65,535 bind parameters for our widest rows.
const BATCH = 1000;

function changeOf(planned: PlannedObject, existing: Existing | undefined): Change {
  if (!existing) return 'created';
  if (planned.version === null) return 'unchanged';
  if (existing.version === null) return 'updated';
  return planned.version.getTime() > existing.version.getTime() ? 'updated' : 'unchanged';
}

async function inBatches<T>(rows: readonly T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

// Bulk rows travel as one JSON parameter expanded by jsonb_to_recordset: building a statement with
// a bind parameter per value costs more than the insert itself for thousands of rows (measured
// with a 10,000-object bundle, on PGlite most of all, where the import holds the one connection).
const INDICATOR_COLUMNS = sql.raw(
  'id uuid, type incidents.indicator_type, value text, description text, first_seen timestamptz, for_detection boolean, advisory_id uuid, provenance jsonb',
);
const OBJECT_COLUMNS = sql.raw(
  'owner_org text, external_id text, external_type text, version timestamptz, kind text, record_ids uuid[], tlp incidents.tlp, object jsonb, import_id uuid, updated_at timestamptz',
);

export async function applyPlan(
  tx: Tx,
  actor: OrgIdentity,
  target: ImportTarget,
  plan: ImportPlan,
): Promise<ImportOutcome> {
  const ids = plan.objects.map((o) => o.externalId);
  const existingRows =
    ids.length === 0
      ? []
      : await tx
          .select()
          .from(x.exchangeObjects)
          .where(and(eq(x.exchangeObjects.ownerOrg, actor.org), inArray(x.exchangeObjects.externalId, ids)));
  const existing = new Map(existingRows.map((row) => [row.externalId, row]));
  const changes = new Map(plan.objects.map((o) => [o.externalId, changeOf(o, existing.get(o.externalId))]));
  const writer = new PlanWriter(tx, actor, target, plan, existing, changes);
  await writer.write();
  const count = (change: Change) => [...changes.values()].filter((c) => c === change).length;
  const failed = new Set(plan.failures.map((f) => f.id));
  return {
    created: count('created'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    advisoryIds: writer.createdAdvisories,
    successes: plan.objects
      .filter((o) => !failed.has(o.externalId))
      .map((o) => ({ id: o.externalId, ...(o.versionText ? { version: o.versionText } : {}) })),
    failures: plan.failures,
    notMapped: plan.notMapped,
  };
}

class PlanWriter {
  readonly createdAdvisories: string[] = [];
  /** Advisory record id of each source object that became or already is an advisory. */
  private readonly advisoryOf = new Map<string, string>();
  /** Which advisory each changed indicator object goes to. */
  private readonly attachTo = new Map<string, string>();
  /** The TLP each touched advisory must have at least. */
  private readonly tlpFloor = new Map<string, Tlp>();
  /** Advisories collecting loose indicators, one per TLP. */
  private readonly collections = new Map<Tlp, string>();
  private readonly recordIds = new Map<string, string[]>();

  constructor(
    private readonly tx: Tx,
    private readonly actor: OrgIdentity,
    private readonly target: ImportTarget,
    private readonly plan: ImportPlan,
    private readonly existing: ReadonlyMap<string, Existing>,
    private readonly changes: ReadonlyMap<string, Change>,
  ) {}

  private provenance(o: PlannedObject): t.Provenance {
    return {
      format: this.plan.format,
      channel: this.target.channel,
      externalId: o.externalId,
      createdBy: o.createdBy,
      importId: this.target.id,
    };
  }

  private changed = (o: PlannedObject) => this.changes.get(o.externalId) !== 'unchanged';

  async write(): Promise<void> {
    const advisories = this.plan.objects.filter((o) => o.kind === 'ADVISORY');
    const indicatorObjects = new Map(
      this.plan.objects.filter((o) => o.kind === 'INDICATORS').map((o) => [o.externalId, o]),
    );
    for (const o of advisories) {
      const known = this.existing.get(o.externalId)?.recordIds[0];
      this.advisoryOf.set(o.externalId, known ?? randomUUID());
    }
    // An indicator belongs to one advisory: the first changed report or grouping that refers to it.
    for (const o of advisories) {
      if (!this.changed(o) || o.kind !== 'ADVISORY') continue;
      const advisoryId = this.advisoryOf.get(o.externalId)!;
      this.raise(advisoryId, o.tlp);
      for (const ref of o.advisory.refs) {
        const indicator = indicatorObjects.get(ref);
        if (!indicator || this.attachTo.has(ref)) continue;
        this.attachTo.set(ref, advisoryId);
        this.raise(advisoryId, indicator.tlp);
      }
    }
    await this.writeAdvisories(advisories);
    await this.writeIndicators([...indicatorObjects.values()]);
    await this.writeObjects();
    await linkAdvisoryGroups(this.tx, this.createdAdvisories, this.target.sharingGroupIds ?? []);
    await this.announce();
  }

  /**
   * ADVISORY_PUBLISHED for each advisory the import created, as publishing one does, last in the
   * transaction and with the marking the import settled on, so alerts go out only if it commits.
   */
  private async announce(): Promise<void> {
    if (this.createdAdvisories.length === 0) return;
    const rows = await this.tx
      .select()
      .from(t.advisories)
      .where(inArray(t.advisories.id, this.createdAdvisories))
      .orderBy(asc(t.advisories.title));
    for (const row of rows) await appendAdvisoryEvent(this.tx, row, this.actor);
  }

  private raise(advisoryId: string, tlp: Tlp): void {
    const floor = this.tlpFloor.get(advisoryId);
    this.tlpFloor.set(advisoryId, floor ? stricter(floor, tlp) : tlp);
  }

  private async writeAdvisories(advisories: PlannedObject[]): Promise<void> {
    const rows = [];
    for (const o of advisories) {
      if (o.kind !== 'ADVISORY' || !this.changed(o)) continue;
      const id = this.advisoryOf.get(o.externalId)!;
      this.recordIds.set(o.externalId, [id]);
      const values = {
        title: o.advisory.title,
        body: o.advisory.body,
        severity: o.advisory.severity,
        cveIds: o.advisory.cveIds,
        tlp: this.tlpFloor.get(id) ?? o.tlp,
        provenance: {
          ...this.provenance(o),
          ...(o.advisory.labels ? { labels: o.advisory.labels } : {}),
        },
      };
      if (this.changes.get(o.externalId) === 'updated') {
        await this.tx.update(t.advisories).set(values).where(eq(t.advisories.id, id));
        if (o.advisory.exclusive) await this.dropUnlisted(id, o.advisory.refs);
        await this.auditAdvisory(
          id,
          `Updated from ${this.plan.format} ${o.externalType} ${o.externalId}`,
          values.tlp,
        );
        continue;
      }
      rows.push({ ...values, id, publishedByOrg: this.actor.org, sharedWith: [...this.target.sharedWith] });
      this.createdAdvisories.push(id);
    }
    await inBatches(rows, (batch) => this.tx.insert(t.advisories).values(batch));
    for (const row of rows) await this.auditAdvisory(row.id, `Imported "${row.title}"`, row.tlp);
  }

  /**
   * A newer version of an advisory that lists all its indicators (a MISP event) no longer holds
   * those it dropped: their rows go, and their source objects point at nothing.
   */
  private async dropUnlisted(advisoryId: string, refs: readonly string[]): Promise<void> {
    const listed = new Set(refs);
    const attached = await this.tx
      .select({ id: t.indicators.id, provenance: t.indicators.provenance })
      .from(t.indicators)
      .where(eq(t.indicators.advisoryId, advisoryId));
    const dropped = attached.filter((row) => !listed.has(row.provenance?.externalId ?? ''));
    if (dropped.length === 0) return;
    await inBatches(
      dropped.map((row) => row.id),
      (batch) => this.tx.delete(t.indicators).where(inArray(t.indicators.id, batch)),
    );
    const sources = [...new Set(dropped.map((row) => row.provenance?.externalId ?? ''))];
    await this.tx
      .update(x.exchangeObjects)
      .set({ recordIds: [], kind: 'REFERENCE' })
      .where(
        and(eq(x.exchangeObjects.ownerOrg, this.actor.org), inArray(x.exchangeObjects.externalId, sources)),
      );
  }

  private async auditAdvisory(id: string, what: string, tlp: Tlp): Promise<void> {
    await audit(this.tx, this.actor, {
      operation: 'importAdvisory',
      targetType: 'Advisory',
      targetId: id,
      summary: `${what} (TLP:${tlp}, import ${this.target.id}).`.slice(0, 1000),
    });
  }

  /** The advisory collecting loose indicators of one TLP, created on first use. */
  private async collection(tlp: Tlp): Promise<string> {
    const known = this.collections.get(tlp);
    if (known) return known;
    const id = randomUUID();
    const title = `${this.plan.collectionTitle} (TLP:${tlp})`.slice(0, 300);
    await this.tx.insert(t.advisories).values({
      id,
      title,
      body: this.plan.collectionBody,
      severity: 'MEDIUM',
      tlp,
      publishedByOrg: this.actor.org,
      sharedWith: [...this.target.sharedWith],
      provenance: {
        format: this.plan.format,
        channel: this.target.channel,
        externalId: `import:${this.target.id}`,
        createdBy: null,
        importId: this.target.id,
      },
    });
    await this.auditAdvisory(id, `Imported "${title}"`, tlp);
    this.collections.set(tlp, id);
    this.createdAdvisories.push(id);
    return id;
  }

  private async writeIndicators(objects: PlannedObject[]): Promise<void> {
    const changedObjects = objects.filter((o) => this.changed(o));
    // Every changed object that held indicators lets them go, also one that no longer maps to any.
    const replaced = this.plan.objects
      .filter((o) => this.changed(o) && this.existing.get(o.externalId)?.kind === 'INDICATORS')
      .flatMap((o) => this.existing.get(o.externalId)?.recordIds ?? []);
    // An updated indicator stays in its advisory unless a changed report now claims it.
    const previous = new Map<string, string | null>();
    await inBatches(replaced, async (batch) => {
      const rows = await this.tx
        .delete(t.indicators)
        .where(inArray(t.indicators.id, batch))
        .returning({ id: t.indicators.id, advisoryId: t.indicators.advisoryId });
      for (const row of rows) previous.set(row.id, row.advisoryId);
    });
    const rows = [];
    for (const o of changedObjects) {
      if (o.kind !== 'INDICATORS') continue;
      const before = this.existing.get(o.externalId)?.recordIds.map((id) => previous.get(id));
      const advisoryId =
        this.attachTo.get(o.externalId) ?? before?.find(Boolean) ?? (await this.collection(o.tlp));
      if (!this.attachTo.has(o.externalId)) this.raise(advisoryId, o.tlp);
      const ids = o.indicators.map(() => randomUUID());
      this.recordIds.set(o.externalId, ids);
      rows.push(...o.indicators.map((i, n) => this.indicatorRow(ids[n]!, i, advisoryId, o)));
    }
    await inBatches(rows, (batch) =>
      this.tx.execute(sql`
        insert into ${t.indicators} (id, type, value, description, first_seen, for_detection, advisory_id, provenance)
        select * from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as r(${INDICATOR_COLUMNS})`),
    );
    await this.reattachUnchanged(objects);
    await this.raiseAdvisories();
  }

  private indicatorRow(id: string, i: PlannedIndicator, advisoryId: string, o: PlannedObject) {
    return {
      id,
      type: i.type,
      value: i.value,
      description: i.description,
      first_seen: i.firstSeen,
      for_detection: i.forDetection,
      advisory_id: advisoryId,
      provenance: this.provenance(o),
    };
  }

  /** Unchanged indicators that a changed report refers to move to its advisory. */
  private async reattachUnchanged(objects: PlannedObject[]): Promise<void> {
    for (const o of objects) {
      const advisoryId = this.attachTo.get(o.externalId);
      const ids = this.existing.get(o.externalId)?.recordIds ?? [];
      if (this.changed(o) || !advisoryId || ids.length === 0) continue;
      await this.tx.update(t.indicators).set({ advisoryId }).where(inArray(t.indicators.id, ids));
    }
  }

  /**
   * Advisories that received indicators keep at least their indicators' TLP: an indicator is read
   * under its advisory's marking, so putting an AMBER indicator under a GREEN advisory would widen it.
   */
  private async raiseAdvisories(): Promise<void> {
    for (const [id, tlp] of this.tlpFloor) {
      await this.tx
        .update(t.advisories)
        .set({
          tlp: sql`case when ${t.advisories.tlp} < ${tlp}::incidents.tlp then ${tlp}::incidents.tlp else ${t.advisories.tlp} end`,
        })
        .where(eq(t.advisories.id, id));
    }
  }

  private async writeObjects(): Promise<void> {
    const now = new Date();
    const rows = this.plan.objects
      .filter((o) => this.changed(o))
      .map((o) => ({
        owner_org: this.actor.org,
        external_id: o.externalId,
        external_type: o.externalType,
        version: o.version,
        kind: o.kind,
        record_ids: this.recordIds.get(o.externalId) ?? [],
        tlp: o.tlp,
        object: o.kind === 'KEPT' || o.kind === 'REFERENCE' ? o.object : null,
        import_id: this.target.id,
        updated_at: now,
      }));
    await inBatches(rows, (batch) =>
      this.tx.execute(sql`
        insert into ${x.exchangeObjects} (owner_org, external_id, external_type, version, kind, record_ids, tlp, object, import_id, updated_at)
        select * from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as r(${OBJECT_COLUMNS})
        on conflict (owner_org, external_id) do update set
          external_type = excluded.external_type, version = excluded.version, kind = excluded.kind,
          record_ids = excluded.record_ids, tlp = excluded.tlp, object = excluded.object,
          import_id = excluded.import_id, updated_at = excluded.updated_at`),
    );
  }
}
