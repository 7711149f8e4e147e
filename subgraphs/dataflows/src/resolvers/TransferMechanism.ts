import type { MechanismRow } from '../rows.ts';

export const TransferMechanism = {
  source: (mechanism: MechanismRow) => ({ url: mechanism.sourceUrl }),
};
