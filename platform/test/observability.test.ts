import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Registry } from 'prom-client';
import {
  BoundedLabel,
  createServiceLogger,
  logFormatFromEnv,
  logLevelFromEnv,
  maskError,
  OperationMetrics,
  OTHER_LABEL,
} from '../src/index.ts';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { lines, destination };
}

describe('service logs', () => {
  it('are JSON lines stamped with the service, with credentials redacted', () => {
    const { lines, destination } = capture();
    const log = createServiceLogger('contacts', { level: 'info', destination });
    log.error(
      {
        requestId: 'req-123',
        headers: { authorization: 'Bearer secret.token.here' },
        connectionParams: { authorization: 'x' },
      },
      'unexpected error',
    );
    log.info('outside any request');

    expect(lines[0]).toMatchObject({
      level: 'error',
      service: 'contacts',
      requestId: 'req-123',
      msg: 'unexpected error',
      headers: { authorization: '[redacted]' },
      connectionParams: { authorization: '[redacted]' },
    });
    expect(JSON.stringify(lines)).not.toContain('secret.token.here');
    expect(lines[1]).not.toHaveProperty('requestId');
  });

  it('log an unexpected error under the id of the request it arose in, which the masked answer quotes', () => {
    const { lines, destination } = capture();
    const log = createServiceLogger('contacts', { level: 'info', destination });
    const logError = (message: string, details: Record<string, unknown>) => log.error(details, message);
    const error = new Error('relation "secret_table" does not exist');
    const masked = maskError({ message: error.message }, error, logError, 'req-456');
    expect(masked).toEqual({
      message: 'Internal server error.',
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-456' },
    });
    expect(lines[0]).toMatchObject({ level: 'error', msg: 'unexpected error', requestId: 'req-456' });
    // Without a request, a fresh id still ties the answer to the log line.
    const alone = maskError({ message: error.message }, error, logError);
    expect(alone.extensions?.['requestId']).toEqual(expect.any(String));
    expect(lines[1]).toMatchObject({ requestId: alone.extensions?.['requestId'] });
  });
});

describe('log format and level', () => {
  it('are JSON lines off a terminal or in production, pretty text at a terminal, unless LOG_FORMAT says', () => {
    expect(logFormatFromEnv({}, false)).toBe('json');
    expect(logFormatFromEnv({}, true)).toBe('pretty');
    expect(logFormatFromEnv({ GATEWAY_MODE: 'production' }, true)).toBe('json');
    expect(logFormatFromEnv({ NODE_ENV: 'production' }, true)).toBe('json');
    expect(logFormatFromEnv({ LOG_FORMAT: 'pretty' }, false)).toBe('pretty');
    expect(logFormatFromEnv({ LOG_FORMAT: 'json' }, true)).toBe('json');
    expect(() => logFormatFromEnv({ LOG_FORMAT: 'xml' }, true)).toThrow(/LOG_FORMAT=xml/);
  });

  it('takes LOG_LEVEL, info by default, and refuses a level that does not exist', () => {
    expect(logLevelFromEnv({})).toBe('info');
    expect(logLevelFromEnv({ LOG_LEVEL: 'debug' })).toBe('debug');
    expect(() => logLevelFromEnv({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL=loud/);
  });
});

describe('metric labels', () => {
  it('keep the first names up to the limit and count the rest, and non-names, as other', () => {
    const label = new BoundedLabel(2);
    expect(label.of('Directory')).toBe('Directory');
    expect(label.of('Dashboard')).toBe('Dashboard');
    expect(label.of('Third')).toBe(OTHER_LABEL);
    expect(label.of('Directory')).toBe('Directory');
    expect(new BoundedLabel(5).of('not a name"}')).toBe(OTHER_LABEL);
    expect(label.of(undefined)).toBe('anonymous');
  });

  it('hold operation series bounded however many names clients send', async () => {
    const registry = new Registry();
    const metrics = new OperationMetrics({ registry, maxOperationNames: 3 });
    for (let i = 0; i < 100; i++)
      metrics.record(`Generated${i}`, 'query', 0.01, i % 10 === 0 ? ['FORBIDDEN'] : []);
    const operations = await registry.getSingleMetric('graphql_operations_total')!.get();
    expect(operations.values.map((v) => v.labels['operation']).sort()).toEqual([
      'Generated0',
      'Generated1',
      'Generated2',
      OTHER_LABEL,
    ]);
    expect(operations.values.find((v) => v.labels['operation'] === OTHER_LABEL)?.value).toBe(97);
    const errors = await registry.getSingleMetric('graphql_errors_total')!.get();
    expect(errors.values.reduce((sum, v) => sum + v.value, 0)).toBe(10);
  });
});
