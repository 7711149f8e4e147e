/**
 * `npm run compose`: composes the subgraphs' schema files into `schema/supergraph.graphql`, with
 * each subgraph's default local URL baked in (deployments override them at the gateway).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { composeFromSchemaFiles } from './compose.ts';
import { repoRoot, supergraphFile } from './subgraphs.ts';

try {
  const supergraph = await composeFromSchemaFiles();
  await mkdir(dirname(supergraphFile), { recursive: true });
  await writeFile(supergraphFile, supergraph, 'utf8');
  console.log(`Wrote ${relative(repoRoot, supergraphFile)}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
