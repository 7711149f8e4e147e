import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_AUDIENCE, DEV_ISSUER, Role, signDevToken } from '@cadg/platform';

/** Bearer tokens the fuzzer sends, minted once before a run so cases can be generated synchronously. */
export interface TokenKit {
  /** Tokens the gateway accepts, by the role they carry. */
  valid: { member: string; orgAdmin: string; secretariat: string; otherMember: string };
  /** Authorization header values the gateway must refuse with UNAUTHENTICATED. */
  refused: readonly string[];
}

const base64url = (value: string) => Buffer.from(value).toString('base64url');

/**
 * Mints valid tokens with the dev issuer's key in `keyDir`, and hostile ones: expired, signed by
 * another key, for another audience or issuer, `alg: none`, tampered claims or signature, claims
 * of the wrong type, and headers that are not bearer tokens at all.
 */
export async function mintTokens(keyDir: string): Promise<TokenKit> {
  const sign = (org: string | null, roles: Role[], expiresIn = '1h') =>
    signDevToken(keyDir, { sub: `fuzz-${org ?? 'none'}-${roles.join('-')}`, org, roles, expiresIn });
  const member = await sign('my-mycert', [Role.Member]);
  const secretariat = await sign(null, [Role.Secretariat]);
  const valid = {
    member,
    orgAdmin: await sign('my-mycert', [Role.OrgAdmin, Role.Member]),
    secretariat,
    otherMember: await sign('sg-csa', [Role.Member]),
  };

  const foreignDir = await mkdtemp(join(tmpdir(), 'cadg-fuzz-foreign-'));
  let foreign: string;
  try {
    foreign = await signDevToken(foreignDir, { sub: 'intruder', org: null, roles: [Role.Secretariat] });
  } finally {
    await rm(foreignDir, { recursive: true, force: true });
  }
  const expired = await signDevToken(keyDir, {
    sub: 'fuzz-expired',
    org: 'my-mycert',
    roles: [Role.Member],
    expiresIn: '-1h',
  });
  const otherAudience = await signDevToken(
    keyDir,
    { sub: 'fuzz-aud', roles: [Role.Secretariat] },
    { issuer: DEV_ISSUER, audience: 'someone-else' },
  );
  const otherIssuer = await signDevToken(
    keyDir,
    { sub: 'fuzz-iss', roles: [Role.Secretariat] },
    { issuer: 'urn:evil:issuer', audience: DEFAULT_AUDIENCE },
  );
  // Claims of the wrong type, properly signed: the verifier must refuse them, not crash on them.
  const emptySubject = await signDevToken(keyDir, { sub: '', roles: [Role.Member] });
  const numericOrg = await signDevToken(keyDir, {
    sub: 'fuzz-org',
    // The point: a number where the claim must be a string (a forged wrong type, hence the cast).
    org: 42 as unknown as string,
    roles: [Role.Member],
  });

  const [header, payload, signature] = member.split('.') as [string, string, string];
  const escalated = base64url(
    JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), roles: ['SECRETARIAT'] }),
  );
  const unsigned = `${base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${escalated}.`;
  const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;

  const refused = [
    `Bearer ${expired}`,
    `Bearer ${foreign}`,
    `Bearer ${otherAudience}`,
    `Bearer ${otherIssuer}`,
    `Bearer ${emptySubject}`,
    `Bearer ${numericOrg}`,
    `Bearer ${unsigned}`,
    `Bearer ${header}.${escalated}.${signature}`,
    `Bearer ${header}.${payload}.${flipped}`,
    `Bearer ${member}tampered`,
    `Bearer ${header}.${payload}`,
    `Bearer ${header}`,
    `Bearer a.b.c`,
    `Bearer ...`,
    `Bearer ${'A'.repeat(4000)}`,
    `Bearer`,
    `Bearer `,
    `bearer`,
    `Basic ${base64url('admin:admin')}`,
    `Token ${member}`,
    `${member}`,
    `Bearer ${member} ${member}`,
    `Bearer "${member}"`,
    `Bearer ${member},Bearer ${secretariat}`,
    `Bearer <script>alert(1)</script>`,
    `Bearer ' OR '1'='1`,
    `Bearer %00%00`,
    `Bearer ${base64url('{"alg":"HS256"}')}.${escalated}.${base64url('secret')}`,
    `Bearer ${base64url('not json')}.${base64url('not json')}.${base64url('x')}`,
    'null',
    'undefined',
    '{}',
  ];
  return { valid, refused };
}
