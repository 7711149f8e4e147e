import { randomUUID } from 'node:crypto';
import { eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import {
  textSearch,
  cursorShape,
  CursorParts,
  keysetList,
  linked,
  notFound,
  type Identity,
} from '@cadg/platform';
import { tableKeyset, type Db } from '@cadg/db';
import * as t from '@cadg/db/aipolicy';
import { audit } from './audit.ts';
import { requireCountry, requireTopics } from './reference.ts';
import type { InstrumentKind, InstrumentRow, InstrumentStatus } from './rows.ts';
import * as valid from './validation.ts';

export interface InstrumentFilter {
  countryCodes?: readonly string[] | null;
  international?: boolean | null;
  kinds?: readonly InstrumentKind[] | null;
  topic?: string | null;
  text?: string | null;
}

// Undated instruments sort as the oldest; the expression matches policy_instruments_adopted_idx.
const adoptedKey = sql`coalesce(${t.policyInstruments.adoptedOn}, '0001-01-01'::date)`;

function conditions(filter: InstrumentFilter | null | undefined): SQL[] {
  const where: SQL[] = [];
  if (!filter) return where;
  if (filter.countryCodes) {
    const codes = filter.countryCodes.map((c) => valid.countryCode('filter.countryCodes', c));
    where.push(inArray(t.policyInstruments.countryCode, codes));
  }
  if (filter.international === true) where.push(isNull(t.policyInstruments.countryCode));
  if (filter.international === false) where.push(isNotNull(t.policyInstruments.countryCode));
  if (filter.kinds) where.push(inArray(t.policyInstruments.kind, [...filter.kinds]));
  if (filter.topic) {
    where.push(
      linked(
        t.instrumentTopics.instrumentId,
        t.policyInstruments.id,
        t.instrumentTopics.topicSlug,
        filter.topic,
      ),
    );
  }
  where.push(...textSearch(filter.text, t.policyInstruments.title, t.policyInstruments.summary));
  return where;
}

const INSTRUMENT_CURSOR = cursorShape('instruments', CursorParts.date, CursorParts.text);

/** Instruments newest first (undated last), keyset-paginated on (adoptedOn, id) descending. */
export const listInstruments = keysetList({
  cursor: INSTRUMENT_CURSOR,
  where: conditions,
  queries: (db: Db) =>
    tableKeyset(db, t.policyInstruments, 'desc', [[adoptedKey, 'date'], t.policyInstruments.id]),
  keyOf: (r) => [r.adoptedOn ?? '0001-01-01', r.id],
});

export interface AddInstrumentInput {
  countryCode?: string | null;
  title: string;
  kind: InstrumentKind;
  status: InstrumentStatus;
  adoptedOn?: string | null;
  issuingOrganizationId?: string | null;
  issuingBody?: string | null;
  topics: readonly string[];
  summary: string;
  sourceTitle: string;
  sourceUrl: string;
}

export async function addInstrument(
  db: Db,
  actor: Identity,
  input: AddInstrumentInput,
  now = new Date(),
): Promise<InstrumentRow> {
  const values = {
    id: randomUUID(),
    title: valid.requiredText('input.title', input.title),
    kind: input.kind,
    status: input.status,
    adoptedOn: input.adoptedOn ? valid.pastOrToday('input.adoptedOn', input.adoptedOn, now) : null,
    issuingOrganizationId: input.issuingOrganizationId
      ? valid.organizationId('input.issuingOrganizationId', input.issuingOrganizationId)
      : null,
    issuingBody: valid.optionalText('input.issuingBody', input.issuingBody, 300),
    summary: valid.requiredText('input.summary', input.summary, 2000),
    sourceTitle: valid.requiredText('input.sourceTitle', input.sourceTitle),
    sourceUrl: valid.httpsUrl('input.sourceUrl', input.sourceUrl),
  };
  return db.transaction(async (tx) => {
    const countryCode = input.countryCode
      ? await requireCountry(tx, 'input.countryCode', input.countryCode)
      : null;
    const topics = await requireTopics(tx, 'input.topics', input.topics);
    const [row] = await tx
      .insert(t.policyInstruments)
      .values({ ...values, countryCode })
      .returning();
    if (!row) throw notFound('PolicyInstrument', values.id);
    if (topics.length > 0) {
      await tx
        .insert(t.instrumentTopics)
        .values(topics.map((topic) => ({ instrumentId: row.id, topicSlug: topic.slug })));
    }
    await audit(tx, actor, {
      operation: 'addPolicyInstrument',
      targetType: 'PolicyInstrument',
      targetId: row.id,
      summary: `Added ${values.kind} "${values.title}" (${countryCode ?? 'international'}).`,
    });
    return row;
  });
}

export async function findInstrument(db: Db, id: string): Promise<InstrumentRow | null> {
  const [row] = await db.select().from(t.policyInstruments).where(eq(t.policyInstruments.id, id));
  return row ?? null;
}
