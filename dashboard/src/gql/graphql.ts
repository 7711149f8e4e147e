/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What help an organization asks another for. */
export type AssistanceKind =
  /** Analyse malware, logs or artefacts. */
  | 'ANALYSIS'
  /** Coordinate with other parties in the recipient's country. */
  | 'COORDINATION'
  /** Preserve logs or other evidence. */
  | 'LOG_PRESERVATION'
  /** Help mitigate an ongoing attack. */
  | 'MITIGATION'
  /** Take down malicious infrastructure in the recipient's jurisdiction. */
  | 'TAKEDOWN';

/** Where an assistance request stands. OPEN → ACCEPTED or DECLINED; ACCEPTED → COMPLETED. */
export type AssistanceStatus =
  /** The recipient will help. */
  | 'ACCEPTED'
  /** The help was given. */
  | 'COMPLETED'
  /** The recipient cannot help. */
  | 'DECLINED'
  /** Waiting for an answer. */
  | 'OPEN';

/** A status change. */
export type ChangeIncidentStatusInput = {
  /** The version the change is based on; a stale one is refused with CONFLICT. */
  expectedVersion: number;
  /** The incident to change. */
  id: string | number;
  /** Why, for the timeline. */
  note?: string | null | undefined;
  /** The new status; it must follow the lifecycle, else CONFLICT. */
  status: IncidentStatus;
};

/** How two clauses compare. */
export type ClauseAlignment =
  /** Different approach or effect. */
  | 'DIFFERENT'
  /** Same effect. */
  | 'EQUIVALENT'
  /** Only mechanism `a` has such a clause. */
  | 'ONLY_IN_A'
  /** Only mechanism `b` has such a clause. */
  | 'ONLY_IN_B'
  /** Same aim, different detail. */
  | 'SIMILAR';

/** A grouping of clauses, after the ASEAN–EU Joint Guide. */
export type ComparisonModule =
  /** Obligations for controller-to-controller transfers. */
  | 'CONTROLLER_TO_CONTROLLER'
  /** Obligations for controller-to-processor transfers. */
  | 'CONTROLLER_TO_PROCESSOR'
  /** General provisions. */
  | 'GENERAL';

/** The subject of a compared clause. */
export type ComparisonTopic =
  /** Telling others about a breach. */
  | 'BREACH_NOTIFICATION'
  /** Rights of the people the data is about. */
  | 'DATA_SUBJECT_RIGHTS'
  /** How disputes are settled. */
  | 'DISPUTE_RESOLUTION'
  /** Filing or registration with an authority. */
  | 'FILING_REGISTRATION'
  /** Whether the text is a fixed form or may be adapted. */
  | 'FORM_AND_MODIFICATION'
  /** Which law governs the contract. */
  | 'GOVERNING_LAW'
  /** Impact or risk assessment before the transfer. */
  | 'IMPACT_ASSESSMENT'
  /** Who is liable, to whom. */
  | 'LIABILITY'
  /** Passing the data on to third parties. */
  | 'ONWARD_TRANSFER'
  /** Processing only for the agreed purposes. */
  | 'PURPOSE_LIMITATION'
  /** Security of the data. */
  | 'SECURITY'
  /** Submission to a supervisory authority. */
  | 'SUPERVISORY_AUTHORITY'
  /** Ending the contract and what happens to the data. */
  | 'TERMINATION';

/** What kind of incident it is. */
export type IncidentCategory =
  /** Disclosure of data. */
  | 'DATA_BREACH'
  /** Distributed denial of service. */
  | 'DDOS'
  /** Unauthorised access to systems. */
  | 'INTRUSION'
  /** Malicious software other than ransomware. */
  | 'MALWARE'
  /** Anything else. */
  | 'OTHER'
  /** Phishing or other social engineering. */
  | 'PHISHING'
  /** Ransomware. */
  | 'RANSOMWARE'
  /** Exploitation of a known vulnerability. */
  | 'VULNERABILITY_EXPLOITATION'
  /** Defacement of a website. */
  | 'WEB_DEFACEMENT';

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

