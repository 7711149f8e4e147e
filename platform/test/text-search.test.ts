import { PgDialect, pgTable, text } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { textSearch } from '../src/index.ts';

const notes = pgTable('notes', { title: text('title'), body: text('body') });
const dialect = new PgDialect();

describe('textSearch', () => {
  it('matches any of the columns, case-insensitively, with LIKE wildcards taken literally', () => {
    const [condition, ...rest] = textSearch('  50%_off\\ ', notes.title, notes.body);
    expect(rest).toEqual([]);
    expect(dialect.sqlToQuery(condition!)).toEqual({
      sql: '("notes"."title" ilike $1 or "notes"."body" ilike $2)',
      params: ['%50\\%\\_off\\\\%', '%50\\%\\_off\\\\%'],
      typings: ['none', 'none'],
    });
  });

  it('adds no condition for a filter without text or with blanks only', () => {
    expect(textSearch(undefined, notes.title)).toEqual([]);
    expect(textSearch(null, notes.title)).toEqual([]);
    expect(textSearch(' \t', notes.title)).toEqual([]);
  });
});
