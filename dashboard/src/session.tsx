import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

/** Who is signed in, as the dashboard remembers it for this browser tab. */
export interface Session {
  token: string;
  organizationId: string | null;
  organizationName: string | null;
  role: string;
  /** Signed in at the OpenID Connect provider: its token is renewed, and signing out ends it there. */
  viaProvider?: boolean;
}

interface SessionContextValue {
  session: Session | null;
  signIn(session: Session): void;
  signOut(): void;
}

// The tab's session storage: closing the tab signs out, and other tabs keep their own sign-in.
const STORAGE_KEY = 'cadg.dashboard.session';
const SessionContext = createContext<SessionContextValue | null>(null);

function storedSession(): Session | null {
  const raw = sessionStorage.getItem(STORAGE_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Session;
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(storedSession);
  const signIn = useCallback((next: Session) => {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    setSession(next);
  }, []);
  const signOut = useCallback(() => {
    const ended = session;
    sessionStorage.removeItem(STORAGE_KEY);
    setSession(null);
    // The provider's session ends too (it sends the browser back to the dashboard).
    if (ended?.viaProvider) void import('./auth/oidc.ts').then((oidc) => oidc.endProviderSession());
  }, [session]);
  const viaProvider = session?.viaProvider === true;
  useEffect(() => {
    if (!viaProvider) return;
    let stop: (() => void) | undefined;
    let current = true;
    void import('./auth/oidc.ts').then((oidc) => {
      if (!current) return;
      stop = oidc.keepRenewed((token) =>
        setSession((previous) => {
          if (!previous) return previous;
          const next = { ...previous, token };
          sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
          return next;
        }),
      );
    });
    return () => {
      current = false;
      stop?.();
    };
  }, [viaProvider]);
  const value = useMemo(() => ({ session, signIn, signOut }), [session, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
