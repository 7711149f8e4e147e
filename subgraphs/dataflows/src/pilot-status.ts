import { conflict } from '@cadg/platform';
import type { PilotStatus } from './rows.ts';

/**
 * The pilot lifecycle: PROPOSED → APPROVED → ACTIVE → CONCLUDED, with ACTIVE → SUSPENDED and back.
 * A suspended pilot may also be concluded without resuming, so a pilot that cannot restart is not
 * stuck in SUSPENDED for ever.
 */
const NEXT: Readonly<Record<PilotStatus, readonly PilotStatus[]>> = {
  PROPOSED: ['APPROVED'],
  APPROVED: ['ACTIVE'],
  ACTIVE: ['SUSPENDED', 'CONCLUDED'],
  SUSPENDED: ['ACTIVE', 'CONCLUDED'],
  CONCLUDED: [],
};

/** The statuses a pilot may move to from `from`. */
export const nextStatuses = (from: PilotStatus): readonly PilotStatus[] => NEXT[from];

export const canTransition = (from: PilotStatus, to: PilotStatus): boolean => NEXT[from].includes(to);

/** Throws CONFLICT for a move the lifecycle does not allow (including staying where it is). */
export function assertTransition(from: PilotStatus, to: PilotStatus): void {
  if (canTransition(from, to)) return;
  const allowed = NEXT[from];
  throw conflict(
    `A pilot cannot move from ${from} to ${to}; allowed: ${allowed.length > 0 ? allowed.join(', ') : 'none'}.`,
    { from, to, allowed: [...allowed] },
  );
}

/** Approving a proposal is the secretariat's decision; participants cannot approve their own. */
export const needsSecretariat = (to: PilotStatus): boolean => to === 'APPROVED';

/** Milestones of a concluded pilot are closed. */
export const acceptsMilestones = (status: PilotStatus): boolean => status !== 'CONCLUDED';
