import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Registry } from 'prom-client';
import {
  BoundedLabel,
  createServiceLogger,
  OperationMetrics,
  OTHER_LABEL,
  runWithRequestId,
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
  it('are JSON lines stamped with the service and the current request id, with credentials redacted', () => {
    const { lines, destination } = capture();
    const log = createServiceLogger('contacts', { level: 'info', destination });
    runWithRequestId('req-123', () =>
      log.error(
        { headers: { authorization: 'Bearer secret.token.here' }, connectionParams: { authorization: 'x' } },
        'unexpected error',
      ),
    );
    log.info('outside any request');

    expect(lines[0]).toMatchObject({
      service: 'contacts',
      requestId: 'req-123',
      msg: 'unexpected error',
      headers: { authorization: '[redacted]' },
      connectionParams: { authorization: '[redacted]' },
    });
    expect(JSON.stringify(lines)).not.toContain('secret.token.here');
    expect(lines[1]).not.toHaveProperty('requestId');
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
