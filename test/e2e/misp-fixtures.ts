import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * MISP events of the shapes MISP emits, written for these tests from MISP's data model (the
 * `/events/view` JSON of MISP/MISP and the feed documents of PyMISP's `to_feed`): numbers as
 * strings, `to_ids` as booleans, attributes in the event and in MISP objects (templates from
 * MISP/misp-objects), tags with MISP's colours, a galaxy cluster, and a served feed.
 * Every value is exercise data (RFC 5737 addresses, `.example` names).
 */

export type MispDocument = { Event: Record<string, unknown> };

/** The misp-objects templates the objects below are made from. */
const FILE_TEMPLATE = {
  name: 'file',
  'meta-category': 'file',
  description: 'File object describing a file with meta-information',
  template_uuid: '688c46fb-5edb-40a3-8273-1af7923e2215', // misp-objects: objects/file
  template_version: '24',
};
const DOMAIN_IP_TEMPLATE = {
  name: 'domain-ip',
  'meta-category': 'network',
  description: 'A domain and IP address seen as a tuple in a specific time frame.',
  template_uuid: '43b3b146-77eb-4931-b4cc-b66c60f28734', // misp-objects: objects/domain-ip
  template_version: '2',
};

/** A UUID with a fixed prefix and a counter, distinct per test that passes its own `seed`. */
export const uuidOf = (seed: number, n: number) =>
  `${seed.toString(16).padStart(8, '0')}-4d2c-4b8a-9e1f-${n.toString(16).padStart(12, '0')}`;

let attributeId = 1;
function attribute(
  uuid: string,
  type: string,
  value: string,
  options: {
    category?: string;
    toIds?: boolean | undefined;
    comment?: string;
    timestamp: string;
    relation?: string;
  },
) {
  return {
    id: String(attributeId++),
    type,
    category: options.category ?? 'Network activity',
    to_ids: options.toIds ?? true,
    uuid,
    event_id: '4211',
    distribution: '5',
    timestamp: options.timestamp,
    comment: options.comment ?? '',
    sharing_group_id: '0',
    deleted: false,
    disable_correlation: false,
    object_id: '0',
    object_relation: options.relation ?? null,
    first_seen: null,
    last_seen: null,
    value,
    Galaxy: [],
    ShadowAttribute: [],
  };
}

/** A MISP object of event 4211, made from `template`, holding `attributes`. */
function mispObject(
  template: typeof FILE_TEMPLATE,
  id: string,
  uuid: string,
  timestamp: string,
  attributes: ReturnType<typeof attribute>[],
) {
  return {
    id,
    ...template,
    event_id: '4211',
    uuid,
    timestamp,
    distribution: '5',
    sharing_group_id: '0',
    comment: '',
    deleted: false,
    ObjectReference: [],
    Attribute: attributes,
  };
}

export interface EventOptions {
  seed: number;
  info?: string;
  timestamp?: number;
  tags?: string[];
  threatLevel?: string;
  /** Attributes beyond the standard set, e.g. a 10,000-attribute event for the benchmark. */
  extra?: { type: string; value: string; toIds?: boolean }[];
}

/**
 * An event as MISP's API gives it (`{"Event": …}`): one of each supported attribute type, a
 * non-detection attribute, an unknown type, a `file` and a `domain-ip` object, a link, a comment,
 * a CVE, the TLP tag and a galaxy cluster.
 */
