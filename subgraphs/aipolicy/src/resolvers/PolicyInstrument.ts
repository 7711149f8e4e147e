import { loadExisting } from '@cadg/platform';
import type { AipolicyContext } from '../context.ts';
import type { InstrumentRow } from '../rows.ts';

export const PolicyInstrument = {
  country: (instrument: InstrumentRow) => (instrument.countryCode ? { code: instrument.countryCode } : null),
  issuingOrganization: (instrument: InstrumentRow) =>
    instrument.issuingOrganizationId ? { id: instrument.issuingOrganizationId } : null,
  topics: async (instrument: InstrumentRow, _: unknown, { loaders }: AipolicyContext) =>
    loadExisting(loaders.topicBySlug, await loaders.topicSlugsByInstrument.load(instrument.id)),
  source: (instrument: InstrumentRow) => ({ title: instrument.sourceTitle, url: instrument.sourceUrl }),
};
