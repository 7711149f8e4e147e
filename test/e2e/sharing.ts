/**
 * What the sharing-group end-to-end tests share: the organizations they arrange groups among, the
 * STIX RED marking, and a token for each caller they act as.
 */
import { Role } from '@cadg/platform';
import type { Graph } from './harness.ts';

export const OWNER = 'my-mycert';
export const MEMBER = 'th-thaicert';
export const OTHER_MEMBER = 'vn-vncert';
export const OUTSIDER = 'ph-certph';
export const RECIPIENT = 'sg-csa';
// TLP 1.0's RED marking definition (STIX 2.1 §7.2.1.4).
export const STIX_TLP_RED = 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed';

/** Each caller: its organization and its one role. */
const CALLERS = {
  ownerAdmin: [OWNER, Role.OrgAdmin],
  owner: [OWNER, Role.Member],
  member: [MEMBER, Role.Member],
  memberAdmin: [MEMBER, Role.OrgAdmin],
  otherMember: [OTHER_MEMBER, Role.Member],
  outsider: [OUTSIDER, Role.Member],
  outsiderAdmin: [OUTSIDER, Role.OrgAdmin],
  recipient: [RECIPIENT, Role.Member],
  recipientAdmin: [RECIPIENT, Role.OrgAdmin],
  secretariat: ['asean-secretariat', Role.Secretariat],
} as const satisfies Record<string, readonly [string, Role]>;

export type Caller = keyof typeof CALLERS;

/** A token for every caller, minted by the graph's issuer. */
export async function sharingTokens(graph: Graph): Promise<Record<Caller, string>> {
  const tokens = {} as Record<Caller, string>;
  for (const [key, [org, role]] of Object.entries(CALLERS))
    tokens[key as Caller] = await graph.token(org, [role]);
  return tokens;
}
