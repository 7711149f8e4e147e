import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { apiSchemaFile, composeGraphFromSchemaFiles, supergraphFile } from '@cadg/gateway';

describe('the committed schemas', () => {
  it('match what the subgraph schema files compose to (run `npm run compose` when they do not)', async () => {
    const { supergraphSdl, publicSdl } = await composeGraphFromSchemaFiles();
    expect(await readFile(supergraphFile, 'utf8')).toBe(supergraphSdl);
    expect(await readFile(apiSchemaFile, 'utf8')).toBe(publicSdl);
  });
});
