/**
 * A small MISP feed reader for tests: it walks a feed as MISP's feed fetcher does
 * (`app/Model/Feed.php` in MISP/MISP: the feed's headers setting, `manifest.json`, then
 * `<uuid>.json` for each event, and `hashes.csv` for the feed cache) and checks every field MISP
 * reads against MISP's data model. Written from MISP's documented formats, not from our code.
 */

/** MISP sends these on every feed request (`__createFeedRequest`). */
const MISP_ACCEPT = 'application/json, text/plain, text/*';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The categories MISP allows for each attribute type the feed may carry (`category_type_mappings`
 * of MISP's describeTypes.json). A type missing here is one MISP would not know.
 */
export const MISP_CATEGORIES: Readonly<Record<string, readonly string[]>> = {
  url: ['Payload delivery', 'Network activity', 'External analysis'],
  domain: ['Payload delivery', 'Network activity', 'External analysis'],
  'ip-src': ['Payload delivery', 'Network activity', 'External analysis'],
  'ip-dst': ['Payload delivery', 'Network activity', 'External analysis'],
  'email-src': ['Payload delivery', 'Network activity', 'Social network'],
  md5: ['Payload delivery', 'Artifacts dropped', 'Payload installation', 'External analysis'],
  sha1: ['Payload delivery', 'Artifacts dropped', 'Payload installation', 'External analysis'],
  sha256: ['Payload delivery', 'Artifacts dropped', 'Payload installation', 'External analysis'],
  sha512: ['Payload delivery', 'Artifacts dropped', 'Payload installation'],
  vulnerability: ['Payload delivery', 'Payload installation', 'External analysis'],
  comment: ['Other', 'Internal reference', 'External analysis'],
};

/** Types MISP's feed cache does not correlate (so `hashes.csv` need not list them). */
export const MISP_NON_CORRELATING = new Set(['comment']);

/** The TLP values of MISP's `tlp` taxonomy that TLP 2.0 uses. */
export const TLP_TAG_NAMES = ['tlp:clear', 'tlp:green', 'tlp:amber', 'tlp:amber+strict', 'tlp:red'];

export interface MispAttribute {
  uuid: string;
  type: string;
  category: string;
  value: string;
  to_ids: boolean;
  comment: string;
  timestamp: string;
  first_seen?: string;
}

export interface MispEvent {
  uuid: string;
  info: string;
  date: string;
  threat_level_id: string;
  analysis: string;
  timestamp: string;
  published: boolean;
  Orgc: { name: string; uuid: string };
  Tag: { name: string; colour?: string }[];
  Attribute: MispAttribute[];
}

export interface ManifestEntry {
  Orgc: { name: string; uuid: string };
  Tag: { name: string }[];
  info: string;
  date: string;
  analysis: number;
  threat_level_id: number;
  timestamp: number;
}

/**
 * The feed's "headers" setting as MISP parses it: one `Name: value` per line, split at the first
 * colons (MISP keeps only what lies between the first and second colon, so a value must hold none).
 */
export function feedHeaders(setting: string): Record<string, string> {
  const headers: Record<string, string> = { accept: MISP_ACCEPT };
  for (const line of setting.split('\n')) {
    const [name, value] = line.split(':');
    if (name?.trim() && value?.trim()) headers[name.trim()] = value.trim();
  }
  return headers;
}

/** What went wrong with one event, as sentences; empty when MISP would take it. */
export function eventProblems(event: MispEvent, manifest?: ManifestEntry): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(`${event.uuid}: ${problem}`);
  };
  check(UUID.test(event.uuid), 'uuid is not a UUID');
  check(typeof event.info === 'string' && event.info.length > 0, 'info is empty');
  check(/^\d{4}-\d{2}-\d{2}$/.test(event.date), 'date is not YYYY-MM-DD');
  check(['1', '2', '3', '4'].includes(event.threat_level_id), 'threat_level_id is not 1–4');
  check(['0', '1', '2'].includes(event.analysis), 'analysis is not 0–2');
  check(/^\d+$/.test(event.timestamp), 'timestamp is not a number of seconds');
  check(typeof event.published === 'boolean', 'published is not a boolean');
  check(!!event.Orgc?.name && UUID.test(event.Orgc?.uuid ?? ''), 'Orgc lacks a name or a uuid');
  check(Array.isArray(event.Tag) && event.Tag.every((tag) => !!tag.name), 'a Tag has no name');
  const tlp = (event.Tag ?? []).filter((tag) => tag.name.startsWith('tlp:'));
  check(tlp.length === 1 && TLP_TAG_NAMES.includes(tlp[0]!.name), 'not exactly one TLP tag of the taxonomy');
  check(Array.isArray(event.Attribute), 'Attribute is not a list');
  const uuids = new Set<string>();
  for (const attribute of event.Attribute ?? []) {
    const categories = MISP_CATEGORIES[attribute.type];
    check(categories !== undefined, `attribute type ${attribute.type} is not one MISP knows here`);
    check(!!categories?.includes(attribute.category), `${attribute.type} cannot be in ${attribute.category}`);
    check(typeof attribute.value === 'string' && attribute.value.length > 0, 'an attribute value is empty');
    check(typeof attribute.to_ids === 'boolean', 'to_ids is not a boolean');
    check(typeof attribute.comment === 'string', 'comment is not a string');
    check(UUID.test(attribute.uuid) && !uuids.has(attribute.uuid), 'attribute uuid missing or repeated');
    check(
      /^\d+$/.test(attribute.timestamp) && Number(attribute.timestamp) <= Number(event.timestamp),
      'attribute timestamp is after the event',
    );
    check(
      attribute.first_seen === undefined || Number.isFinite(Date.parse(attribute.first_seen)),
      'first_seen is no date',
    );
    uuids.add(attribute.uuid);
  }
  if (manifest) {
    check(manifest.timestamp === Number(event.timestamp), 'manifest timestamp differs from the event');
    check(manifest.info === event.info && manifest.date === event.date, 'manifest info or date differs');
    check(manifest.threat_level_id === Number(event.threat_level_id), 'manifest threat level differs');
    check(manifest.analysis === Number(event.analysis), 'manifest analysis differs');
    check(JSON.stringify(manifest.Orgc) === JSON.stringify(event.Orgc), 'manifest Orgc differs');
    check(
      JSON.stringify(manifest.Tag.map((t) => t.name)) === JSON.stringify(event.Tag.map((t) => t.name)),
      'manifest Tag differs',
    );
  }
  return problems;
}

