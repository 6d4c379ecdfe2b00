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

export interface FeedPollingOptions {
  /** The screen's subscription ended in an error (say it reached the socket before the sign-in did). */
  feedFailed: boolean;
  /** Fetch what was missed while the socket was down. */
  onResume?(): void;
  /** Subscribe again (only called for a failed feed). */
  restartFeed?(): void;
}

/**
 * The one rule of a screen a subscription keeps current: poll while the socket is down or
 * the feed failed (a socket delivering to a failed feed is no better than none); when the
 * socket comes back, catch up and restart a failed feed on it.
 */
export function useFeedPolling(intervalMs: number, { feedFailed, onResume, restartFeed }: FeedPollingOptions): number {
  const livePoll = useLivePolling(intervalMs, () => {
    onResume?.();
    if (feedFailed) restartFeed?.();
  });
  return feedFailed ? intervalMs : livePoll;
}
