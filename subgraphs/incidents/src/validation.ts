import { badUserInput, optionalText } from '@cadg/platform';
import type { IndicatorType } from './rows.ts';
import { normaliseIndicator } from './indicators.ts';

/** The shared text rules, under the names this subgraph's modules use. */
export { optionalText, organizationIds, requiredText as text } from '@cadg/platform';

/** Upper-cased, de-duplicated alpha-2 codes; existence is checked against contacts separately. */
export function countryCodes(
  field: string,
  codes: readonly string[],
  { required }: { required: boolean },
): string[] {
  const normalised = [...new Set(codes.map((code) => code.trim().toUpperCase()))];
  const bad = normalised.find((code) => !/^[A-Z]{2}$/.test(code));
  if (bad !== undefined) throw badUserInput(field, `"${bad}" is not an ISO 3166-1 alpha-2 country code.`);
  if (required && normalised.length === 0) throw badUserInput(field, 'Name at least one affected country.');
  if (normalised.length > 50) throw badUserInput(field, 'At most 50 countries.');
  return normalised;
}

/** Refuses instants in the future (a minute of slack for clocks running ahead of ours). */
export function notInFuture(field: string, value: Date | null | undefined, now = new Date()): Date | null {
  if (!value) return null;
  if (value.getTime() > now.getTime() + 60_000)
    throw badUserInput(field, `${field} cannot be in the future.`);
  return value;
}

export function cveIds(field: string, ids: readonly string[] | null | undefined): string[] {
  const normalised = [...new Set((ids ?? []).map((id) => id.trim().toUpperCase()))];
  const bad = normalised.find((id) => !/^CVE-\d{4}-\d{4,}$/.test(id));
  if (bad !== undefined) throw badUserInput(field, `"${bad}" is not a CVE id such as CVE-2024-3400.`);
  return normalised;
}

export interface IndicatorInput {
  type: IndicatorType;
  value: string;
  description?: string | null;
  firstSeen?: Date | null;
}

export function indicators(field: string, inputs: readonly IndicatorInput[] | null | undefined) {
  if ((inputs ?? []).length > 500) throw badUserInput(field, 'At most 500 indicators at once.');
  return (inputs ?? []).map((input, index) => ({
    type: input.type,
    value: normaliseIndicator(`${field}.${index}.value`, input.type, input.value),
    description: optionalText(`${field}.${index}.description`, input.description, 1000),
    firstSeen: notInFuture(`${field}.${index}.firstSeen`, input.firstSeen),
  }));
}
