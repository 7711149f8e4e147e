import { and, asc, eq, gt, inArray, lte, min, sql } from 'drizzle-orm';
import { Counter, Histogram, type Registry } from 'prom-client';
import type { Transporter } from 'nodemailer';
import { gaugeReadAtScrape, inClientSpan, LATENCY_BUCKETS } from '@cadg/platform';
import type { Db } from '@cadg/db';
import * as t from '@cadg/db/incidents';
import { advisoryReadableBy } from '../advisories.ts';
import { INCIDENT_MARKING, readableBy } from '../visibility.ts';
import { deliver, mailer, type AlertMessage, type AlertRecord } from './channels.ts';
import type { AttemptReport, AlertSettings } from './config.ts';
import { organizationReader, type AlertDeliveryRow, type AlertRuleRow } from './rules.ts';

/** Events matched per transaction. */
const MATCH_BATCH = 500;
/** Deliveries claimed (and sent concurrently) at a time. */
const SEND_BATCH = 20;

const readableByOrganization = (org: string) => readableBy(organizationReader(org), INCIDENT_MARKING);

/** The delay before attempt `attempts + 1`: doubling from the base, with equal jitter so replicas spread out. */
export function retryDelayMs(baseMs: number, attempts: number, random = Math.random): number {
  const full = baseMs * 2 ** Math.min(Math.max(attempts - 1, 0), 20);
  return Math.round(full / 2 + random() * (full / 2));
}

/**
 * Turns outbox events into alert deliveries and sends them. Two steps, each safe on any number of
 * replicas:
 * - matching: under a row lock on the one position row (`FOR UPDATE SKIP LOCKED`: a replica that
 *   finds it taken leaves the work to the holder), read the events after the position, insert one
 *   delivery per matching (rule, event) whose record the rule's organization may read, judged by
 *   `readableBy` as every read is, and move the position, all in one transaction. The unique
 *   (rule, event) key makes a repeat insert a no-op.
 * - sending: claim due deliveries with `FOR UPDATE SKIP LOCKED`, lease them (attempts + 1, due again
 *   after the lease) and commit, then send outside any transaction and record the outcome only if
 *   the row is still the one claimed. A process that dies mid-send leaves a lease that expires: the
 *   delivery is sent again under the same id, never as a second row.
 *
 * Wakes on the hub's NOTIFY-driven fan-out, on its own timer for the next due retry (at most
 * `pollMs` apart, for work other replicas leave), and on `wake()`.
 */
export class AlertDispatcher {
  #started = false;
  #running = false;
  #again = false;
  #stopped = false;
  #timer: NodeJS.Timeout | null = null;
  #idle: Promise<void> = Promise.resolve();
  #position = 0;
  #newest = 0;
  #transport: Transporter | null;
  readonly #deliveries: Counter<'channel' | 'status'>;
  readonly #latency: Histogram<'channel' | 'status'>;

