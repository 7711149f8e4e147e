import type { Db } from '../database.ts';
import { seedAipolicy } from './aipolicy.ts';
import { seedContacts } from './contacts.ts';
import { seedDataflows } from './dataflows.ts';
import { seedIncidents } from './incidents.ts';

/** Seeds every subgraph's demo data into an empty database; idempotent. */
export async function seedDatabase(db: Db): Promise<void> {
  await seedContacts(db);
  await seedIncidents(db);
  await seedDataflows(db);
  await seedAipolicy(db);
}
