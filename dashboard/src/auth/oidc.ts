import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { Session } from '../session.tsx';

/** What `/dashboard/config.json` says about the OpenID Connect provider (gateway/src/dashboard-assets.ts). */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  scope: string;
  resource?: string | undefined;
}

/** Where the provider sends people back, with the authorization code. */
export const CALLBACK_PATH = `${import.meta.env.BASE_URL}sign-in/callback`;

/**
 * `oidc-client-ts` does the protocol: discovery, authorization code with PKCE (S256), state and
 * nonce checks, the token request. Its state lives in the tab's session storage, like the session.
 */
function userManager(config: OidcConfig): UserManager {
  return new UserManager({
    authority: config.issuer,
    client_id: config.clientId,
    redirect_uri: new URL(CALLBACK_PATH, location.origin).toString(),
    response_type: 'code',
    scope: config.scope,
    ...(config.resource ? { resource: config.resource } : {}),
    userStore: new WebStorageStateStore({ store: sessionStorage }),
    stateStore: new WebStorageStateStore({ store: sessionStorage }),
    // The dashboard keeps the access token for its tab; no silent renewal in hidden frames.
    automaticSilentRenew: false,
    loadUserInfo: false,
  });
}

const CONFIG_KEY = 'cadg.dashboard.oidc';

/** Sends the browser to the provider's sign-in page. */
export async function beginSignIn(config: OidcConfig): Promise<void> {
  sessionStorage.setItem(CONFIG_KEY, JSON.stringify(config));
  await userManager(config).signinRedirect();
}

/** On the callback page: exchanges the code for tokens and turns the access token into a session. */
export async function completeSignIn(): Promise<Session> {
  const stored = sessionStorage.getItem(CONFIG_KEY);
  if (!stored) throw new Error('No sign-in was started in this tab.');
  const user = await userManager(JSON.parse(stored) as OidcConfig).signinCallback();
  if (!user?.access_token) throw new Error('The identity provider returned no access token.');
  const claims = claimsOf(user.access_token);
  return {
    token: user.access_token,
    organizationId: typeof claims.org === 'string' ? claims.org : null,
    organizationName: null,
    role: Array.isArray(claims.roles) && typeof claims.roles[0] === 'string' ? claims.roles[0] : 'NONE',
  };
}

/**
 * The access token's claims, read (not verified: the gateway verifies every request) to show who
 * is signed in and which actions to offer.
 */
function claimsOf(token: string): { org?: unknown; roles?: unknown } {
  const payload = token.split('.')[1];
  if (!payload) return {};
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as { org?: unknown; roles?: unknown };
  } catch {
    return {};
  }
}
