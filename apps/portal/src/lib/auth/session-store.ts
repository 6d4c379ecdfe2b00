import { print } from '@apollo/client/utilities';
import { graphql } from '../../gql';
import type { RefreshSessionMutation as RefreshSessionData } from '../../gql/graphql';
import { expiresAtMs, parseSession, readSession, SESSION_KEY, writeDeviceToken, writeSession, type StoredSession } from './token';

/**
 * Sent with a plain fetch, outside the Apollo link chain (whose auth link calls the store,
 * which would call the link again).
 */
export const RefreshSessionMutation = graphql(`
  mutation RefreshSession($input: RefreshSessionInput!) {
    refreshSession(input: $input) {
      accessToken
      accessTokenExpiresAt
      refreshToken
      deviceToken
      user {
        id
      }
    }
  }
`);

/** The fields of an AuthPayload (login, register, refreshSession) the portal keeps. */
export interface AuthPayloadFields {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  deviceToken?: string | null;
  user?: { id: string } | null;
}

/**
 * - `signedIn`: this tab signed in (the caller resets the Apollo store, to refetch as the new person);
 * - `signedOut`: this tab signed out (the app's providers clear the Apollo store, as for `ended`);
 * - `renewed`: new tokens for the same session (here or in another tab);
 * - `ended`: the session ended without this tab asking (renewal refused, another tab signed out);
 * - `switched`: another tab signed in (perhaps as someone else).
 */
export type SessionChange = 'signedIn' | 'signedOut' | 'renewed' | 'ended' | 'switched';
export type SessionListener = (session: StoredSession | null, change: SessionChange) => void;

export interface SessionStore {
  /** The session now (the same object until it changes, for useSyncExternalStore). */
  current(): StoredSession | null;
  subscribe(listener: SessionListener): () => void;
  signIn(payload: AuthPayloadFields): void;
  /** Forgets the session here and in every tab; the device token stays. */
  signOut(): void;
  /** An access token to send now: renewed first when it expires within RENEW_MARGIN_MS; null when signed out. */
  validAccessToken(): Promise<string | null>;
  /**
   * The API refused `rejected` (auth.invalidToken): the token to retry with, or null when
   * the session has ended (and is now signed out). Throws when the renewal could not be
   * tried (network), leaving the session as it was.
   */
  renewRejected(rejected: string): Promise<string | null>;
  /** Follows sign-outs and renewals of other tabs (the `storage` event); returns the clean-up. */
  connect(): () => void;
}

export interface SessionStoreOptions {
  /** The GraphQL endpoint (default `/graphql`, as the Apollo client). */
  uri?: string;
  fetch?: typeof fetch;
  /** The Web Locks API (default `navigator.locks`, when the browser has it); null for none. */
  locks?: Pick<LockManager, 'request'> | null;
  now?: () => number;
  /** Start from this session (stored at once) instead of the stored one. */
  initial?: StoredSession | null;
}

/** Renew when the access token has less than this left. */
export const RENEW_MARGIN_MS = 60_000;
/** Name of the Web Lock that serialises renewals across the tabs of this origin. */
export const REFRESH_LOCK = 'civicgrid-refresh';
const REFRESH_TIMEOUT_MS = 15_000;

type RefreshOutcome = { session: StoredSession; deviceToken: string | null } | { ended: true };

const same = (a: StoredSession | null, b: StoredSession | null) =>
  a === b || (!!a && !!b && a.accessToken === b.accessToken && a.refreshToken === b.refreshToken && a.accessTokenExpiresAt === b.accessTokenExpiresAt && a.userId === b.userId);

function toSession(p: AuthPayloadFields): StoredSession {
  return { accessToken: p.accessToken, accessTokenExpiresAt: p.accessTokenExpiresAt, refreshToken: p.refreshToken, userId: p.user?.id ?? null };
}

function defaultLocks(): Pick<LockManager, 'request'> | null {
  try {
    return typeof navigator !== 'undefined' && navigator.locks && typeof navigator.locks.request === 'function' ? navigator.locks : null;
  } catch {
    return null;
  }
}

