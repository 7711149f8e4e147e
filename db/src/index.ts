export {
  createDatabase,
  databaseFromEnv,
  dataDirFromEnv,
  dumpPglite,
  migrationsFolder,
  type Database,
  type DatabaseOptions,
  type Db,
  type Tx,
} from './database.ts';
export { seedDatabase } from './seed/index.ts';
export { countRows } from './count.ts';
export {
  auditLogResolver,
  changedFields,
  listAuditEntries,
  writeAudit,
  type AuditActor,
  type AuditEntry,
  type AuditFilter,
  type AuditRow,
} from './audit.ts';
export { listen, type Listening } from './notifications.ts';
