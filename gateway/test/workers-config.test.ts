import { describe, expect, it } from 'vitest';
import { gatewayWorkersFromEnv } from '../src/workers.ts';

describe('GATEWAY_WORKERS', () => {
  it('is one process unless set, and the number given when it is', () => {
    expect(gatewayWorkersFromEnv({})).toBe(1);
    expect(gatewayWorkersFromEnv({ GATEWAY_WORKERS: '' })).toBe(1);
    expect(gatewayWorkersFromEnv({ GATEWAY_WORKERS: '4' })).toBe(4);
  });

  it.each(['0', '-2', '1.5', 'two', '65'])('refuses %s at start, naming the variable', (value) => {
    expect(() => gatewayWorkersFromEnv({ GATEWAY_WORKERS: value })).toThrow(
      `GATEWAY_WORKERS=${value} is not a whole number from 1 to 64.`,
    );
  });
});
