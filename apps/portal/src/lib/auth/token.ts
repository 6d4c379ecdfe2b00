/** What this browser keeps of a sign-in (one key, shared by every tab). */
export interface StoredSession {
  accessToken: string;
  /** When the access token stops working (ISO 8601, as the API sends it). */
  accessTokenExpiresAt: string;
  /** Traded once for the next pair (refreshSession). */
  refreshToken: string;
  /** The signed-in person, so a tab can tell a renewal from someone else signing in. */
  userId: string | null;
}

/** The session; the `storage` event on this key tells other tabs of a renewal or a sign-out. */
export const SESSION_KEY = 'civicgrid.session';
/** Kept apart from the session: it outlives sign-out (it marks this device for later sign-ins). */
export const DEVICE_TOKEN_KEY = 'civicgrid.deviceToken';
/** The access token alone, as earlier versions kept it; it cannot be renewed, so it is dropped. */
const LEGACY_TOKEN_KEY = 'civicgrid.accessToken';

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

function isSession(v: unknown): v is StoredSession {
  if (!v || typeof v !== 'object') return false;
  const s = v as Record<string, unknown>;
  return typeof s.accessToken === 'string' && typeof s.accessTokenExpiresAt === 'string' && typeof s.refreshToken === 'string' && s.accessToken !== '';
}

/** Parses what SESSION_KEY holds (null for nothing or anything unreadable). */
export function parseSession(raw: string | null | undefined): StoredSession | null {
  if (!raw) return null;
  try {
    const v: unknown = JSON.parse(raw);
    return isSession(v) ? { ...v, userId: typeof v.userId === 'string' ? v.userId : null } : null;
  } catch {
    return null;
  }
}

export function readSession(): StoredSession | null {
  const s = storage();
  if (!s) return null;
  try {
    if (s.getItem(LEGACY_TOKEN_KEY) !== null) s.removeItem(LEGACY_TOKEN_KEY);
    return parseSession(s.getItem(SESSION_KEY));
  } catch {
    return null;
  }
}

export function writeSession(session: StoredSession | null): void {
  const s = storage();
  if (!s) return;
  try {
    if (session) s.setItem(SESSION_KEY, JSON.stringify(session));
    else s.removeItem(SESSION_KEY);
  } catch {
    /* storage full or refused: the session still lives in memory for this tab */
  }
}

/** The device token an earlier sign-in on this device was given, to send with the next one. */
export function readDeviceToken(): string | null {
  try {
    return storage()?.getItem(DEVICE_TOKEN_KEY) || null;
  } catch {
    return null;
  }
}

export function writeDeviceToken(token: string): void {
  try {
    storage()?.setItem(DEVICE_TOKEN_KEY, token);
  } catch {
    /* ignore: the next sign-in just counts as a new device */
  }
}

/** Milliseconds since the epoch at which the access token expires (0 when unreadable: treat as expired). */
export function expiresAtMs(session: StoredSession): number {
  const ms = Date.parse(session.accessTokenExpiresAt);
  return Number.isFinite(ms) ? ms : 0;
}
