import { registeredOperation, type Operation } from '../graph-client.ts';
import type { CollectionRecord, StixObject } from './paging.ts';

/** The media type of every object in our collections. */
export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';

/** One read-only TAXII collection, filled from one sync list of the graph. */
export interface TaxiiCollection {
  /** The collection's id: a fixed UUID (TAXII ids are unique across servers). */
  readonly id: string;
  /** A readable name, accepted in URLs in place of the id. */
  readonly alias: string;
  readonly title: string;
  readonly description: string;
  /** The operation that pages the records: variables `since`, `first`, `after`. */
  readonly operation: Operation;
  /** The records of one answer, and whether more follow. */
  readonly records: (data: unknown) => { records: CollectionRecord[]; hasNextPage: boolean };
}

interface SyncPage {
  edges: { cursor: string; node: { stix: { objects: StixObject[] } } & Record<string, unknown> }[];
  pageInfo: { hasNextPage: boolean };
}

function fromPage(page: SyncPage | undefined, dateField: string) {
  if (!page) return { records: [], hasNextPage: false };
  return {
    records: page.edges.map((edge) => ({
      cursor: edge.cursor,
      dateAdded: String(edge.node[dateField]),
      objects: edge.node.stix.objects,
    })),
    hasNextPage: page.pageInfo.hasNextPage,
  };
}

/**
 * The collections of the API root. An incident enters its collection again whenever it changes
 * (its new version's `date_added` is its `updatedAt`), so pollers using `added_after` get every
 * new version; advisories never change.
 */
export const COLLECTIONS: readonly TaxiiCollection[] = [
  {
    id: 'd1a4a1c7-5a59-4a37-9d6c-2f8c3e3b8f01',
    alias: 'incidents',
    title: 'Incidents',
    description:
      'Incidents reported to the China–ASEAN cooperation mechanism that the caller may see under TLP 2.0: the incident, its indicators and relationships, the reporter identity and the marking.',
    operation: registeredOperation('taxii', 'TaxiiIncidents'),
    records: (data) =>
      fromPage((data as { incidentsUpdatedSince?: SyncPage } | null)?.incidentsUpdatedSince, 'updatedAt'),
  },
  {
    id: '7f0f3b52-3c1e-4e7b-a8e4-6c2d4b9a1e02',
    alias: 'advisories',
    title: 'Advisories',
    description:
      'Alerts and advisories shared through the mechanism that the caller may see under TLP 2.0, as STIX reports with their indicators and vulnerabilities.',
    operation: registeredOperation('taxii', 'TaxiiAdvisories'),
    records: (data) =>
      fromPage(
        (data as { advisoriesPublishedSince?: SyncPage } | null)?.advisoriesPublishedSince,
        'publishedAt',
      ),
  },
];

/** The collection a URL names, by id or alias. */
export const findCollection = (key: string): TaxiiCollection | undefined =>
  COLLECTIONS.find((collection) => collection.id === key || collection.alias === key);

/** The collection resource TAXII 2.1 §5.2 describes. */
export const describeCollection = (collection: TaxiiCollection) => ({
  id: collection.id,
  title: collection.title,
  description: collection.description,
  alias: collection.alias,
  can_read: true,
  can_write: false,
  media_types: [STIX_MEDIA_TYPE],
});
