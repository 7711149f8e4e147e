import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { withoutFailedRootFields } from '../src/subscription-results.ts';

describe('subscription results after an upstream failure', () => {
  it('drops the repeated data of a result whose root field failed', () => {
    const error = new GraphQLError('A service behind the gateway did not answer; try again shortly.', {
      path: ['majorIncidentUpdates'],
    });
    const stale = { data: { majorIncidentUpdates: { cursor: 'WzI3XQ' } }, errors: [error] };
    expect(withoutFailedRootFields(stale)).toEqual({ data: null, errors: [error] });
  });

  it('keeps an event whose nested field failed, since the event itself is new', () => {
    const error = new GraphQLError('x', { path: ['majorIncidentUpdates', 'incident', 'reportedBy'] });
    const result = { data: { majorIncidentUpdates: { cursor: 'WzI4XQ' } }, errors: [error] };
    expect(withoutFailedRootFields(result)).toBe(result);
  });
});
