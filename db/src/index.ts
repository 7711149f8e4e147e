export {
  createDatabase,
  databaseFromEnv,
  dataDirFromEnv,
  dumpPglite,
  migrationsFolder,
  subgraphDatabaseFromEnv,
  subgraphDatabasesFromEnv,
  type Database,
  type DatabaseOptions,
  type Db,
  type Tx,
} from './database.ts';
export { seedDatabase } from './seed/index.ts';
export {
  migrationDatabaseUrl,
  provisionSubgraphRoles,
  SUBGRAPH_ROLES,
  subgraphDatabaseUrl,
  subgraphNames,
  urlForRole,
  type SubgraphName,
} from './roles.ts';
export { countRows } from './count.ts';
export {
  auditLogSource,
  changedFields,
  writeAudit,
  type AuditActor,
  type AuditEntry,
  type AuditFilter,
  type AuditRow,
} from './audit.ts';
export { listen, type Listening } from './notifications.ts';
export { changeLogOf, DATA_CHANGES_CHANNEL, type ChangeLog, type DataChange } from './changes.ts';
export {
  createScratchDatabase,
  dropDatabase,
  withDatabase,
  type ScratchDatabase,
  type ScratchDatabaseOptions,
} from './scratch.ts';
export { tableKeyset, type SortKey } from './keyset.ts';
