/**
 * The records the MISP feed is built from, exactly as the graph returns them to the feed's
 * operations (`trusted-documents/misp/MispFeed.graphql`).
 */

export interface FeedOrganization {
  id: string;
  name: string;
}

export interface FeedIndicator {
  id: string;
  /** An `IndicatorType` of the graph; kept a string so a type added later is skipped, never a crash. */
  type: string;
  value: string;
  description: string | null;
  firstSeen: string | null;
  /** False when the source said not to alert on it (an imported MISP `to_ids` false, STIX observed-data). */
  forDetection: boolean;
}

export interface FeedIncident {
  id: string;
  title: string;
  summary: string;
  category: string;
  severity: string;
  status: string;
  tlp: string;
  detectedAt: string | null;
  reportedAt: string;
  updatedAt: string;
  reportedBy: FeedOrganization;
  indicators: FeedIndicator[];
}

export interface FeedAdvisory {
  id: string;
  title: string;
  body: string;
  severity: string;
  tlp: string;
  publishedAt: string;
  publishedBy: FeedOrganization;
  cveIds: string[];
  indicators: FeedIndicator[];
}

/** A page of a sync list, as `incidentsUpdatedSince` and `advisoriesPublishedSince` give it. */
export interface FeedPage<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean };
}
