import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/** The resident a grid leader is acting for (代办), if any; kept for the browser tab. */
export interface ActingFor {
  id: string;
  displayName: string;
}

interface ActingState {
  actingFor: ActingFor | null;
  startActing(resident: ActingFor): void;
  stopActing(): void;
}

const KEY = 'civicgrid.actingFor';
const ActingContext = createContext<ActingState | null>(null);

function read(): ActingFor | null {
  try {
    const raw = window.sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as ActingFor) : null;
  } catch {
    return null;
  }
}

export function ActingProvider({ children }: { children: ReactNode }) {
  const [actingFor, setActingFor] = useState<ActingFor | null>(read);
  const startActing = useCallback((r: ActingFor) => {
    window.sessionStorage.setItem(KEY, JSON.stringify(r));
    setActingFor(r);
  }, []);
  const stopActing = useCallback(() => {
    window.sessionStorage.removeItem(KEY);
    setActingFor(null);
  }, []);
  const value = useMemo(() => ({ actingFor, startActing, stopActing }), [actingFor, startActing, stopActing]);
  return <ActingContext.Provider value={value}>{children}</ActingContext.Provider>;
}

export function useActing(): ActingState {
  const ctx = useContext(ActingContext);
  if (!ctx) throw new Error('useActing outside ActingProvider');
  return ctx;
}
