import type * as t from '@cadg/db/incidents';

type IncidentInsert = typeof t.incidents.$inferInsert;
type UpdateInsert = typeof t.incidentUpdates.$inferInsert;
type EventInsert = typeof t.incidentEvents.$inferInsert;
type Severity = IncidentInsert['severity'];
type Status = NonNullable<IncidentInsert['status']>;
type Category = IncidentInsert['category'];
type Tlp = IncidentInsert['tlp'];

/** An organization of the seeded directory, as the generator picks reporters and recipients from it. */
export interface DirectoryOrganization {
  id: string;
  countryCode: string;
  kind: string;
}

/** One generated incident with its timeline and outbox events, in insertion order. */
export interface GeneratedIncident {
  incident: IncidentInsert & { id: string; reportedAt: Date; updatedAt: Date };
  updates: (UpdateInsert & { id: string; postedAt: Date })[];
  events: (EventInsert & { occurredAt: Date })[];
}

/**
 * Generated rows carry ids under these prefixes: the n-th incident is `5eed0000-0000-4000-8000-<n in
 * 12 hex digits>`, its k-th update `5eed0001-<k>-4<…>`. The ids are the marker (no column marks
 * generated rows), and the largest one says where a run left off.
 */
export const INCIDENT_ID_PREFIX = '5eed0000-0000-4000-8000-';
export const FIRST_GENERATED_ID = `${INCIDENT_ID_PREFIX}000000000000`;
export const LAST_GENERATED_ID = `${INCIDENT_ID_PREFIX}ffffffffffff`;

/** The n-th generated incident's id (n from 0). */
export const incidentIdOf = (n: number): string => `${INCIDENT_ID_PREFIX}${n.toString(16).padStart(12, '0')}`;
/** The position of a generated incident's id, or -1 for any other id. */
export function indexOfIncidentId(id: string): number {
  return id.startsWith(INCIDENT_ID_PREFIX) ? Number.parseInt(id.slice(INCIDENT_ID_PREFIX.length), 16) : -1;
}
const updateIdOf = (n: number, k: number): string =>
  `5eed0001-${k.toString(16).padStart(4, '0')}-4000-8000-${n.toString(16).padStart(12, '0')}`;

/**
 * Generated incidents are reported one every 90 s from this instant, so the n-th one's time does not
 * depend on how many a run asks for (re-runs and larger runs extend the same history; a million
 * reach late 2025).
 */
const HISTORY_START = Date.UTC(2023, 0, 1);
const REPORT_INTERVAL_MS = 90_000;
const HOUR_MS = 3_600_000;

/** Mulberry32: a tiny deterministic PRNG, seeded per incident so a row never depends on batch size. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function weighted<T>(next: () => number, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = next() * total;
  for (const [value, weight] of choices) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return choices[choices.length - 1]![0];
}

const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)]!;

// Mixes loosely after what national CERTs in the region publish: phishing and malware dominate,
// most incidents are low or medium, and most are shared GREEN.
const SEVERITIES: readonly (readonly [Severity, number])[] = [
  ['BASELINE', 10],
  ['LOW', 30],
  ['MEDIUM', 35],
  ['HIGH', 17],
  ['SEVERE', 6],
  ['EMERGENCY', 2],
];
const CATEGORIES: readonly (readonly [Category, number])[] = [
  ['PHISHING', 30],
  ['MALWARE', 18],
  ['RANSOMWARE', 8],
  ['DDOS', 8],
  ['INTRUSION', 10],
  ['DATA_BREACH', 8],
  ['VULNERABILITY_EXPLOITATION', 8],
  ['WEB_DEFACEMENT', 6],
  ['OTHER', 4],
];
const TLPS: readonly (readonly [Tlp, number])[] = [
  ['CLEAR', 20],
  ['GREEN', 45],
  ['AMBER', 25],
  ['AMBER_STRICT', 5],
  ['RED', 5],
];
const PATH: readonly Status[] = ['REPORTED', 'TRIAGED', 'IN_PROGRESS', 'CONTAINED', 'RESOLVED', 'CLOSED'];
const SECTORS = [
  'banking',
  'telecoms',
  'healthcare',
  'government',
  'energy',
  'e-commerce',
  'logistics',
  'education',
];
const NOTES = [
  'Indicators shared with neighbouring CERTs.',
  'Hosting provider contacted for takedown.',
  'Affected operator confirmed containment.',
  'Further samples received for analysis.',
  'Coordination call held with recipients.',
];

/**
 * The n-th incident of the large data set, deterministic in n: reporter and recipients from the
 * seeded directory (CERTs report most), affected countries including the reporter's, a TLP mix,
 * and `updatesPerIncident` timeline entries walking the status path (the rest are notes), each
 * with the UPDATE_POSTED event the API would have written, after the REPORTED one.
 */
