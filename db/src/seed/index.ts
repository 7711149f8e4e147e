import type { Db } from '../database.ts';
import { seedContacts } from './contacts.ts';

/** Seeds every subgraph's demo data into an empty database; idempotent. */
export async function seedDatabase(db: Db): Promise<void> {
  await seedContacts(db);
}
