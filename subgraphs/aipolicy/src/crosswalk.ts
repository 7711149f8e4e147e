import { and, asc, eq, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { badUserInput, conflict, notFound, type Identity } from '@cadg/platform';
import type { Db } from '@cadg/db';
import * as t from '@cadg/db/aipolicy';
import { audit } from './audit.ts';
import { requireFramework } from './reference.ts';
import type { MappingRelation, OrientedMapping } from './rows.ts';
import * as valid from './validation.ts';

/**
 * Mappings between two frameworks, whichever way round they were entered, oriented so that `from`
 * is always the principle of the framework asked for as `from`; in that framework's order.
 */
export async function crosswalk(db: Db, fromSlug: string, toSlug: string): Promise<OrientedMapping[]> {
  const from = await requireFramework(db, fromSlug);
  const to = await requireFramework(db, toSlug);
  if (from.slug === to.slug) throw badUserInput('to', 'A crosswalk compares two different frameworks.');
  const a = alias(t.principles, 'a');
  const b = alias(t.principles, 'b');
  const rows = await db
    .select({ mapping: t.principleMappings, a, b })
    .from(t.principleMappings)
    .innerJoin(a, eq(a.id, t.principleMappings.fromPrincipleId))
    .innerJoin(b, eq(b.id, t.principleMappings.toPrincipleId))
    .where(
      or(
        and(eq(a.frameworkSlug, from.slug), eq(b.frameworkSlug, to.slug)),
        and(eq(a.frameworkSlug, to.slug), eq(b.frameworkSlug, from.slug)),
      ),
    );
  return rows
    .map(({ mapping, a: first, b: second }): OrientedMapping => {
      const [fromPrinciple, toPrinciple] =
        first.frameworkSlug === from.slug ? [first, second] : [second, first];
      return {
        id: mapping.id,
        from: fromPrinciple,
        to: toPrinciple,
        relation: mapping.relation,
        note: mapping.note,
      };
    })
    .sort((x, y) => x.from.ordinal - y.from.ordinal || x.to.ordinal - y.to.ordinal);
}

export interface AddMappingInput {
  fromPrincipleId: string;
  toPrincipleId: string;
  relation: MappingRelation;
  note: string;
}

export async function addMapping(db: Db, actor: Identity, input: AddMappingInput): Promise<OrientedMapping> {
  const note = valid.requiredText('input.note', input.note, 1000);
  if (input.fromPrincipleId === input.toPrincipleId) {
    throw badUserInput('input.toPrincipleId', 'A principle cannot be mapped to itself.');
  }
  return db.transaction(async (tx) => {
    const principles = await tx
      .select()
      .from(t.principles)
      .where(or(eq(t.principles.id, input.fromPrincipleId), eq(t.principles.id, input.toPrincipleId)))
      .orderBy(asc(t.principles.id));
    const from = principles.find((p) => p.id === input.fromPrincipleId);
    if (!from) throw notFound('Principle', input.fromPrincipleId);
    const to = principles.find((p) => p.id === input.toPrincipleId);
    if (!to) throw notFound('Principle', input.toPrincipleId);
    if (from.frameworkSlug === to.frameworkSlug) {
      throw badUserInput('input.toPrincipleId', 'Map principles of two different frameworks.');
    }
    // The pair is unique whichever way round; the lock makes the check and the insert one step.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`aipolicy:mapping:${[from.id, to.id].sort().join(':')}`}))`,
    );
    const [existing] = await tx
      .select({ id: t.principleMappings.id })
      .from(t.principleMappings)
      .where(
        or(
          and(eq(t.principleMappings.fromPrincipleId, from.id), eq(t.principleMappings.toPrincipleId, to.id)),
          and(eq(t.principleMappings.fromPrincipleId, to.id), eq(t.principleMappings.toPrincipleId, from.id)),
        ),
      );
    if (existing) {
      throw conflict(`"${from.id}" and "${to.id}" are already mapped.`, { mappingId: existing.id });
    }
    const [row] = await tx
      .insert(t.principleMappings)
      .values({
        fromPrincipleId: from.id,
        toPrincipleId: to.id,
        relation: input.relation,
        note,
        createdBy: actor.sub,
      })
      .returning();
    if (!row) throw notFound('PrincipleMapping', `${from.id}:${to.id}`);
    await audit(tx, actor, {
      operation: 'addPrincipleMapping',
      targetType: 'PrincipleMapping',
      targetId: row.id,
      summary: `Mapped ${from.id} ${input.relation} ${to.id}.`,
    });
    return { id: row.id, from, to, relation: row.relation, note: row.note };
  });
}
