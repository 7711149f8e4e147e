import { describe, expect, it } from 'vitest';
import { acceptsTaxii } from '../src/taxii/server.ts';
import { cutPage, decodeNext, encodeNext, type CollectionRecord } from '../src/taxii/paging.ts';

const record = (cursor: string, count: number): CollectionRecord => ({
  cursor,
  dateAdded: '2026-11-01T00:00:00.000Z',
  objects: Array.from({ length: count }, (_, i) => ({ id: `x--${cursor}-${i}`, type: 'x' })),
});

describe('TAXII paging', () => {
  it('ends a page inside a record and resumes there', () => {
    const records = [record('a', 3), record('b', 3)];
    const first = cutPage(records, { after: null, skip: 0 }, 4, false);
    expect(first.objects.map((o) => o.object.id)).toEqual(['x--a-0', 'x--a-1', 'x--a-2', 'x--b-0']);
    expect(first.next).toEqual({ after: 'a', skip: 1 });
    const second = cutPage([record('b', 3)], first.next!, 4, false);
    expect(second.objects.map((o) => o.object.id)).toEqual(['x--b-1', 'x--b-2']);
    expect(second.next).toBeNull();
  });

  it('says more follow when the graph has more records', () => {
    expect(cutPage([record('a', 3)], { after: null, skip: 0 }, 3, true).next).toEqual({
      after: 'a',
      skip: 0,
    });
    expect(cutPage([], { after: 'a', skip: 0 }, 3, false).next).toBeNull();
  });

  it('round-trips next tokens and refuses forged ones', () => {
    expect(decodeNext(encodeNext({ after: 'abc', skip: 2 }))).toEqual({ after: 'abc', skip: 2 });
    expect(decodeNext('not-a-token')).toBeNull();
    expect(decodeNext(Buffer.from('["a",-1]').toString('base64url'))).toBeNull();
    expect(decodeNext(Buffer.from('["a",9007199254740992]').toString('base64url'))).toBeNull();
  });

  it('accepts TAXII 2.1 and wildcards but not other media types', () => {
    expect(acceptsTaxii('application/taxii+json;version=2.1')).toBe(true);
    expect(acceptsTaxii('application/taxii+json')).toBe(true);
    expect(acceptsTaxii('*/*')).toBe(true);
    expect(acceptsTaxii('application/json')).toBe(false);
    expect(acceptsTaxii('application/taxii+json;version=2.0')).toBe(false);
  });
});