/** An indicator to record. */
export type IndicatorInput = {
  /** What it is. */
  description?: string | null | undefined;
  /** When it was first seen. */
  firstSeen?: string | null | undefined;
  /** What kind of indicator it is. */
  type: IndicatorType;
  /** The value; it is validated for its type and normalised. */
  value: string;
};

/** The kind of an indicator of compromise. */
export type IndicatorType =
  /** A domain name, lower case, IDNs in punycode, no trailing dot. */
  | 'DOMAIN'
  /** An e-mail address, domain in lower case. */
  | 'EMAIL'
  /** An MD5 file hash, 32 lower-case hex digits. */
  | 'FILE_MD5'
  /** A SHA-1 file hash, 40 lower-case hex digits. */
  | 'FILE_SHA1'
  /** A SHA-256 file hash, 64 lower-case hex digits. */
  | 'FILE_SHA256'
  /** A SHA-512 file hash, 128 lower-case hex digits. */
  | 'FILE_SHA512'
  /** An IPv4 address in dotted-quad form. */
  | 'IPV4'
  /** An IPv6 address in compressed lower-case form. */
  | 'IPV6'
  /** A URL (http, https or ftp), normalised: lower-case scheme and host, no default port, no fragment. */
  | 'URL';

/** How closely two principles correspond. */
export type MappingRelation =
  /** They ask for the same thing. */
  | 'EQUIVALENT'
  /** They share a substantial part of their scope. */
  | 'OVERLAPS'
  /** They are connected, but ask for different things. */
  | 'RELATED';

/** A route the law recognises for sending data across a border. */
export type MechanismKind =
  /** APEC Cross-Border Privacy Rules System certification. */
  | 'APEC_CBPR'
  /** APEC Privacy Recognition for Processors System certification. */
  | 'APEC_PRP'
  /** ASEAN Model Contractual Clauses, Module 2: controller to controller. */
  | 'ASEAN_MCC_C2C'
  /** ASEAN Model Contractual Clauses, Module 1: controller to processor. */
  | 'ASEAN_MCC_C2P'
  /** Binding corporate rules within a corporate group. */
  | 'BINDING_CORPORATE_RULES'
  /** China's personal-information protection certification (PIPL Art. 38(2)). */
  | 'CN_CERTIFICATION'
  /** China's CAC security assessment of outbound data. */
  | 'CN_SECURITY_ASSESSMENT'
  /** China's Standard Contract for Outbound Transfer of Personal Information (CAC). */
  | 'CN_STANDARD_CONTRACT'
  /** A transfer contract binding the recipient to comparable protection under a national law. */
  | 'CONTRACTUAL_CLAUSES'
  /** Consent of the individual to the transfer. */
  | 'DATA_SUBJECT_CONSENT';

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

/** A timeline entry. Clients rely on this shape exactly. */
export type PostIncidentUpdateInput = {
  /** What was learnt or done. */
  body: string;
  /** The version the entry is based on; when given, a stale one is refused with CONFLICT. */
  expectedVersion?: number | null | undefined;
  /** The incident it belongs to. */
  incidentId: string | number;
  /** A new severity, if it changed (reporting organization or SECRETARIAT only). */
  severity?: Severity | null | undefined;
  /** A new status, if it changed (reporting organization or SECRETARIAT only; must follow the lifecycle). */
  status?: IncidentStatus | null | undefined;
};

/** A new incident. Clients rely on this shape exactly. The reporting organization is the caller's `org`. */
export type ReportIncidentInput = {
  /** Countries affected (alpha-2); at least one. */
  affectedCountryCodes: Array<string | number>;
  /** What kind of incident it is. */
  category: IncidentCategory;
  /** When it was detected. */
  detectedAt?: string | null | undefined;
  /** Indicators of compromise seen so far. */
  indicators?: Array<IndicatorInput> | null | undefined;
  /** How serious it is. */
  severity: Severity;
  /** Organizations to share it with (the readers of AMBER, AMBER_STRICT and RED incidents). */
  sharedWithOrganizationIds?: Array<string | number> | null | undefined;
  /** Sharing groups to share it with: their members, as they are whenever it is read, read it too. Groups the caller's organization owns or is a member of; another id is NOT_FOUND. */
  sharedWithSharingGroupIds?: Array<string | number> | null | undefined;
  /** What happened, as far as known. */
  summary: string;
  /** Short title. */
  title: string;
  /** Who may see it. */
  tlp: Tlp;
};

