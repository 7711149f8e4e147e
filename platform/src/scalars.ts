import { GraphQLScalarType, Kind } from 'graphql';
import { badUserInput } from './errors.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * PostgreSQL's calendar has no year 0 and writes no year past 9999 the way JavaScript does: a day
 * or instant outside years 1 to 9999 would fail inside a query, so it is refused as input.
 */
const inPostgresYears = (date: Date): boolean => date.getUTCFullYear() >= 1 && date.getUTCFullYear() <= 9999;

/** Checks `YYYY-MM-DD` is a real calendar day (so 2026-02-30 is refused), from year 1. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && inPostgresYears(date) && date.toISOString().startsWith(value);
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw badUserInput('Date', 'A Date must be a real calendar day written YYYY-MM-DD.');
  }
  return value;
}

/** Calendar dates travel as `YYYY-MM-DD` strings, which is also how drizzle returns `date` columns. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return parseDate(value);
  },
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : null),
});

// RFC 3339 with a mandatory offset, so "2026-11-27T08:00" (local to whom?) is refused.
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !RFC3339.test(value)) {
    throw badUserInput(
      'DateTime',
      'A DateTime must be RFC 3339 with a time zone, e.g. 2026-11-27T08:00:00Z.',
    );
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || !inPostgresYears(date))
    throw badUserInput('DateTime', 'The DateTime is not a real instant between years 1 and 9999.');
  return date;
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  serialize: (value) => {
    const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime())) throw new TypeError('DateTime cannot represent this value.');
    return date.toISOString();
  },
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : null),
});
