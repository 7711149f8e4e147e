/** A STIX object as the graph returns it inside a bundle. */
export type StixObject = { id: string; type: string } & Record<string, unknown>;

/** One object as a collection holds it: the object and when that version of it was added. */
export interface CollectionEntry {
  object: StixObject;
  /** RFC 3339, milliseconds: the `date_added` of TAXII. */
  dateAdded: string;
}

/** One record of a collection (an incident, an advisory) and the objects of its bundle. */
export interface CollectionRecord {
  /** The graph's cursor of the record. */
  cursor: string;
  /** When this version of the record entered the collection (RFC 3339, milliseconds). */
  dateAdded: string;
  objects: readonly StixObject[];
}

// Every bundle holds at least its record, the creator's identity and the marking.
const OBJECTS_PER_RECORD = 3;

/**
 * How many records to read so that `objects` objects follow a position whenever that many exist:
 * each record holds at least OBJECTS_PER_RECORD, plus the one record a `next` resumes inside.
 */
export const recordsFor = (objects: number): number => Math.ceil(objects / OBJECTS_PER_RECORD) + 1;

/** Where a page starts: after a record, skipping the first objects of the next one. */
export interface PagePosition {
  after: string | null;
  skip: number;
}

/** The `next` parameter: an opaque token for a position. */
export function encodeNext(position: PagePosition): string {
  return Buffer.from(JSON.stringify([position.after, position.skip]), 'utf8').toString('base64url');
}

/** The position in a `next` token, or null when the token is not one this server issued. */
export function decodeNext(token: string): PagePosition | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [after, skip] = parsed as unknown[];
    // The cursor itself is the graph's to judge: a forged one comes back as BAD_USER_INPUT, a 400.
    if (
      (after !== null && typeof after !== 'string') ||
      !Number.isSafeInteger(skip) ||
      (skip as number) < 0
    ) {
      return null;
    }
    return { after, skip: skip as number };
  } catch {
    return null;
  }
}

export interface ObjectPage {
  objects: CollectionEntry[];
  /** Where the next page starts, when anything follows. */
  next: PagePosition | null;
}

/**
 * Cuts at most `limit` objects out of the records that follow `position` (fetched with at least
 * `limit` records, so a page never runs short while more exist). TAXII counts objects, the graph
 * pages records; a position inside a record (`skip`) bridges the two, so a page may end halfway
 * through an incident's bundle and the next one resumes there.
 */
export function cutPage(
  records: readonly CollectionRecord[],
  position: PagePosition,
  limit: number,
  moreRecords: boolean,
): ObjectPage {
  const objects: ObjectPage['objects'] = [];
  let after = position.after;
  let skip = position.skip;
  for (const record of records) {
    const rest = record.objects.slice(skip);
    const room = limit - objects.length;
    objects.push(...rest.slice(0, room).map((object) => ({ object, dateAdded: record.dateAdded })));
    if (rest.length > room) return { objects, next: { after, skip: skip + room } };
    after = record.cursor;
    skip = 0;
    if (objects.length === limit) break;
  }
  const consumedAll = after === (records.at(-1)?.cursor ?? position.after);
  return { objects, next: moreRecords || !consumedAll ? { after, skip: 0 } : null };
}

/** Where a page of one object's versions resumes: after the entry with this `date_added` and version. */
export interface VersionPosition {
  dateAdded: string;
  version: string;
}

// A marker keeps these tokens apart from the collection's: one is never taken for the other.
const VERSION_TOKEN = 'v';

/** The `next` parameter of the single-object and versions endpoints. */
export function encodeVersionNext(position: VersionPosition): string {
  return Buffer.from(JSON.stringify([VERSION_TOKEN, position.dateAdded, position.version]), 'utf8').toString(
    'base64url',
  );
}

/** The position in a versions `next` token, or null when the token is not one this server issued. */
export function decodeVersionNext(token: string): VersionPosition | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 3) return null;
    const [marker, dateAdded, version] = parsed as unknown[];
    if (marker !== VERSION_TOKEN || typeof dateAdded !== 'string' || typeof version !== 'string') return null;
    if (Number.isNaN(Date.parse(dateAdded)) || Number.isNaN(Date.parse(version))) return null;
    return { dateAdded, version };
  } catch {
    return null;
  }
}
