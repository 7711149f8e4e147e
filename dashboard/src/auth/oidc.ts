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
/** Where the provider answers silent renewals, in a hidden frame (see main.tsx). */
export const SILENT_PATH = `${import.meta.env.BASE_URL}sign-in/silent`;

/**
 * `oidc-client-ts` does the protocol: discovery, authorization code with PKCE (S256), state and
 * nonce checks, the token request, silent renewal (the same code flow with `prompt=none` in a
 * hidden frame loading SILENT_PATH, shortly before the access token expires) and RP-initiated
 * logout at the provider's `end_session_endpoint`. Its state lives in the tab's session storage,
 * like the session. One manager per tab, so the renewal timer runs once.
 */
let manager: { key: string; value: UserManager } | null = null;
function userManager(config: OidcConfig): UserManager {
  const key = JSON.stringify(config);
  if (manager?.key === key) return manager.value;
  const value = new UserManager({
    authority: config.issuer,
    client_id: config.clientId,
    redirect_uri: new URL(CALLBACK_PATH, location.origin).toString(),
    silent_redirect_uri: new URL(SILENT_PATH, location.origin).toString(),
    post_logout_redirect_uri: new URL(import.meta.env.BASE_URL, location.origin).toString(),
    response_type: 'code',
    scope: config.scope,
    ...(config.resource ? { resource: config.resource } : {}),
    userStore: new WebStorageStateStore({ store: sessionStorage }),
    stateStore: new WebStorageStateStore({ store: sessionStorage }),
    automaticSilentRenew: true,
    loadUserInfo: false,
  });
  manager = { key, value };
  return value;
}

const CONFIG_KEY = 'cadg.dashboard.oidc';

/** Sends the browser to the provider's sign-in page. */
export async function beginSignIn(config: OidcConfig): Promise<void> {
  sessionStorage.setItem(CONFIG_KEY, JSON.stringify(config));
  await userManager(config).signinRedirect();
}

/** On the callback page: exchanges the code for tokens and turns the access token into a session. */
export async function completeSignIn(): Promise<Session> {
  const config = storedConfig();
  if (!config) throw new Error('No sign-in was started in this tab.');
  const user = await userManager(config).signinCallback();
  if (!user?.access_token) throw new Error('The identity provider returned no access token.');
  const claims = claimsOf(user.access_token);
  return {
    token: user.access_token,
    organizationId: typeof claims.org === 'string' ? claims.org : null,
    organizationName: null,
    viaProvider: true,
    role: Array.isArray(claims.roles) && typeof claims.roles[0] === 'string' ? claims.roles[0] : 'NONE',
  };
}

function storedConfig(): OidcConfig | null {
  const stored = sessionStorage.getItem(CONFIG_KEY);
  return stored ? (JSON.parse(stored) as OidcConfig) : null;
}

/**
 * Keeps the signed-in tab's access token fresh: calls `onToken` with each renewed token. Returns
 * the function that stops listening. Renewal fails quietly when the provider session has ended;
 * the API then answers UNAUTHENTICATED and the dashboard asks to sign in again.
 */
export function keepRenewed(onToken: (token: string) => void): () => void {
  const config = storedConfig();
  if (!config) return () => undefined;
  const users = userManager(config);
  const stop = users.events.addUserLoaded((user) => onToken(user.access_token));
  // Loading the stored user arms the renewal timer (automaticSilentRenew).
  void users.getUser();
  return stop;
}

/** In the hidden renewal frame: hands the provider's answer to the tab that asked. */
export async function completeSilentRenew(): Promise<void> {
  const config = storedConfig();
  if (config) await userManager(config).signinSilentCallback();
}

/**
 * After the dashboard forgot its session: ends the session at the provider too, when the provider
 * offers an `end_session_endpoint` (RP-initiated logout, which comes back to the dashboard);
 * otherwise only the tokens kept in this tab are dropped.
 */
export async function endProviderSession(): Promise<void> {
  const config = storedConfig();
  if (!config) return;
  const users = userManager(config);
  const user = await users.getUser();
  users.stopSilentRenew();
  if (await users.metadataService.getEndSessionEndpoint().catch(() => undefined)) {
    await users.signoutRedirect(user?.id_token ? { id_token_hint: user.id_token } : {});
  } else {
    await users.removeUser();
  }
  sessionStorage.removeItem(CONFIG_KEY);
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
