import type { Requirements, TransferQuestion } from '../requirements.ts';

export const TransferRequirements = {
  from: (answer: TransferQuestion & Requirements) => ({ code: answer.from }),
  to: (answer: TransferQuestion & Requirements) => ({ code: answer.to }),
};
