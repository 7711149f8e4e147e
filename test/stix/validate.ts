import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const load = (name: string) => JSON.parse(readFileSync(new URL(name, import.meta.url), 'utf8')) as object;

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
ajv.addSchema(load('./stix-2.1.schema.json'));
ajv.addSchema(load('./taxii-2.1.schema.json'));

const STIX = 'https://cadg.example/schemas/stix-2.1.schema.json';
const TAXII = 'https://cadg.example/schemas/taxii-2.1.schema.json';

/** The schema errors of a value, as readable lines; empty when it is valid. */
function check(ref: string, value: unknown): string[] {
  const validate = ajv.getSchema(ref);
  if (!validate) throw new Error(`No schema ${ref}`);
  if (validate(value)) return [];
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}

/** Errors of a STIX 2.1 bundle against our schema (test/stix/stix-2.1.schema.json). */
export const stixBundleErrors = (bundle: unknown): string[] => check(STIX, bundle);
/** Errors of a TAXII 2.1 resource (`discovery`, `apiRoot`, `collections`, `collection`, `envelope`, `manifest`, `error`). */
export const taxiiErrors = (resource: string, value: unknown): string[] =>
  check(`${TAXII}#/$defs/${resource}`, value);
