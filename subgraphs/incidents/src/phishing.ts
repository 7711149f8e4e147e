import { isIP } from 'node:net';
import { and, asc, eq, sql } from 'drizzle-orm';
import { badUserInput, organizationWith, Right, type Caller } from '@cadg/platform';
import type { Db, Tx } from '@cadg/db';
import * as t from '@cadg/db/incidents';
import { audit } from './audit.ts';
import type { Directory } from './directory.ts';
import {
  addIncidentIndicators,
  reportIncident,
  updateIncident,
  type ChangeAccess,
} from './incident-changes.ts';
import { normaliseIndicator } from './indicators.ts';
import type { OrgIdentity } from './permissions.ts';
import type { IndicatorType, Severity } from './rows.ts';
import { severityRank } from './severity.ts';
import { markingOf } from './sharing-links.ts';
import * as valid from './validation.ts';
import { INCIDENT_MARKING, canRead, readableBy } from './visibility.ts';

export type PhishingReportRow = typeof t.phishingReports.$inferSelect;
export type PhishingVerdictRow = typeof t.phishingVerdicts.$inferSelect;

/**
 * The score at or above which a verdict raises (or updates) a PHISHING incident.
 * @default 0.8
 */
export const DEFAULT_PHISHING_INCIDENT_SCORE = 0.8;

/** `PHISHING_INCIDENT_SCORE` from the environment: a number from 0 to 1, else the default. */
export function phishingIncidentScoreFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env['PHISHING_INCIDENT_SCORE'];
  if (raw === undefined || raw.trim() === '') return DEFAULT_PHISHING_INCIDENT_SCORE;
  const score = Number(raw);
  if (!Number.isFinite(score) || score < 0 || score > 1) {
    throw new Error(`PHISHING_INCIDENT_SCORE=${raw} is not a number from 0 to 1.`);
  }
  return score;
}

// Parameters that only say who sent the link or which campaign an analytics tool counted; the
// same page behind different ones is the same phishing URL.
const TRACKING_PARAMETER = /^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_eid|mc_cid|_hsenc|_hsmi)$/i;

/** A phishing URL normalised for merging reports, with its host as an indicator. */
export interface PhishingUrl {
  /** The key reports merge on. */
  url: string;
  host: string;
  hostType: Extract<IndicatorType, 'DOMAIN' | 'IPV4' | 'IPV6'>;
}

/**
 * Normalises a reported URL so reports of the same page merge: the URL indicator rules (defanged
 * forms accepted, lower-case scheme and host, punycode, no default port, no fragment), then no
 * trailing dot on the host and no tracking parameters. The path and the other parameters stay:
 * they often tell one phishing kit's victims or targets apart.
 */
export function normalisePhishingUrl(field: string, raw: string): PhishingUrl {
  const parsed = new URL(normaliseIndicator(field, 'URL', raw));
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw badUserInput(field, 'A phishing URL is an http or https URL.');
  }
  parsed.hostname = parsed.hostname.replace(/\.$/, '');
  for (const name of [...parsed.searchParams.keys()]) {
    if (TRACKING_PARAMETER.test(name)) parsed.searchParams.delete(name);
  }
  const url = parsed.toString().replace(/\?$/, '');
  const bracketed = parsed.hostname;
  const host = bracketed.startsWith('[') ? bracketed.slice(1, -1) : bracketed;
  const family = isIP(host);
  const hostType = family === 4 ? 'IPV4' : family === 6 ? 'IPV6' : 'DOMAIN';
  return { url, host: normaliseIndicator(field, hostType, host), hostType };
}

/**
 * The severity a verdict's score calls for: HIGH (a major incident, alerted to subscribers) from
 * 0.95, MEDIUM below. The score is the detector's confidence that the page is phishing, not a
 * measure of harm, so it never asks for more than HIGH; analysts raise it further by hand.
 */
export function severityForScore(score: number): Severity {
  return score >= 0.95 ? 'HIGH' : 'MEDIUM';
}

export interface PhishingVerdictInput {
  detector: string;
  score: number;
  label: string;
}

export interface ReportPhishingInput {
  url: string;
  observedAt: Date;
  targetedCountries: readonly string[];
  verdict: PhishingVerdictInput;
}

function verdict(input: PhishingVerdictInput): PhishingVerdictInput {
  if (!Number.isFinite(input.score) || input.score < 0 || input.score > 1) {
    throw badUserInput('input.verdict.score', 'A score is a number from 0 to 1.');
  }
  return {
    detector: valid.text('input.verdict.detector', input.detector, 100),
    score: input.score,
    label: valid.text('input.verdict.label', input.label, 100),
  };
}

