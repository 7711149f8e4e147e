import type { FeedItem } from '../events/feed.ts';
import { eventIdOf, majorIncidentStream } from '../events/subscription.ts';
import type { SubscriptionResolvers } from '../generated/resolvers-types.ts';
import { MAJOR } from '../severity.ts';
import * as valid from '../validation.ts';

export const Subscription: SubscriptionResolvers = {
  majorIncidentUpdates: {
    subscribe: (_, args, { db, caller, hub }) =>
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
    // The stream yields feed items (not `{ majorIncidentUpdates }` payloads), so resolve passes each on.
    resolve: (item: FeedItem) => item,
  },
};
