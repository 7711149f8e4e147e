import type { IncidentsContext } from '../context.ts';
import type { FeedItem } from '../events/feed.ts';
import { eventIdOf, majorIncidentStream } from '../events/subscription.ts';
import type { Severity } from '../rows.ts';
import { MAJOR } from '../severity.ts';
import * as valid from '../validation.ts';

interface MajorIncidentArgs {
  minSeverity?: Severity | null;
  countries?: readonly string[] | null;
  after?: string | null;
}

export const Subscription = {
  majorIncidentUpdates: {
    subscribe: (_: unknown, args: MajorIncidentArgs, { db, caller, hub }: IncidentsContext) =>
      majorIncidentStream(
        hub,
        db,
        caller,
        {
          minSeverity: args.minSeverity ?? MAJOR,
          countries: valid.countryCodes('countries', args.countries ?? [], { required: false }),
        },
        args.after === null || args.after === undefined ? null : eventIdOf(args.after),
      ),
    resolve: (item: FeedItem) => item,
  },
};