export function mispEvent(options: EventOptions): MispDocument {
  const timestamp = String(options.timestamp ?? 1_764_316_800);
  const u = (n: number) => uuidOf(options.seed, n);
  const at = { timestamp };
  const tags = options.tags ?? ['tlp:green', 'type:OSINT'];
  return {
    Event: {
      id: '4211',
      orgc_id: '2',
      org_id: '1',
      date: '2026-11-28',
      threat_level_id: options.threatLevel ?? '1',
      info: options.info ?? `Exercise: MISP phishing wave ${options.seed}`,
      published: true,
      uuid: u(0),
      attribute_count: '20',
      analysis: '2',
      timestamp,
      distribution: '1',
      proposal_email_lock: false,
      locked: false,
      publish_timestamp: timestamp,
      sharing_group_id: '0',
      disable_correlation: false,
      extends_uuid: '',
      Org: { id: '1', name: 'Receiving CERT (exercise)', uuid: u(900) },
      Orgc: { id: '2', name: 'Originating CERT (exercise)', uuid: u(901) },
      Attribute: [
        attribute(u(1), 'domain', `misp-${options.seed}.example`, at),
        attribute(u(2), 'hostname', `mail.misp-${options.seed}.example`, at),
        attribute(u(3), 'ip-src', '198.51.100.10', at),
        attribute(u(4), 'ip-dst', '2001:db8::10', at),
        attribute(u(5), 'ip-dst|port', '203.0.113.10|8443', at),
        attribute(u(6), 'url', `https://misp-${options.seed}.example/login`, at),
        attribute(u(7), 'email-src', `billing@misp-${options.seed}.example`, {
          ...at,
          category: 'Payload delivery',
        }),
        attribute(u(8), 'email-dst', 'victim@exercise-target.example', { ...at, toIds: false }),
        attribute(u(9), 'md5', 'd41d8cd98f00b204e9800998ecf8427e', { ...at, category: 'Payload delivery' }),
        attribute(u(10), 'sha1', 'da39a3ee5e6b4b0d3255bfef95601890afd80709', {
          ...at,
          category: 'Payload delivery',
          toIds: false,
        }),
        attribute(u(11), 'filename|sha512', `invoice.pdf.exe|${'cf83e135'.repeat(16)}`, {
          ...at,
          category: 'Payload delivery',
        }),
        attribute(u(12), 'link', 'https://exercise-advisories.example/misp-wave', {
          ...at,
          category: 'External analysis',
          toIds: false,
        }),
        attribute(u(13), 'comment', 'Phishing wave against exercise targets (test data).', {
          ...at,
          category: 'Other',
          toIds: false,
        }),
        attribute(u(14), 'vulnerability', 'CVE-2024-3400', {
          ...at,
          category: 'External analysis',
          toIds: false,
        }),
        attribute(u(15), 'btc', '1BoatSLRHtKNngkdXEeobR76b53LETtpyT', { ...at, category: 'Financial fraud' }),
        attribute(u(16), 'ip-dst', '999.1.1.1', at),
        ...(options.extra ?? []).map((a, n) =>
          attribute(u(10_000 + n), a.type, a.value, { ...at, toIds: a.toIds }),
        ),
      ],
      Object: [
        mispObject(FILE_TEMPLATE, '31', u(100), timestamp, [
          attribute(u(101), 'filename', 'invoice.pdf.exe', {
            ...at,
            category: 'Payload delivery',
            relation: 'filename',
          }),
          attribute(u(102), 'sha256', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', {
            ...at,
            category: 'Payload delivery',
            relation: 'sha256',
          }),
        ]),
        mispObject(DOMAIN_IP_TEMPLATE, '32', u(110), timestamp, [
          attribute(u(111), 'domain', `cdn.misp-${options.seed}.example`, { ...at, relation: 'domain' }),
          attribute(u(112), 'ip-dst', '192.0.2.44', { ...at, relation: 'ip', toIds: false }),
        ]),
      ],
      ShadowAttribute: [],
      RelatedEvent: [],
      EventReport: [],
      Galaxy: [
        {
          id: '12',
          uuid: '698774c7-8022-42c4-917f-8d6e4f06ada3',
          name: 'Threat Actor',
          type: 'threat-actor',
          namespace: 'misp',
          GalaxyCluster: [
            {
              type: 'threat-actor',
              value: 'Exercise Actor',
              tag_name: 'misp-galaxy:threat-actor="Exercise Actor"',
              source: 'exercise',
            },
          ],
        },
      ],
      Tag: tags.map((name) => ({
        name,
        colour: name.startsWith('tlp:') ? '#33FF00' : '#004646',
        exportable: true,
        hide_tag: false,
        is_galaxy: false,
        local: 0,
      })),
    },
  };
}

/** The indicators the standard event maps to, as `[type, value, forDetection]`, sorted. */
export function expectedIndicators(seed: number): [string, string, boolean][] {
  const host = `misp-${seed}.example`;
  const rows: [string, string, boolean][] = [
    ['DOMAIN', host, true],
    ['DOMAIN', `mail.${host}`, true],
    ['IPV4', '198.51.100.10', true],
    ['IPV6', '2001:db8::10', true],
    ['IPV4', '203.0.113.10', true],
    ['URL', `https://${host}/login`, true],
    ['EMAIL', `billing@${host}`, true],
    ['EMAIL', 'victim@exercise-target.example', false],
    ['FILE_MD5', 'd41d8cd98f00b204e9800998ecf8427e', true],
    ['FILE_SHA1', 'da39a3ee5e6b4b0d3255bfef95601890afd80709', false],
    ['FILE_SHA512', 'cf83e135'.repeat(16), true],
    ['FILE_SHA256', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', true],
    ['DOMAIN', `cdn.${host}`, true],
    ['IPV4', '192.0.2.44', false],
  ];
  return rows.sort((a, b) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`));
}

/** A MISP feed served over HTTP: `manifest.json` and `<uuid>.json`, as MISP's feeds are laid out. */
export class FeedServer {
  readonly events = new Map<string, MispDocument>();
  readonly requests: { path: string; headers: IncomingMessage['headers'] }[] = [];
  /** Files answered with this status instead (e.g. 500 to make a pull fail). */
  readonly failing = new Map<string, number>();
  #server: Server | null = null;
  url = '';

  async start(): Promise<void> {
    this.#server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://feed').pathname;
      this.requests.push({ path, headers: request.headers });
      const file = path.replace(/^\/feed\//, '');
      const failure = this.failing.get(file);
      const body = file === 'manifest.json' ? this.manifest() : this.events.get(file.replace(/\.json$/, ''));
      if (failure) response.writeHead(failure).end('failing on purpose');
      else if (!body) response.writeHead(404).end('not found');
      else response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server!.address() as AddressInfo).port}/feed`;
  }

  add(document: MispDocument): void {
    this.events.set(String(document.Event['uuid']), document);
  }

  /** As PyMISP's feed generator writes it: uuid → Orgc, Tag, info, date, analysis, threat level, timestamp. */
  manifest() {
    return Object.fromEntries(
      [...this.events].map(([uuid, { Event }]) => [
        uuid,
        {
          Orgc: Event['Orgc'],
          Tag: Event['Tag'],
          info: Event['info'],
          date: Event['date'],
          analysis: Number(Event['analysis']),
          threat_level_id: Number(Event['threat_level_id']),
          timestamp: Number(Event['timestamp']),
        },
      ]),
    );
  }

  /** Requests for one file so far. */
  hits(file: string): number {
    return this.requests.filter((r) => r.path === `/feed/${file}`).length;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }
}
