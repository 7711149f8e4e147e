/**
 * Generated STIX 2.1 content for the import benchmark and the TAXII write tests: repeatable (ids
 * derive from a label and a number), every value test data (`.example` domains, documentation
 * address ranges).
 */

export type StixObject = { id: string; type: string } & Record<string, unknown>;
export interface Bundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

const CREATED = '2026-11-20T00:00:00.000Z';
const TLP_GREEN = 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da';

/** A UUID (version-4 layout) derived from a label and a number. */
export function derivedUuid(label: string, n: number): string {
  let seed = 0;
  for (const char of label) seed = (seed * 31 + char.charCodeAt(0)) >>> 0;
  const head = seed.toString(16).padStart(8, '0');
  const tail = n.toString(16).padStart(12, '0');
  return `${head}-${tail.slice(0, 4)}-4${tail.slice(5, 8)}-8${tail.slice(9, 12)}-${tail}`;
}

const common = (type: string, label: string, n: number) => ({
  type,
  spec_version: '2.1',
  id: `${type}--${derivedUuid(label, n)}`,
  created: CREATED,
  modified: CREATED,
});

/** An indicator on one domain name, TLP:GREEN. */
export function domainIndicator(label: string, n: number): StixObject {
  return {
    ...common('indicator', label, n),
    name: `Generated indicator ${n}`,
    pattern: `[domain-name:value = 'host-${n}.${label}.example']`,
    pattern_type: 'stix',
    pattern_version: '2.1',
    valid_from: '2026-11-19T00:00:00Z',
    object_marking_refs: [TLP_GREEN],
  };
}

/** `count` domain indicators in a bundle. */
export function indicatorBundle(count: number, label: string): Bundle {
  const objects = Array.from({ length: count }, (_, n) => domainIndicator(label, n));
  return { type: 'bundle', id: `bundle--${derivedUuid(`${label}-bundle`, count)}`, objects };
}

/**
 * A bundle of exactly `count` objects mixed as platforms export them: 70% indicators, reports of
 * 100 indicators each, observed-data with an IPv4 observable each (two objects), and the rest
 * relationships, which are kept unmapped.
 */
export function mixedBundle(count: number, label: string): Bundle {
  const objects: StixObject[] = [];
  const indicators = Math.floor(count * 0.7);
  for (let n = 0; n < indicators; n++) objects.push(domainIndicator(label, n));
  for (let r = 0; r * 100 < indicators && objects.length < count; r++) {
    const refs = objects.slice(r * 100, Math.min(indicators, (r + 1) * 100)).map((o) => o.id);
    objects.push({
      ...common('report', label, r),
      name: `Generated report ${r}`,
      published: CREATED,
      report_types: ['threat-report'],
      object_refs: refs,
      object_marking_refs: [TLP_GREEN],
    });
  }
  for (let n = 0; objects.length + 2 <= count && n < count * 0.1; n++) {
    // Cyber-observables have no created or modified (STIX 2.1 §6); documentation range (RFC 5737).
    const address = {
      type: 'ipv4-addr',
      spec_version: '2.1',
      id: `ipv4-addr--${derivedUuid(label, n)}`,
      value: `198.51.100.${(n % 254) + 1}`,
    };
    objects.push(address, {
      ...common('observed-data', label, n),
      first_observed: CREATED,
      last_observed: CREATED,
      number_observed: 1,
      object_refs: [address.id],
    });
  }
  for (let n = 0; objects.length < count; n++) {
    objects.push({
      ...common('relationship', label, n),
      relationship_type: 'related-to',
      source_ref: objects[n % indicators]!.id,
      target_ref: objects[(n + 1) % indicators]!.id,
    });
  }
  return { type: 'bundle', id: `bundle--${derivedUuid(`${label}-bundle`, count)}`, objects };
}
