import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { createSessionStore, type AuthPayloadFields, type SessionStore } from './session-store';
import type { StoredSession } from './token';

export interface AuthState {
  /** The current access token (null when signed out). */
  token: string | null;
  /** Keep the session an AuthPayload (login, register) brings, and a new device token; send it from now on. */
  signIn(payload: AuthPayloadFields): void;
  /** Forget the session here (and in the other tabs). The API is told by `useSignOut` (features/profile). */
  signOut(): void;
  /** The session with its renewal, for the Apollo client. */
  store: SessionStore;
}

const AuthContext = createContext<AuthState | null>(null);

/** A session for tests and previews: the token alone, not renewable, valid for a long time. */
export function tokenOnlySession(token: string): StoredSession {
  return { accessToken: token, accessTokenExpiresAt: '2100-01-01T00:00:00Z', refreshToken: '', userId: null };
}

/**
 * The sign-in of this browser: `store` (default: the one kept in localStorage), or
 * `initialToken` to start from a bare access token (tests).
 */
export function AuthProvider({ children, store: given, initialToken }: { children: ReactNode; store?: SessionStore; initialToken?: string | null }) {
  const [store] = useState<SessionStore>(
    () => given ?? createSessionStore(initialToken === undefined ? {} : { initial: initialToken ? tokenOnlySession(initialToken) : null }),
  );
  const session = useSyncExternalStore(
    useCallback((onChange: () => void) => store.subscribe(onChange), [store]),
    store.current,
    store.current,
  );
  useEffect(() => store.connect(), [store]);

  const token = session?.accessToken ?? null;
  const signIn = useCallback((p: AuthPayloadFields) => store.signIn(p), [store]);
  const signOut = useCallback(() => store.signOut(), [store]);

  const value = useMemo(() => ({ token, signIn, signOut, store }), [token, signIn, signOut, store]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
