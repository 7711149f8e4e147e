import { loadRequired } from '@cadg/platform';
import type { MechanismRecognitionResolvers } from '../generated/resolvers-types.ts';

export const MechanismRecognition: MechanismRecognitionResolvers = {
  mechanism: (recognition, _, { loaders }) =>
    loadRequired(loaders.mechanismByKind, recognition.mechanismKind),
  source: (recognition) => ({ url: recognition.sourceUrl }),
};
