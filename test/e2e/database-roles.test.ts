import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createScratchDatabase,
  SUBGRAPH_ROLES,
  subgraphNames,
  urlForRole,
  type SubgraphName,
} from '@cadg/db';
import { dropDatabase, openTestDatabase, type TestDatabase } from '@cadg/db/testing';
import { Role, signDevToken } from '@cadg/platform';
import { subgraphs } from '@cadg/gateway';
import { gql } from '../cluster/load.ts';
import { freePorts, repoRoot, ServiceProcess } from '../cluster/processes.ts';
import { reportDdosExercise } from './reporting.ts';
import { subscribe } from './subscriber.ts';

const INSUFFICIENT_PRIVILEGE = '42501';
const run = promisify(execFile);

/** Touches every subgraph: incidents, contacts (`reportedBy`, `country`), dataflows and aipolicy. */
const WHOLE_GRAPH = /* GraphQL */ `
  query ($id: ID!) {
    incident(id: $id) {
      id
      reportedBy {
        name
      }
    }
    country(code: "SG") {
      name
      dataFlowPolicy {
        regulator {
          name
        }
      }
    }
    positionAlignment(topic: "capacity-building", forum: "unga") {
      supportShare
    }
  }
`;

// Roles are a PostgreSQL server's; PGlite runs every subgraph on one connection, so one role.
// CI always sets DATABASE_URL.
describe.runIf(process.env['DATABASE_URL'])('one PostgreSQL role per subgraph', () => {
  let testDb: TestDatabase;
  let owner: postgres.Sql;
  /** Every table of every subgraph schema, as the owner lists them. */
  let tables: { schema: SubgraphName; table: string; column: string }[];
  const clients: postgres.Sql[] = [];

  /** A fresh connection to the test database as subgraph `name`'s role. */
  const connectAs = (name: SubgraphName) => {
    const client = postgres(urlForRole(testDb.url!, SUBGRAPH_ROLES[name]), { max: 1, onnotice: () => {} });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    testDb = await openTestDatabase();
    owner = postgres(testDb.url!, { max: 1, onnotice: () => {} });
    tables = await owner<{ schema: SubgraphName; table: string; column: string }[]>`
      select c.table_schema as schema, c.table_name as table, c.column_name as column
      from information_schema.columns c
      join information_schema.tables t using (table_schema, table_name)
      where c.table_schema = any(${subgraphNames}) and c.ordinal_position = 1 and t.table_type = 'BASE TABLE'
      order by 1, 2`;
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end()));
    await owner?.end();
    await testDb?.dispose();
  });

  it('refuses the contacts role every table of the incidents schema', async () => {
    const contacts = connectAs('contacts');
    // Its own schema is open to it: the refusals below are about whose tables, not a dead role.
    await expect(contacts`select count(*) as n from contacts.countries`).resolves.toEqual([{ n: '12' }]);
    await expect(contacts`select * from incidents.incidents`).rejects.toMatchObject({
      code: INSUFFICIENT_PRIVILEGE,
      message: 'permission denied for schema incidents',
    });
    const incidentTables = tables.filter((t) => t.schema === 'incidents');
    expect(incidentTables.map((t) => t.table)).toContain('incident_events');
    for (const { table } of incidentTables)
      await expect(
        contacts`select 1 from ${contacts('incidents')}.${contacts(table)} limit 1`,
      ).rejects.toMatchObject({ code: INSUFFICIENT_PRIVILEGE });
  });

  it('keeps every subgraph role out of every other subgraph’s tables and out of the migrations journal', async () => {
    for (const name of subgraphNames) {
      const sql = connectAs(name);
      const [{ user } = { user: '' }] = await sql<{ user: string }[]>`select current_user as user`;
      expect(user).toBe(SUBGRAPH_ROLES[name]);
      for (const { schema, table } of tables.filter((t) => t.schema !== name))
        await expect(
          sql`select 1 from ${sql(schema)}.${sql(table)} limit 1`,
          `${name} reading ${schema}.${table}`,
        ).rejects.toMatchObject({ code: INSUFFICIENT_PRIVILEGE });
      await expect(sql`select * from drizzle.__drizzle_migrations`).rejects.toMatchObject({
        code: INSUFFICIENT_PRIVILEGE,
      });
    }
  });

  it('lets each subgraph role read and change its own tables, and only append to its audit log', async () => {
    for (const name of subgraphNames) {
      const sql = connectAs(name);
      const own = tables.filter((t) => t.schema === name);
      expect(own.length).toBeGreaterThan(3);
      for (const { schema, table, column } of own) {
        const [t, c] = [sql(schema), sql(table)];
        const where = `${name} on ${schema}.${table}`;
        await sql`select count(*) from ${t}.${c}`;
        // `where false` changes nothing, yet PostgreSQL checks the privilege all the same.
        const update = sql`update ${t}.${c} set ${sql(column)} = ${sql(column)} where false`;
        const remove = sql`delete from ${t}.${c} where false`;
        if (table === 'audit_log') {
          await expect(update, where).rejects.toMatchObject({ code: INSUFFICIENT_PRIVILEGE });
          await expect(remove, where).rejects.toMatchObject({ code: INSUFFICIENT_PRIVILEGE });
        } else {
          await expect(update, where).resolves.toHaveLength(0);
          await expect(remove, where).resolves.toHaveLength(0);
        }
      }
      // A real insert, through the table's own sequence.
      const [entry] = await sql<{ id: string }[]>`
        insert into ${sql(name)}.audit_log (actor_sub, operation, target_type, target_id, summary)
        values ('roles-test', 'probe', 'Probe', '1', 'Written by the database roles test.')
        returning id`;
      expect(Number(entry?.id)).toBeGreaterThan(0);
    }
  });

  it('refuses every subgraph role DDL, in its own schema or anywhere else', async () => {
    for (const name of subgraphNames) {
      const sql = connectAs(name);
      const [first] = tables.filter((t) => t.schema === name);
      const [s, t] = [sql(name), sql(first!.table)];
      const statements = [
        sql`create table ${s}.probe (id int)`,
        sql`create table public.probe (id int)`,
        sql`create schema probe`,
        sql`alter table ${s}.${t} add column probe int`,
        sql`create index probe on ${s}.${t} (${sql(first!.column)})`,
        sql`truncate ${s}.${t}`,
        sql`drop table ${s}.${t}`,
      ];
      for (const statement of statements)
        await expect(statement, name).rejects.toMatchObject({ code: INSUFFICIENT_PRIVILEGE });
    }
  });

  describe('npm start on PostgreSQL', () => {
    let dataDir: string;
    let graph: ServiceProcess;
    let gatewayUrl: string;

    beforeAll(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'cadg-roles-start-'));
      const [gatewayPort, ...subgraphPorts] = await freePorts(1 + subgraphs.length);
      const env: NodeJS.ProcessEnv = {
        ...withoutDatabaseVariables(process.env),
        DATABASE_URL: testDb.url!,
        DATA_DIR: dataDir,
        HOST: '127.0.0.1',
        GATEWAY_PORT: String(gatewayPort),
      };
      subgraphs.forEach(({ name }, i) => (env[`${name.toUpperCase()}_PORT`] = String(subgraphPorts[i])));
      graph = new ServiceProcess({
        name: 'npm start',
        entry: 'stack/src/start.ts',
        port: gatewayPort!,
        env,
        readyPattern: /graph ready in/,
      });
      await graph.start();
      gatewayUrl = graph.url;
    }, 90_000);
    afterAll(async () => {
      await graph?.kill('SIGTERM');
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    });

    it('runs each subgraph as its own role, the incidents events included', async () => {
      const member = await signDevToken(dataDir, {
        sub: 'roles-member',
        org: 'sg-csa',
        roles: [Role.Member],
      });
      const reporter = await signDevToken(dataDir, {
        sub: 'roles-reporter',
        org: 'my-mycert',
        roles: [Role.Member],
      });
      const start = await gql<{ incidentEventCursor: string }>(
        gatewayUrl,
        `{ incidentEventCursor }`,
        {},
        member,
      );
      expect(start.errors).toBeUndefined();
      const subscriber = subscribe(gatewayUrl.replace(/^http/, 'ws'), {
        token: member,
        after: start.data!.incidentEventCursor,
        fields: 'cursor type incident { id title }',
      });
      let reportedId: string;
      try {
        await subscriber.ready;
        reportedId = await reportDdosExercise(
          (query, variables, token) => gql(gatewayUrl, query, variables, token),
          'Exercise scenario: reported under the incidents role',
          reporter,
        );
        const [event] = await subscriber.waitFor(1, 15_000);
        expect(event).toMatchObject({ type: 'REPORTED', incident: { id: reportedId } });
      } finally {
        await subscriber.close();
      }
      const whole = await gql(gatewayUrl, WHOLE_GRAPH, { id: reportedId }, member);
      expect(whole.errors).toBeUndefined();
      expect(whole.data).toMatchObject({ incident: { id: reportedId }, country: { name: 'Singapore' } });

      // Each subgraph's pool names itself in application_name; the server says who it logged in as.
      const sessions = await owner<{ service: string; role: string; query: string }[]>`
        select application_name as service, usename as role, query from pg_stat_activity
        where datname = current_database() and application_name like 'cadg-%'`;
      const pairs = [...new Set(sessions.map((s) => `${s.service} as ${s.role}`))].sort();
      expect(pairs).toEqual(subgraphNames.map((name) => `cadg-${name} as ${SUBGRAPH_ROLES[name]}`).sort());
      // The connections that LISTEN: incidents' for committed events (it delivered the event above),
      // and every subgraph's for its change feed (the gateway's response cache); each as its own role.
      const listeners = sessions.filter((s) => /^listen /i.test(s.query));
      expect(listeners.map((s) => s.role)).toContain(SUBGRAPH_ROLES.incidents);
      for (const { service, role } of listeners) {
        expect(role).toBe(SUBGRAPH_ROLES[service.replace(/^cadg-/, '') as keyof typeof SUBGRAPH_ROLES]);
      }
    });
  });

  it('migrates an empty database as its owner, no superuser, then serves a subgraph given only its own role', async () => {
    // The Kubernetes shape: an init container migrates as a migration role that only owns the
    // database (as deploy/k8s/database.yaml sets it up), the subgraph container gets
    // CONTACTS_DATABASE_URL and nothing else.
    const suffix = randomBytes(3).toString('hex');
    const name = `${new URL(testDb.url!).pathname.slice(1)}_k8s_${suffix}`;
    const migrator = `cadg_test_migrator_${suffix}`;
    await owner.unsafe(`create role "${migrator}" login nosuperuser nocreatedb nocreaterole`);
    const { url } = await createScratchDatabase(testDb.url!, { name, owner: migrator });
    const dataDir = await mkdtemp(join(tmpdir(), 'cadg-roles-k8s-'));
    let contacts: ServiceProcess | undefined;
    try {
      const env = {
        ...withoutDatabaseVariables(process.env),
        MIGRATION_DATABASE_URL: urlForRole(url, migrator),
      };
      const migrated = await run(process.execPath, ['--import', 'tsx', 'db/src/migrate-cli.ts'], {
        cwd: repoRoot,
        env,
      });
      expect(migrated.stdout).toContain('Database migrated');
      const [port] = await freePorts(1);
      contacts = new ServiceProcess({
        name: 'contacts',
        entry: 'subgraphs/contacts/src/index.ts',
        port: port!,
        env: {
          ...withoutDatabaseVariables(process.env),
          CONTACTS_DATABASE_URL: urlForRole(url, SUBGRAPH_ROLES.contacts),
          CONTACTS_PORT: String(port),
          HOST: '127.0.0.1',
          DATA_DIR: dataDir,
        },
      });
      await contacts.start();
      // Migrated but not seeded: the country is unknown, and the answer comes from the database.
      const answer = await gql<{ country: null }>(contacts.url, `{ country(code: "SG") { name } }`);
      expect(answer).toMatchObject({ status: 200, data: { country: null } });
      const sql = postgres(url, { max: 1, onnotice: () => {} });
      clients.push(sql);
      const sessions = await sql<{ service: string; role: string }[]>`
        select distinct application_name as service, usename as role from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()`;
      expect(sessions).toEqual([{ service: 'cadg-contacts', role: SUBGRAPH_ROLES.contacts }]);
      const owners = await sql<{ owner: string }[]>`
        select distinct tableowner as owner from pg_tables where schemaname = any(${subgraphNames})`;
      expect(owners).toEqual([{ owner: migrator }]);
    } finally {
      await contacts?.kill('SIGTERM');
      await dropDatabase(testDb.url!, name);
      await owner.unsafe(`drop role if exists "${migrator}"`);
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

/** The parent's environment minus every database setting, so the child sees only what the test gives. */
function withoutDatabaseVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.endsWith('DATABASE_URL')));
}
