import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { once } from 'node:events';
import Provider, { errors, type Configuration } from 'oidc-provider';

/** A person known to the test issuer: their organization and roles become access-token claims. */
export interface TestAccount {
  org: string | null;
  roles: string[];
}

export interface OidcIssuer {
  /** The issuer URL (also the base of its discovery document). */
  readonly issuer: string;
  readonly jwksUrl: string;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (`oidc-provider`, the certified Node implementation) in the test
 * process: one public client for the dashboard with PKCE required, its development login and
 * consent pages, and access tokens as JWTs (RFC 9068) for one resource indicator, the graph's
 * audience, carrying the `org` and `roles` claims the gateway reads. Any login name in `accounts`
 * signs in with any password (the provider's development interactions).
 */
export async function startOidcIssuer(options: {
  port: number;
  clientId: string;
  redirectUri: string;
  /** The dashboard's silent-renewal page, registered as a second redirect URI. */
  silentRedirectUri?: string;
  /** Where the provider may send the browser after RP-initiated logout. */
  postLogoutRedirectUri?: string;
  /** How long access tokens live. @default 600 */
  accessTokenTtlSeconds?: number;
  audience: string;
  scope: string;
  accounts: Readonly<Record<string, TestAccount>>;
}): Promise<OidcIssuer> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const configuration: Configuration = {
    clients: [
      {
        client_id: options.clientId,
        token_endpoint_auth_method: 'none',
        redirect_uris: [
          options.redirectUri,
          ...(options.silentRedirectUri ? [options.silentRedirectUri] : []),
        ],
        post_logout_redirect_uris: options.postLogoutRedirectUri ? [options.postLogoutRedirectUri] : [],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...rsa, kid: randomUUID(), use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomUUID()] },
    scopes: ['openid', ...options.scope.split(' ')],
    findAccount: (_ctx, id) =>
      options.accounts[id] ? { accountId: id, claims: () => ({ sub: id }) } : undefined,
    features: {
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => options.audience,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== options.audience) throw new errors.InvalidTarget();
          return {
            scope: options.scope,
            audience: options.audience,
            accessTokenFormat: 'jwt',
            accessTokenTTL: options.accessTokenTtlSeconds ?? 600,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    extraTokenClaims: (_ctx, token) => {
      const account = 'accountId' in token && token.accountId ? options.accounts[token.accountId] : undefined;
      return account ? { org: account.org, roles: account.roles } : undefined;
    },
    // Only the development pages' own consent: every scope and the resource are granted on "Continue".
    loadExistingGrant: async (ctx) => {
      const { Grant } = ctx.oidc.provider;
      const grant = new Grant({
        accountId: ctx.oidc.session!.accountId!,
        clientId: ctx.oidc.client!.clientId,
      });
      grant.addOIDCScope(`openid ${options.scope}`);
      grant.addResourceScope(options.audience, options.scope);
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  const server: Server = provider.listen(options.port, '127.0.0.1');
  await once(server, 'listening');
  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    close: async () => {
      const closed = once(server, 'close');
      server.close();
      // Browsers keep idle connections open; they would hold `close` until they time out.
      server.closeAllConnections();
      await closed;
    },
  };
}
