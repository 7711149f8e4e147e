// buildSubgraphSchema types resolvers with an unknown context; each resolver file is typed with IncidentsContext.
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { DateTimeScalar } from '@cadg/platform';
import {
  Advisory,
  AssistanceRequest,
  Country,
  Incident,
  IncidentEvent,
  IncidentUpdate,
  Indicator,
  Organization,
} from './entities.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { Subscription } from './Subscription.ts';

export const resolvers = {
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  Subscription,
  Country,
  Organization,
  Incident,
  IncidentUpdate,
  AssistanceRequest,
  Advisory,
  Indicator,
  IncidentEvent,
} as unknown as GraphQLResolverMap<unknown>;
