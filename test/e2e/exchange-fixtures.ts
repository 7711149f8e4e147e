import { readFileSync } from 'node:fs';
import type { Bundle } from '@cadg/bench/stix-bundle';

export { indicatorBundle, type Bundle, type StixObject } from '@cadg/bench/stix-bundle';

/** STIX objects and bundles of the exchange tests (test/fixtures/stix/). */

/**
 * Our own fixture shaped like OpenCTI's and MISP's STIX 2.1 exports: an OpenCTI report with
 * `x_opencti_*` properties and its own TLP:AMBER+STRICT marking, a MISP grouping whose attributes
 * carry `misp:*` labels (indicators for `to_ids`, observed-data otherwise), and objects we do not
 * model. Every value is test data: documentation IP ranges and `.example` domains.
 */
export function exportedBundle(): Bundle {
  return JSON.parse(
    readFileSync(new URL('../fixtures/stix/opencti-misp-export.json', import.meta.url), 'utf8'),
  ) as Bundle;
}

/** The one object of a bundle matching a test, or a failed test. */
export function objectOf(bundle: Bundle, test: (o: Bundle['objects'][number]) => boolean) {
  const found = bundle.objects.find(test);
  if (!found) throw new Error('the fixture lacks an object the test needs');
  return found;
}

/** The fixture's objects by role, as the tests name them. */
export function roles(bundle: Bundle) {
  const named = (name: string) => objectOf(bundle, (o) => o['name'] === name);
  return {
    report: objectOf(bundle, (o) => o.type === 'report'),
    grouping: objectOf(bundle, (o) => o.type === 'grouping'),
    phishingDomain: named('Phishing landing domain'),
    mailRelay: named('Insider-reported mail relay'),
    invalid: objectOf(bundle, (o) => String(o['pattern'] ?? '').includes('999.12.1.300')),
  };
}
