/**
 * `npm run seed:large -- --incidents 1000000 --updates-per-incident 10 [--batch 5000] [--prepare]`
 *
 * Adds generated incidents to the PostgreSQL database at DATABASE_URL until it holds N of them
 * (re-running continues where the last run stopped). `--prepare` first applies the migrations and
 * the demo seed (as `npm start` does) when the database is empty.
 */
import { parseArgs } from 'node:util';
import { formatDuration, prepareDatabase, progressBar, seedLarge } from './src/seed-large.ts';

const { values } = parseArgs({
  options: {
    incidents: { type: 'string', default: '100000' },
    'updates-per-incident': { type: 'string', default: '3' },
    batch: { type: 'string', default: '5000' },
    prepare: { type: 'boolean', default: false },
  },
});
const url = process.env['DATABASE_URL'];
if (!url) {
  console.error(
    'seed:large writes to PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres).',
  );
  process.exit(2);
}
const count = (name: keyof typeof values): number => {
  const value = Number(values[name]);
  if (!Number.isSafeInteger(value) || value < 0) {
    console.error(`--${name} must be a non-negative integer.`);
    process.exit(2);
  }
  return value;
};
const incidents = count('incidents');
const updatesPerIncident = count('updates-per-incident');
const batchSize = Math.max(1, count('batch'));

if (values.prepare) await prepareDatabase(url);
const started = performance.now();
const added = await seedLarge({ url, incidents, updatesPerIncident, batchSize, onProgress: progressBar() });
const seconds = (performance.now() - started) / 1000;
process.stderr.write('\n');
console.error(
  added === 0
    ? `Nothing to do: ${incidents.toLocaleString('en')} generated incidents are already there.`
    : `Added ${added.toLocaleString('en')} incidents (${updatesPerIncident} updates each) in ${formatDuration(seconds)}.`,
);
