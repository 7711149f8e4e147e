import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTokenVerifier,
  DEV_ISSUER,
  DEFAULT_AUDIENCE,
  signDevToken,
  type TokenVerifier,
} from '@cadg/platform';

/** A throwaway dev issuer: a verifier, a valid token, and a token signed by a key nobody trusts. */
export interface TestIdentity {
  readonly verifier: TokenVerifier;
  readonly validToken: string;
  readonly foreignToken: string;
  cleanUp(): Promise<void>;
}

export async function createTestIdentity(): Promise<TestIdentity> {
  const keyDir = await mkdtemp(join(tmpdir(), 'cadg-gateway-keys-'));
  const foreignKeyDir = await mkdtemp(join(tmpdir(), 'cadg-gateway-foreign-keys-'));
  const verifier = await createTokenVerifier({
    issuer: DEV_ISSUER,
    audience: DEFAULT_AUDIENCE,
    devKeyDir: keyDir,
  });
  const claims = { sub: 'analyst-1', org: 'org-sg-csa', roles: ['MEMBER'] as const };
  return {
    verifier,
    validToken: await signDevToken(keyDir, claims),
    foreignToken: await signDevToken(foreignKeyDir, claims),
    async cleanUp() {
      await rm(keyDir, { recursive: true, force: true });
      await rm(foreignKeyDir, { recursive: true, force: true });
    },
  };
}
