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

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The STIX 2.1 rules that span properties or objects, which a JSON Schema cannot state:
 * §3.2 "the value of the modified property for a given object version MUST be later than or equal
 * to the value of the created property", and §2.9 "a producer MUST NOT reuse the UUID portion of
 * the identifier for objects of different types".
 */
export function stixRuleErrors(objects: readonly unknown[]): string[] {
  const errors: string[] = [];
  const typeOfUuid = new Map<string, string>();
  objects.forEach((object, index) => {
    if (!isObject(object)) return;
    const { id, created, modified } = object;
    if (
      typeof created === 'string' &&
      typeof modified === 'string' &&
      Date.parse(modified) < Date.parse(created)
    )
      errors.push(`/objects/${index} modified ${modified} is before created ${created} (§3.2)`);
    if (typeof id !== 'string') return;
    const [type, uuid] = id.split('--');
    if (!type || !uuid) return;
    const seen = typeOfUuid.get(uuid);
    if (seen !== undefined && seen !== type)
      errors.push(`/objects/${index} ${id} reuses the UUID of a ${seen} (§2.9)`);
    typeOfUuid.set(uuid, type);
  });
  return errors;
}

/** Errors of a STIX 2.1 bundle against our schema (test/stix/stix-2.1.schema.json) and the rules above. */
export const stixBundleErrors = (bundle: unknown): string[] => [
  ...check(STIX, bundle),
  ...(isObject(bundle) && Array.isArray(bundle['objects']) ? stixRuleErrors(bundle['objects']) : []),
];
/** Errors of one STIX object (as a TAXII envelope carries them) against our schema and the rules above. */
export const stixObjectErrors = (object: unknown): string[] => [
  ...check(`${STIX}#/$defs/object`, object),
  ...stixRuleErrors([object]),
];
/** Errors of a TAXII 2.1 resource (`discovery`, `apiRoot`, `collections`, `collection`, `envelope`, `manifest`, `versions`, `status`, `error`). */
export const taxiiErrors = (resource: string, value: unknown): string[] =>
  check(`${TAXII}#/$defs/${resource}`, value);
