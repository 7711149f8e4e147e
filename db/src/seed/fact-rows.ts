import * as aipolicy from './aipolicy-data.ts';
import * as contacts from './contacts-data.ts';
import * as contactNames from './contacts-names-data.ts';
import * as dataflows from './dataflows-data.ts';
import * as incidents from './incidents-data.ts';
import { sources, type SourceEntry } from './sources.ts';

/**
 * Every seeded row that states a fact about the world, with the URLs it cites (issue #22: "every
 * fact row has a source"). Left out on purpose, because they state no fact about the world:
 * contacts (fictional people and mailboxes), incidents (labelled exercise scenarios; their
 * advisories' CVE facts are in), data-flow pilots (illustrative demo records), AI-policy topics
 * (this registry's taxonomy), AI-policy forums (the venues positions name; what their descriptions
 * say of summits and initiatives is cited by those positions and instruments), country delegates (a designation inside this registry) and the
 * principle crosswalk (the mechanism's working analysis, each mapping with its reason).
 */
export interface FactRow {
  /** Which seed list the row is in, e.g. `contacts.organizations`. */
  table: string;
  /** The row's id or a readable key. */
  id: string;
  /** The sources it cites, the main one first; empty or blank entries are what the check catches. */
  urls: readonly (string | null | undefined)[];
}

const rows = <T>(
  table: string,
  list: readonly T[],
  id: (row: T) => string,
  urls: (row: T) => FactRow['urls'],
) => list.map((row): FactRow => ({ table, id: id(row), urls: urls(row) }));

export function factRows(): FactRow[] {
  return [
    ...rows(
      'contacts.countries',
      contacts.countries,
      (c) => c.code,
      (c) => [
        c.sourceUrl,
        ...(c.isoCodesSourceUrl ? [c.isoCodesSourceUrl] : []),
        ...(c.nativeNameSourceUrl ? [c.nativeNameSourceUrl] : []),
      ],
    ),
    ...rows(
      'contacts.organizations',
      contacts.organizations,
      (o) => o.id,
      (o) => [o.sourceUrl, ...(o.additionalSourceUrls ?? [])],
    ),
    ...rows(
      'contacts.organizationNames',
      contactNames.organizationNames,
      (n) => `${n.organizationId}/${n.language}`,
      (n) => [n.sourceUrl],
    ),
    ...rows(
      'contacts.aseanDialoguePartners',
      contactNames.aseanDialoguePartners,
      (p) => p.countryCode,
      (p) => [p.sourceUrl, p.partnershipSourceUrl],
    ),
    ...rows(
      'contacts.activities',
      contacts.activities,
      (a) => a.id,
      (a) => [a.sourceUrl, ...(a.additionalSourceUrls ?? [])],
    ),
    ...rows(
      'aipolicy.positions',
      aipolicy.positions,
      (p) => `${p.countryCode}/${p.topicSlug}/${p.statedOn}`,
      (p) => [p.sourceUrl],
    ),
    ...rows(
      'aipolicy.instruments',
      aipolicy.instruments,
      (i) => i.id,
      (i) => [i.sourceUrl],
    ),
    ...rows(
      'aipolicy.frameworks',
      aipolicy.frameworks,
      (f) => f.slug,
      (f) => [f.sourceUrl],
    ),
    ...rows(
      'dataflows.mechanisms',
      dataflows.mechanisms,
      (m) => m.kind,
      (m) => [m.sourceUrl],
    ),
    ...rows(
      'dataflows.laws',
      dataflows.laws,
      (l) => l.id,
      (l) => [l.sourceUrl],
    ),
    ...rows(
      'dataflows.policies',
      dataflows.policies,
      (p) => p.countryCode,
      (p) => [p.sourceUrl],
    ),
    ...rows(
      'dataflows.policyMechanisms',
      dataflows.policyMechanisms,
      (p) => `${p.countryCode}/${p.mechanismKind}`,
      (p) => [p.sourceUrl],
    ),
    ...rows(
      'dataflows.thresholds',
      dataflows.thresholds,
      (t) => t.id,
      (t) => [t.sourceUrl],
    ),
    ...rows(
      'dataflows.transferRules',
      dataflows.transferRules,
      (r) => r.id,
      (r) => [r.sourceUrl],
    ),
    ...rows(
      'dataflows.regimes',
      dataflows.regimes,
      (r) => r.id,
      (r) => [r.sourceUrl],
    ),
    ...dataflows.comparisons.flatMap((c) =>
      rows(
        `dataflows.comparisons.${c.id}`,
        c.rows,
        (r) => `${r.section}/${r.topic}`,
        (r) => [r.aSourceUrl, r.bSourceUrl],
      ),
    ),
    ...rows(
      'incidents.advisories',
      incidents.advisories,
      (a) => a.title,
      (a) => [a.sourceUrl],
    ),
  ];
}

/** What is wrong with the sourcing of these rows against the checked-in list: one line per problem. */
export function sourcingProblems(
  facts: readonly FactRow[],
  list: Readonly<Record<string, SourceEntry>> = sources,
): string[] {
  const problems: string[] = [];
  for (const row of facts) {
    if (row.urls.length === 0 || !row.urls[0]?.trim()) problems.push(`${row.table} ${row.id}: no source`);
    for (const url of row.urls) {
      if (url?.trim() && !list[url]) problems.push(`${row.table} ${row.id}: ${url} is not in sources.ts`);
    }
  }
  return problems;
}
