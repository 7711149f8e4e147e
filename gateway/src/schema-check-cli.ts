/**
 * `npm run schema:check`: compares the public API schema (`schema/api.graphql`) with the last
 * released one (`schema/released/api.graphql`), prints every change, and fails on a breaking
 * change or on a type, field, argument, enum value or input field without a description.
 * `--all` lists the non-breaking changes too.
 */
import { readFile } from 'node:fs/promises';
import {
  breakingChanges,
  compareSchemas,
  explainBreakingChanges,
  releasedApiSchemaFile,
  undocumentedElements,
} from './schema-check.ts';
import { apiSchemaFile } from './subgraphs.ts';

const [released, current] = await Promise.all([
  readFile(releasedApiSchemaFile, 'utf8'),
  readFile(apiSchemaFile, 'utf8'),
]);
const changes = await compareSchemas(released, current);
// Additions and new descriptions are many and harmless: counted, listed only with --all.
const listAll = process.argv.includes('--all');
for (const change of changes) {
  if (listAll || change.level !== 'NON_BREAKING') console.log(`${change.level.padEnd(12)} ${change.message}`);
}
const additions = changes.filter((change) => change.level === 'NON_BREAKING').length;
console.log(`${changes.length} change(s) since the last release, ${additions} of them non-breaking.`);

const breaking = breakingChanges(changes);
const undocumented = undocumentedElements(current);
if (breaking.length > 0) {
  console.error(`\n${explainBreakingChanges(breaking)}`);
  process.exitCode = 1;
}
if (undocumented.length > 0) {
  console.error(`\nWithout a description (add one in the subgraph's schema.graphql, then npm run compose):`);
  for (const coordinate of undocumented) console.error(`  - ${coordinate}`);
  process.exitCode = 1;
}
if (!process.exitCode) console.log('No breaking change, and everything is described.');
