import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  importSPKI,
  jwtVerify,
  SignJWT,
  type JWK,
  type JWTVerifyGetKey,
  type CryptoKey,
} from 'jose';
import { unauthenticated } from './errors.ts';
import { VerifiedTokens } from './verified-tokens.ts';

export const Role = {
  Member: 'MEMBER',
  OrgAdmin: 'ORG_ADMIN',
  Secretariat: 'SECRETARIAT',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
const knownRoles = new Set<string>(Object.values(Role));

/** Who is calling. `null` identity means anonymous. */
export interface Identity {
  readonly sub: string;
  /** The caller's organization id; a token without one belongs to no organization. */
  readonly org: string | null;
  readonly roles: readonly Role[];
}
export type Caller = Identity | null;

export interface IdentityConfig {
  issuer: string;
  audience: string;
  /** Production: the identity provider's JWKS endpoint. */
  jwksUrl?: string | undefined;
  /** Production alternative to a JWKS: one SPKI PEM public key. */
  publicKeyPem?: string | undefined;
  /** Algorithm of `publicKeyPem`. @default 'ES256' */
  algorithm?: string | undefined;
  /** Embedded default: where the local dev issuer keeps its key pair. */
  devKeyDir?: string | undefined;
  /** The clock verified tokens are remembered by (see verified-tokens.ts). @default Date.now */
  now?: (() => number) | undefined;
}

export const DEV_ISSUER = 'urn:cadg:dev-issuer';
export const DEFAULT_AUDIENCE = 'cadg-graph';
const DEV_ALG = 'ES256';
const DEV_KEY_FILE = 'dev-issuer-key.json';

/** Reads AUTH_* variables; without AUTH_JWKS_URL or AUTH_PUBLIC_KEY the local dev issuer is used. */
export function identityConfigFromEnv(env: NodeJS.ProcessEnv, dataDir: string): IdentityConfig {
  const jwksUrl = env['AUTH_JWKS_URL'] || undefined;
  const publicKeyPem = env['AUTH_PUBLIC_KEY'] || undefined;
  const production = jwksUrl !== undefined || publicKeyPem !== undefined;
  return {
    issuer: env['AUTH_ISSUER'] || DEV_ISSUER,
    audience: env['AUTH_AUDIENCE'] || DEFAULT_AUDIENCE,
    jwksUrl,
    publicKeyPem,
    algorithm: env['AUTH_ALGORITHM'] || undefined,
    devKeyDir: production ? undefined : dataDir,
  };
}

interface DevKeyFile {
  privateJwk: JWK;
  publicJwk: JWK;
}

/** Loads the dev issuer's key pair, creating it on first use. */
async function loadDevKeys(dir: string): Promise<DevKeyFile> {
  const file = join(dir, DEV_KEY_FILE);
  try {
    return JSON.parse(await readFile(file, 'utf8')) as DevKeyFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey, publicKey } = await generateKeyPair(DEV_ALG, { extractable: true });
  const kid = `dev-${Date.now().toString(36)}`;
  const keys: DevKeyFile = {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: DEV_ALG },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: DEV_ALG, use: 'sig' },
  };
  await mkdir(dir, { recursive: true });
  // 'wx' so two processes starting at once cannot overwrite each other's key.
  try {
    await writeFile(file, JSON.stringify(keys), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return JSON.parse(await readFile(file, 'utf8')) as DevKeyFile;
  }
  return keys;
}

export interface TokenVerifier {
  /**
   * Turns an Authorization header into a caller. No header means anonymous; a header that is not a
   * valid bearer token is an UNAUTHENTICATED error, never a silent downgrade to anonymous.
   */
  verify(authorization: string | null | undefined): Promise<Caller>;
}

export async function createTokenVerifier(config: IdentityConfig): Promise<TokenVerifier> {
  const { now } = config;
  // jose checks exp and nbf against the same clock the cache of verified tokens uses.
  const options = () => ({
    issuer: config.issuer,
    audience: config.audience,
    ...(now ? { currentDate: new Date(now()) } : {}),
  });
  let verifyJwt: (token: string) => Promise<{ payload: Record<string, unknown> }>;
  if (config.jwksUrl) {
    const keySet: JWTVerifyGetKey = createRemoteJWKSet(new URL(config.jwksUrl));
    verifyJwt = (token) => jwtVerify(token, keySet, options());
  } else if (config.publicKeyPem) {
    const key: CryptoKey = await importSPKI(config.publicKeyPem, config.algorithm ?? DEV_ALG);
    verifyJwt = (token) => jwtVerify(token, key, options());
  } else if (config.devKeyDir) {
    const { publicJwk } = await loadDevKeys(config.devKeyDir);
    const keySet = createLocalJWKSet({ keys: [publicJwk] });
    verifyJwt = (token) => jwtVerify(token, keySet, options());
  } else {
    throw new Error('Identity needs AUTH_JWKS_URL, AUTH_PUBLIC_KEY or a dev key directory.');
  }
  const verified = new VerifiedTokens(now);
  return {
    async verify(authorization) {
      if (authorization === null || authorization === undefined || authorization === '') return null;
      const match = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)\s*$/i.exec(authorization);
      const token = match?.[1];
      if (!token) throw unauthenticated('The Authorization header must be "Bearer <token>".');
      const known = verified.get(token);
      if (known) return known;
      let payload: Record<string, unknown>;
      try {
        payload = (await verifyJwt(token)).payload;
      } catch {
        // jose's message can describe the key set; clients only need to know the token was refused.
        throw unauthenticated('The bearer token is invalid or expired.');
      }
      const identity = identityFromClaims(payload);
      verified.remember(token, identity, payload['exp']);
      return identity;
    },
  };
}

function identityFromClaims(claims: Record<string, unknown>): Identity {
  const { sub, org, roles } = claims;
  if (typeof sub !== 'string' || sub === '') throw unauthenticated('The bearer token has no subject.');
  if (org !== undefined && org !== null && typeof org !== 'string') {
    throw unauthenticated('The bearer token has a malformed org claim.');
  }
  const roleList = Array.isArray(roles) ? roles : typeof roles === 'string' ? roles.split(/[\s,]+/) : [];
  // Frozen: one verified token's identity is shared by every request that presents it.
  return Object.freeze({
    sub,
    org: typeof org === 'string' && org !== '' ? org : null,
    roles: Object.freeze(
      roleList.filter((role): role is Role => typeof role === 'string' && knownRoles.has(role)),
    ),
  });
}

export interface DevTokenClaims {
  sub: string;
  org?: string | null | undefined;
  roles: readonly Role[];
  /** Lifetime, in jose's time-span syntax. @default '12h' */
  expiresIn?: string | undefined;
}

/** Mints tokens signed by the local dev issuer (embedded default and tests only). */
export async function signDevToken(
  devKeyDir: string,
  claims: DevTokenClaims,
  config: Pick<IdentityConfig, 'issuer' | 'audience'> = { issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE },
): Promise<string> {
  const { privateJwk } = await loadDevKeys(devKeyDir);
  const privateKey = await importJWK(privateJwk, DEV_ALG);
  const jwt = new SignJWT({ org: claims.org ?? undefined, roles: [...claims.roles] })
    .setProtectedHeader({ alg: DEV_ALG, kid: privateJwk.kid ?? 'dev', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '12h');
  return jwt.sign(privateKey);
}

export const hasRole = (caller: Caller, role: Role): boolean => caller?.roles.includes(role) ?? false;