export function createSessionStore(options: SessionStoreOptions = {}): SessionStore {
  const uri = options.uri ?? '/graphql';
  const now = options.now ?? Date.now;
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const locks = options.locks !== undefined ? options.locks : defaultLocks();
  const listeners = new Set<SessionListener>();

  let session: StoredSession | null;
  if (options.initial !== undefined) {
    session = options.initial;
    writeSession(session);
  } else {
    session = readSession();
  }
  let inflight: Promise<string | null> | null = null;
  /**
   * The session this tab last got from the API, and when (by this tab's clock). A clock far
   * ahead of the server's sees every new token as about to expire; this keeps it from
   * renewing on every request (at most once a margin; the API's refusal still renews).
   */
  let obtained: { session: StoredSession; at: number } | null = null;

  function apply(next: StoredSession | null, change: SessionChange, persist: boolean) {
    if (persist) writeSession(next);
    if (same(next, session)) return;
    session = next;
    for (const l of [...listeners]) l(next, change);
  }

  /** What the other tabs see: storage, unless this browser keeps none (then this tab's memory). */
  function stored(): StoredSession | null {
    try {
      window.localStorage.getItem(SESSION_KEY);
    } catch {
      return session;
    }
    return readSession();
  }

  async function callRefresh(refreshToken: string): Promise<RefreshOutcome> {
    const abort = typeof AbortController === 'function' ? new AbortController() : null;
    const timer = abort ? setTimeout(() => abort.abort(), REFRESH_TIMEOUT_MS) : null;
    try {
      const res = await doFetch(uri, {
        method: 'POST',
        // The API refuses a POST without this header (CSRF prevention).
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json;q=0.9' },
        body: JSON.stringify({ operationName: 'RefreshSession', query: print(RefreshSessionMutation), variables: { input: { refreshToken } } }),
        credentials: 'same-origin',
        signal: abort?.signal,
      });
      let body: { data?: RefreshSessionData | null; errors?: { extensions?: Record<string, unknown> }[] };
      try {
        body = (await res.json()) as typeof body;
      } catch {
        throw new Error(`refreshSession answered HTTP ${res.status} without GraphQL`);
      }
      if (body.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) return { ended: true };
      const payload = body.data?.refreshSession;
      if (!payload) throw new Error(`refreshSession failed (HTTP ${res.status})`);
      return { session: toSession(payload), deviceToken: payload.deviceToken ?? null };
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  /** Runs with the lock held (in one tab at a time): adopt another tab's renewal, or renew. */
  async function renewLocked(seen: StoredSession): Promise<string | null> {
    const latest = stored();
    if (!latest) {
      // Another tab signed out while this one waited.
      if (session && session.refreshToken === seen.refreshToken) apply(null, 'ended', false);
      return null;
    }
    if (latest.refreshToken !== seen.refreshToken) {
      // Another tab already traded our refresh token: take its pair; never trade it again.
      apply(latest, latest.userId === seen.userId ? 'renewed' : 'switched', false);
      return latest.accessToken;
    }
    const outcome = await callRefresh(latest.refreshToken);
    // Signed out or in anew while the request ran: that wins.
    if (!session || session.refreshToken !== seen.refreshToken) return session?.accessToken ?? null;
    if ('ended' in outcome) {
      const again = stored();
      if (again && again.refreshToken !== latest.refreshToken) {
        apply(again, 'switched', false);
        return again.accessToken;
      }
      apply(null, 'ended', true);
      return null;
    }
    if (outcome.deviceToken) writeDeviceToken(outcome.deviceToken);
    const next = { ...outcome.session, userId: outcome.session.userId ?? seen.userId };
    apply(next, 'renewed', true);
    obtained = { session: next, at: now() };
    return next.accessToken;
  }

  /** One renewal at a time in this tab (callers share it), and one across tabs (the lock). */
  function renew(seen: StoredSession): Promise<string | null> {
    inflight ??= (locks ? locks.request(REFRESH_LOCK, () => renewLocked(seen)) : renewLocked(seen)).finally(() => {
      inflight = null;
    });
    return inflight;
  }

  const renewable = (s: StoredSession) => s.refreshToken !== '';

  return {
    current: () => session,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    signIn(payload) {
      if (payload.deviceToken) writeDeviceToken(payload.deviceToken);
      const next = toSession(payload);
      apply(next, 'signedIn', true);
      obtained = { session: next, at: now() };
    },
    signOut() {
      apply(null, 'signedOut', true);
    },
    async validAccessToken() {
      const s = session;
      if (!s) return null;
      if (inflight) return inflight.catch(() => session?.accessToken ?? null);
      if (!renewable(s) || expiresAtMs(s) - now() > RENEW_MARGIN_MS) return s.accessToken;
      if (obtained?.session === s && now() - obtained.at < RENEW_MARGIN_MS) return s.accessToken;
      try {
        return await renew(s);
      } catch {
        // Could not renew now (offline?): try with the token we have; the API will say.
        return session?.accessToken ?? null;
      }
    },
    async renewRejected(rejected) {
      const s = session;
      if (!s) return null;
      if (inflight) return inflight;
      if (s.accessToken !== rejected) return s.accessToken; // renewed meanwhile
      if (!renewable(s)) {
        apply(null, 'ended', true);
        return null;
      }
      return renew(s);
    },
    connect() {
      if (typeof window === 'undefined') return () => undefined;
      const onStorage = (e: StorageEvent) => {
        if (e.key !== null && e.key !== SESSION_KEY) return;
        const next = e.key === null ? readSession() : parseSession(e.newValue);
        const prev = session;
        if (same(next, prev)) return;
        if (!next) apply(null, 'ended', false);
        else if (prev && prev.userId === next.userId) apply(next, 'renewed', false);
        else apply(next, 'switched', false);
      };
      window.addEventListener('storage', onStorage);
      return () => window.removeEventListener('storage', onStorage);
    },
  };
}
