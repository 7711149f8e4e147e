import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { composeFromSchemaFiles, supergraphFile } from '@cadg/gateway';

describe('the committed supergraph', () => {
  it('matches what the subgraph schema files compose to (run `npm run compose` when it does not)', async () => {
    const committed = await readFile(supergraphFile, 'utf8');
    expect(committed).toBe(await composeFromSchemaFiles());
  });
});
