import { sql } from 'drizzle-orm';
import type { Db } from '../database.ts';
import { seedAipolicy } from './aipolicy.ts';
import { seedContacts } from './contacts.ts';
import { seedDataflows } from './dataflows.ts';
import { seedIncidents } from './incidents.ts';

/**
 * Seeds every subgraph's demo data into an empty database; idempotent. Having seeded, it gathers
 * the planner's statistics: autovacuum analyzes a table only after 50 rows plus a tenth of it
 * changed, which reference tables of a dozen rows (countries, topics, organizations) may never see,
 * so their queries were planned from default sizes (a hundred-odd rows a table): hash joins and
 * sorts that cost the dashboard's AI-policy statement 0.32 ms of PostgreSQL time instead of 0.18
 * (issue #23).
 */
export async function seedDatabase(db: Db): Promise<void> {
  const seeded = [
    await seedContacts(db),
    await seedIncidents(db),
    await seedDataflows(db),
    await seedAipolicy(db),
  ];
  // Only when this call seeded something: a start on a seeded database pays nothing.
  if (seeded.includes(true)) await db.execute(sql`analyze`);
}
