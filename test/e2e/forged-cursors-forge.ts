/**
 * Forged cursors (cut from real ones, or needing none) and the attack that sends them to every
 * list a walk of the schema found; used by the forged-cursor tests.
 */
import { type GraphQLFormattedError } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { Graph, GraphQLResponse } from './harness.ts';
import { fault, operationText, type CursorsByItems, type Reached } from './forged-cursors-schema.ts';

/** JSON text with a value JSON.stringify cannot write (e.g. `1e999`, which parses to Infinity). */
export class RawJson {
  constructor(readonly text: string) {}
}
export const jsonText = (value: unknown): string =>
  value instanceof RawJson
    ? value.text
    : Array.isArray(value)
      ? `[${value.map(jsonText).join(',')}]`
      : JSON.stringify(value);
export const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
export const encode = (parts: unknown): string => base64url(jsonText(parts));
export const decode = (cursor: string): unknown[] =>
  JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));

export const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T/;
export const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const LONG = 'x'.repeat(10_000);

/** What every real value of a cursor part looks like, when they all look alike. */
export type Format = 'timestamp' | 'date' | 'uuid' | null;
export function formatOf(values: readonly unknown[]): Format {
  const all = (pattern: RegExp) =>
    values.length > 0 && values.every((v) => typeof v === 'string' && pattern.test(v));
  if (all(TIMESTAMP)) return 'timestamp';
  if (all(DATE)) return 'date';
  // A text id may hold a UUID too: only a part that is a UUID in every real cursor counts as one.
  if (all(UUID)) return 'uuid';
  return null;
}

/**
 * Values of the wrong type, range or format for a cursor part whose real value is `real`, and
 * whose real values all look like `format`.
 */
export function wrongParts(real: unknown, format: Format): unknown[] {
  const shapes = [null, true, false, [], [real], {}, { value: real }, [[[real]]]];
  if (typeof real === 'number') {
    return [
      ...shapes,
      String(real),
      'NaN',
      'Infinity',
      -1,
      real + 0.5,
      2 ** 53,
      1e308,
      new RawJson('1e999'),
      new RawJson('-1e999'),
    ];
  }
  const text = String(real);
  const byFormat =
    format === 'timestamp'
      ? [
          '2026-02-30T00:00:00.000Z',
          '2026-13-01T00:00:00.000Z',
          '2026-11-27T25:00:00.000Z',
          '0000-01-01T00:00:00.000Z',
          '+275760-09-13T00:00:00.000Z',
          '2026-11-27',
          text.replace(/Z$/, ''),
          'yesterday',
          'NaN',
        ]
      : format === 'date'
        ? ['2026-02-30', '2026-13-01', '0000-01-01', '2026-1-1', '2026-11-27T00:00:00.000Z', 'Infinity']
        : format === 'uuid'
          ? [
              'not-a-uuid',
              text.slice(0, -1),
              `${text}0`,
              text.replaceAll('-', ''),
              `{${text}}`,
              "' OR 1=1 --",
            ]
          : [];
  return [
    ...shapes,
    0,
    -1,
    1.5,
    1e308,
    new RawJson('1e999'),
    `${text}\u0000`,
    '\u0000',
    '\ud800',
    'y'.repeat(2_000),
    LONG,
    ...byFormat,
  ];
}

/** A forged cursor and what it is, for messages. */
export interface Forgery {
  what: string;
  cursor: string;
}

/** Forgeries that need no real cursor: not base64, not JSON, not an array, nonsense arrays. */
export const GENERIC_FORGERIES: readonly Forgery[] = [
  { what: 'empty', cursor: '' },
  { what: 'not base64', cursor: 'not a cursor!' },
  { what: 'percent signs', cursor: '%%%' },
  { what: 'a NUL character', cursor: 'a\u0000b' },
  { what: '10 kB of text', cursor: LONG },
  { what: 'base64 of text', cursor: base64url('not json') },
  { what: 'base64 of an object', cursor: base64url('{"id":1}') },
  { what: 'base64 of a string', cursor: base64url('"cursor"') },
  { what: 'base64 of a number', cursor: base64url('42') },
  { what: 'base64 of null', cursor: base64url('null') },
  { what: 'an empty array', cursor: encode([]) },
  { what: 'a nested array', cursor: encode([[[]]]) },
  { what: 'deeply nested arrays', cursor: base64url(`${'['.repeat(2_000)}${']'.repeat(2_000)}`) },
  { what: 'an array of nulls', cursor: encode([null, null, null]) },
  { what: 'an array of 10,000 numbers', cursor: encode(Array.from({ length: 10_000 }, () => 1)) },
  // Short arrays of wrong parts: of the right arity for some list, whatever its shape.
  ...[1, 2, 3].flatMap((arity) =>
    [null, true, {}, [], 'NaN', -1, 1.5, 2 ** 53, new RawJson('1e999'), '\u0000'].map((wrong) => ({
      what: `${arity} × ${jsonText(wrong)}`,
      cursor: encode(Array.from({ length: arity }, () => wrong)),
    })),
  ),
];

