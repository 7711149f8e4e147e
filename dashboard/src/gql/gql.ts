/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query DirectoryOrganizations($text: String, $countryCodes: [ID!], $first: Int = 25) {\n  countries {\n    code\n    name\n  }\n  organizations(filter: {text: $text, countryCodes: $countryCodes}, first: $first) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        acronym\n        kind\n        website\n        country {\n          code\n          name\n        }\n        contacts {\n          id\n          name\n          title\n          email\n          phone\n          available24x7\n          timezone\n          verificationStatus\n        }\n      }\n    }\n  }\n}": typeof types.DirectoryOrganizationsDocument,
    "subscription LiveMajorIncidents($after: String) {\n  majorIncidentUpdates(minSeverity: HIGH, after: $after) {\n    cursor\n    type\n    occurredAt\n    severity\n    incident {\n      id\n      title\n      severity\n      status\n      tlp\n      reportedAt\n      updatedAt\n      reportedBy {\n        id\n        name\n      }\n    }\n  }\n}": typeof types.LiveMajorIncidentsDocument,
    "query SignInOrganizations {\n  organizations(first: 500) {\n    edges {\n      node {\n        id\n        name\n        acronym\n        kind\n        country {\n          code\n          name\n        }\n      }\n    }\n  }\n}": typeof types.SignInOrganizationsDocument,
    "query SituationOverview($open: [IncidentStatus!] = [REPORTED, TRIAGED, IN_PROGRESS, CONTAINED]) {\n  majorIncidents: incidents(\n    filter: {minSeverity: HIGH, statuses: $open}\n    first: 20\n  ) {\n    totalCount\n    edges {\n      node {\n        id\n        title\n        severity\n        status\n        tlp\n        reportedAt\n        updatedAt\n        reportedBy {\n          id\n          name\n        }\n      }\n    }\n  }\n  bySeverity: incidentStats(groupBy: SEVERITY, filter: {statuses: $open}) {\n    key\n    count\n  }\n  byCountry: incidentStats(groupBy: COUNTRY, filter: {statuses: $open}) {\n    key\n    count\n  }\n  countries {\n    code\n    name\n  }\n  incidentEventCursor\n}": typeof types.SituationOverviewDocument,
};
const documents: Documents = {
    "query DirectoryOrganizations($text: String, $countryCodes: [ID!], $first: Int = 25) {\n  countries {\n    code\n    name\n  }\n  organizations(filter: {text: $text, countryCodes: $countryCodes}, first: $first) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        acronym\n        kind\n        website\n        country {\n          code\n          name\n        }\n        contacts {\n          id\n          name\n          title\n          email\n          phone\n          available24x7\n          timezone\n          verificationStatus\n        }\n      }\n    }\n  }\n}": types.DirectoryOrganizationsDocument,
    "subscription LiveMajorIncidents($after: String) {\n  majorIncidentUpdates(minSeverity: HIGH, after: $after) {\n    cursor\n    type\n    occurredAt\n    severity\n    incident {\n      id\n      title\n      severity\n      status\n      tlp\n      reportedAt\n      updatedAt\n      reportedBy {\n        id\n        name\n      }\n    }\n  }\n}": types.LiveMajorIncidentsDocument,
    "query SignInOrganizations {\n  organizations(first: 500) {\n    edges {\n      node {\n        id\n        name\n        acronym\n        kind\n        country {\n          code\n          name\n        }\n      }\n    }\n  }\n}": types.SignInOrganizationsDocument,
    "query SituationOverview($open: [IncidentStatus!] = [REPORTED, TRIAGED, IN_PROGRESS, CONTAINED]) {\n  majorIncidents: incidents(\n    filter: {minSeverity: HIGH, statuses: $open}\n    first: 20\n  ) {\n    totalCount\n    edges {\n      node {\n        id\n        title\n        severity\n        status\n        tlp\n        reportedAt\n        updatedAt\n        reportedBy {\n          id\n          name\n        }\n      }\n    }\n  }\n  bySeverity: incidentStats(groupBy: SEVERITY, filter: {statuses: $open}) {\n    key\n    count\n  }\n  byCountry: incidentStats(groupBy: COUNTRY, filter: {statuses: $open}) {\n    key\n    count\n  }\n  countries {\n    code\n    name\n  }\n  incidentEventCursor\n}": types.SituationOverviewDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DirectoryOrganizations($text: String, $countryCodes: [ID!], $first: Int = 25) {\n  countries {\n    code\n    name\n  }\n  organizations(filter: {text: $text, countryCodes: $countryCodes}, first: $first) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        acronym\n        kind\n        website\n        country {\n          code\n          name\n        }\n        contacts {\n          id\n          name\n          title\n          email\n          phone\n          available24x7\n          timezone\n          verificationStatus\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query DirectoryOrganizations($text: String, $countryCodes: [ID!], $first: Int = 25) {\n  countries {\n    code\n    name\n  }\n  organizations(filter: {text: $text, countryCodes: $countryCodes}, first: $first) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        acronym\n        kind\n        website\n        country {\n          code\n          name\n        }\n        contacts {\n          id\n          name\n          title\n          email\n          phone\n          available24x7\n          timezone\n          verificationStatus\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription LiveMajorIncidents($after: String) {\n  majorIncidentUpdates(minSeverity: HIGH, after: $after) {\n    cursor\n    type\n    occurredAt\n    severity\n    incident {\n      id\n      title\n      severity\n      status\n      tlp\n      reportedAt\n      updatedAt\n      reportedBy {\n        id\n        name\n      }\n    }\n  }\n}"): (typeof documents)["subscription LiveMajorIncidents($after: String) {\n  majorIncidentUpdates(minSeverity: HIGH, after: $after) {\n    cursor\n    type\n    occurredAt\n    severity\n    incident {\n      id\n      title\n      severity\n      status\n      tlp\n      reportedAt\n      updatedAt\n      reportedBy {\n        id\n        name\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SignInOrganizations {\n  organizations(first: 500) {\n    edges {\n      node {\n        id\n        name\n        acronym\n        kind\n        country {\n          code\n          name\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query SignInOrganizations {\n  organizations(first: 500) {\n    edges {\n      node {\n        id\n        name\n        acronym\n        kind\n        country {\n          code\n          name\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SituationOverview($open: [IncidentStatus!] = [REPORTED, TRIAGED, IN_PROGRESS, CONTAINED]) {\n  majorIncidents: incidents(\n    filter: {minSeverity: HIGH, statuses: $open}\n    first: 20\n  ) {\n    totalCount\n    edges {\n      node {\n        id\n        title\n        severity\n        status\n        tlp\n        reportedAt\n        updatedAt\n        reportedBy {\n          id\n          name\n        }\n      }\n    }\n  }\n  bySeverity: incidentStats(groupBy: SEVERITY, filter: {statuses: $open}) {\n    key\n    count\n  }\n  byCountry: incidentStats(groupBy: COUNTRY, filter: {statuses: $open}) {\n    key\n    count\n  }\n  countries {\n    code\n    name\n  }\n  incidentEventCursor\n}"): (typeof documents)["query SituationOverview($open: [IncidentStatus!] = [REPORTED, TRIAGED, IN_PROGRESS, CONTAINED]) {\n  majorIncidents: incidents(\n    filter: {minSeverity: HIGH, statuses: $open}\n    first: 20\n  ) {\n    totalCount\n    edges {\n      node {\n        id\n        title\n        severity\n        status\n        tlp\n        reportedAt\n        updatedAt\n        reportedBy {\n          id\n          name\n        }\n      }\n    }\n  }\n  bySeverity: incidentStats(groupBy: SEVERITY, filter: {statuses: $open}) {\n    key\n    count\n  }\n  byCountry: incidentStats(groupBy: COUNTRY, filter: {statuses: $open}) {\n    key\n    count\n  }\n  countries {\n    code\n    name\n  }\n  incidentEventCursor\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;