/** A request for help. */
export type RequestAssistanceInput = {
  /** Details. */
  description: string;
  /** The incident it is about. */
  incidentId: string | number;
  /** What is asked. */
  kinds: Array<AssistanceKind>;
  /** The organization asked. */
  organizationId: string | number;
};

/** An answer to an assistance request. */
export type RespondToAssistanceRequestInput = {
  /** Remarks. */
  note?: string | null | undefined;
  /** The request answered. */
  requestId: string | number;
  /** ACCEPTED or DECLINED for an open request; COMPLETED for an accepted one. */
  status: AssistanceStatus;
};

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

/** A country's stance on a topic. */
export type Stance =
  /** The country stated a neutral position or abstained. */
  | 'NEUTRAL'
  /** No stated position is recorded (never stored; shown where a country has none). */
  | 'NO_STATED_POSITION'
  /** The country opposes it. */
  | 'OPPOSES'
  /** The country supports the proposal or approach. */
  | 'SUPPORTS'
  /** The country supports it with stated reservations or conditions. */
  | 'SUPPORTS_WITH_RESERVATIONS';

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

/** How far the registry's data answers a question. */
export type TransferCoverage =
  /** Recorded rules decide every part of the answer. */
  | 'COMPLETE'
  /** Some rules apply, but something the answer depends on is unknown (see `unknowns`). */
  | 'PARTIAL'
  /** The registry does not hold the rules for this case on that day: the answer is unknown, not "nothing applies". Any obligations listed are only those recorded. */
  | 'UNKNOWN';

/** Which way data crosses the border, seen from the country whose law it is. */
export type TransferDirection =
  /** Data arriving in the country. */
  | 'INBOUND'
  /** Data leaving the country. */
  | 'OUTBOUND';

/** What kind of obligation applies. */
export type TransferObligationKind =
  /** A duty that applies whatever the volume (consent, notice, assessment, filing…). */
  | 'DUTY'
  /** The transfer is exempt from the mechanisms the law otherwise requires. */
  | 'EXEMPTION'
  /** One of the listed mechanisms is needed. */
  | 'MECHANISM';

/** Which law imposes an obligation. */
export type TransferSide =
  /** The law of the country the data goes to. */
  | 'DESTINATION'
  /** The law of the country the data leaves. */
  | 'ORIGIN';

/** Whether a contact is known to be reachable. */
export type VerificationStatus =
  /** The last successful verification is older than 90 days. */
  | 'STALE'
  /** No verification has ever succeeded. */
  | 'UNVERIFIED'
  /** A verification succeeded within the last 90 days. */
  | 'VERIFIED';

export type ActionOrganizationsQueryVariables = Exact<{ [key: string]: never; }>;


export type ActionOrganizationsQuery = { organizations: { edges: Array<{ node: { id: string, name: string, acronym: string | null, country: { code: string } } }> } };

export type AlignmentMatrixQueryVariables = Exact<{ [key: string]: never; }>;


export type AlignmentMatrixQuery = { alignmentMatrix: Array<{ topic: { slug: string, name: string }, entries: Array<{ stance: Stance, country: { code: string, name: string }, position: { id: string, summary: string, statedOn: string, source: { title: string, url: string } } | null }> }>, frameworks: Array<{ slug: string, name: string, publisher: string }> };

export type AssistanceWaitingQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type AssistanceWaitingQuery = { toUs: { totalCount: number, edges: Array<{ node: { id: string, kinds: Array<AssistanceKind>, requestedAt: string, incident: { id: string, title: string }, requestedBy: { id: string, name: string }, requestedOf: { id: string, name: string } } }> }, byUs: { totalCount: number, edges: Array<{ node: { id: string, kinds: Array<AssistanceKind>, requestedAt: string, incident: { id: string, title: string }, requestedBy: { id: string, name: string }, requestedOf: { id: string, name: string } } }> } };

