import { request, type Agent, type IncomingHttpHeaders } from 'node:http';
import { abridge, codesIn, hasFieldData, leaksIn, privateSchemaProblems, resultProblems } from './checks.ts';
import type { HttpCase } from './http-cases.ts';
import type { Vocabulary } from './vocabulary.ts';

// Sending one HTTP fuzz case and judging the answer.

const REQUEST_TIMEOUT_MS = 20_000;

interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

function send(url: string, fuzzCase: HttpCase, agent: Agent): Promise<HttpAnswer> {
  const target = new URL(url);
  if (fuzzCase.search !== undefined) target.search = fuzzCase.search;
  const body = fuzzCase.body === undefined ? undefined : Buffer.from(fuzzCase.body);
  const headers: Record<string, string | number> = { ...fuzzCase.headers };
  if (body && !fuzzCase.chunked) headers['content-length'] = body.byteLength;
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      { method: fuzzCase.method, headers, agent, timeout: REQUEST_TIMEOUT_MS },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
    req.on('error', reject);
    if (body && fuzzCase.chunked) {
      // Two writes without a length make node send the body chunked.
      req.write(body.subarray(0, 1));
      req.end(body.subarray(1));
    } else req.end(body);
  });
}

/** Sends one case and returns what was wrong with the answer (nothing, for a good one). */
export async function runHttpCase(
  url: string,
  fuzzCase: HttpCase,
  agent: Agent,
  vocabulary: Vocabulary,
): Promise<string[]> {
  let answer: HttpAnswer;
  try {
    answer = await send(url, fuzzCase, agent);
  } catch (error) {
    return [`the request failed: ${error instanceof Error ? error.message : String(error)}`];
  }
  return httpProblems(fuzzCase, answer, vocabulary);
}

function httpProblems(
  fuzzCase: HttpCase,
  { status, headers, text }: HttpAnswer,
  vocabulary: Vocabulary,
): string[] {
  const problems: string[] = [];
  const preview = abridge(text, 600);
  if (status >= 500) problems.push(`status ${status}`);
  const leaks = leaksIn(`${JSON.stringify(headers)}\n${text}`);
  if (leaks.length) problems.push(`the response shows internals (${leaks.join(', ')}): ${preview}`);
  // Content negotiation: a client that accepts no JSON type may be told 406 with nothing to parse.
  if (status === 406 && !acceptsJson(fuzzCase.headers['accept'])) return problems;
  const expect = fuzzCase.expect;
  if (expect?.status && !expect.status.includes(status))
    problems.push(`status ${status}, expected ${expect.status.join(' or ')}`);
  const contentType = String(headers['content-type'] ?? '');
  if (!/json/.test(contentType)) problems.push(`content-type is "${contentType}", not JSON: ${preview}`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    problems.push(`the body is not JSON: ${preview}`);
    return problems;
  }
  // Only a batch (a JSON array that parses as one) may be answered with a list of results.
  const results = Array.isArray(body) && isJsonArray(fuzzCase.body) ? body : [body];
  results.forEach((result, i) => {
    const where = results.length === 1 && !Array.isArray(body) ? 'response' : `response[${i}]`;
    problems.push(...resultProblems(result, where));
    if (vocabulary.subgraph) problems.push(...privateSchemaProblems(result, where, expect?.nullFields));
    if (expect?.codes) {
      const codes = codesIn(result);
      if (codes.length === 0 || codes.some((code) => !expect.codes!.includes(code)))
        problems.push(`${where} codes [${codes.join(', ')}], expected only ${expect.codes.join(' or ')}`);
    }
    if (expect?.noData && hasFieldData(result))
      problems.push(`${where} has data where none may be: ${preview}`);
    if (expect?.noErrors && (codesIn(result).length > 0 || !hasFieldData(result)))
      problems.push(`${where} is not a clean result: ${preview}`);
  });
  if (problems.length && !problems.some((p) => p.includes(preview))) problems.push(`body: ${preview}`);
  return problems;
}

/** True when an Accept header admits a JSON response (no header admits anything). */
function acceptsJson(accept: string | undefined): boolean {
  if (accept === undefined) return true;
  return accept.split(',').some((range) => {
    const [type = '', ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
    const refused = parameters.some((parameter) => /^q=0(\.0*)?$/.test(parameter));
    return (
      !refused &&
      /^(\*\/\*|application\/\*|application\/json|application\/graphql-response\+json)$/.test(type)
    );
  });
}

function isJsonArray(body: HttpCase['body']): boolean {
  if (typeof body !== 'string') return false;
  try {
    return Array.isArray(JSON.parse(body));
  } catch {
    return false;
  }
}

export function describeHttp(fuzzCase: HttpCase): string {
  const headers = Object.fromEntries(
    Object.entries(fuzzCase.headers).map(([name, value]) => [name, abridge(value, 120)]),
  );
  const body =
    fuzzCase.body === undefined
      ? 'none'
      : typeof fuzzCase.body === 'string'
        ? abridge(fuzzCase.body, 800)
        : `${fuzzCase.body.byteLength} bytes`;
  return `${fuzzCase.method} ?${abridge(fuzzCase.search ?? '', 400)} headers ${JSON.stringify(headers)}${fuzzCase.chunked ? ' (chunked)' : ''} body ${body}`;
}
