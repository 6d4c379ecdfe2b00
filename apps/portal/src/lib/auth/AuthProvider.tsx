import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { readToken, writeToken } from './token';

export interface AuthState {
  token: string | null;
  /** Keep the access token (localStorage) and send it from now on. */
  signIn(token: string): void;
  signOut(): void;
  /** The current token, for the Apollo link (always the latest, without re-rendering). */
  getToken(): string | null;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children, initialToken }: { children: ReactNode; initialToken?: string | null }) {
  const [token, setToken] = useState<string | null>(initialToken !== undefined ? initialToken : readToken());
  const ref = useRef(token);
  ref.current = token;

  const signIn = useCallback((t: string) => {
    writeToken(t);
    ref.current = t;
    setToken(t);
  }, []);
  const signOut = useCallback(() => {
    writeToken(null);
    ref.current = null;
    setToken(null);
  }, []);
  const getToken = useCallback(() => ref.current, []);

  const value = useMemo(() => ({ token, signIn, signOut, getToken }), [token, signIn, signOut, getToken]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
