/**
 * `npm run compose`: composes the subgraphs' schema files into `schema/supergraph.graphql`, with
 * each subgraph's default local URL baked in (deployments override them at the gateway), and the
 * public API schema into `schema/api.graphql`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { composeGraphFromSchemaFiles } from './compose.ts';
import { apiSchemaFile, repoRoot, supergraphFile } from './subgraphs.ts';

try {
  const { supergraphSdl, publicSdl } = await composeGraphFromSchemaFiles();
  await mkdir(dirname(supergraphFile), { recursive: true });
  await writeFile(supergraphFile, supergraphSdl, 'utf8');
  await writeFile(apiSchemaFile, publicSdl, 'utf8');
  console.log(`Wrote ${relative(repoRoot, supergraphFile)} and ${relative(repoRoot, apiSchemaFile)}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