export type WaitingRequestsFragment = { totalCount: number, edges: Array<{ node: { id: string, kinds: Array<AssistanceKind>, requestedAt: string, incident: { id: string, title: string }, requestedBy: { id: string, name: string }, requestedOf: { id: string, name: string } } }> };

export type ChangeIncidentStatusMutationVariables = Exact<{
  input: ChangeIncidentStatusInput;
}>;


export type ChangeIncidentStatusMutation = { changeIncidentStatus: { id: string, status: IncidentStatus, version: number } };

export type CrosswalkQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type CrosswalkQuery = { crosswalk: Array<{ id: string, relation: MappingRelation, note: string, from: { id: string, reference: string | null, name: string }, to: { id: string, reference: string | null, name: string } }> };

export type DataFlowProfilesQueryVariables = Exact<{ [key: string]: never; }>;


export type DataFlowProfilesQuery = { dataFlowPolicies: Array<{ summary: string, regulatorNote: string | null, localisation: string | null, filingObligations: string | null, unknowns: Array<string>, lastReviewedOn: string, country: { code: string, name: string }, laws: Array<{ id: string, name: string, year: number | null, inForceOn: string | null, source: { url: string } }>, regulator: { id: string, name: string } | null, mechanisms: Array<{ kind: MechanismKind, title: string }>, source: { url: string } }> };

export type DirectoryOrganizationsQueryVariables = Exact<{
  text?: string | null | undefined;
  countryCodes?: Array<string | number> | string | number | null | undefined;
  first?: number | null | undefined;
}>;


export type DirectoryOrganizationsQuery = { countries: Array<{ code: string, name: string }>, organizations: { totalCount: number, edges: Array<{ node: { id: string, name: string, acronym: string | null, kind: OrganizationKind, website: string | null, zhName: { name: string } | null, country: { code: string, name: string }, contacts: Array<{ id: string, name: string, title: string | null, email: string | null, phone: string | null, available24x7: boolean, timezone: string, verificationStatus: VerificationStatus }> } }> } };

export type IncidentPageQueryVariables = Exact<{
  id: string | number;
}>;


export type IncidentPageQuery = { incident: { id: string, title: string, summary: string, category: IncidentCategory, severity: Severity, status: IncidentStatus, tlp: Tlp, version: number, crossBorder: boolean, detectedAt: string | null, reportedAt: string, updatedAt: string, reportedBy: { id: string, name: string }, affectedCountries: Array<{ code: string, name: string }>, sharedWith: Array<{ id: string, name: string }>, sharedWithSharingGroups: Array<{ id: string, name: string }>, updates: { totalCount: number, edges: Array<{ node: { id: string, body: string, severity: Severity | null, previousSeverity: Severity | null, status: IncidentStatus | null, previousStatus: IncidentStatus | null, postedAt: string, author: { id: string, name: string } } }> }, assistanceRequests: Array<{ id: string, kinds: Array<AssistanceKind>, description: string, status: AssistanceStatus, responseNote: string | null, requestedAt: string, respondedAt: string | null, requestedBy: { id: string, name: string }, requestedOf: { id: string, name: string } }>, indicators: Array<{ id: string, type: IndicatorType, value: string, description: string | null, firstSeen: string | null }>, advisories: Array<{ id: string, title: string, severity: Severity, tlp: Tlp, publishedAt: string, cveIds: Array<string>, publishedBy: { id: string, name: string } }> } | null };

export type LiveMajorIncidentsSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type LiveMajorIncidentsSubscription = { majorIncidentUpdates: { cursor: string, type: IncidentEventType, occurredAt: string, severity: Severity, incident: { id: string, title: string, severity: Severity, status: IncidentStatus, tlp: Tlp, reportedAt: string, updatedAt: string, reportedBy: { id: string, name: string } } } };

export type MechanismComparisonQueryVariables = Exact<{
  module?: ComparisonModule | null | undefined;
}>;