  constructor(
    private readonly db: Db,
    private readonly settings: AlertSettings,
    registry: Registry,
    private readonly newestEventId: () => number,
    private readonly onError: (error: unknown) => void = (error) =>
      console.error('[incidents] alert dispatcher failed', error),
  ) {
    this.#transport = settings.smtpUrl ? mailer(settings.smtpUrl, settings.timeoutMs) : null;
    this.#deliveries = new Counter({
      name: 'alert_delivery_attempts_total',
      help: 'Alert delivery attempts by channel and the status they left the delivery in.',
      labelNames: ['channel', 'status'],
      registers: [registry],
    });
    this.#latency = new Histogram({
      name: 'alert_delivery_duration_seconds',
      help: 'Time one alert delivery attempt took, by channel and resulting status.',
      labelNames: ['channel', 'status'],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    });
    gaugeReadAtScrape(
      registry,
      'alert_dispatcher_lag_events',
      'Events committed but not yet matched against alert rules (newest event id - dispatcher position).',
      () => Math.max(0, Math.max(this.#newest, this.newestEventId()) - this.#position),
    );
  }

  /** Starts the first pass; later passes follow wake-ups and timers until `stop()`. */
  start(): void {
    this.#started = true;
    this.wake();
  }

  /** Stops timers and waits for the pass in progress (its sends included) to finish. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#idle;
    this.#transport?.close();
  }

  /** Looks for events to match and deliveries to send now (once started); calls during a pass fold into one more. */
  wake(): void {
    if (!this.#started || this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#running = true;
    this.#idle = this.#pass().finally(() => {
      this.#running = false;
    });
  }

  async #pass(): Promise<void> {
    let nextDue: Date | null = null;
    do {
      this.#again = false;
      try {
        while ((await this.#match()) === MATCH_BATCH && !this.#stopped);
        while ((await this.#sendDue()) === SEND_BATCH && !this.#stopped);
        nextDue = await this.#nextDue();
      } catch (error) {
        this.onError(error);
      }
    } while (this.#again && !this.#stopped);
    if (this.#stopped) return;
    const wait = nextDue ? Math.max(0, nextDue.getTime() - Date.now()) : this.settings.pollMs;
    this.#timer = setTimeout(() => this.wake(), Math.min(wait, this.settings.pollMs));
    this.#timer.unref();
  }

  /** Matches the next batch of events; returns how many events it read (0 when none or when another replica holds the position). */
  async #match(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const [position] = await tx
        .select({ lastEventId: t.alertDispatchPosition.lastEventId })
        .from(t.alertDispatchPosition)
        .where(eq(t.alertDispatchPosition.id, 1))
        .for('update', { skipLocked: true });
      if (!position) return 0;
      const from = Number(position.lastEventId);
      this.#position = from;
      const events = await tx
        .select({ id: t.incidentEvents.id })
        .from(t.incidentEvents)
        .where(sql`${t.incidentEvents.id} > ${from}`)
        .orderBy(asc(t.incidentEvents.id))
        .limit(MATCH_BATCH);
      const to = events.at(-1)?.id;
      if (to === undefined) return 0;
      const organizations = await tx.selectDistinct({ org: t.alertRules.organization }).from(t.alertRules);
      const e = t.incidentEvents;
      const r = t.alertRules;
      const i = t.incidents;
      const kind = sql`(case ${e.type} when 'REPORTED' then 'INCIDENT_REPORTED' when 'ASSISTANCE_REQUESTED' then 'ASSISTANCE_REQUESTED' else 'INCIDENT_UPDATED' end)::incidents.alert_kind`;
      for (const { org } of organizations) {
        await tx.execute(sql`
          insert into ${t.alertDeliveries} (rule_id, event_id, incident_id, kind, created_at, next_attempt_at)
          select ${r.id}, ${e.id}, ${e.incidentId}, ${kind}, date_trunc('milliseconds', now()), now()
          from ${e}
          join ${i} on ${i.id} = ${e.incidentId}
          join ${r} on ${r.organization} = ${org}
          where ${e.id} > ${from} and ${e.id} <= ${to}
            and ${e.id} > ${r.afterEventId}
            and ${kind} = any(${r.kinds})
            and ${e.severity} >= ${r.minSeverity}
            and (cardinality(${r.countryCodes}) = 0 or ${e.affectedCountries} && ${r.countryCodes})
            and (cardinality(${r.categories}) = 0 or ${i.category} = any(${r.categories}))
            and ${readableByOrganization(org)}
          on conflict (rule_id, event_id) do nothing`);
        // Advisories name no country or category: rules limited to some match only incidents.
        await tx.execute(sql`
          insert into ${t.alertDeliveries} (rule_id, event_id, advisory_id, kind, created_at, next_attempt_at)
          select ${r.id}, ${e.id}, ${e.advisoryId}, 'ADVISORY_PUBLISHED', date_trunc('milliseconds', now()), now()
          from ${e}
          join ${t.advisories} on ${t.advisories.id} = ${e.advisoryId}
          join ${r} on ${r.organization} = ${org}
          where ${e.id} > ${from} and ${e.id} <= ${to}
            and ${e.id} > ${r.afterEventId}
            and 'ADVISORY_PUBLISHED' = any(${r.kinds})
            and ${e.severity} >= ${r.minSeverity}
            and cardinality(${r.countryCodes}) = 0
            and cardinality(${r.categories}) = 0
            and ${advisoryReadableBy(organizationReader(org))}
          on conflict (rule_id, event_id) do nothing`);
      }
      await tx
        .update(t.alertDispatchPosition)
        .set({ lastEventId: to })
        .where(eq(t.alertDispatchPosition.id, 1));
      this.#position = to;
      this.#newest = Math.max(this.#newest, to);
      return events.length;
    });
  }

  /** Claims, sends and records one batch of due deliveries; returns how many it claimed. */
  async #sendDue(): Promise<number> {
    const d = t.alertDeliveries;
    const leaseMs = this.settings.timeoutMs * 3;
    const claimed = await this.db.transaction(async (tx) => {
      // Only the delivery rows are locked (a join here would lock the rules too, and drizzle
      // writes `FOR UPDATE OF` with a schema-qualified name PostgreSQL refuses).
      const due = await tx
        .select({ id: d.id })
        .from(d)
        .where(
          and(
            inArray(d.status, ['PENDING', 'FAILED']),
            lte(d.nextAttemptAt, sql`now()`),
            sql`exists (select 1 from ${t.alertRules} where ${t.alertRules.id} = ${d.ruleId} and not ${t.alertRules.paused})`,
          ),
        )
        .orderBy(asc(d.nextAttemptAt))
        .limit(SEND_BATCH)
        .for('update', { skipLocked: true });
      if (due.length === 0) return [];
      const ids = due.map((row) => row.id);
      await tx
        .update(d)
        .set({
          attempts: sql`${d.attempts} + 1`,
          nextAttemptAt: sql`now() + make_interval(secs => ${leaseMs / 1000})`,
        })
        .where(inArray(d.id, ids));
      return tx
        .select({ delivery: d, rule: t.alertRules, occurredAt: t.incidentEvents.occurredAt })
        .from(d)
        .innerJoin(t.alertRules, eq(t.alertRules.id, d.ruleId))
        .innerJoin(t.incidentEvents, eq(t.incidentEvents.id, d.eventId))
        .where(inArray(d.id, ids));
    });
    await Promise.all(
      claimed.map((item) => this.#attempt(item.delivery, item.rule, item.occurredAt, item.delivery.attempts)),
    );
    return claimed.length;
  }

  async #attempt(delivery: AlertDeliveryRow, rule: AlertRuleRow, occurredAt: Date, attempts: number) {
    const started = performance.now();
    let error: string | null = null;
    let counts = true;
    try {
      const record = await this.#readableRecord(delivery, rule);
      if (!record) {
        // Judged again at sending: a record the organization may no longer read is not sent.
        counts = false;
        throw new Error("The rule's organization may no longer read this record; nothing was sent.");
      }
      const message: AlertMessage = {
        deliveryId: delivery.id,
        kind: delivery.kind,
        occurredAt,
        record,
        url: `${this.settings.publicUrl}/${record.type === 'incident' ? 'incidents' : 'advisories'}/${record.row.id}`,
      };
      // One CLIENT span per attempt; a webhook carries its `traceparent` to the receiver.
      await inClientSpan(
        `alert ${rule.channel.toLowerCase()}`,
        {
          'alert.delivery_id': delivery.id,
          'alert.rule_id': rule.id,
          'alert.channel': rule.channel,
          'alert.kind': delivery.kind,
          'alert.attempt': attempts,
        },
        (headers) => deliver(rule, message, this.settings, this.#transport, headers),
      );
    } catch (failure) {
      error = (failure instanceof Error ? failure.message : String(failure)).slice(0, 1000);
    }
    const status =
      error === null ? 'DELIVERED' : !counts || attempts >= this.settings.maxAttempts ? 'DEAD' : 'FAILED';
    await this.#record(delivery, rule, attempts, status, error, counts);
    const seconds = (performance.now() - started) / 1000;
    this.#deliveries.inc({ channel: rule.channel, status });
    this.#latency.observe({ channel: rule.channel, status }, seconds);
    const report: AttemptReport = {
      deliveryId: delivery.id,
      ruleId: rule.id,
      channel: rule.channel,
      status,
      attempts,
      error,
    };
    this.settings.onAttempt?.(report);
  }

  /** The delivery's incident or advisory, if the rule's organization may read it now (the same SQL as every read). */
  async #readableRecord(delivery: AlertDeliveryRow, rule: AlertRuleRow): Promise<AlertRecord | null> {
    if (delivery.incidentId) {
      const [row] = await this.db
        .select()
        .from(t.incidents)
        .where(and(eq(t.incidents.id, delivery.incidentId), readableByOrganization(rule.organization)));
      return row ? { type: 'incident', row } : null;
    }
    if (!delivery.advisoryId) return null;
    const [row] = await this.db
      .select()
      .from(t.advisories)
      .where(
        and(
          eq(t.advisories.id, delivery.advisoryId),
          advisoryReadableBy(organizationReader(rule.organization)),
        ),
      );
    return row ? { type: 'advisory', row } : null;
  }

  /**
   * Records an attempt, only if the row is still as this process claimed it (a lease that ran
   * out may have let another replica send it again meanwhile). A DEAD delivery that counts adds to
   * the rule's run of failures and pauses the rule at `pauseAfterDead`; a success ends the run.
   */
  async #record(
    delivery: AlertDeliveryRow,
    rule: AlertRuleRow,
    attempts: number,
    status: 'DELIVERED' | 'FAILED' | 'DEAD',
    error: string | null,
    counts: boolean,
  ): Promise<void> {
    const d = t.alertDeliveries;
    await this.db.transaction(async (tx) => {
      const [updated] = await tx
        .update(d)
        .set({
          status,
          lastError: error,
          deliveredAt: status === 'DELIVERED' ? new Date() : null,
          nextAttemptAt:
            status === 'FAILED'
              ? new Date(Date.now() + retryDelayMs(this.settings.retryBaseMs, attempts))
              : null,
        })
        .where(and(eq(d.id, delivery.id), eq(d.attempts, attempts), inArray(d.status, ['PENDING', 'FAILED'])))
        .returning({ id: d.id });
      if (!updated) return;
      const r = t.alertRules;
      if (status === 'DELIVERED') {
        // Only a rule with a run to end is written: concurrent successes of one rule would
        // otherwise queue on its row lock, one commit after another.
        await tx
          .update(r)
          .set({ deadInARow: 0 })
          .where(and(eq(r.id, rule.id), gt(r.deadInARow, 0)));
      } else if (status === 'DEAD' && counts) {
        const limit = this.settings.pauseAfterDead;
        await tx
          .update(r)
          .set({
            deadInARow: sql`${r.deadInARow} + 1`,
            paused: sql`${r.paused} or ${r.deadInARow} + 1 >= ${limit}`,
            pausedReason: sql`case when ${r.deadInARow} + 1 >= ${limit} then ${`Paused automatically after ${limit} deliveries in a row failed for good; the last error: ${error}`} else ${r.pausedReason} end`,
          })
          .where(eq(r.id, rule.id));
      }
    });
  }

  async #nextDue(): Promise<Date | null> {
    const d = t.alertDeliveries;
    const [row] = await this.db
      .select({ due: min(d.nextAttemptAt) })
      .from(d)
      .innerJoin(t.alertRules, eq(t.alertRules.id, d.ruleId))
      .where(and(inArray(d.status, ['PENDING', 'FAILED']), eq(t.alertRules.paused, false)));
    return row?.due ?? null;
  }
}