export interface PulledFeed {
  manifest: Record<string, ManifestEntry>;
  events: Map<string, MispEvent>;
  problems: string[];
}

/**
 * Pulls a whole feed as MISP does: the manifest, then every event it lists. Any failure that
 * would stop MISP's pull is thrown; field problems are collected.
 */
export async function pullFeed(url: string, setting = ''): Promise<PulledFeed> {
  const headers = feedHeaders(setting);
  const response = await fetch(`${url}/manifest.json`, { headers });
  if (response.status !== 200) throw new Error(`manifest.json: ${response.status} ${await response.text()}`);
  const manifest = (await response.json()) as Record<string, ManifestEntry>;
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    throw new Error('manifest.json is not an object keyed by event uuid');
  }
  const events = new Map<string, MispEvent>();
  const problems: string[] = [];
  for (const [uuid, entry] of Object.entries(manifest)) {
    // MISP refuses a manifest key that is not a UUID before it fetches anything.
    if (!UUID.test(uuid)) throw new Error(`manifest key ${uuid} is not a UUID`);
    const eventResponse = await fetch(`${url}/${uuid}.json`, { headers });
    if (eventResponse.status !== 200) throw new Error(`${uuid}.json: ${eventResponse.status}`);
    const document = (await eventResponse.json()) as { Event?: MispEvent };
    if (!document.Event || document.Event.uuid !== uuid) throw new Error(`${uuid}.json: Event.uuid differs`);
    problems.push(...eventProblems(document.Event, entry));
    events.set(uuid, document.Event);
  }
  return { manifest, events, problems };
}

/** `hashes.csv` as MISP's feed cache reads it: `[md5, event uuid]` per line. */
export async function pullHashes(url: string, setting = ''): Promise<[string, string][]> {
  const response = await fetch(`${url}/hashes.csv`, { headers: feedHeaders(setting) });
  if (response.status !== 200) throw new Error(`hashes.csv: ${response.status}`);
  return (await response.text())
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [hash, uuid, ...rest] = line.split(',');
      if (!/^[0-9a-f]{32}$/.test(hash ?? '') || !UUID.test(uuid ?? '') || rest.length > 0) {
        throw new Error(`hashes.csv line is not <md5>,<uuid>: ${line}`);
      }
      return [hash!, uuid!];
    });
}