/**
 * Forgeries cut from real cursors: truncated, of the wrong arity, each part replaced by a value of
 * the wrong type, range or format; and real cursors of lists of other items. `samples` are all the
 * real cursors of lists of the same items, which tell each part's format.
 */
export function forgeriesOf(
  templates: readonly string[],
  samples: readonly string[],
  foreign: readonly string[],
): Forgery[] {
  const forged: Forgery[] = [...GENERIC_FORGERIES];
  for (const template of templates) {
    const parts = decode(template);
    const alike = samples.map(decode).filter((sample) => sample.length === parts.length);
    const formats = parts.map((_, i) => formatOf(alike.map((sample) => sample[i])));
    forged.push(
      { what: `${template} without its last character`, cursor: template.slice(0, -1) },
      { what: `${template} without its last 4 characters`, cursor: template.slice(0, -4) },
      { what: `the first half of ${template}`, cursor: template.slice(0, Math.floor(template.length / 2)) },
      { what: `${template} with a character changed`, cursor: `${template.slice(0, -1)}!` },
      { what: `${JSON.stringify(parts)} with a part more`, cursor: encode([...parts, parts.at(-1)]) },
      { what: `${JSON.stringify(parts)} with a part less`, cursor: encode(parts.slice(0, -1)) },
      { what: `${JSON.stringify(parts)} without its first part`, cursor: encode(parts.slice(1)) },
      { what: `${JSON.stringify(parts)} inside an array`, cursor: encode([parts]) },
    );
    parts.forEach((real, i) => {
      for (const wrong of wrongParts(real, formats[i]!)) {
        const changed = parts.map((part, j) => (j === i ? wrong : part));
        forged.push({
          what: `${jsonText(changed).slice(0, 120)} (part ${i} forged)`,
          cursor: encode(changed),
        });
      }
    });
  }
  for (const cursor of foreign)
    forged.push({ what: `${JSON.stringify(decode(cursor))} of another list`, cursor });
  const seen = new Set<string>();
  return forged.filter(({ cursor }) => !templates.includes(cursor) && !seen.has(cursor) && seen.add(cursor));
}

/** Runs `task` over `items`, `width` at a time, in order of start. */
export async function inPool<T>(
  items: readonly T[],
  width: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

/** One subscription's first answer over an open graphql-ws client: its errors and data. */
export function firstAnswer(
  client: Client,
  payload: { query: string; variables: Record<string, unknown>; extensions?: Record<string, unknown> },
  timeoutMs = 10_000,
): Promise<GraphQLResponse<unknown>> {
  return new Promise((resolve) => {
    const errors: GraphQLFormattedError[] = [];
    let data: unknown = null;
    // Only a guard against a subscription that was accepted and waits for events: that is the failure.
    const timer = setTimeout(() => finish(), timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      stop();
      resolve({ errors, data });
    };
    const stop = client.subscribe(payload, {
      next: (result) => {
        errors.push(...(result.errors ?? []));
        data = result.data ?? null;
        finish();
      },
      error: (error) => {
        if (Array.isArray(error)) errors.push(...(error as GraphQLFormattedError[]));
        else errors.push({ message: `connection failed: ${String(error)}` });
        finish();
      },
      complete: finish,
    });
  });
}

export const wsClient = (url: string, token: string): Client =>
  createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: { authorization: `Bearer ${token}` },
  });

/** Sends every forgery to every list found; returns what was answered wrongly. */
export async function attack(
  graph: Graph,
  url: string,
  token: string,
  reached: readonly Reached[],
  own: ReadonlyMap<string, string[]>,
  cursors: CursorsByItems,
): Promise<{ faults: string[]; sent: number }> {
  const faults: string[] = [];
  let sent = 0;
  const ws = wsClient(url, token);
  try {
    for (const found of reached) {
      const { list } = found;
      // The template: one of the list's own cursors, else one of a list of the same items.
      const templates = (
        own.get(list.name)?.length ? own.get(list.name)! : (cursors.get(list.items) ?? [])
      ).slice(0, 1);
      if (templates.length === 0) {
        faults.push(`${list.name}: no real cursor to forge from (the seed has no ${list.items})`);
        continue;
      }
      const foreign = [...cursors]
        .filter(([items]) => items !== list.items)
        .flatMap(([, real]) => real.slice(0, 1));
      const forgeries = forgeriesOf(templates, cursors.get(list.items) ?? templates, foreign);
      const text = operationText(found, '{ __typename }', { after: true, first: 1 });
      await inPool(forgeries, list.operation === 'subscription' ? 1 : 4, async ({ what, cursor }) => {
        const answer =
          list.operation === 'subscription'
            ? await firstAnswer(ws, { query: text, variables: { after: cursor } })
            : await graph.query(text, { after: cursor }, token, url);
        sent++;
        const wrong = fault(answer, cursor);
        if (wrong) faults.push(`${list.name}(after: ${what}): ${wrong}`);
      });
    }
  } finally {
    await ws.dispose();
  }
  return { faults, sent };
}
