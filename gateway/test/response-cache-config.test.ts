import { describe, expect, it } from 'vitest';
import { responseCacheFromEnv } from '../src/index.ts';

describe('the response cache settings from the environment', () => {
  it('cache in memory by default, in Redis when REDIS_URL is set, and not at all when off', () => {
    expect(responseCacheFromEnv({})).toEqual({
      mode: 'memory',
      redisUrl: undefined,
      redisPrefix: undefined,
      ttlMs: undefined,
      maxBytes: undefined,
    });
    expect(responseCacheFromEnv({ REDIS_URL: 'redis://127.0.0.1:6379' })).toMatchObject({
      mode: 'redis',
      redisUrl: 'redis://127.0.0.1:6379',
    });
    expect(responseCacheFromEnv({ RESPONSE_CACHE: 'off', REDIS_URL: 'redis://127.0.0.1:6379' })).toBeNull();
    expect(
      responseCacheFromEnv({
        RESPONSE_CACHE: 'memory',
        REDIS_URL: 'redis://127.0.0.1:6379',
        RESPONSE_CACHE_TTL_MS: '60000',
        RESPONSE_CACHE_MAX_BYTES: '1048576',
        RESPONSE_CACHE_REDIS_PREFIX: 'staging:',
      }),
    ).toEqual({
      mode: 'memory',
      redisUrl: 'redis://127.0.0.1:6379',
      redisPrefix: 'staging:',
      ttlMs: 60_000,
      maxBytes: 1_048_576,
    });
  });

  it('refuse settings that cannot work', () => {
    expect(() => responseCacheFromEnv({ RESPONSE_CACHE: 'disk' })).toThrow('not one of off, memory, redis');
    expect(() => responseCacheFromEnv({ RESPONSE_CACHE: 'redis' })).toThrow('needs REDIS_URL');
    expect(() => responseCacheFromEnv({ RESPONSE_CACHE_TTL_MS: '0' })).toThrow('not a positive integer');
    expect(() => responseCacheFromEnv({ RESPONSE_CACHE_MAX_BYTES: 'lots' })).toThrow(
      'not a positive integer',
    );
  });
});
