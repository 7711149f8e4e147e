import { describe, expect, it } from 'vitest';
import { codeOf } from '@cadg/platform/testing';
import {
  acceptsMilestones,
  assertTransition,
  canTransition,
  needsSecretariat,
  nextStatuses,
} from '../src/pilot-status.ts';
import type { PilotStatus } from '../src/rows.ts';

const ALL: PilotStatus[] = ['PROPOSED', 'APPROVED', 'ACTIVE', 'SUSPENDED', 'CONCLUDED'];

describe('the pilot lifecycle', () => {
  it('allows exactly PROPOSED→APPROVED→ACTIVE→CONCLUDED, ACTIVE⇄SUSPENDED and SUSPENDED→CONCLUDED', () => {
    const allowed = ALL.flatMap((from) =>
      ALL.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed.sort()).toEqual(
      [
        'PROPOSED→APPROVED',
        'APPROVED→ACTIVE',
        'ACTIVE→SUSPENDED',
        'ACTIVE→CONCLUDED',
        'SUSPENDED→ACTIVE',
        'SUSPENDED→CONCLUDED',
      ].sort(),
    );
  });

  it('refuses skipping a step, going back and staying put with CONFLICT naming the allowed moves', () => {
    expect(codeOf(() => assertTransition('PROPOSED', 'ACTIVE'))).toBe('CONFLICT');
    expect(codeOf(() => assertTransition('ACTIVE', 'APPROVED'))).toBe('CONFLICT');
    expect(codeOf(() => assertTransition('ACTIVE', 'ACTIVE'))).toBe('CONFLICT');
    expect(codeOf(() => assertTransition('APPROVED', 'ACTIVE'))).toBe('no error');
    try {
      assertTransition('PROPOSED', 'CONCLUDED');
    } catch (error) {
      expect((error as { extensions: Record<string, unknown> }).extensions['allowed']).toEqual(['APPROVED']);
    }
  });

  it('ends at CONCLUDED, where nothing follows and milestones are closed', () => {
    expect(nextStatuses('CONCLUDED')).toEqual([]);
    expect(acceptsMilestones('CONCLUDED')).toBe(false);
    expect(acceptsMilestones('SUSPENDED')).toBe(true);
  });

  it('leaves approval to the secretariat and every other step to participants as well', () => {
    expect(ALL.filter(needsSecretariat)).toEqual(['APPROVED']);
  });
});