/**
 * Records a detector's verdict on a URL for the caller's organization. Reports of the same
 * normalised URL merge into one report (targeted countries joined, verdicts appended). A verdict
 * at or above `incidentScore` raises a TLP:GREEN PHISHING incident with the URL and its host as
 * indicators, or updates the one already raised for the URL (higher severity, new countries,
 * missing indicators), through the incident functions: the report, the verdict, the incident
 * change, its events and every audit entry commit in one transaction.
 */
export async function reportPhishing(
  db: Db,
  directory: Directory,
  actor: OrgIdentity,
  input: ReportPhishingInput,
  incidentScore: number = DEFAULT_PHISHING_INCIDENT_SCORE,
): Promise<PhishingReportRow> {
  const target = normalisePhishingUrl('input.url', input.url);
  const observedAt = valid.notInFuture('input.observedAt', input.observedAt);
  if (!observedAt) throw badUserInput('input.observedAt', 'Say when the URL was observed.');
  const countries = valid.countryCodes('input.targetedCountries', input.targetedCountries, {
    required: true,
  });
  const given = verdict(input.verdict);
  // Checked before the transaction opens, never inside it: contacts may share the database (one
  // PGlite connection), and the incident functions below find these answers cached.
  await directory.requireCountries(countries);
  await directory.requireOrganizations([actor.org]);

  return db.transaction(async (tx) => {
    const r = t.phishingReports;
    const [merged] = await tx
      .insert(r)
      .values({
        url: target.url,
        host: target.host,
        targetedCountries: countries,
        firstObservedAt: observedAt,
        lastObservedAt: observedAt,
        highestScore: given.score,
      })
      .onConflictDoUpdate({
        target: r.url,
        set: {
          targetedCountries: sql`array(select distinct c from unnest(${r.targetedCountries} || excluded.targeted_countries) as c order by c)`,
          firstObservedAt: sql`least(${r.firstObservedAt}, excluded.first_observed_at)`,
          lastObservedAt: sql`greatest(${r.lastObservedAt}, excluded.last_observed_at)`,
          highestScore: sql`greatest(${r.highestScore}, excluded.highest_score)`,
          lastReportedAt: sql`now()`,
        },
      })
      .returning();
    if (!merged) throw new Error('upsert returned no row');
    await tx.insert(t.phishingVerdicts).values({
      reportId: merged.id,
      reportedUrl: input.url.slice(0, 2048),
      ...given,
      observedAt,
      targetedCountries: countries,
      reporterOrg: actor.org,
      reporterSub: actor.sub,
    });
    await audit(tx, actor, {
      operation: 'reportPhishing',
      targetType: 'PhishingReport',
      targetId: merged.id,
      summary: `Reported ${target.url.slice(0, 200)}: ${given.detector} scored ${given.score} (${given.label}).`,
    });
    if (given.score < incidentScore) return merged;
    return raiseOrUpdateIncident(tx, directory, actor, merged, target, given);
  });
}

/**
 * The intake may update the incident it raised for a URL whoever reports the next verdict (the
 * incident functions otherwise allow only the reporting organization or the SECRETARIAT). Only
 * the incident linked to this report qualifies; audit and events name the caller as it is.
 */
const intakeAccess = (incidentId: string): ChangeAccess => ({
  mayChange: (_actor, incident) => incident.id === incidentId,
});

