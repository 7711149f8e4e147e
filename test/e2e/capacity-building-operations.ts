import { documentId } from '@cadg/gateway';
import { postGraphQL, type Graph, type GraphQLResponse } from './harness.ts';

/**
 * The capacity-building operations the tests send: as text in the embedded default, and by
 * `documentId` from a manifest of exactly these documents in production mode (trusted documents
 * enforced), the way a registered client would.
 */
export const Op = {
  schedule: `mutation ScheduleDrill($input: ScheduleActivityInput!) { scheduleActivity(input: $input) { id version status } }`,
  addParticipants: `mutation AddParticipants($id: ID!, $orgs: [ID!]!) { addActivityParticipants(activityId: $id, organizationIds: $orgs) { id } }`,
  update: `mutation UpdateActivity($input: UpdateActivityInput!) { updateActivity(input: $input) { id title endsOn version } }`,
  cancel: `mutation CancelActivity($id: ID!, $reason: String!) { cancelActivity(id: $id, reason: $reason) { id status version cancellation { reason cancelledAt } } }`,
  addMaterial: `mutation AddMaterial($input: AddActivityMaterialInput!) { addActivityMaterial(input: $input) { id title language tlp } }`,
  register: `mutation RegisterAttendee($input: RegisterAttendeeInput!) { registerAttendee(input: $input) { id name email organization { id } } }`,
  unregister: `mutation UnregisterAttendee($id: ID!) { unregisterAttendee(id: $id) { id } }`,
  recordAfterAction: `mutation RecordAfterAction($input: RecordAfterActionInput!) { recordAfterAction(input: $input) { tlp version findings } }`,
  read: `query ActivityRecord($text: String!) { activities(filter: { text: $text }) { edges { node { id title status version materials { title tlp language url } attendees { name email organization { id } } afterAction { scenarioSummary findings tlp version participatingTeams { id } followUps { action owner { id } dueOn } } } } } }`,
  audit: `query ActivityAudit($id: ID!) { contactsAuditLog(filter: { targetId: $id }) { edges { node { operation summary } } } }`,
} as const;

export type OpName = keyof typeof Op;

/** What `read` returns for one activity. */
export interface ActivityNode {
  id: string;
  title: string;
  status: string;
  version: number;
  materials: { title: string; tlp: string; language: string; url: string }[];
  attendees: { name: string; email: string; organization: { id: string } }[];
  afterAction: {
    scenarioSummary: string;
    findings: string[];
    tlp: string;
    version: number;
    participatingTeams: { id: string }[];
    followUps: { action: string; owner: { id: string }; dueOn: string }[];
  } | null;
}

/** Every operation above by its trusted-document id. */
export const manifest: Record<string, string> = Object.fromEntries(
  Object.values(Op).map((text) => [documentId(text), text]),
);

/** Sends one of the operations to the gateway (or another URL): by id when `byId`, else as text. */
export async function send<T = Record<string, unknown>>(
  graph: Graph,
  byId: boolean,
  op: OpName,
  variables: Record<string, unknown>,
  token?: string,
  url = graph.gatewayUrl,
): Promise<GraphQLResponse<T>> {
  const text = Op[op];
  const request = byId ? { documentId: documentId(text), variables } : { query: text, variables };
  const { status: _status, ...body } = await postGraphQL<T>(url, request, token);
  return body;
}
