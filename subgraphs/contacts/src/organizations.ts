import { eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import {
  textSearch,
  badUserInput,
  conflict,
  cursorShape,
  CursorParts,
  keysetList,
  notFound,
  type Identity,
} from '@cadg/platform';
import { tableKeyset, type Db } from '@cadg/db';
import * as t from '@cadg/db/contacts';
import { audit, changedFields } from './audit.ts';
import type { OrganizationKind, OrganizationRow } from './rows.ts';
import * as valid from './validation.ts';

export interface OrganizationFilter {
  countryCodes?: readonly string[] | null;
  kinds?: readonly OrganizationKind[] | null;
  text?: string | null;
}

function conditions(filter: OrganizationFilter | null | undefined): SQL[] {
  const where: SQL[] = [];
  if (filter?.countryCodes) {
    where.push(
      inArray(
        t.organizations.countryCode,
        filter.countryCodes.map((c) => valid.countryCode('filter.countryCodes', c)),
      ),
    );
  }
  if (filter?.kinds) where.push(inArray(t.organizations.kind, [...filter.kinds]));
  where.push(
    ...textSearch(filter?.text, t.organizations.name, t.organizations.acronym, t.organizations.constituency),
  );
  return where;
}

const ORGANIZATION_CURSOR = cursorShape('organizations', CursorParts.text, CursorParts.text);

/** Organizations by name, keyset-paginated on (name, id). */
export const listOrganizations = keysetList({
  cursor: ORGANIZATION_CURSOR,
  where: conditions,
  queries: (db: Db) => tableKeyset(db, t.organizations, 'asc', [t.organizations.name, t.organizations.id]),
  keyOf: (r) => [r.name, r.id],
});

export interface CreateOrganizationInput {
  countryCode: string;
  name: string;
  acronym?: string | null;
  kind: OrganizationKind;
  website?: string | null;
  constituency?: string | null;
  sourceUrl?: string | null;
}

/** Readable ids like `sg-csa`; a numeric suffix keeps them unique. */
function slug(countryCode: string, label: string): string {
  const base = label
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 40);
  return `${countryCode.toLowerCase()}-${base || 'org'}`;
}

async function requireCountry(db: Db, field: string, code: string): Promise<string> {
  const normalised = valid.countryCode(field, code);
  const [row] = await db
    .select({ code: t.countries.code })
    .from(t.countries)
    .where(eq(t.countries.code, normalised));
  if (!row) throw notFound('Country', normalised);
  return normalised;
}

export async function createOrganization(
  db: Db,
  actor: Identity,
  input: CreateOrganizationInput,
): Promise<OrganizationRow> {
  const countryCode = await requireCountry(db, 'input.countryCode', input.countryCode);
  const values = {
    countryCode,
    name: valid.requiredText('input.name', input.name),
    acronym: valid.optionalText('input.acronym', input.acronym, 40),
    kind: input.kind,
    website: input.website ? valid.httpsUrl('input.website', input.website) : null,
    constituency: valid.optionalText('input.constituency', input.constituency),
    sourceUrl: input.sourceUrl ? valid.httpsUrl('input.sourceUrl', input.sourceUrl) : null,
  };
  return db.transaction(async (tx) => {
    const base = slug(countryCode, values.acronym ?? values.name);
    const taken = await tx
      .select({ id: t.organizations.id })
      .from(t.organizations)
      .where(or(eq(t.organizations.id, base), sql`${t.organizations.id} like ${`${base}-%`}`));
    const ids = new Set(taken.map((r) => r.id));
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    const [row] = await tx
      .insert(t.organizations)
      .values({ id, ...values })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await audit(tx, actor, {
      operation: 'createOrganization',
      targetType: 'Organization',
      targetId: id,
      summary: `Registered ${values.kind} "${values.name}" (${countryCode}).`,
    });
    return row;
  });
}

export interface UpdateOrganizationInput {
  id: string;
  expectedVersion?: number | null;
  name?: string | null;
  acronym?: string | null;
  kind?: OrganizationKind | null;
  website?: string | null;
  constituency?: string | null;
}

export async function updateOrganization(
  db: Db,
  actor: Identity,
  input: UpdateOrganizationInput,
): Promise<OrganizationRow> {
  const changes: Partial<typeof t.organizations.$inferInsert> = {};
  if (input.name !== undefined) {
    if (input.name === null) throw badUserInput('input.name', 'name cannot be cleared.');
    changes.name = valid.requiredText('input.name', input.name);
  }
  if (input.acronym !== undefined) changes.acronym = valid.optionalText('input.acronym', input.acronym, 40);
  if (input.kind !== undefined) {
    if (input.kind === null) throw badUserInput('input.kind', 'kind cannot be cleared.');
    changes.kind = input.kind;
  }
  if (input.website !== undefined)
    changes.website = input.website ? valid.httpsUrl('input.website', input.website) : null;
  if (input.constituency !== undefined)
    changes.constituency = valid.optionalText('input.constituency', input.constituency);

  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(t.organizations)
      .where(eq(t.organizations.id, input.id))
      .for('update');
    if (!current) throw notFound('Organization', input.id);
    if (
      input.expectedVersion !== undefined &&
      input.expectedVersion !== null &&
      input.expectedVersion !== current.version
    ) {
      throw conflict(
        `Organization "${input.id}" is at version ${current.version}, not ${input.expectedVersion}.`,
        {
          currentVersion: current.version,
        },
      );
    }
    const [row] = await tx
      .update(t.organizations)
      .set({ ...changes, version: current.version + 1, updatedAt: new Date() })
      .where(eq(t.organizations.id, input.id))
      .returning();
    if (!row) throw notFound('Organization', input.id);
    await audit(tx, actor, {
      operation: 'updateOrganization',
      targetType: 'Organization',
      targetId: input.id,
      summary: `Changed ${changedFields(changes)}.`,
    });
    return row;
  });
}
