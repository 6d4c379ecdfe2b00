import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import type { LiveConnection, LiveSnapshot } from './live';

const LiveContext = createContext<LiveConnection | null>(null);

export function LiveProvider({ live, children }: { live: LiveConnection | null; children: ReactNode }) {
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

const NONE: LiveSnapshot = { state: 'idle', connections: 0 };
const noSubscribe = () => () => undefined;

/**
 * Whether subscriptions deliver now. Screens subscribe always and poll only while this is
 * false (no socket yet, or it dropped); without a live connection (tests) it stays false.
 */
export function useLiveConnection(): LiveSnapshot & { connected: boolean } {
  const live = useContext(LiveContext);
  const snap = useSyncExternalStore(
    useCallback((onChange: () => void) => (live ? live.subscribe(onChange) : noSubscribe()), [live]),
    () => (live ? live.snapshot() : NONE),
    () => NONE,
  );
  return { ...snap, connected: snap.state === 'connected' };
}

/**
 * The poll interval while the socket is down, none while it delivers; and `onResume` once
 * each time it comes back after having been up (to fetch what was missed meanwhile).
 */
export function useLivePolling(intervalMs: number, onResume?: () => void): number {
  const { connected, connections } = useLiveConnection();
  const resume = useRef(onResume);
  useLayoutEffect(() => {
    resume.current = onResume;
  });
  const seen = useRef(connections);
  useEffect(() => {
    if (connected && connections > 1 && connections !== seen.current) resume.current?.();
    seen.current = connections;
  }, [connected, connections]);
  return connected ? 0 : intervalMs;
}