export function generateIncident(
  n: number,
  updatesPerIncident: number,
  organizations: readonly DirectoryOrganization[],
): GeneratedIncident {
  const next = random(n * 2_654_435_761 + 7);
  const certs = organizations.filter((o) => o.kind === 'CERT');
  const reporter = next() < 0.8 && certs.length > 0 ? pick(next, certs) : pick(next, organizations);
  const countries = [...new Set(organizations.map((o) => o.countryCode))];
  const affected = new Set([reporter.countryCode]);
  if (next() < 0.3) {
    const extra = 1 + Math.floor(next() * 3);
    for (let i = 0; i < extra; i++) affected.add(pick(next, countries));
  }
  const affectedCountries = [...affected];
  const tlp = weighted(next, TLPS);
  const sharedWith = new Set<string>();
  if (tlp !== 'CLEAR' && next() < (tlp === 'GREEN' ? 0.2 : 0.9)) {
    const recipients = 1 + Math.floor(next() * 3);
    for (let i = 0; i < recipients; i++) {
      const candidates = certs.filter((o) => affected.has(o.countryCode) && o.id !== reporter.id);
      const recipient = pick(next, candidates.length > 0 ? candidates : certs);
      if (recipient.id !== reporter.id) sharedWith.add(recipient.id);
    }
  }
  const severity = weighted(next, SEVERITIES);
  const category = weighted(next, CATEGORIES);
  const sector = pick(next, SECTORS);
  const reportedAt = new Date(
    HISTORY_START + n * REPORT_INTERVAL_MS + Math.floor(next() * REPORT_INTERVAL_MS),
  );
  const id = incidentIdOf(n);
  const sub = `${reporter.id}-analyst-${1 + Math.floor(next() * 5)}`;
  // How far along the path the incident got; the first updates walk it, later ones are notes.
  const statusSteps = Math.min(updatesPerIncident, Math.floor(next() * PATH.length));

  const updates: GeneratedIncident['updates'] = [];
  const events: GeneratedIncident['events'] = [
    {
      incidentId: id,
      type: 'REPORTED',
      occurredAt: reportedAt,
      severity,
      previousSeverity: null,
      affectedCountries,
      actorOrg: reporter.id,
      actorSub: sub,
      details: { indicators: 0 },
    },
  ];
  let status: Status = 'REPORTED';
  for (let k = 0; k < updatesPerIncident; k++) {
    const postedAt = new Date(reportedAt.getTime() + (k + 1) * HOUR_MS);
    const updateId = updateIdOf(n, k);
    const to = k < statusSteps ? PATH[k + 1]! : null;
    updates.push({
      id: updateId,
      incidentId: id,
      authorOrg: reporter.id,
      authorSub: sub,
      body: to ? `Status ${status} to ${to}.` : pick(next, NOTES),
      previousSeverity: null,
      severity: null,
      previousStatus: to ? status : null,
      status: to,
      postedAt,
    });
    events.push({
      incidentId: id,
      type: 'UPDATE_POSTED',
      occurredAt: postedAt,
      severity,
      previousSeverity: null,
      affectedCountries,
      actorOrg: reporter.id,
      actorSub: sub,
      details: { updateId, ...(to ? { status: { from: status, to } } : {}) },
    });
    if (to) status = to;
  }
  const updatedAt = updates.at(-1)?.postedAt ?? reportedAt;
  return {
    incident: {
      id,
      title: `${capitalized(category.replaceAll('_', ' ').toLowerCase())} against ${sector} in ${affectedCountries.join(', ')} #${n}`,
      summary: `Generated incident ${n}: ${severity.toLowerCase()} ${category.toLowerCase()} affecting the ${sector} sector.`,
      category,
      severity,
      status,
      tlp,
      reportedByOrg: reporter.id,
      reportedBySub: sub,
      affectedCountries,
      sharedWith: [...sharedWith],
      detectedAt: new Date(reportedAt.getTime() - Math.floor(next() * 12 * HOUR_MS)),
      reportedAt,
      updatedAt,
      version: 1 + updatesPerIncident,
    },
    updates,
    events,
  };
}