export type MechanismComparisonQuery = { mechanismComparison: { available: boolean, title: string | null, disclaimer: string, preparedOn: string | null, a: { kind: MechanismKind, title: string, source: { url: string } }, b: { kind: MechanismKind, title: string, source: { url: string } }, rows: Array<{ id: string, module: ComparisonModule, topic: ComparisonTopic, alignment: ClauseAlignment, practicalNote: string, a: { reference: string | null, summary: string, source: { url: string } }, b: { reference: string | null, summary: string, source: { url: string } } }> } };

export type PostIncidentUpdateMutationVariables = Exact<{
  input: PostIncidentUpdateInput;
}>;


export type PostIncidentUpdateMutation = { postIncidentUpdate: { id: string, postedAt: string } };

export type ReportIncidentFormMutationVariables = Exact<{
  input: ReportIncidentInput;
}>;


export type ReportIncidentFormMutation = { reportIncident: { id: string, title: string } };

export type ReportIncidentOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type ReportIncidentOptionsQuery = { countries: Array<{ code: string, name: string }> };

export type RequestAssistanceMutationVariables = Exact<{
  input: RequestAssistanceInput;
}>;


export type RequestAssistanceMutation = { requestAssistance: { id: string, status: AssistanceStatus } };

export type RespondToAssistanceMutationVariables = Exact<{
  input: RespondToAssistanceRequestInput;
}>;


export type RespondToAssistanceMutation = { respondToAssistanceRequest: { id: string, status: AssistanceStatus, responseNote: string | null, respondedAt: string | null } };

export type ShareIncidentMutationVariables = Exact<{
  id: string | number;
  organizationIds: Array<string | number> | string | number;
  sharingGroupIds?: Array<string | number> | string | number | null | undefined;
}>;


export type ShareIncidentMutation = { shareIncident: { id: string, version: number, sharedWith: Array<{ id: string, name: string }>, sharedWithSharingGroups: Array<{ id: string, name: string }> } };

export type SharingGroupOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type SharingGroupOptionsQuery = { sharingGroups: Array<{ id: string, name: string, owner: { id: string, name: string } }> };

export type SignInOrganizationsQueryVariables = Exact<{ [key: string]: never; }>;


export type SignInOrganizationsQuery = { organizations: { edges: Array<{ node: { id: string, name: string, acronym: string | null, kind: OrganizationKind, country: { code: string, name: string } } }> } };

export type SituationOverviewQueryVariables = Exact<{
  open?: Array<IncidentStatus> | IncidentStatus | null | undefined;
}>;


export type SituationOverviewQuery = { incidentEventCursor: string, majorIncidents: { totalCount: number, edges: Array<{ node: { id: string, title: string, severity: Severity, status: IncidentStatus, tlp: Tlp, reportedAt: string, updatedAt: string, reportedBy: { id: string, name: string } } }> }, bySeverity: Array<{ key: string, count: number }>, byCountry: Array<{ key: string, count: number }>, countries: Array<{ code: string, name: string }> };

export type TransferCheckQueryVariables = Exact<{
  from: string | number;
  to: string | number;
  subjects?: number | null | undefined;
  sensitive?: boolean | null | undefined;
  asOf?: string | null | undefined;
}>;


export type TransferCheckQuery = { transferRequirements: { asOf: string, coverage: TransferCoverage, originCoverage: TransferCoverage, destinationCoverage: TransferCoverage, unknowns: Array<string>, obligations: Array<{ side: TransferSide, kind: TransferObligationKind, summary: string, legalBasis: string, effectiveFrom: string, country: { code: string, name: string }, mechanisms: Array<{ kind: MechanismKind, title: string }>, source: { url: string } }>, regimes: Array<{ id: string, name: string, summary: string, direction: TransferDirection, gaps: Array<string>, effectiveFrom: string, country: { code: string, name: string }, source: { url: string } }> } };

