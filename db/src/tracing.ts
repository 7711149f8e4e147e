import type { PGlite, Results, Transaction } from '@electric-sql/pglite';
import {
  context,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api';
import type postgres from 'postgres';

/*
 * SQL statements as CLIENT spans of the operation that runs them, timed from when the driver is
 * handed the statement until its result or error is back (waiting for a pooled connection, or for
 * PGlite's single connection, included). Attributes follow the OpenTelemetry conventions for
 * PostgreSQL client spans: `db.system.name`, `db.query.text` (the statement, never its parameters,
 * which hold callers' data), `db.query.summary` (also the span name), `db.namespace`,
 * `server.address`/`server.port` (postgres.js), `db.response.returned_rows`, and on failure
 * `db.response.status_code` and `error.type` (the SQLSTATE, else the error's name), status ERROR
 * and an exception event. `db.operation.name` and `db.collection.name` are not set: the conventions
 * say not to extract them from PostgreSQL query text, and drizzle hands the driver nothing else.
 *
 * The drivers' clients are instrumented in place, at the methods drizzle calls for every statement
 * (postgres.js `unsafe`, PGlite `query`/`exec`), on the root client and on the clients a transaction,
 * savepoint or reserved connection gets. Statements a driver issues internally stay out of sight:
 * PGlite's BEGIN/COMMIT/ROLLBACK and postgres.js's COMMIT/ROLLBACK/SAVEPOINT (its BEGIN goes through
 * `unsafe` and shows), and postgres.js `listen`, which runs on its own connection.
 *
 * When no span is recording, a statement costs one context lookup and no allocation.
 */

const TRACER_NAME = 'cadg-sql';
/** Statements longer than this are cut in span attributes (a bulk insert can be megabytes). */
const MAX_STATEMENT_LENGTH = 2_000;
/** The conventions' limit for `db.query.summary`. */
const MAX_SUMMARY_LENGTH = 255;

/** Attributes every span of one database gets. */
export interface DatabaseSpanAttributes {
  /** `db.namespace`: the database name. */
  namespace?: string | undefined;
  /** `server.address` as configured (not the resolved host). */
  serverAddress?: string | undefined;
  serverPort?: number | undefined;
}

/** The span of a statement being executed, when the caller's context is being traced. */
function startStatementSpan(parent: Context, text: string, database: DatabaseSpanAttributes): Span {
  const summary = querySummary(text);
  const attributes: Attributes = {
    'db.system.name': 'postgresql',
    'db.query.text': text.length > MAX_STATEMENT_LENGTH ? `${text.slice(0, MAX_STATEMENT_LENGTH)}…` : text,
  };
  if (summary) attributes['db.query.summary'] = summary;
  if (database.namespace) attributes['db.namespace'] = database.namespace;
  if (database.serverAddress) attributes['server.address'] = database.serverAddress;
  if (database.serverPort !== undefined) attributes['server.port'] = database.serverPort;
  // The conventions' span name: the summary, else the target (namespace or server), else the system.
  const name =
    summary ||
    database.namespace ||
    (database.serverAddress
      ? `${database.serverAddress}${database.serverPort === undefined ? '' : `:${database.serverPort}`}`
      : 'postgresql');
  return trace.getTracer(TRACER_NAME).startSpan(name, { kind: SpanKind.CLIENT, attributes }, parent);
}

function endWithRows(span: Span, rows: number | undefined): void {
  if (rows !== undefined) span.setAttribute('db.response.returned_rows', rows);
  span.end();
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/** `error.type` is the SQLSTATE when the server answered with an error, else the driver's code or the error's name. */
function endWithError(span: Span, error: unknown): void {
  const code =
    error && typeof error === 'object' && 'code' in error && typeof error.code === 'string'
      ? error.code
      : undefined;
  if (code && SQLSTATE.test(code)) span.setAttribute('db.response.status_code', code);
  span.setAttribute('error.type', code || (error instanceof Error ? error.name : '_OTHER'));
  const message = withoutQuotedValue(error instanceof Error ? error.message : String(error));
  span.recordException({ name: error instanceof Error ? error.name : 'Error', message });
  span.setStatus({ code: SpanStatusCode.ERROR, message });
  span.end();
}

/**
 * PostgreSQL quotes the offending input at the end of some messages (`invalid input syntax for
 * type uuid: "…"`): that is a caller's data, which traces never carry, unlike the identifiers
 * quoted elsewhere in a message (`relation "x" does not exist`).
 */
function withoutQuotedValue(message: string): string {
  return message.replace(/:\s*"[^]*"\s*$/, ': "…"');
}

/** The active context when it carries a recording span, the only case in which a span is made. */
function recordingContext(): Context | undefined {
  const active = context.active();
  return trace.getSpan(active)?.isRecording() ? active : undefined;
}

// ---------------------------------------------------------------------------------------------
// postgres.js

type PostgresSql = postgres.Sql;
type TransactionSql = postgres.TransactionSql;
type ReservedSql = postgres.ReservedSql;

/**
 * Instruments a postgres.js client in place: `unsafe` (drizzle's only way in), and the clients that
 * `begin`, `savepoint` and `reserve` hand out.
 */
export function tracePostgresJs(sql: PostgresSql): PostgresSql {
  const { host, port, path, database: name } = sql.options;
  // A unix socket path, else the host, unless several are configured: none of them alone is "the" one.
  const database: DatabaseSpanAttributes = {
    namespace: name || undefined,
    serverAddress: path || (host.length === 1 ? host[0] : undefined),
    serverPort: !path && port.length === 1 ? port[0] : undefined,
  };
  traceUnsafe(sql, database);
  const begin = sql.begin;
  sql.begin = function (this: unknown, ...args: unknown[]) {
    const last = args.length - 1;
    const fn = args[last] as (tx: TransactionSql) => unknown;
    args[last] = (tx: TransactionSql) => fn(traceTransaction(tx, database));
    return (begin as (...a: unknown[]) => unknown).apply(this, args);
  } as PostgresSql['begin'];
  const reserve = sql.reserve;
  sql.reserve = async function (this: unknown) {
    const reserved: ReservedSql = await reserve.call(this);
    traceUnsafe(reserved, database);
    return reserved;
  };
  return sql;
}

function traceTransaction(tx: TransactionSql, database: DatabaseSpanAttributes): TransactionSql {
  traceUnsafe(tx, database);
  const savepoint = tx.savepoint;
  tx.savepoint = function (this: unknown, ...args: unknown[]) {
    const last = args.length - 1;
    const fn = args[last];
    // `savepoint` also accepts a tagged template (a one-statement savepoint): left as is.
    if (typeof fn === 'function')
      args[last] = (inner: TransactionSql) =>
        (fn as (inner: TransactionSql) => unknown)(traceTransaction(inner, database));
    return (savepoint as (...a: unknown[]) => unknown).apply(this, args);
  } as TransactionSql['savepoint'];
  return tx;
}

function traceUnsafe(sql: Pick<PostgresSql, 'unsafe'>, database: DatabaseSpanAttributes): void {
  const unsafe = sql.unsafe;
  sql.unsafe = function (this: unknown, ...args: [text: string, ...rest: unknown[]]) {
    const [text] = args;
    // All arguments as given: postgres.js tells `unsafe(text, options)` from `unsafe(text, params)` by count.
    const query = (unsafe as (...a: unknown[]) => postgres.PendingQuery<postgres.Row[]>).apply(this, args);
    const parent = recordingContext();
    if (!parent) return query;
    // A postgres.js query is a lazy promise that runs once awaited or `.execute()`d. The span starts
    // as it is created: drizzle (and postgres.js's own BEGIN) run it at once, `.values()` at most in
    // between. Settlement is observed through Promise.prototype.then, which, unlike the query's own
    // `then`, does not start it. (A query read through `.cursor()` as an async iterator never
    // settles, so its span would not end: nothing here reads one.)
    const span = startStatementSpan(parent, text, database);
    Promise.prototype.then.call(
      query,
      (rows: unknown) => endWithRows(span, Array.isArray(rows) ? rows.length : undefined),
      (error: unknown) => endWithError(span, error),
    );
    return query;
  } as PostgresSql['unsafe'];
}

// ---------------------------------------------------------------------------------------------
// PGlite

type PgliteQueryable = Pick<PGlite | Transaction, 'query' | 'exec'>;

/**
 * Instruments a PGlite client in place: `query` (drizzle's way in; PGlite's own `sql` goes through
 * it) and `exec`, on the client and on the handle `transaction` gives its callback.
 */
export function tracePglite(client: PGlite): PGlite {
  const database: DatabaseSpanAttributes = {};
  traceQueryable(client, database);
  const transaction = client.transaction;
  client.transaction = function <T>(this: PGlite, fn: (tx: Transaction) => Promise<T>) {
    return transaction.call(this, (tx: Transaction) => fn(traceQueryable(tx, database))) as Promise<T>;
  };
  return client;
}

function traceQueryable<C extends PgliteQueryable>(client: C, database: DatabaseSpanAttributes): C {
  const query = client.query as (...args: unknown[]) => Promise<Results>;
  client.query = function (this: unknown, ...args: [text: string, ...rest: unknown[]]) {
    const parent = recordingContext();
    if (!parent) return query.apply(this, args);
    const span = startStatementSpan(parent, args[0], database);
    return settle(query.apply(this, args), span, (result) => result.rows.length);
  } as C['query'];
  const exec = client.exec as (...args: unknown[]) => Promise<Results[]>;
  client.exec = function (this: unknown, ...args: [text: string, ...rest: unknown[]]) {
    const parent = recordingContext();
    if (!parent) return exec.apply(this, args);
    const span = startStatementSpan(parent, args[0], database);
    // `exec` runs every statement of a script: the rows of all their results.
    return settle(exec.apply(this, args), span, (results) =>
      results.reduce((rows, result) => rows + result.rows.length, 0),
    );
  } as C['exec'];
  return client;
}

function settle<T>(pending: Promise<T>, span: Span, rows: (result: T) => number): Promise<T> {
  return pending.then(
    (result) => {
      endWithRows(span, rows(result));
      return result;
    },
    (error: unknown) => {
      endWithError(span, error);
      throw error;
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Query summary

// Words that start a statement's operation wherever they appear; a statement's first word is its
// operation too (BEGIN, COMMIT, CREATE…), except WITH, whose CTE bodies carry the operations.
const OPERATIONS = new Set(['select', 'insert', 'update', 'delete', 'merge']);
// Words after which table names follow.
const TARGET_INTRODUCERS = new Set(['from', 'join', 'into', 'update', 'table']);
// Words that can stand between FROM/JOIN and the table.
const SKIPPED_BEFORE_TARGET = new Set(['only', 'lateral']);
const TOKEN = /\s+|--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'|"(?:[^"]|"")*"|\$\d+|[A-Za-z_][\w$]*|\S/g;

/**
 * `db.query.summary` as the conventions describe it: the statement's operations and the tables
 * they act on, in order and as written (`select "incidents" "contacts"`), at most 255 characters,
 * or `undefined` when there is nothing to say. A light scan, not a parser: a FROM inside a
 * function call (`extract(year from …)`) or after IS DISTINCT is not taken for a table.
 */
export function querySummary(text: string): string | undefined {
  const parts: string[] = [];
  let length = 0;
  const push = (part: string): boolean => {
    if (length + part.length + (parts.length ? 1 : 0) > MAX_SUMMARY_LENGTH) return false;
    length += part.length + (parts.length ? 1 : 0);
    parts.push(part);
    return true;
  };
  // Paren depths at which an operation is open; FROM counts only at the innermost one's depth.
  const operationDepths: number[] = [];
  let depth = 0;
  let statementStart = true;
  let previous = '';
  // After FROM/JOIN/INTO/UPDATE: 'table' expects a table name, 'alias' an optional alias or a comma.
  let expecting: 'table' | 'alias' | null = null;
  let listOfTables = false;

  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    const token = match[0];
    const first = token.charCodeAt(0);
    if (first <= 32 || token.startsWith('--') || token.startsWith('/*')) continue;
    const word = /^[A-Za-z_]/.test(token) ? token.toLowerCase() : null;
    const quoted = first === 34; /* " */

    if (expecting === 'table') {
      if (word && SKIPPED_BEFORE_TARGET.has(word)) continue;
      expecting = null;
      if ((word && !OPERATIONS.has(word) && word !== 'set') || quoted) {
        const name = qualifiedName(token, match.index + token.length, text);
        if (!push(name.text)) break;
        TOKEN.lastIndex = name.end;
        expecting = listOfTables ? 'alias' : null;
        previous = 'ident';
        continue;
      }
    } else if (expecting === 'alias') {
      if (token === ',') {
        expecting = 'table';
        continue;
      }
      if (word === 'as' || (word && !isClauseWord(word)) || quoted) continue;
      expecting = null;
    }

    if (token === '(') depth += 1;
    else if (token === ')') {
      depth -= 1;
      while (operationDepths.length && operationDepths[operationDepths.length - 1]! > depth)
        operationDepths.pop();
    } else if (token === ';') {
      statementStart = true;
      operationDepths.length = 0;
      depth = 0;
      previous = '';
      continue;
    } else if (word) {
      const isOperation =
        (statementStart && word !== 'with') ||
        (OPERATIONS.has(word) && !(word === 'update' && (previous === 'for' || previous === 'key')));
      if (isOperation) {
        if (!push(token)) break;
        operationDepths.push(depth);
      }
      const atOperationDepth = operationDepths[operationDepths.length - 1] === depth;
      if (
        TARGET_INTRODUCERS.has(word) &&
        (word !== 'table' || statementStart || previous === 'truncate') &&
        (word !== 'update' || isOperation) &&
        (word !== 'from' || (atOperationDepth && previous !== 'distinct'))
      ) {
        expecting = 'table';
        listOfTables = word === 'from' || word === 'table';
      }
    }
    statementStart = false;
    previous = word ?? token;
  }
  return parts.length ? parts.join(' ') : undefined;
}

const NAME_PART = /\s*\.\s*("(?:[^"]|"")*"|[A-Za-z_][\w$]*)/y;

/** A name with its schema (`"public"."incidents"`), read from `end` on; `end` is after it. */
function qualifiedName(head: string, end: number, text: string): { text: string; end: number } {
  let name = head;
  NAME_PART.lastIndex = end;
  for (let next = NAME_PART.exec(text); next; next = NAME_PART.exec(text)) {
    name += `.${next[1]}`;
    end = NAME_PART.lastIndex;
  }
  return { text: name, end };
}

/** Words that end a table reference rather than alias it. */
function isClauseWord(word: string): boolean {
  return CLAUSE_WORDS.has(word);
}
const CLAUSE_WORDS = new Set([
  'where',
  'group',
  'order',
  'limit',
  'offset',
  'having',
  'window',
  'union',
  'intersect',
  'except',
  'for',
  'on',
  'using',
  'join',
  'inner',
  'left',
  'right',
  'full',
  'cross',
  'natural',
  'returning',
  'set',
  'values',
  'default',
  'select',
  'fetch',
  'with',
  'as',
]);