async function raiseOrUpdateIncident(
  tx: Tx,
  directory: Directory,
  actor: OrgIdentity,
  report: PhishingReportRow,
  target: PhishingUrl,
  given: PhishingVerdictInput,
): Promise<PhishingReportRow> {
  const severity = severityForScore(given.score);
  const indicators = [
    { type: 'URL' as const, value: target.url, description: 'Phishing URL (phishing intake).' },
    { type: target.hostType, value: target.host, description: 'Host of a phishing URL (phishing intake).' },
  ];
  if (!report.incidentId) {
    const incident = await reportIncident(tx, directory, actor, {
      title: `Phishing URL on ${target.host}`.slice(0, 300),
      summary:
        `${target.url}\n\nReported through the phishing intake; ${given.detector} scored it ` +
        `${given.score} (${given.label}).`,
      category: 'PHISHING',
      severity,
      tlp: 'GREEN',
      affectedCountryCodes: report.targetedCountries,
      detectedAt: report.firstObservedAt,
      indicators,
    });
    const [linked] = await tx
      .update(t.phishingReports)
      .set({ incidentId: incident.id })
      .where(eq(t.phishingReports.id, report.id))
      .returning();
    return linked ?? report;
  }

  const [current] = await tx.select().from(t.incidents).where(eq(t.incidents.id, report.incidentId));
  // The reporter may have restricted the incident since; the verdict is recorded, the incident
  // is theirs to change.
  if (!current || !canRead(actor, await markingOf(tx, current))) return report;
  const access = intakeAccess(current.id);
  const countries = [...new Set([...current.affectedCountries, ...report.targetedCountries])].sort();
  const raise = severityRank(severity) > severityRank(current.severity);
  if (raise || countries.length > current.affectedCountries.length) {
    await updateIncident(
      tx,
      directory,
      actor,
      {
        id: current.id,
        expectedVersion: current.version,
        ...(raise ? { severity } : {}),
        ...(countries.length > current.affectedCountries.length ? { affectedCountryCodes: countries } : {}),
      },
      access,
    );
  }
  const existing = await tx
    .select({ type: t.indicators.type, value: t.indicators.value })
    .from(t.indicators)
    .where(eq(t.indicators.incidentId, current.id))
    .orderBy(asc(t.indicators.addedAt));
  const missing = indicators.filter((i) => !existing.some((e) => e.type === i.type && e.value === i.value));
  if (missing.length > 0) await addIncidentIndicators(tx, actor, current.id, missing, access);
  return report;
}

/** A report's verdicts, oldest first. */
export function verdictsOf(db: Db, reportId: string): Promise<PhishingVerdictRow[]> {
  return db
    .select()
    .from(t.phishingVerdicts)
    .where(eq(t.phishingVerdicts.reportId, reportId))
    .orderBy(asc(t.phishingVerdicts.reportedAt), asc(t.phishingVerdicts.id));
}

/**
 * A phishing report as one caller is shown it. `verdicts` is null when the caller sees the whole
 * report; otherwise it holds the only verdicts the caller is shown, and every merged field was
 * computed from them.
 */
export type PhishingReportView = PhishingReportRow & { verdicts: readonly PhishingVerdictRow[] | null };

/**
 * The report as the caller may see it. Once a verdict raised an incident, the report belongs with
 * that incident: a caller who may not read the incident is shown only what its own organization
 * reported (its verdicts, and the countries, times and highest score they give, with no
 * incident), or nothing (null, as for a URL nobody reported) when it reported none. The merged
 * score, other members' verdicts or the merged countries and times would otherwise tell it that
 * a hidden incident exists (a score at or above the threshold and `incident: null`).
 */
export async function phishingReportAs(
  db: Db,
  caller: Caller,
  report: PhishingReportRow,
): Promise<PhishingReportView | null> {
  if (report.incidentId === null) return { ...report, verdicts: null };
  const [readable] = await db
    .select({ id: t.incidents.id })
    .from(t.incidents)
    .where(and(eq(t.incidents.id, report.incidentId), readableBy(caller, INCIDENT_MARKING)));
  if (readable) return { ...report, verdicts: null };
  const org = organizationWith(caller, Right.ReadForOrganization);
  if (org === null) return null;
  const own = (await verdictsOf(db, report.id)).filter((verdict) => verdict.reporterOrg === org);
  const [first] = own;
  if (!first) return null;
  const times = (pick: (verdict: PhishingVerdictRow) => Date) =>
    own.map((verdict) => pick(verdict).getTime());
  return {
    ...report,
    targetedCountries: [...new Set(own.flatMap((verdict) => verdict.targetedCountries))].sort(),
    firstObservedAt: new Date(Math.min(...times((verdict) => verdict.observedAt))),
    lastObservedAt: new Date(Math.max(...times((verdict) => verdict.observedAt))),
    highestScore: Math.max(...own.map((verdict) => verdict.score)),
    incidentId: null,
    firstReportedAt: first.reportedAt,
    lastReportedAt: own.at(-1)?.reportedAt ?? first.reportedAt,
    verdicts: own,
  };
}

/** The report for a URL (normalised first), as the caller may see it (`phishingReportAs`). */
export async function findPhishingReport(
  db: Db,
  caller: Caller,
  url: string,
): Promise<PhishingReportView | null> {
  const { url: key } = normalisePhishingUrl('url', url);
  const [row] = await db.select().from(t.phishingReports).where(eq(t.phishingReports.url, key));
  return row ? phishingReportAs(db, caller, row) : null;
}
