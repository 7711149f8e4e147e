/**
 * What every answer of the gateway and of each subgraph port must look like, whatever it was
 * sent: a GraphQL response whose errors each carry a message and a code (never
 * INTERNAL_SERVER_ERROR for a client's mistake), and nothing about the server behind it.
 */

/** Signs of internals in a response: stack frames, paths, addresses of subgraphs, the database. */
export const LEAK_PATTERNS: readonly (readonly [string, RegExp])[] = [
  ['stack frame', /(?:\n|\\n)\s*at \S/],
  ['stack frame', /\bat [\w.<>$]+ \((?:file:|node:|\/)/],
  ['node_modules path', /node_modules/],
  ['repository path', /\/work\//],
  ['source location', /\.(?:ts|js|mjs|cjs):\d+/],
  ['internal address', /(?:127\.0\.0\.1|localhost|\[::1?\]):\d+/],
  [
    'database',
    /postgres|pglite|drizzle|\bSQLSTATE\b|\bpg_[a-z]+|relation "|violates .* constraint|syntax error at or near/i,
  ],
  [
    'error class dump',
    /(?<![Ss]yntax )\b(?:[A-Z][A-Za-z]*)?Error: |\[object Object\]|\bECONN[A-Z]+\b|\bfetch failed\b|undici/,
  ],
  ['debug extension', /"(?:stacktrace|exception|originalError)"/],
];

/** The names of the leak patterns `text` matches. */
export function leaksIn(text: string): string[] {
  return LEAK_PATTERNS.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Problems with one GraphQL error as a client receives it; empty when it is well formed. */
export function errorProblems(error: unknown, where: string): string[] {
  if (!isObject(error)) return [`${where} is not an object`];
  const problems: string[] = [];
  if (typeof error['message'] !== 'string' || error['message'] === '')
    problems.push(`${where}.message is not a non-empty string`);
  const extensions = error['extensions'];
  if (!isObject(extensions) || typeof extensions['code'] !== 'string' || extensions['code'] === '')
    problems.push(`${where}.extensions.code is not a string`);
  else if (extensions['code'] === 'INTERNAL_SERVER_ERROR')
    problems.push(`${where} is INTERNAL_SERVER_ERROR: hostile input must be a client error`);
  if ('locations' in error && !Array.isArray(error['locations']))
    problems.push(`${where}.locations is not a list`);
  if ('path' in error && !Array.isArray(error['path'])) problems.push(`${where}.path is not a list`);
  return problems;
}

/** Problems with a GraphQL response object (`{ data?, errors?, extensions? }`). */
export function resultProblems(result: unknown, where = 'response'): string[] {
  if (!isObject(result)) return [`${where} is not a JSON object`];
  const problems: string[] = [];
  const unknownKeys = Object.keys(result).filter((key) => !['data', 'errors', 'extensions'].includes(key));
  if (unknownKeys.length)
    problems.push(`${where} has keys besides data, errors, extensions: ${unknownKeys.join(', ')}`);
  if (!('data' in result) && !('errors' in result)) problems.push(`${where} has neither data nor errors`);
  if ('data' in result && result['data'] !== null && !isObject(result['data']))
    problems.push(`${where}.data is neither null nor an object`);
  if ('errors' in result) {
    const errors = result['errors'];
    if (!Array.isArray(errors) || errors.length === 0)
      problems.push(`${where}.errors is not a non-empty list`);
    else errors.forEach((error, i) => problems.push(...errorProblems(error, `${where}.errors[${i}]`)));
  }
  return problems;
}

/** Error codes in a result, in order. */
export function codesIn(result: unknown): string[] {
  if (!isObject(result) || !Array.isArray(result['errors'])) return [];
  return result['errors'].map((error: unknown) =>
    isObject(error) && isObject(error['extensions']) ? String(error['extensions']['code']) : '',
  );
}

/** True when a result carries data for some field (a mutation that ran would). */
export function hasFieldData(result: unknown): boolean {
  if (!isObject(result) || !isObject(result['data'])) return false;
  return Object.values(result['data']).some((value) => value !== null);
}

/**
 * Problems with a subgraph port's answer that only the gateway may get: field suggestions ("Did
 * you mean …?") name fields of the schema, and the given root fields (`_service`, introspection,
 * by response key) must answer null or not at all.
 */
export function privateSchemaProblems(
  result: unknown,
  where: string,
  nullFields: readonly string[] = [],
): string[] {
  if (!isObject(result)) return [];
  const problems: string[] = [];
  const errors = Array.isArray(result['errors']) ? result['errors'] : [];
  errors.forEach((error: unknown, i) => {
    // graphql-js names schema members in quotes ('Did you mean "countries"?'); its lexer's "did you
    // mean to use a double quote" is about syntax and tells nothing of the schema.
    if (isObject(error) && typeof error['message'] === 'string' && /did you mean "/i.test(error['message']))
      problems.push(`${where}.errors[${i}] suggests field names to a caller that is not the gateway`);
  });
  const data = result['data'];
  for (const key of nullFields)
    if (isObject(data) && data[key] !== null && data[key] !== undefined)
      problems.push(`${where}.data.${key} answers a caller that is not the gateway`);
  return problems;
}

/** `text` as a JSON string, cut at `max` characters (saying how long it was), for failure reports. */
export const abridge = (text: string, max: number) =>
  text.length <= max
    ? JSON.stringify(text)
    : `${JSON.stringify(text.slice(0, max))}… (${text.length} characters)`;
