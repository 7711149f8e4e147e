import type { DataflowsContext } from '../context.ts';
import type { RecognitionRow } from '../rows.ts';

export const MechanismRecognition = {
  mechanism: (recognition: RecognitionRow, _: unknown, { loaders }: DataflowsContext) =>
    loaders.mechanismByKind.load(recognition.mechanismKind),
  source: (recognition: RecognitionRow) => ({ url: recognition.sourceUrl }),
};
