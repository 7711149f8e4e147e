import { describe, expect, it } from 'vitest';
import { drainEagerly } from '../src/backpressure.ts';

/** A source whose values the test pushes, like events arriving from upstream. */
function pushSource<T>() {
  const values: T[] = [];
  let wake: (() => void) | null = null;
  let ended = false;
  const source: AsyncIterable<T> = {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        while (values.length > 0) yield values.shift()!;
        if (ended) return;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
  return {
    source,
    push(...more: T[]) {
      values.push(...more);
      wake?.();
    },
    end() {
      ended = true;
      wake?.();
    },
  };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('draining a subscription eagerly', () => {
  it('lets a consumer that keeps taking through a burst far larger than the limit', async () => {
    const upstream = pushSource<number>();
    let overflowed = false;
    const drained = drainEagerly(
      upstream.source,
      { maxQueued: 3, stallMs: 10_000 },
      () => (overflowed = true),
    );
    upstream.push(...Array.from({ length: 25 }, (_, i) => i));
    upstream.end();
    const seen: number[] = [];
    for await (const value of drained) seen.push(value);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(overflowed).toBe(false);
  });

  it('overflows when the consumer takes nothing for the stall time with the queue over the limit', async () => {
    const upstream = pushSource<number>();
    let overflowed = false;
    let clock = 0;
    const drained = drainEagerly(
      upstream.source,
      { maxQueued: 2, stallMs: 1_000 },
      () => (overflowed = true),
      () => clock,
    );
    upstream.push(1, 2, 3);
    await tick();
    expect(overflowed).toBe(false);
    clock += 1_001;
    upstream.push(4);
    await tick();
    await tick();
    expect(overflowed).toBe(true);
    expect(await drained.next()).toEqual({ value: undefined, done: true });
  });

  it('overflows at ten times the limit even for a consumer that still trickles', async () => {
    const upstream = pushSource<number>();
    let overflowed = false;
    drainEagerly(upstream.source, { maxQueued: 2, stallMs: 60_000 }, () => (overflowed = true));
    upstream.push(...Array.from({ length: 21 }, (_, i) => i));
    for (let i = 0; i < 30 && !overflowed; i++) await tick();
    expect(overflowed).toBe(true);
  });
});
