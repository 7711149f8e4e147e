import { writeFile } from 'node:fs/promises';
import { buildManifest, manifestFile } from './trusted-documents.ts';

// `npm run documents`: rebuilds the trusted-documents manifest from gateway/trusted-documents/<client>/*.graphql.
const manifest = await buildManifest();
await writeFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`Wrote ${Object.keys(manifest).length} trusted documents to ${manifestFile}`);
