/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What a change to an incident was. */
export type IncidentEventType =
  /** An assistance request was answered. */
  | 'ASSISTANCE_ANSWERED'
  /** Assistance was requested. */
  | 'ASSISTANCE_REQUESTED'
  /** The incident was reported. */
  | 'REPORTED'
  /** Its severity changed. */
  | 'SEVERITY_CHANGED'
  /** It was shared with more organizations. */
  | 'SHARED'
  /** Its status changed. */
  | 'STATUS_CHANGED'
  /** Its details changed. */
  | 'UPDATED'
  /** A timeline entry was posted. */
  | 'UPDATE_POSTED';

/** Where an incident is in its handling. REPORTED → TRIAGED → IN_PROGRESS → CONTAINED → RESOLVED → CLOSED; REJECTED from REPORTED or TRIAGED. */
export type IncidentStatus =
  /** Handling finished and recorded. */
  | 'CLOSED'
  /** Spread stopped. */
  | 'CONTAINED'
  /** Being handled. */
  | 'IN_PROGRESS'
  /** Not an incident, or a duplicate. */
  | 'REJECTED'
  /** Reported, not yet looked at. */
  | 'REPORTED'
  /** Cause removed and services restored. */
  | 'RESOLVED'
  /** Assessed and accepted for handling. */
  | 'TRIAGED';

/** What an organization is, for filtering and routing requests. */
export type OrganizationKind =
  /** A national or sector computer emergency response team / CSIRT. */
  | 'CERT'
  /** A company. */
  | 'COMPANY'
  /** A national cybersecurity agency. */
  | 'CYBER_AGENCY'
  /** A personal-data protection authority. */
  | 'DATA_PROTECTION_AUTHORITY'
  /** An industry association. */
  | 'INDUSTRY_ASSOCIATION'
  /** A government ministry. */
  | 'MINISTRY'
  /** A sector regulator. */
  | 'REGULATOR'
  /** A research institute or think tank. */
  | 'RESEARCH_INSTITUTE'
  /** A university. */
  | 'UNIVERSITY';

/** How serious an incident is, after CISA's National Cyber Incident Scoring System levels. HIGH and above is a major incident. */
export type Severity =
  /** Unlikely to affect public health or safety, national security, economic security, foreign relations, civil liberties or public confidence. */
  | 'BASELINE'
  /** Poses an imminent threat to the provision of critical infrastructure services, government stability or lives. */
  | 'EMERGENCY'
  /** Likely to have a demonstrable impact on them: a major incident. */
  | 'HIGH'
  /** Unlikely to have those effects. */
  | 'LOW'
  /** May affect them. */
  | 'MEDIUM'
  /** Likely to result in a significant impact. */
  | 'SEVERE';

/** Traffic Light Protocol 2.0 marking: who may read a record. CLEAR anyone; GREEN members of the mechanism; AMBER, AMBER_STRICT and RED the activity's host and the record's circle only: for a material the participating organizations, for an after-action record the teams it names. */
export type Tlp =
  /** The host and the record's circle. */
  | 'AMBER'
  /** The host and the record's circle, not their clients. */
  | 'AMBER_STRICT'
  /** Anyone, anonymous callers included. */
  | 'CLEAR'
  /** Any member of the mechanism. */
  | 'GREEN'
  /** The host and the record's circle, named. */
  | 'RED';

/** Whether a contact is known to be reachable. */
export type VerificationStatus =
  /** The last successful verification is older than 90 days. */
  | 'STALE'
  /** No verification has ever succeeded. */
  | 'UNVERIFIED'
  /** A verification succeeded within the last 90 days. */
  | 'VERIFIED';

export type DirectoryOrganizationsQueryVariables = Exact<{
  text?: string | null | undefined;
  countryCodes?: Array<string | number> | string | number | null | undefined;
  first?: number | null | undefined;
}>;


export type DirectoryOrganizationsQuery = { countries: Array<{ code: string, name: string }>, organizations: { totalCount: number, edges: Array<{ node: { id: string, name: string, acronym: string | null, kind: OrganizationKind, website: string | null, country: { code: string, name: string }, contacts: Array<{ id: string, name: string, title: string | null, email: string | null, phone: string | null, available24x7: boolean, timezone: string, verificationStatus: VerificationStatus }> } }> } };

export type LiveMajorIncidentsSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type LiveMajorIncidentsSubscription = { majorIncidentUpdates: { cursor: string, type: IncidentEventType, occurredAt: string, severity: Severity, incident: { id: string, title: string, severity: Severity, status: IncidentStatus, tlp: Tlp, reportedAt: string, updatedAt: string, reportedBy: { id: string, name: string } } } };

export type SignInOrganizationsQueryVariables = Exact<{ [key: string]: never; }>;


export type SignInOrganizationsQuery = { organizations: { edges: Array<{ node: { id: string, name: string, acronym: string | null, kind: OrganizationKind, country: { code: string, name: string } } }> } };

export type SituationOverviewQueryVariables = Exact<{
  open?: Array<IncidentStatus> | IncidentStatus | null | undefined;
}>;


export type SituationOverviewQuery = { incidentEventCursor: string, majorIncidents: { totalCount: number, edges: Array<{ node: { id: string, title: string, severity: Severity, status: IncidentStatus, tlp: Tlp, reportedAt: string, updatedAt: string, reportedBy: { id: string, name: string } } }> }, bySeverity: Array<{ key: string, count: number }>, byCountry: Array<{ key: string, count: number }>, countries: Array<{ code: string, name: string }> };


export const DirectoryOrganizationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DirectoryOrganizations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"countryCodes"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"25"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"countries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"countryCodes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"countryCodes"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"acronym"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"website"}},{"kind":"Field","name":{"kind":"Name","value":"country"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contacts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"available24x7"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"verificationStatus"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DirectoryOrganizationsQuery, DirectoryOrganizationsQueryVariables>;
export const LiveMajorIncidentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"LiveMajorIncidents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"majorIncidentUpdates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"minSeverity"},"value":{"kind":"EnumValue","value":"HIGH"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"incident"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tlp"}},{"kind":"Field","name":{"kind":"Name","value":"reportedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LiveMajorIncidentsSubscription, LiveMajorIncidentsSubscriptionVariables>;
export const SignInOrganizationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SignInOrganizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"500"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"acronym"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"country"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SignInOrganizationsQuery, SignInOrganizationsQueryVariables>;
export const SituationOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SituationOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"open"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IncidentStatus"}}}},"defaultValue":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"REPORTED"},{"kind":"EnumValue","value":"TRIAGED"},{"kind":"EnumValue","value":"IN_PROGRESS"},{"kind":"EnumValue","value":"CONTAINED"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"majorIncidents"},"name":{"kind":"Name","value":"incidents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"minSeverity"},"value":{"kind":"EnumValue","value":"HIGH"}},{"kind":"ObjectField","name":{"kind":"Name","value":"statuses"},"value":{"kind":"Variable","name":{"kind":"Name","value":"open"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tlp"}},{"kind":"Field","name":{"kind":"Name","value":"reportedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"bySeverity"},"name":{"kind":"Name","value":"incidentStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"EnumValue","value":"SEVERITY"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"statuses"},"value":{"kind":"Variable","name":{"kind":"Name","value":"open"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"byCountry"},"name":{"kind":"Name","value":"incidentStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"EnumValue","value":"COUNTRY"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"statuses"},"value":{"kind":"Variable","name":{"kind":"Name","value":"open"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"countries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"incidentEventCursor"}}]}}]} as unknown as DocumentNode<SituationOverviewQuery, SituationOverviewQueryVariables>;