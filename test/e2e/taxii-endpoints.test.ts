/**
 * The TAXII 2.1 read endpoints beyond discovery and collections (TAXII 2.1 §5.3, §5.6): manifests
 * and single objects, over real HTTP. Versions, status and the refusal of writes:
 * taxii-endpoints-versions.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { taxiiErrors } from '../stix/validate.ts';
import {
  ADVISORIES,
  INCIDENTS,
  NEVER,
  clear,
  expectError,
  keysOfObjects,
  keysOfRecords,
  ok,
  outsider,
  pollManifest,
  pollObjects,
  recipient,
  red,
  taxii,
  useTaxiiFixtures,
  versionOf,
  type Envelope,
  type Manifest,
} from './taxii-endpoints-fixtures.ts';

useTaxiiFixtures();

describe('Get Object Manifests (§5.3)', () => {
  it('gives a manifest record for each object version the objects endpoint returns', async () => {
    const objects = await pollObjects(INCIDENTS, recipient, { limit: '500' });
    const { records } = await pollManifest(INCIDENTS, recipient, { limit: '500' });
    expect(keysOfRecords(records)).toEqual(keysOfObjects(objects));
    expect(records.every((r) => r.media_type === 'application/stix+json;version=2.1')).toBe(true);
    expect(keysOfRecords(records)).toContain(`${red.incident.id}@${versionOf(red.incident)}`);
  });

  it('sets X-TAXII-Date-Added-First and -Last to the first and last date_added of the page', async () => {
    const response = await taxii(`${INCIDENTS}/manifest/?limit=5`, { token: recipient });
    const page = await ok<Manifest>(response);
    expect(taxiiErrors('manifest', page)).toEqual([]);
    const dates = page.objects!.map((r) => r.date_added);
    expect([...dates].sort()).toEqual(dates);
    expect(response.headers.get('X-TAXII-Date-Added-First')).toBe(dates[0]);
    expect(response.headers.get('X-TAXII-Date-Added-Last')).toBe(dates.at(-1));
  });

  it('pages by limit with more and next, giving the same records as one large page', async () => {
    const whole = await pollManifest(INCIDENTS, recipient, { limit: '500' });
    const paged = await pollManifest(INCIDENTS, recipient, { limit: '2' });
    expect(paged.pages).toBeGreaterThan(3);
    expect([...new Set(keysOfRecords(paged.records))].sort()).toEqual(
      [...new Set(keysOfRecords(whole.records))].sort(),
    );
  });

  it('continues from X-TAXII-Date-Added-Last with added_after and leaves objects out when none follow', async () => {
    const first = await taxii(`${INCIDENTS}/manifest/?limit=500`, { token: recipient });
    await ok<Manifest>(first);
    const last = first.headers.get('X-TAXII-Date-Added-Last')!;
    const after = await taxii(`${INCIDENTS}/manifest/?added_after=${encodeURIComponent(last)}`, {
      token: recipient,
    });
    const body = await ok<Manifest>(after);
    expect(taxiiErrors('manifest', body)).toEqual([]);
    expect(body).toEqual({ more: false });
    expect(after.headers.get('X-TAXII-Date-Added-First')).toBeNull();
  });

  it('filters on the objects, not the records: match[type], match[id] and match[spec_version]', async () => {
    const whole = await pollObjects(INCIDENTS, recipient, { limit: '500' });
    const typed = await pollManifest(INCIDENTS, recipient, { 'match[type]': 'indicator,relationship' });
    expect(keysOfRecords(typed.records)).toEqual(
      keysOfObjects(whole.filter((o) => o.type === 'indicator' || o.type === 'relationship')),
    );
    expect(typed.records.map((r) => r.id)).toContain(red.indicator.id);

    const byId = await pollManifest(INCIDENTS, recipient, {
      'match[id]': `${red.incident.id},${clear.incident.id}`,
    });
    expect(byId.records.map((r) => r.id).sort()).toEqual([red.incident.id, clear.incident.id].sort());

    const stix20 = await pollManifest(INCIDENTS, recipient, { 'match[spec_version]': '2.0' });
    expect(stix20.records).toEqual([]);
    const stix21 = await pollManifest(INCIDENTS, recipient, {
      'match[spec_version]': '2.0,2.1',
      limit: '500',
    });
    expect(keysOfRecords(stix21.records)).toEqual(keysOfObjects(whole));
  });

  it('filters by match[version]: first, last, all and exact timestamps', async () => {
    const only = { 'match[id]': red.incident.id };
    const expected = [`${red.incident.id}@${versionOf(red.incident)}`];
    for (const version of ['first', 'last', 'all', 'first,last', versionOf(red.incident)]) {
      const { records } = await pollManifest(INCIDENTS, recipient, { ...only, 'match[version]': version });
      expect(keysOfRecords(records), version).toEqual(expected);
    }
    const other = await pollManifest(INCIDENTS, recipient, { ...only, 'match[version]': NEVER });
    expect(other.records).toEqual([]);

    // An exact version selects every object whose version it is, and only those.
    const exact = await pollObjects(INCIDENTS, recipient, { 'match[version]': versionOf(red.incident) });
    expect(exact.map((o) => o.id)).toContain(red.incident.id);
    expect(exact.every((o) => versionOf(o) === versionOf(red.incident))).toBe(true);
  });

  it('filters the objects endpoint exactly as the manifest', async () => {
    const queries: Record<string, string>[] = [
      { 'match[type]': 'incident' },
      { 'match[id]': `${red.indicator.id},${clear.identity.id}` },
      { 'match[version]': versionOf(red.incident), 'match[type]': 'incident,indicator' },
      { 'match[spec_version]': '2.1', limit: '7' },
    ];
    for (const query of queries) {
      const objects = await pollObjects(INCIDENTS, recipient, query);
      const { records } = await pollManifest(INCIDENTS, recipient, query);
      expect(keysOfObjects(objects), JSON.stringify(query)).toEqual(keysOfRecords(records));
      expect(objects.length, JSON.stringify(query)).toBeGreaterThan(0);
    }
  });

  it('hides from a member what TLP hides, as the objects endpoint does', async () => {
    const { records } = await pollManifest(INCIDENTS, outsider, { 'match[type]': 'incident,indicator' });
    const ids = records.map((r) => r.id);
    expect(ids).not.toContain(red.incident.id);
    expect(ids).not.toContain(red.indicator.id);
    expect(ids).toContain(clear.incident.id);
    const anonymous = await pollManifest(INCIDENTS, undefined, { 'match[id]': red.incident.id });
    expect(anonymous.records).toEqual([]);
  });

  it('refuses malformed filters with 400 and a TAXII error', async () => {
    const bad = [
      'match[version]=all,last',
      'match[version]=yesterday',
      'match[version]=last,last',
      'match[type]=indicator&match[type]=incident',
      'match[type]=',
      'limit=0',
      'limit=two',
      'added_after=soon',
      'next=not-a-token',
    ];
    for (const query of bad) {
      for (const endpoint of ['manifest', 'objects']) {
        await expectError(await taxii(`${INCIDENTS}/${endpoint}/?${query}`, { token: recipient }), 400);
      }
    }
  });
});

describe('Get an Object (§5.6)', () => {
  const objectPath = (id: string, collection = INCIDENTS) => `${collection}/objects/${id}/`;

  it('returns the object in an envelope, with its date-added headers', async () => {
    const response = await taxii(objectPath(red.incident.id), { token: recipient });
    const body = await ok<Envelope>(response);
    expect(taxiiErrors('envelope', body)).toEqual([]);
    expect(body).toEqual({ more: false, objects: [red.incident] });
    const { records } = await pollManifest(INCIDENTS, recipient, { 'match[id]': red.incident.id });
    expect(response.headers.get('X-TAXII-Date-Added-First')).toBe(records[0]!.date_added);
    expect(response.headers.get('X-TAXII-Date-Added-Last')).toBe(records[0]!.date_added);
  });

  it('finds objects by collection id as well as alias, and advisories in their collection', async () => {
    const collections = await ok<{ collections: { id: string; alias: string }[] }>(
      await taxii('/taxii2/cadg/collections/'),
    );
    const incidentsId = collections.collections.find((c) => c.alias === 'incidents')!.id;
    const byId = await ok<Envelope>(
      await taxii(`/taxii2/cadg/collections/${incidentsId}/objects/${clear.incident.id}/`),
    );
    expect(byId.objects).toEqual([clear.incident]);

    const [report] = await pollObjects(ADVISORIES, undefined, { 'match[type]': 'report' });
    const single = await ok<Envelope>(await taxii(objectPath(report!.id, ADVISORIES)));
    expect(single.objects).toEqual([report]);
    // An object of one collection is not in another.
    await expectError(await taxii(objectPath(report!.id, INCIDENTS)), 404);
  });

  it('gives an object that several bundles carry once, as first added', async () => {
    const body = await ok<Envelope>(await taxii(objectPath(clear.identity.id), { token: recipient }));
    expect(body.objects).toEqual([clear.identity]);
  });

  it('selects versions with match[version] and filters with added_after and match[spec_version]', async () => {
    for (const version of ['first', 'last', 'all', versionOf(red.incident)]) {
      const body = await ok<Envelope>(
        await taxii(`${objectPath(red.incident.id)}?match[version]=${version}`, { token: recipient }),
      );
      expect(body.objects, version).toEqual([red.incident]);
    }
    // The object exists, so versions the filters exclude give an empty envelope, not 404.
    for (const query of [
      `match[version]=${NEVER}`,
      'match[spec_version]=2.0',
      `added_after=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
    ]) {
      const response = await taxii(`${objectPath(red.incident.id)}?${query}`, { token: recipient });
      expect(await ok<Envelope>(response), query).toEqual({ more: false });
      expect(response.headers.get('X-TAXII-Date-Added-Last')).toBeNull();
    }
    await expectError(
      await taxii(`${objectPath(red.incident.id)}?match[version]=all,first`, { token: recipient }),
      400,
    );
  });

  it('is 404 for an object the caller may not see under TLP, exactly as for one that does not exist', async () => {
    for (const id of [red.incident.id, red.indicator.id]) {
      await ok<Envelope>(await taxii(objectPath(id), { token: recipient }));
      const hidden = await expectError(await taxii(objectPath(id), { token: outsider }), 404);
      const anonymous = await expectError(await taxii(objectPath(id)), 404);
      const missing = await expectError(
        await taxii(objectPath(`incident--${randomUUID()}`), { token: outsider }),
        404,
      );
      expect(hidden).toEqual(missing);
      expect(anonymous).toEqual(missing);
    }
    const visible = await ok<Envelope>(await taxii(objectPath(clear.incident.id)));
    expect(visible.objects).toEqual([clear.incident]);
    await expectError(await taxii(objectPath('not-a-stix-id'), { token: recipient }), 404);
    await expectError(await taxii(`${INCIDENTS}/objects/%E0%A4%A/`, { token: recipient }), 404);
  });

  it('refuses other media types with 406 and bad tokens with 401', async () => {
    await expectError(await taxii(objectPath(clear.incident.id), { accept: 'application/json' }), 406);
    await expectError(
      await taxii(objectPath(clear.incident.id), { accept: 'application/taxii+json;version=2.0' }),
      406,
    );
    const bad = await taxii(objectPath(clear.incident.id), { token: 'not-a-token' });
    await expectError(bad, 401);
    expect(bad.headers.get('www-authenticate')).toMatch(/^Bearer/);
    await expectError(await taxii(objectPath('not-a-stix-id'), { token: 'not-a-token' }), 401);
  });
});
