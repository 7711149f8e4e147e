import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTokenVerifier,
  DEFAULT_AUDIENCE,
  DEV_ISSUER,
  Role,
  signDevToken,
  type TokenVerifier,
} from '../src/index.ts';

let keyDir: string;
let verifier: TokenVerifier;
beforeAll(async () => {
  keyDir = await mkdtemp(join(tmpdir(), 'cadg-identity-'));
  verifier = await createTokenVerifier({ issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, devKeyDir: keyDir });
});
afterAll(() => rm(keyDir, { recursive: true, force: true }));

async function codeOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return (error as { extensions?: Record<string, unknown> }).extensions?.['code'];
  }
}

describe('bearer tokens', () => {
  it('treats a request without a token as anonymous', async () => {
    expect(await verifier.verify(undefined)).toBeNull();
    expect(await verifier.verify('')).toBeNull();
  });

  it('reads sub, org and known roles from a dev-issuer token, dropping unknown roles', async () => {
    const token = await signDevToken(keyDir, {
      sub: 'alice',
      org: 'my-mycert',
      roles: [Role.OrgAdmin, 'ROOT' as Role],
    });
    expect(await verifier.verify(`Bearer ${token}`)).toEqual({
      sub: 'alice',
      org: 'my-mycert',
      roles: ['ORG_ADMIN'],
    });
  });

  it('refuses malformed headers, tampered, expired and foreign tokens with UNAUTHENTICATED', async () => {
    const token = await signDevToken(keyDir, { sub: 'bob', roles: [Role.Member] });
    expect(await codeOf(verifier.verify(token))).toBe('UNAUTHENTICATED');
    expect(await codeOf(verifier.verify(`Basic ${token}`))).toBe('UNAUTHENTICATED');
    expect(await codeOf(verifier.verify(`Bearer ${token.slice(0, -2)}xx`))).toBe('UNAUTHENTICATED');
    const expired = await signDevToken(keyDir, { sub: 'bob', roles: [], expiresIn: '-5m' });
    expect(await codeOf(verifier.verify(`Bearer ${expired}`))).toBe('UNAUTHENTICATED');
    const otherAudience = await signDevToken(
      keyDir,
      { sub: 'bob', roles: [] },
      { issuer: DEV_ISSUER, audience: 'elsewhere' },
    );
    expect(await codeOf(verifier.verify(`Bearer ${otherAudience}`))).toBe('UNAUTHENTICATED');
    const otherDir = await mkdtemp(join(tmpdir(), 'cadg-identity-other-'));
    try {
      const foreign = await signDevToken(otherDir, { sub: 'mallory', roles: [Role.Secretariat] });
      expect(await codeOf(verifier.verify(`Bearer ${foreign}`))).toBe('UNAUTHENTICATED');
    } finally {
      await rm(otherDir, { recursive: true, force: true });
    }
  });

  it('keeps one dev key per data directory across verifier restarts', async () => {
    const token = await signDevToken(keyDir, { sub: 'carol', roles: [Role.Member] });
    const again = await createTokenVerifier({
      issuer: DEV_ISSUER,
      audience: DEFAULT_AUDIENCE,
      devKeyDir: keyDir,
    });
    expect((await again.verify(`Bearer ${token}`))?.sub).toBe('carol');
  });

  it('verifies production tokens against a configured public key and issuer', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const production = await createTokenVerifier({
      issuer: 'https://idp.example',
      audience: 'cadg-graph',
      publicKeyPem: await exportSPKI(publicKey),
      algorithm: 'ES256',
    });
    const sign = (issuer: string) =>
      new SignJWT({ org: 'sg-csa', roles: ['SECRETARIAT'] })
        .setProtectedHeader({ alg: 'ES256' })
        .setSubject('svc')
        .setIssuer(issuer)
        .setAudience('cadg-graph')
        .setExpirationTime('5m')
        .sign(privateKey);
    expect(await production.verify(`Bearer ${await sign('https://idp.example')}`)).toEqual({
      sub: 'svc',
      org: 'sg-csa',
      roles: ['SECRETARIAT'],
    });
    expect(await codeOf(production.verify(`Bearer ${await sign('https://other.example')}`))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('remembers a verified token for at most a minute, and never past its expiry', async () => {
    let clock = Date.now();
    const remembering = await createTokenVerifier({
      issuer: DEV_ISSUER,
      audience: DEFAULT_AUDIENCE,
      devKeyDir: keyDir,
      now: () => clock,
    });
    const started = clock;
    const long = `Bearer ${await signDevToken(keyDir, { sub: 'dana', roles: [Role.Member], expiresIn: '90s' })}`;
    const short = `Bearer ${await signDevToken(keyDir, { sub: 'erin', roles: [Role.Member], expiresIn: '30s' })}`;

    const first = await remembering.verify(long);
    expect(Object.isFrozen(first)).toBe(true);
    // The same identity object: the signature was not checked again.
    expect(await remembering.verify(long)).toBe(first);
    expect(await remembering.verify(short)).toMatchObject({ sub: 'erin' });

    clock = started + 31_000;
    // Within the minute, but past the short token's own exp.
    expect(await codeOf(remembering.verify(short))).toBe('UNAUTHENTICATED');
    expect(await remembering.verify(long)).toBe(first);

    clock = started + 61_000;
    const again = await remembering.verify(long);
    expect(again).toEqual(first);
    expect(again).not.toBe(first);

    clock = started + 91_000;
    expect(await codeOf(remembering.verify(long))).toBe('UNAUTHENTICATED');
  });
});
