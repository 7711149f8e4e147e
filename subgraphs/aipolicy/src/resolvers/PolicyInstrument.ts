import { loadExisting } from '@cadg/platform';
import type { PolicyInstrumentResolvers } from '../generated/resolvers-types.ts';

export const PolicyInstrument: PolicyInstrumentResolvers = {
  country: (instrument) => (instrument.countryCode ? { code: instrument.countryCode } : null),
  issuingOrganization: (instrument) =>
    instrument.issuingOrganizationId ? { id: instrument.issuingOrganizationId } : null,
  topics: async (instrument, _, { loaders }) =>
    loadExisting(loaders.topicBySlug, await loaders.topicSlugsByInstrument.load(instrument.id)),
  source: (instrument) => ({ title: instrument.sourceTitle, url: instrument.sourceUrl }),
};