export const WaitingRequestsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WaitingRequests"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AssistanceRequestConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kinds"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"incident"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requestedOf"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WaitingRequestsFragment, unknown>;
export const ActionOrganizationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ActionOrganizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"500"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"acronym"}},{"kind":"Field","name":{"kind":"Name","value":"country"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ActionOrganizationsQuery, ActionOrganizationsQueryVariables>;
export const AlignmentMatrixDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AlignmentMatrix"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"alignmentMatrix"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"topic"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stance"}},{"kind":"Field","name":{"kind":"Name","value":"country"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"position"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"statedOn"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"frameworks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"publisher"}}]}}]}}]} as unknown as DocumentNode<AlignmentMatrixQuery, AlignmentMatrixQueryVariables>;
export const AssistanceWaitingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AssistanceWaiting"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"toUs"},"name":{"kind":"Name","value":"assistanceRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"OPEN"}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"TO_MY_ORGANIZATION"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WaitingRequests"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"byUs"},"name":{"kind":"Name","value":"assistanceRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"OPEN"}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"FROM_MY_ORGANIZATION"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WaitingRequests"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WaitingRequests"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AssistanceRequestConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kinds"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"incident"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requestedOf"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AssistanceWaitingQuery, AssistanceWaitingQueryVariables>;
export const ChangeIncidentStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangeIncidentStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangeIncidentStatusInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changeIncidentStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<ChangeIncidentStatusMutation, ChangeIncidentStatusMutationVariables>;
export const CrosswalkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Crosswalk"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"crosswalk"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"relation"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<CrosswalkQuery, CrosswalkQueryVariables>;
export const DataFlowProfilesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DataFlowProfiles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataFlowPolicies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"country"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"laws"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"inForceOn"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"regulator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"regulatorNote"}},{"kind":"Field","name":{"kind":"Name","value":"mechanisms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"localisation"}},{"kind":"Field","name":{"kind":"Name","value":"filingObligations"}},{"kind":"Field","name":{"kind":"Name","value":"unknowns"}},{"kind":"Field","name":{"kind":"Name","value":"lastReviewedOn"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]}}]} as unknown as DocumentNode<DataFlowProfilesQuery, DataFlowProfilesQueryVariables>;
export const DirectoryOrganizationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DirectoryOrganizations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"countryCodes"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"25"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"countries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"countryCodes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"countryCodes"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","alias":{"kind":"Name","value":"zhName"},"name":{"kind":"Name","value":"nameIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"language"},"value":{"kind":"StringValue","value":"zh-Hans","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"acronym"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"website"}},{"kind":"Field","name":{"kind":"Name","value":"country"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contacts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"available24x7"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"verificationStatus"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DirectoryOrganizationsQuery, DirectoryOrganizationsQueryVariables>;
export const IncidentPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IncidentPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incident"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tlp"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"crossBorder"}},{"kind":"Field","name":{"kind":"Name","value":"detectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reportedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"affectedCountries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sharedWith"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sharedWithSharingGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"updates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"previousSeverity"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"previousStatus"}},{"kind":"Field","name":{"kind":"Name","value":"postedAt"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"assistanceRequests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kinds"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"responseNote"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"respondedAt"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requestedOf"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"firstSeen"}}]}},{"kind":"Field","name":{"kind":"Name","value":"advisories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"tlp"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"cveIds"}},{"kind":"Field","name":{"kind":"Name","value":"publishedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<IncidentPageQuery, IncidentPageQueryVariables>;
export const LiveMajorIncidentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"LiveMajorIncidents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"majorIncidentUpdates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"minSeverity"},"value":{"kind":"EnumValue","value":"HIGH"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"incident"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tlp"}},{"kind":"Field","name":{"kind":"Name","value":"reportedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LiveMajorIncidentsSubscription, LiveMajorIncidentsSubscriptionVariables>;
export const MechanismComparisonDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MechanismComparison"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"module"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ComparisonModule"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mechanismComparison"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"a"},"value":{"kind":"EnumValue","value":"ASEAN_MCC_C2C"}},{"kind":"Argument","name":{"kind":"Name","value":"b"},"value":{"kind":"EnumValue","value":"CN_STANDARD_CONTRACT"}},{"kind":"Argument","name":{"kind":"Name","value":"module"},"value":{"kind":"Variable","name":{"kind":"Name","value":"module"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"disclaimer"}},{"kind":"Field","name":{"kind":"Name","value":"preparedOn"}},{"kind":"Field","name":{"kind":"Name","value":"a"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"b"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"module"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"alignment"}},{"kind":"Field","name":{"kind":"Name","value":"practicalNote"}},{"kind":"Field","name":{"kind":"Name","value":"a"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"b"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MechanismComparisonQuery, MechanismComparisonQueryVariables>;
export const PostIncidentUpdateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PostIncidentUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PostIncidentUpdateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"postIncidentUpdate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"postedAt"}}]}}]}}]} as unknown as DocumentNode<PostIncidentUpdateMutation, PostIncidentUpdateMutationVariables>;
export const ReportIncidentFormDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReportIncidentForm"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportIncidentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportIncident"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]} as unknown as DocumentNode<ReportIncidentFormMutation, ReportIncidentFormMutationVariables>;
export const ReportIncidentOptionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportIncidentOptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"countries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ReportIncidentOptionsQuery, ReportIncidentOptionsQueryVariables>;
export const RequestAssistanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestAssistance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestAssistanceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestAssistance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<RequestAssistanceMutation, RequestAssistanceMutationVariables>;
export const RespondToAssistanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RespondToAssistance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RespondToAssistanceRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"respondToAssistanceRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"responseNote"}},{"kind":"Field","name":{"kind":"Name","value":"respondedAt"}}]}}]}}]} as unknown as DocumentNode<RespondToAssistanceMutation, RespondToAssistanceMutationVariables>;
export const ShareIncidentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ShareIncident"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organizationIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sharingGroupIds"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shareIncident"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"organizationIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organizationIds"}}},{"kind":"Argument","name":{"kind":"Name","value":"sharedWithSharingGroupIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sharingGroupIds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"sharedWith"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sharedWithSharingGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ShareIncidentMutation, ShareIncidentMutationVariables>;
export const SharingGroupOptionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SharingGroupOptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sharingGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<SharingGroupOptionsQuery, SharingGroupOptionsQueryVariables>;
export const SignInOrganizationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SignInOrganizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"500"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"acronym"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"country"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SignInOrganizationsQuery, SignInOrganizationsQueryVariables>;
export const SituationOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SituationOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"open"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IncidentStatus"}}}},"defaultValue":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"REPORTED"},{"kind":"EnumValue","value":"TRIAGED"},{"kind":"EnumValue","value":"IN_PROGRESS"},{"kind":"EnumValue","value":"CONTAINED"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"majorIncidents"},"name":{"kind":"Name","value":"incidents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"minSeverity"},"value":{"kind":"EnumValue","value":"HIGH"}},{"kind":"ObjectField","name":{"kind":"Name","value":"statuses"},"value":{"kind":"Variable","name":{"kind":"Name","value":"open"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tlp"}},{"kind":"Field","name":{"kind":"Name","value":"reportedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"bySeverity"},"name":{"kind":"Name","value":"incidentStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"EnumValue","value":"SEVERITY"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"statuses"},"value":{"kind":"Variable","name":{"kind":"Name","value":"open"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"byCountry"},"name":{"kind":"Name","value":"incidentStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"EnumValue","value":"COUNTRY"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"statuses"},"value":{"kind":"Variable","name":{"kind":"Name","value":"open"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"countries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"incidentEventCursor"}}]}}]} as unknown as DocumentNode<SituationOverviewQuery, SituationOverviewQueryVariables>;
export const TransferCheckDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TransferCheck"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subjects"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sensitive"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transferRequirements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"subjects"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subjects"}}},{"kind":"Argument","name":{"kind":"Name","value":"sensitive"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sensitive"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"coverage"}},{"kind":"Field","name":{"kind":"Name","value":"originCoverage"}},{"kind":"Field","name":{"kind":"Name","value":"destinationCoverage"}},{"kind":"Field","name":{"kind":"Name","value":"unknowns"}},{"kind":"Field","name":{"kind":"Name","value":"obligations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"side"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFrom"}},{"kind":"Field","name":{"kind":"Name","value":"country"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mechanisms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"regimes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"gaps"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFrom"}},{"kind":"Field","name":{"kind":"Name","value":"country"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TransferCheckQuery, TransferCheckQueryVariables>;